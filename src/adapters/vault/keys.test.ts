import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bech32Encode } from './bech32.js';
import {
  formatIdentityFile,
  generateIdentity,
  parseIdentity,
  parseIdentityFile,
  parseRecipient,
  publicKeyOf,
  readIdentityFile,
  writeIdentityFile,
} from './keys.js';

// From age-keygen 1.1.1 on this machine; a public test key, never used for anything else.
const KNOWN_IDENTITY = 'AGE-SECRET-KEY-1DLTTLM8DP207D2VUJA75NW882KDJVCTDQLHDYUHR2GSSNDPQLT5QU3KQA8';
const KNOWN_RECIPIENT = 'age149xcrld2hs0g4pcju8fzts3eews7j5yqwrva5e0yunvd0z8tza8snsju99';

describe('keys', () => {
  it('derives the same recipient as age-keygen for a known identity', () => {
    const id = parseIdentity(KNOWN_IDENTITY);
    expect(id.ok && id.value.recipient.text).toBe(KNOWN_RECIPIENT);
    expect(id.ok && id.value.encode()).toBe(KNOWN_IDENTITY);
  });

  it('generates identities whose recipient parses back to the same key', () => {
    const id = generateIdentity();
    expect(id.encode()).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/);
    expect(id.recipient.text).toMatch(/^age1[0-9a-z]{58}$/);
    const r = parseRecipient(id.recipient.text);
    expect(r.ok && r.value.publicKey).toEqual(publicKeyOf(id.secretKey));
    expect(generateIdentity().encode()).not.toBe(id.encode());
  });

  it('fails closed on a missing recipient', () => {
    for (const v of [undefined, null, '', '   ']) {
      const r = parseRecipient(v);
      expect(r.ok ? null : r.error.code).toBe('VAULT.KEY_MISSING');
    }
  });

  it('rejects malformed recipients as KEY_INVALID', () => {
    const bad = [
      'age1',
      'not-a-key',
      KNOWN_RECIPIENT.toUpperCase(),
      `${KNOWN_RECIPIENT.slice(0, -1)}x`,
      KNOWN_IDENTITY,
      bech32Encode('age', Buffer.alloc(31, 1)),
      bech32Encode('agx', Buffer.alloc(32, 1)),
      // All-zero and other low-order points give a zero shared secret: nothing could ever be sealed.
      bech32Encode('age', Buffer.alloc(32, 0)),
      bech32Encode('age', Buffer.from([1, ...Buffer.alloc(31)])),
    ];
    for (const v of bad) {
      const r = parseRecipient(v);
      expect(r.ok ? null : r.error.code, v).toBe('VAULT.KEY_INVALID');
    }
  });

  it('rejects malformed identities without repeating the secret in the message', () => {
    const almost = `${KNOWN_IDENTITY.slice(0, -1)}9`;
    const r = parseIdentity(almost);
    expect(r.ok ? null : r.error.code).toBe('VAULT.KEY_INVALID');
    expect(JSON.stringify(r)).not.toContain(almost.slice(16));
    expect(parseIdentity(KNOWN_RECIPIENT).ok).toBe(false);
    expect(parseIdentity(KNOWN_IDENTITY.toLowerCase()).ok).toBe(false);
    const missing = parseIdentity(undefined);
    expect(missing.ok ? null : missing.error.code).toBe('VAULT.KEY_MISSING');
  });

  it('never prints the secret key through toString, JSON or inspect', () => {
    const id = generateIdentity();
    const secret = id.encode();
    for (const s of [String(id), JSON.stringify({ id }), inspect(id), inspect({ nested: id })]) {
      expect(s).not.toContain(secret.slice(16));
      expect(s).toContain(id.recipient.text);
    }
  });

  it('parses identity files with comments and several keys, and rejects junk lines', () => {
    const a = generateIdentity();
    const b = generateIdentity();
    const text = `${formatIdentityFile(a, new Date('2025-01-02T03:04:05.678Z'))}\n# another\n${b.encode()}\n`;
    const parsed = parseIdentityFile(text);
    expect(parsed.ok && parsed.value.map((i) => i.recipient.text)).toEqual([
      a.recipient.text,
      b.recipient.text,
    ]);
    const junk = parseIdentityFile(`${a.encode()}\nhello\n`);
    expect(junk.ok ? null : junk.error).toMatchObject({ code: 'VAULT.KEY_INVALID', details: { line: 2 } });
    const empty = parseIdentityFile('# nothing\n');
    expect(empty.ok ? null : empty.error.code).toBe('VAULT.KEY_INVALID');
  });

  describe('identity files on disk', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'proportio-keys-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('writes age-keygen format with mode 0600 and reads it back', async () => {
      const id = generateIdentity();
      const path = join(dir, 'vault.key');
      const w = await writeIdentityFile(path, id, new Date('2025-06-01T10:00:00.123Z'));
      expect(w).toEqual({ ok: true, value: { path, recipient: id.recipient.text } });
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      expect(await readFile(path, 'utf8')).toBe(
        `# created: 2025-06-01T10:00:00Z\n# public key: ${id.recipient.text}\n${id.encode()}\n`,
      );
      const back = await readIdentityFile(path);
      expect(back.ok && back.value[0]?.encode()).toBe(id.encode());
    });

    it('refuses to overwrite an existing key file and leaves it untouched', async () => {
      const path = join(dir, 'vault.key');
      await writeFile(path, 'precious\n');
      const w = await writeIdentityFile(path, generateIdentity());
      expect(w.ok ? null : w.error.code).toBe('VAULT.KEY_EXISTS');
      expect(await readFile(path, 'utf8')).toBe('precious\n');
    });

    it('reports a missing identity file as KEY_MISSING and an unwritable path as IO_FAILED', async () => {
      const r = await readIdentityFile(join(dir, 'nope.key'));
      expect(r.ok ? null : r.error.code).toBe('VAULT.KEY_MISSING');
      const w = await writeIdentityFile(join(dir, 'no', 'such', 'dir.key'), generateIdentity());
      expect(w.ok ? null : w.error.code).toBe('VAULT.IO_FAILED');
    });
  });
});
