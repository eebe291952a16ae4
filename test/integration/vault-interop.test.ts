/**
 * Interoperability both ways with the reference implementation (Debian's `age` 1.1.1, Go) and the
 * `age-encryption` npm package (typage, pure JS): what we seal they open, what they seal we open —
 * for X25519 recipients (clips) and passphrases (custodians' shares).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHUNK_SIZE, decryptBytes, encryptBytes, parseHeader } from '../../src/adapters/vault/age-format.js';
import {
  decryptWithPassphrase,
  encryptWithPassphrase,
  SCRYPT_WORK_FACTOR,
} from '../../src/adapters/vault/age-scrypt.js';
import { splitAndSeal } from '../../src/adapters/vault/custody.js';
import {
  generateIdentity,
  parseIdentity,
  parseRecipient,
  readIdentityFile,
  writeIdentityFile,
  type AgeIdentity,
  type AgeRecipient,
} from '../../src/adapters/vault/keys.js';
import { toolsAvailable } from '../support/tools.js';

const hasAge = toolsAvailable('age interop', 'age', 'age-keygen');

const run = promisify(execFile);
const AGE = process.env.PROPORTIO_AGE_BIN ?? '/usr/bin/age';
const AGE_KEYGEN = process.env.PROPORTIO_AGE_KEYGEN_BIN ?? '/usr/bin/age-keygen';

const SIZES: ReadonlyArray<[string, number]> = [
  ['empty', 0],
  ['1 byte', 1],
  ['exactly 64 KiB', CHUNK_SIZE],
  ['64 KiB + 1', CHUNK_SIZE + 1],
  ['several MB', 5 * 1024 * 1024 + 333],
];

let dir: string;
let keyFile: string;
let ageIdentities: AgeIdentity[];
let ageRecipient: AgeRecipient;

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'proportio-vault-interop-'));
  keyFile = join(dir, 'age-keygen.txt');
  await run(AGE_KEYGEN, ['-o', keyFile]);
  ageIdentities = must(await readIdentityFile(keyFile));
  const pub = /# public key: (age1\S+)/.exec(await readFile(keyFile, 'utf8'))?.[1];
  ageRecipient = must(parseRecipient(pub));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!hasAge)('interop with the age command (Go reference)', () => {
  it('reads the identity age-keygen wrote and derives the same recipient', () => {
    expect(ageIdentities).toHaveLength(1);
    expect(ageIdentities[0]?.recipient.text).toBe(ageRecipient.text);
  });

  it.each(SIZES)('our file (%s) opens with `age -d -i key.txt`', async (name, n) => {
    const pt = randomBytes(n);
    const enc = join(dir, `ours-${n}.age`);
    await writeFile(enc, encryptBytes([ageRecipient], pt));
    // Through stdout: `age -o` creates no file at all for an empty plaintext.
    const { stdout } = await run(AGE, ['-d', '-i', keyFile, enc], {
      encoding: 'buffer',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(stdout.equals(pt), name).toBe(true);
  });

  it.each(SIZES)('a file from `age -r age1…` (%s) opens with our decryptor', async (name, n) => {
    const pt = randomBytes(n);
    const plain = join(dir, `theirs-${n}.bin`);
    const enc = join(dir, `theirs-${n}.age`);
    await writeFile(plain, pt);
    await run(AGE, ['-r', ageRecipient.text, '-o', enc, plain]);
    const back = must(decryptBytes(ageIdentities, await readFile(enc)));
    expect(back.equals(pt), name).toBe(true);
  });

  it('opens a multi-recipient age file with the second identity', async () => {
    const other = generateIdentity();
    const plain = join(dir, 'multi.bin');
    const enc = join(dir, 'multi.age');
    await writeFile(plain, 'two recipients');
    await run(AGE, ['-r', ageRecipient.text, '-r', other.recipient.text, '-o', enc, plain]);
    expect(must(decryptBytes(other, await readFile(enc))).toString()).toBe('two recipients');
  });

  it('agrees with age that a truncated or tampered file of ours is not valid', async () => {
    const file = encryptBytes([ageRecipient], randomBytes(2 * CHUNK_SIZE + 5));
    const truncated = join(dir, 'truncated.age');
    const flipped = join(dir, 'flipped.age');
    await writeFile(truncated, file.subarray(0, file.length - 5 - 16));
    const f = Buffer.from(file);
    f[f.length - 3] = (f[f.length - 3] ?? 0) ^ 0xff;
    await writeFile(flipped, f);
    for (const p of [truncated, flipped]) {
      await expect(run(AGE, ['-d', '-i', keyFile, '-o', join(dir, 'x.out'), p])).rejects.toThrow();
      const ours = decryptBytes(ageIdentities, await readFile(p));
      expect(ours.ok).toBe(false);
    }
  });

  it('our identity file is accepted by `age-keygen -y` and by `age -d`', async () => {
    const id = generateIdentity();
    const path = join(dir, 'ours.key');
    must(await writeIdentityFile(path, id));
    const { stdout } = await run(AGE_KEYGEN, ['-y', path]);
    expect(stdout.trim()).toBe(id.recipient.text);
    const enc = join(dir, 'to-ours.age');
    const plain = join(dir, 'to-ours.bin');
    await writeFile(plain, 'opened by age with our key file');
    await run(AGE, ['-r', id.recipient.text, '-o', enc, plain]);
    const { stdout: out } = await run(AGE, ['-d', '-i', path, enc]);
    expect(out).toBe('opened by age with our key file');
  });
});

/**
 * The passphrase (scrypt) recipient, at age's own work factor 18, both ways. age reads a
 * passphrase only from a terminal: `script` gives it one, and whatever we write to script's
 * stdin is what the custodian would type.
 */
const hasTerminal = hasAge && toolsAvailable('age passphrase interop', 'script');
/** Runs age in a terminal that `typed` is typed into; rejects when age fails (script -e passes its exit code on). */
const runTyped = (typed: string, args: readonly string[]): Promise<void> =>
  new Promise((resolve, reject) => {
    const child = execFile(
      'script',
      ['-qec', [AGE, ...args].map((a) => `'${a}'`).join(' '), '/dev/null'],
      (error) => (error === null ? resolve() : reject(new Error(`age failed: ${error.message}`))),
    );
    child.stdin?.end(typed);
  });

describe.skipIf(!hasTerminal)('interop with the age command: passphrases (scrypt)', () => {
  const PASS = 'Zeven zwanen zwemmen zuidwaarts';

  it('our passphrase file opens with `age -d`; a wrong passphrase does not', async () => {
    const pt = randomBytes(70_000);
    const enc = join(dir, 'ours-pass.age');
    const out = join(dir, 'ours-pass.out');
    await writeFile(enc, await encryptWithPassphrase(PASS, pt));
    expect(parseHeader(await readFile(enc))?.stanzas[0]?.args[1]).toBe(String(SCRYPT_WORK_FACTOR));
    await runTyped(`${PASS}\n`, ['-d', '-o', out, enc]);
    expect((await readFile(out)).equals(pt)).toBe(true);
    await expect(runTyped('niet de goede zin\n', ['-d', '-o', join(dir, 'no.out'), enc])).rejects.toThrow();
  });

  it('a file from `age -p` opens with ours; a wrong passphrase is VAULT.WRONG_PASSPHRASE', async () => {
    const pt = randomBytes(5000);
    const plain = join(dir, 'theirs-pass.bin');
    const enc = join(dir, 'theirs-pass.age');
    await writeFile(plain, pt);
    await runTyped(`${PASS}\n${PASS}\n`, ['-p', '-o', enc, plain]);
    const file = await readFile(enc);
    expect(parseHeader(file)?.stanzas.map((s) => s.type)).toEqual(['scrypt']);
    expect(must(await decryptWithPassphrase(PASS, file)).equals(pt)).toBe(true);
    const wrong = await decryptWithPassphrase('niet de goede zin', file);
    expect(wrong.ok ? null : wrong.error.code).toBe('VAULT.WRONG_PASSPHRASE');
  });

  it('a custodian opens their own sealed share with `age -d` and sees whose share of which vault it is', async () => {
    const vault = generateIdentity();
    const set = { vault: vault.recipient.text, generation: 1, threshold: 2, shares: 2 };
    const [share] = await splitAndSeal(vault, set, [
      { custodianId: 'u1', username: 'fg', sealing: { passphrase: PASS } },
      { custodianId: 'u2', username: 'beveiliging', sealing: { recipient: generateIdentity().recipient } },
    ]);
    const enc = join(dir, 'share-fg.age');
    const out = join(dir, 'share-fg.out');
    await writeFile(enc, share!.sealed);
    await runTyped(`${PASS}\n`, ['-d', '-o', out, enc]);
    const text = (await readFile(out)).toString('latin1');
    expect(text).toContain('proportio-vault-share/1\n');
    expect(text).toContain(`vault: ${vault.recipient.text}\n`);
    expect(text).toContain('custodian: fg\n');
  });
});

describe('interop with the age-encryption npm package (typage)', () => {
  it.each(SIZES)('our file (%s) opens with age-encryption', async (name, n) => {
    const id = generateIdentity();
    const pt = randomBytes(n);
    const d = new Decrypter();
    d.addIdentity(id.encode());
    const back = await d.decrypt(encryptBytes([id.recipient], pt));
    expect(Buffer.from(back).equals(pt), name).toBe(true);
  });

  it.each(SIZES)('an age-encryption file (%s) opens with our decryptor', async (name, n) => {
    const secret = await generateX25519Identity();
    const recipient = await identityToRecipient(secret);
    const pt = randomBytes(n);
    const e = new Encrypter();
    e.addRecipient(recipient);
    const file = await e.encrypt(pt);
    const id = must(parseIdentity(secret));
    expect(id.recipient.text).toBe(recipient);
    expect(must(decryptBytes(id, file)).equals(pt), name).toBe(true);
  });
});
