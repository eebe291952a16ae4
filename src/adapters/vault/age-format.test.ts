import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import {
  AgeDecryptor,
  AgeEncryptor,
  CHUNK_SIZE,
  MAX_HEADER_BYTES,
  createDecryptStream,
  createEncryptStream,
  decryptBytes,
  decryptIterable,
  encryptBytes,
  parseHeader,
  payloadSize,
} from './age-format.js';
import { generateIdentity } from './keys.js';
import { VaultError } from './vault-result.js';

const alice = generateIdentity();
const bob = generateIdentity();
const seal = (pt: Uint8Array) => encryptBytes([alice.recipient], pt);
const codeOf = (file: Uint8Array, ids = [alice]) => {
  const r = decryptBytes(ids, file);
  return r.ok ? 'ok' : r.error.code;
};
const headerLength = (file: Buffer) => {
  const h = parseHeader(file);
  if (h === null) throw new Error('no header');
  return h.length;
};
const flip = (b: Buffer, at: number) => {
  const c = Buffer.from(b);
  c[at] = (c[at] ?? 0) ^ 0x01;
  return c;
};

const SIZES = [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 2 * CHUNK_SIZE, 3 * CHUNK_SIZE + 17];

describe('age format: round trips', () => {
  it.each(SIZES)('seals and opens %i bytes, with the exact age size', (n) => {
    const pt = randomBytes(n);
    const file = seal(pt);
    expect(file.subarray(0, 22).toString()).toBe('age-encryption.org/v1\n');
    expect(file.length - headerLength(file)).toBe(payloadSize(n));
    const back = decryptBytes(alice, file);
    expect(back.ok && back.value.equals(pt)).toBe(true);
  });

  it('writes exactly 64 KiB as one full chunk flagged last (no empty trailing chunk)', () => {
    const file = seal(Buffer.alloc(CHUNK_SIZE));
    expect(file.length - headerLength(file)).toBe(16 + CHUNK_SIZE + 16);
  });

  it('gives the same plaintext whatever the write and read chunking', () => {
    const pt = randomBytes(3 * CHUNK_SIZE + 1234);
    const enc = new AgeEncryptor([alice.recipient]);
    const out: Buffer[] = [];
    let i = 0;
    for (const step of [1, 7, 65535, 2, 65536, 100_000, 3]) {
      out.push(...enc.update(pt.subarray(i, Math.min(pt.length, i + step))));
      i = Math.min(pt.length, i + step);
    }
    out.push(...enc.update(pt.subarray(i)), ...enc.final());
    const file = Buffer.concat(out);
    const dec = new AgeDecryptor([alice]);
    const got: Buffer[] = [];
    for (let j = 0; j < file.length; j += 4099) got.push(...dec.update(file.subarray(j, j + 4099)));
    got.push(...dec.final());
    expect(Buffer.concat(got).equals(pt)).toBe(true);
  });

  it('uses a fresh file key and nonce every time', () => {
    const pt = Buffer.from('same');
    expect(seal(pt).equals(seal(pt))).toBe(false);
  });

  it('opens with any of several recipients and identities', () => {
    const file = encryptBytes([alice.recipient, bob.recipient], Buffer.from('for both'));
    expect(codeOf(file, [alice])).toBe('ok');
    expect(codeOf(file, [bob])).toBe('ok');
    expect(codeOf(seal(Buffer.from('x')), [bob, alice])).toBe('ok');
  });

  it('streams through Transform pipes both ways', async () => {
    const pt = randomBytes(5 * CHUNK_SIZE + 5);
    const pieces: Buffer[] = [];
    for (let i = 0; i < pt.length; i += 10_000) pieces.push(pt.subarray(i, i + 10_000));
    const got: Buffer[] = [];
    await pipeline(
      Readable.from(pieces),
      createEncryptStream([alice.recipient]),
      createDecryptStream(alice),
      async (src: AsyncIterable<Buffer>) => {
        for await (const b of src) got.push(b);
      },
    );
    expect(Buffer.concat(got).equals(pt)).toBe(true);
  });

  it('decrypts an async iterable lazily', async () => {
    const pt = randomBytes(2 * CHUNK_SIZE + 3);
    const file = seal(pt);
    async function* source() {
      for (let i = 0; i < file.length; i += 1000) yield file.subarray(i, i + 1000);
    }
    const got: Buffer[] = [];
    for await (const b of decryptIterable(source(), alice)) got.push(b);
    expect(Buffer.concat(got).equals(pt)).toBe(true);
  });
});

describe('age format: bad input and faults', () => {
  it('refuses to seal without a recipient and to open without an identity', () => {
    expect(() => new AgeEncryptor([])).toThrow(
      expect.objectContaining({ code: 'VAULT.KEY_MISSING' }) as Error,
    );
    expect(codeOf(seal(Buffer.from('x')), [])).toBe('VAULT.KEY_MISSING');
  });

  it('says WRONG_KEY for an identity the file was not sealed to', () => {
    expect(codeOf(seal(Buffer.from('secret')), [bob])).toBe('VAULT.WRONG_KEY');
  });

  it('detects a missing last chunk (file cut at a chunk boundary)', () => {
    const file = seal(randomBytes(2 * CHUNK_SIZE + 10));
    const cut = headerLength(file) + 16 + 2 * (CHUNK_SIZE + 16);
    const r = decryptBytes(alice, file.subarray(0, cut));
    expect(r.ok ? null : r.error).toMatchObject({
      code: 'VAULT.TRUNCATED',
      message: expect.stringContaining('not flagged last') as string,
    });
    const afterOne = decryptBytes(alice, file.subarray(0, headerLength(file) + 16 + CHUNK_SIZE + 16));
    expect(afterOne.ok ? null : afterOne.error.code).toBe('VAULT.TRUNCATED');
  });

  it('rejects every truncation point, never returning a shorter plaintext as success', () => {
    const file = seal(randomBytes(CHUNK_SIZE + 100));
    const h = headerLength(file);
    for (const cut of [
      0,
      5,
      30,
      h - 1,
      h,
      h + 8,
      h + 16,
      h + 17,
      h + 16 + CHUNK_SIZE,
      h + 16 + CHUNK_SIZE + 16,
      file.length - 1,
    ]) {
      expect(['VAULT.TRUNCATED', 'VAULT.CORRUPT'], `cut at ${cut}`).toContain(codeOf(file.subarray(0, cut)));
    }
  });

  it('detects a flipped byte anywhere in the payload', () => {
    const file = seal(randomBytes(2 * CHUNK_SIZE + 1));
    const h = headerLength(file);
    for (const at of [h, h + 15, h + 16, h + 16 + CHUNK_SIZE + 5, file.length - 1]) {
      expect(codeOf(flip(file, at)), `flip at ${at}`).toBe('VAULT.CORRUPT');
    }
  });

  it('detects header tampering through the MAC', () => {
    const file = seal(Buffer.from('clip'));
    const text = file.subarray(0, headerLength(file)).toString('latin1');
    // An extra (unknown) stanza is valid age syntax, but not what was MACed.
    const extra = text.replace('---', '-> grease x\n\n---');
    const tampered = Buffer.concat([Buffer.from(extra, 'latin1'), file.subarray(headerLength(file))]);
    expect(codeOf(tampered)).toBe('VAULT.CORRUPT');
    const macAt = text.indexOf('--- ') + 6;
    expect(codeOf(flip(file, macAt))).toBe('VAULT.CORRUPT');
  });

  it('treats a damaged recipient stanza as not for us', () => {
    const file = seal(Buffer.from('clip'));
    const text = file.toString('latin1');
    const bodyAt = text.indexOf('\n', text.indexOf('-> X25519')) + 3;
    // Swap one body character for another valid base64 character (a bit flip could produce a
    // non-base64 character, which is a malformed header rather than a damaged key: flaky).
    const damaged = Buffer.from(file);
    damaged[bodyAt] = damaged[bodyAt] === 0x41 ? 0x42 : 0x41;
    expect(codeOf(damaged)).toBe('VAULT.WRONG_KEY');
  });

  it('rejects malformed headers clearly', () => {
    const file = seal(Buffer.from('clip'));
    const h = headerLength(file);
    const head = file.subarray(0, h).toString('latin1');
    const payload = file.subarray(h);
    const withHeader = (s: string) => Buffer.concat([Buffer.from(s, 'latin1'), payload]);
    expect(codeOf(Buffer.from('hello world, not age'))).toBe('VAULT.UNSUPPORTED');
    expect(codeOf(Buffer.from('-----BEGIN AGE ENCRYPTED FILE-----\n'))).toBe('VAULT.UNSUPPORTED');
    expect(codeOf(withHeader(head.replace('v1', 'v2')))).toBe('VAULT.UNSUPPORTED');
    expect(codeOf(withHeader(head.replace(/--- (\S+)\n/, '--- $1=\n')))).toBe('VAULT.CORRUPT');
    expect(codeOf(withHeader(head.replace('-> X25519', '->  X25519')))).toBe('VAULT.CORRUPT');
    expect(codeOf(withHeader(head.replace('-> X25519 ', '-> scrypt ')))).toBe('VAULT.UNSUPPORTED');
    expect(codeOf(withHeader(head.replace(/\n---/, '\nnot base64!\n---')))).toBe('VAULT.CORRUPT');
    expect(codeOf(Buffer.from('age-encryption.org/v1\n--- AAAA\n'))).toBe('VAULT.CORRUPT');
    expect(codeOf(Buffer.from('age-encryption.org/v1\n-> X25519 abc'))).toBe('VAULT.TRUNCATED');
  });

  it('bounds the memory a header without an end can take', () => {
    const dec = new AgeDecryptor([alice]);
    dec.update(Buffer.from('age-encryption.org/v1\n-> X25519 '));
    const big = Buffer.alloc(64 * 1024, 0x41);
    let error: unknown;
    try {
      for (let i = 0; i * big.length <= MAX_HEADER_BYTES + big.length; i++) dec.update(big);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(VaultError);
    expect((error as VaultError).code).toBe('VAULT.CORRUPT');
  });

  it('bounds the header even when a huge line arrives in one piece', () => {
    const huge = Buffer.concat([
      Buffer.from('age-encryption.org/v1\n-> X25519 '),
      Buffer.alloc(MAX_HEADER_BYTES + 10, 0x41),
      Buffer.from('\n'),
    ]);
    expect(codeOf(huge)).toBe('VAULT.CORRUPT');
  });

  it('rejects trailing data after the last chunk', () => {
    const file = seal(Buffer.alloc(CHUNK_SIZE, 1));
    expect(codeOf(Buffer.concat([file, Buffer.from('extra')]))).toBe('VAULT.CORRUPT');
  });

  it('reports a dropped short last chunk as TRUNCATED, not as a shorter success', () => {
    const enc = new AgeEncryptor([alice.recipient]);
    const full = Buffer.concat([...enc.update(Buffer.alloc(CHUNK_SIZE + 1, 2)), ...enc.final()]);
    const h = headerLength(full);
    expect(codeOf(full)).toBe('ok');
    // Dropping the 1-byte last chunk leaves a full chunk not flagged last: TRUNCATED, not success.
    expect(codeOf(full.subarray(0, h + 16 + CHUNK_SIZE + 16))).toBe('VAULT.TRUNCATED');
  });

  it('fails a stream pipeline with the vault error instead of ending quietly', async () => {
    const file = seal(randomBytes(CHUNK_SIZE * 2 + 1));
    const cut = file.subarray(0, file.length - 40);
    const got: Buffer[] = [];
    const run = pipeline(
      Readable.from([cut]),
      createDecryptStream(alice),
      async (src: AsyncIterable<Buffer>) => {
        for await (const b of src) got.push(b);
      },
    );
    await expect(run).rejects.toMatchObject({ code: 'VAULT.CORRUPT' });
    // Chunks that did authenticate may have been released, but never the damaged one.
    expect(Buffer.concat(got).length).toBeLessThanOrEqual(2 * CHUNK_SIZE);
  });
});
