/**
 * The vault commands against a real store for a vault made the old way (one identity file):
 * clip list --json, clip decrypt --identity (digest-checked, audited as system:cli, never
 * overwrites), and their bad arguments with the documented exit codes. Custody (vault init with
 * custodians, shares, re-share, break-glass) is in vault-custody-cli.test.ts.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity, writeIdentityFile } from '../../src/adapters/vault/keys.js';
import { sealTestClip } from '../support/sealed-clip.js';
import { runVaultCli } from '../support/vault-cli.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

let t: TestRuntime;
let outside: string;
const saved = { ...process.env };

const cli = (...args: string[]) => runVaultCli([], args);

beforeAll(async () => {
  t = await startTestRuntime({ dialect: 'sqlite', demo: true, env: { PROPORTIO_MQTT_PORT: '-1' } });
  outside = await mkdtemp(path.join(os.tmpdir(), 'proportio-cli-keys-'));
  process.env.PROPORTIO_DATA_DIR = t.dataDir;
  process.env.PROPORTIO_LOG_LEVEL = 'silent';
  process.env.PROPORTIO_MQTT_PORT = '-1';
});

afterAll(async () => {
  process.env = saved;
  await t.close();
  await rm(outside, { recursive: true, force: true });
});

describe('proportio vault init', () => {
  it('no longer writes an identity file: --identity-out is refused with the way forward (64), nothing written', async () => {
    const r = await cli('vault', 'init', '--identity-out', path.join(outside, 'key.txt'));
    expect(r.code).toBe(64);
    expect(r.message).toContain('--custodian');
    expect(existsSync(path.join(outside, 'key.txt'))).toBe(false);
    expect(existsSync(path.join(t.dataDir, 'vault', 'recipient.txt'))).toBe(false);
  });
});

/**
 * A vault made the old way (before custody): an identity file held outside, the recipient in the
 * data folder. `clip decrypt --identity` stays for these (docs/custody.md: `vault custody`).
 */
const oldWayVault = async () => {
  const identity = generateIdentity();
  must(await writeIdentityFile(path.join(outside, 'vault-identity.txt'), identity));
  await mkdir(path.join(t.dataDir, 'vault'), { recursive: true, mode: 0o700 });
  await writeFile(path.join(t.dataDir, 'vault', 'recipient.txt'), `${identity.recipient.text}\n`, {
    mode: 0o600,
  });
};

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('proportio clip list / decrypt', () => {
  let clipId: string;
  const content = Buffer.from('not really an mp4, but the bytes must come back exactly '.repeat(5000));

  beforeAll(async () => {
    await oldWayVault();
    const recipient = (await readFile(path.join(t.dataDir, 'vault', 'recipient.txt'), 'utf8')).trim();
    clipId = 'clip-cli-test';
    await sealTestClip(t, clipId, recipient, content);
  });

  it('clip list --json shows the clip with its database state', async () => {
    const r = await cli('clip', 'list', '--json');
    expect(r.code, r.message).toBe(0);
    expect(JSON.parse(r.out)).toEqual([
      expect.objectContaining({
        clipId,
        vaultState: 'closed',
        status: 'sealed',
        parts: 2,
        alarmId: 'a1',
        incidentId: 'i1',
      }),
    ]);
  });

  it('clip decrypt writes the exact bytes, audits system:cli with the clip id, and never overwrites', async () => {
    const out = path.join(outside, 'x.mp4');
    const r = await cli(
      'clip',
      'decrypt',
      clipId,
      '--identity',
      path.join(outside, 'vault-identity.txt'),
      '--out',
      out,
      '--reason',
      'aangifte PL0999-test',
    );
    expect(r.code, r.message).toBe(0);
    expect(Buffer.compare(await readFile(out), content)).toBe(0);
    const audit = (await t.rt.store.read.audit.page({ limit: 5, action: 'clip.decrypt' }))[0];
    expect(audit).toMatchObject({
      actor: 'system:cli',
      subject: `clip:${clipId}`,
      details: expect.objectContaining({
        bytes: content.length,
        reason: 'aangifte PL0999-test',
        operator: expect.any(String),
      }),
    });
    // The access was audited before any plaintext existed.
    const started = (await t.rt.store.read.audit.page({ limit: 5, action: 'clip.decrypt-started' }))[0];
    expect(started?.seq).toBeLessThan(audit!.seq);
    const again = await cli(
      'clip',
      'decrypt',
      clipId,
      '--identity',
      path.join(outside, 'vault-identity.txt'),
      '--out',
      out,
      '--reason',
      'aangifte PL0999-test',
    );
    expect(again.code).toBe(73);
    expect(again.message).toContain('refusing to overwrite');
  });

  it('bad arguments: unknown clip (66), wrong identity (77), a swapped manifest (65), missing options (64)', async () => {
    const id = path.join(outside, 'vault-identity.txt');
    expect(
      (
        await cli(
          'clip',
          'decrypt',
          'no-such-clip',
          '--identity',
          id,
          '--out',
          path.join(outside, 'a.mp4'),
          '--reason',
          'aangifte PL0999-test',
        )
      ).code,
    ).toBe(66);
    const wrong = path.join(outside, 'wrong.txt');
    await writeIdentityFile(wrong, generateIdentity());
    const w = await cli(
      'clip',
      'decrypt',
      clipId,
      '--identity',
      wrong,
      '--out',
      path.join(outside, 'b.mp4'),
      '--reason',
      'aangifte PL0999-test',
    );
    expect(w.code).toBe(77);
    expect(existsSync(path.join(outside, 'b.mp4'))).toBe(false);
    const manifest = path.join(t.dataDir, 'vault', 'clips', clipId, 'manifest.json');
    const original = await readFile(manifest, 'utf8');
    // Same content, other bytes: only the digest anchored at sealing can tell.
    await writeFile(manifest, `${original} `);
    const swapped = await cli(
      'clip',
      'decrypt',
      clipId,
      '--identity',
      id,
      '--out',
      path.join(outside, 'c.mp4'),
      '--reason',
      'aangifte PL0999-test',
    );
    expect(swapped.code).toBe(65);
    expect(swapped.message).toContain('VAULT.CORRUPT');
    await writeFile(manifest, original);
    expect(
      (
        await cli(
          'clip',
          'decrypt',
          clipId,
          '--out',
          path.join(outside, 'd.mp4'),
          '--reason',
          'aangifte PL0999-test',
        )
      ).code,
    ).toBe(64);
    expect(
      (await cli('clip', 'decrypt', clipId, '--identity', id, '--out', path.join(outside, 'f.mp4'))).code,
    ).toBe(64); // no reason
    expect(
      (
        await cli(
          'clip',
          'decrypt',
          clipId,
          '--identity',
          id,
          '--out',
          path.join(outside, 'g.mp4'),
          '--reason',
          'x',
        )
      ).code,
    ).toBe(65);
    expect(existsSync(path.join(outside, 'g.mp4'))).toBe(false);
    expect((await cli('vault', 'init')).code).toBe(64); // the operator must name the custodians
    expect(
      (
        await cli(
          'clip',
          'decrypt',
          clipId,
          '--identity',
          path.join(outside, 'missing.txt'),
          '--out',
          path.join(outside, 'e.mp4'),
          '--reason',
          'aangifte PL0999-test',
        )
      ).code,
    ).toBe(78);
  });
});
