import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bech32Decode, bech32Encode } from './bech32.js';

describe('bech32', () => {
  it('accepts the BIP 173 valid checksum vectors', () => {
    for (const s of ['A12UEL5L', 'a12uel5l', 'abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw', '?1ezyfcl']) {
      expect(bech32Decode(s), s).not.toBeNull();
    }
  });

  it('rejects mixed case, a bad checksum, a missing separator and characters outside the charset', () => {
    for (const s of [
      'A12uEL5L',
      'a12uel5m',
      'pzry9x0s0muk',
      'a1b2uel5l',
      '1pzry9x0s0muk',
      'x1b4n0q5v',
      'a12 uel5l',
    ]) {
      expect(bech32Decode(s), s).toBeNull();
    }
  });

  it('round-trips bytes in lower and upper case', () => {
    for (let i = 0; i < 50; i++) {
      const bytes = randomBytes(i);
      const lower = bech32Encode('age', bytes);
      const upper = bech32Encode('AGE-SECRET-KEY-', bytes, true);
      expect(lower).toBe(lower.toLowerCase());
      expect(upper).toBe(upper.toUpperCase());
      expect(Buffer.from(bech32Decode(lower)?.bytes ?? [])).toEqual(bytes);
      expect(bech32Decode(upper)?.hrp).toBe('AGE-SECRET-KEY-');
      expect(Buffer.from(bech32Decode(upper)?.bytes ?? [])).toEqual(bytes);
    }
  });

  it('rejects non-zero padding bits (a non-canonical encoding of the same bytes)', () => {
    const s = bech32Encode('age', Buffer.alloc(32, 0xff));
    // Changing a data character changes the checksum too, so any edit is caught; here the last data char.
    const tampered = `${s.slice(0, -7)}${s.at(-7) === 'q' ? 'p' : 'q'}${s.slice(-6)}`;
    expect(bech32Decode(tampered)).toBeNull();
  });
});
