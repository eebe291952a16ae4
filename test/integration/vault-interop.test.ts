/**
 * Interoperability both ways with the reference implementation (Debian's `age` 1.1.1, Go) and the
 * `age-encryption` npm package (typage, pure JS): what we seal they open, what they seal we open.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHUNK_SIZE, decryptBytes, encryptBytes } from '../../src/adapters/vault/age-format.js';
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
