/**
 * The scrypt (passphrase) recipient. Work factor 10 keeps these fast; the stanza carries the
 * factor, so nothing else changes. Interop with the `age` command at age's default 18 is in
 * test/integration/vault-interop.test.ts; here, both ways with the age-encryption package.
 */
import { randomBytes } from 'node:crypto';
import { Decrypter, Encrypter } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { decryptBytes, encryptBytes, parseHeader } from './age-format.js';
import {
  decryptWithPassphrase,
  encryptWithPassphrase,
  MAX_SCRYPT_WORK_FACTOR,
  SCRYPT_WORK_FACTOR,
} from './age-scrypt.js';
import { generateIdentity } from './keys.js';

const PASS = 'paarse olifant danst op het stadhuis';
const FAST = { workFactor: 10 };
const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);

/** Rewrites the header text of a file (the MAC no longer matches, which these cases never reach). */
const editHeader = (file: Buffer, edit: (header: string) => string): Buffer => {
  const h = parseHeader(file);
  if (h === null) throw new Error('no header');
  return Buffer.concat([
    Buffer.from(edit(file.subarray(0, h.length).toString('latin1')), 'latin1'),
    file.subarray(h.length),
  ]);
};

describe('age scrypt recipient', () => {
  it('defaults to age’s work factor 18 and reads up to 20', () => {
    expect(SCRYPT_WORK_FACTOR).toBe(18);
    expect(MAX_SCRYPT_WORK_FACTOR).toBe(20);
  });

  it.each([0, 1, 1000, 64 * 1024 + 3])(
    'round-trips %i bytes; the header holds one scrypt stanza',
    async (n) => {
      const pt = randomBytes(n);
      const file = await encryptWithPassphrase(PASS, pt, FAST);
      const h = parseHeader(file);
      expect(h?.stanzas).toHaveLength(1);
      expect(h?.stanzas[0]?.type).toBe('scrypt');
      expect(h?.stanzas[0]?.args[1]).toBe('10');
      expect(Buffer.from(h?.stanzas[0]?.args[0] ?? '', 'base64')).toHaveLength(16);
      const r = await decryptWithPassphrase(PASS, file);
      expect(r.ok && r.value.equals(pt)).toBe(true);
    },
  );

  it('a wrong passphrase is VAULT.WRONG_PASSPHRASE, and so is a passphrase that differs by one letter', async () => {
    const file = await encryptWithPassphrase(PASS, Buffer.from('share'), FAST);
    expect(codeOf(await decryptWithPassphrase('something else entirely', file))).toBe(
      'VAULT.WRONG_PASSPHRASE',
    );
    expect(codeOf(await decryptWithPassphrase(PASS.replace('p', 'P'), file))).toBe('VAULT.WRONG_PASSPHRASE');
  });

  it('a passphrase file does not open with an identity, nor an X25519 file with a passphrase', async () => {
    const id = generateIdentity();
    const pass = await encryptWithPassphrase(PASS, Buffer.from('x'), FAST);
    expect(codeOf(decryptBytes(id, pass))).toBe('VAULT.UNSUPPORTED');
    const x = encryptBytes([id.recipient], Buffer.from('x'));
    expect(codeOf(await decryptWithPassphrase(PASS, x))).toBe('VAULT.UNSUPPORTED');
  });

  it.each([
    [
      'a work factor above the bound (not even computed)',
      (h: string) => h.replace(/ 10\n/, ' 21\n'),
      'VAULT.UNSUPPORTED',
    ],
    ['an absurd work factor', (h: string) => h.replace(/ 10\n/, ' 63\n'), 'VAULT.UNSUPPORTED'],
    ['a leading zero', (h: string) => h.replace(/ 10\n/, ' 010\n'), 'VAULT.CORRUPT'],
    ['a plus sign', (h: string) => h.replace(/ 10\n/, ' +10\n'), 'VAULT.CORRUPT'],
    ['work factor 0', (h: string) => h.replace(/ 10\n/, ' 0\n'), 'VAULT.CORRUPT'],
    ['no work factor', (h: string) => h.replace(/ 10\n/, '\n'), 'VAULT.CORRUPT'],
    [
      'a short salt',
      (h: string) => h.replace(/scrypt \S+ /, 'scrypt AAAAAAAAAAAAAAAAAAAA '),
      'VAULT.CORRUPT',
    ],
    [
      'a second stanza next to the scrypt one',
      (h: string) => h.replace('---', '-> X25519 AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\nAAAA\n---'),
      'VAULT.CORRUPT',
    ],
    [
      'an altered MAC',
      (h: string) => h.replace(/--- (.)/, (_m, c: string) => `--- ${c === 'A' ? 'B' : 'A'}`),
      'VAULT.CORRUPT',
    ],
  ])('%s → %s', async (_name, edit, code) => {
    const file = await encryptWithPassphrase(PASS, Buffer.from('share'), FAST);
    expect(codeOf(await decryptWithPassphrase(PASS, editHeader(file, edit)))).toBe(code);
  });

  it('a flipped payload byte fails authentication (VAULT.CORRUPT); a cut file is VAULT.TRUNCATED', async () => {
    const file = await encryptWithPassphrase(PASS, Buffer.from('share bytes'), FAST);
    const flipped = Buffer.from(file);
    flipped[file.length - 3] = (flipped[file.length - 3] ?? 0) ^ 1;
    expect(codeOf(await decryptWithPassphrase(PASS, flipped))).toBe('VAULT.CORRUPT');
    expect(codeOf(await decryptWithPassphrase(PASS, file.subarray(0, 30)))).toBe('VAULT.TRUNCATED');
  });

  it('refuses to seal with an empty passphrase or an out-of-range work factor', async () => {
    await expect(encryptWithPassphrase('', Buffer.from('x'), FAST)).rejects.toThrow(/VAULT.KEY_MISSING/);
    await expect(encryptWithPassphrase(PASS, Buffer.from('x'), { workFactor: 21 })).rejects.toThrow(
      /VAULT.UNSUPPORTED/,
    );
  });

  it('interop with age-encryption (pure JS): ours opens with theirs, theirs with ours', async () => {
    const pt = randomBytes(70_000);
    const ours = await encryptWithPassphrase(PASS, pt, FAST);
    const d = new Decrypter();
    d.addPassphrase(PASS);
    expect(Buffer.from(await d.decrypt(ours)).equals(pt)).toBe(true);

    const e = new Encrypter();
    e.setPassphrase(PASS);
    e.setScryptWorkFactor(10);
    const theirs = Buffer.from(await e.encrypt(pt));
    const r = await decryptWithPassphrase(PASS, theirs);
    expect(r.ok && r.value.equals(pt)).toBe(true);
    expect(codeOf(await decryptWithPassphrase('not the passphrase', theirs))).toBe('VAULT.WRONG_PASSPHRASE');
  });
});
