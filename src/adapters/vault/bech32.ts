/**
 * Bech32 (BIP 173, the original checksum constant 1, not bech32m) as age uses it for `age1…`
 * recipients and `AGE-SECRET-KEY-1…` identities. Unlike BIP 173, age does not cap the length at
 * 90 characters, so neither do we.
 */
const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GENERATORS = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3] as const;

const polymod = (values: readonly number[]): number => {
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GENERATORS[i] ?? 0;
  }
  return chk >>> 0;
};

const expandHrp = (hrp: string): number[] => {
  const codes = [...hrp].map((c) => c.charCodeAt(0));
  return [...codes.map((c) => c >>> 5), 0, ...codes.map((c) => c & 31)];
};

const checksum = (hrp: string, data: readonly number[]): number[] => {
  const mod = polymod([...expandHrp(hrp), ...data, 0, 0, 0, 0, 0, 0]) ^ 1;
  return Array.from({ length: 6 }, (_, i) => (mod >>> (5 * (5 - i))) & 31);
};

/** Regroups bits; when decoding (pad = false) leftover bits must be zero padding of under 5 bits. */
const convertBits = (data: ArrayLike<number>, from: number, to: number, pad: boolean): number[] | null => {
  let acc = 0;
  let bits = 0;
  const out: number[] = [];
  const maxv = (1 << to) - 1;
  for (let i = 0; i < data.length; i++) {
    const value = data[i] ?? 0;
    if (value >>> from !== 0) return null;
    acc = (acc << from) | value;
    bits += from;
    while (bits >= to) {
      bits -= to;
      out.push((acc >>> bits) & maxv);
    }
    acc &= (1 << bits) - 1;
  }
  if (pad) {
    if (bits > 0) out.push((acc << (to - bits)) & maxv);
  } else if (bits >= from || acc !== 0) {
    return null;
  }
  return out;
};

/** Encodes bytes under a human-readable part; the result is lower case unless `upper`. */
export const bech32Encode = (hrp: string, bytes: Uint8Array, upper = false): string => {
  const lowerHrp = hrp.toLowerCase();
  const words = convertBits(bytes, 8, 5, true) ?? [];
  const all = [...words, ...checksum(lowerHrp, words)];
  const s = `${lowerHrp}1${all.map((w) => CHARSET[w]).join('')}`;
  return upper ? s.toUpperCase() : s;
};

export interface Bech32Decoded {
  /** The human-readable part in the case it was written in. */
  readonly hrp: string;
  readonly bytes: Uint8Array;
}

/** Decodes and verifies a bech32 string; null when malformed (mixed case, bad checksum, bad chars). */
export const bech32Decode = (s: string): Bech32Decoded | null => {
  if (s !== s.toLowerCase() && s !== s.toUpperCase()) return null;
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c < 33 || c > 126) return null;
  }
  const pos = s.lastIndexOf('1');
  if (pos < 1 || pos + 7 > s.length) return null;
  const hrp = s.slice(0, pos);
  const lower = s.toLowerCase();
  const words: number[] = [];
  for (const ch of lower.slice(pos + 1)) {
    const w = CHARSET.indexOf(ch);
    if (w < 0) return null;
    words.push(w);
  }
  if (polymod([...expandHrp(hrp.toLowerCase()), ...words]) !== 1) return null;
  const bytes = convertBits(words.slice(0, -6), 5, 8, false);
  if (bytes === null) return null;
  return { hrp, bytes: Uint8Array.from(bytes) };
};
