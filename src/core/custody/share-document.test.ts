import { describe, expect, it } from 'vitest';
import type { ShareInfo } from './custody.js';
import { decodeShareDocument, encodeShareDocument, SHARE_FORMAT } from './share-document.js';

const info: ShareInfo = {
  vault: 'age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq',
  generation: 2,
  threshold: 2,
  shares: 3,
  index: 3,
  custodianId: '0b7c6a52-6f0e-4f43-9d0c-3a1d2c1e9f00',
  custodian: 'secretaris',
};
// Share bytes that contain the separator and text-like bytes, so the split cannot rely on them.
const share = Uint8Array.from([
  0x0a,
  0x0a,
  0x41,
  0x3a,
  0x20,
  ...Array.from({ length: 27 }, (_, i) => i),
  0x7f,
]);

const text = (s: string) => new TextEncoder().encode(s);
const withShare = (head: string) => {
  const h = text(head);
  const out = new Uint8Array(h.length + share.length);
  out.set(h);
  out.set(share, h.length);
  return out;
};
const header = (over: Record<string, string> = {}, drop?: string) =>
  [
    SHARE_FORMAT,
    ...Object.entries({
      vault: info.vault,
      generation: '2',
      threshold: '2',
      shares: '3',
      index: '3',
      'custodian-id': info.custodianId,
      custodian: 'secretaris',
      ...over,
    })
      .filter(([k]) => k !== drop)
      .map(([k, v]) => `${k}: ${v}`),
    '',
    '',
  ].join('\n');

describe('share documents', () => {
  it('round-trip: the info and the exact share bytes, as a view that wiping clears', () => {
    const bytes = encodeShareDocument(info, share);
    const r = decodeShareDocument(bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.info).toEqual(info);
    expect(Buffer.from(r.value.share).equals(Buffer.from(share))).toBe(true);
    bytes.fill(0);
    expect(r.value.share.every((b) => b === 0)).toBe(true);
  });

  it('the encoding is the documented text (a custodian who opens it with age can read whose it is)', () => {
    expect(Buffer.from(encodeShareDocument(info, share)).equals(Buffer.from(withShare(header())))).toBe(true);
  });

  it.each([
    ['another format', withShare(header().replace(SHARE_FORMAT, 'proportio-vault-share/2'))],
    ['no blank line', text(`${SHARE_FORMAT}\nvault: x`)],
    ['empty', new Uint8Array(0)],
    ['a missing field', withShare(header({}, 'generation'))],
    ['an unknown field', withShare(header({ extra: 'x' }))],
    ['a field twice', withShare(header().replace('index: 3\n', 'index: 3\nindex: 2\n'))],
    ['a vault that is not age1…', withShare(header({ vault: 'AGE-SECRET-KEY-1XYZ' }))],
    ['a leading zero', withShare(header({ generation: '02' }))],
    ['a negative number', withShare(header({ index: '-1' }))],
    ['index beyond the set', withShare(header({ index: '4' }))],
    ['threshold 1', withShare(header({ threshold: '1' }))],
    ['threshold above n', withShare(header({ threshold: '4' }))],
    ['a set larger than allowed', withShare(header({ shares: '11', threshold: '2' }))],
    ['a space inside a value', withShare(header({ custodian: 'fg secretaris' }))],
    ['no share bytes', text(header())],
    ['a one-byte share', Uint8Array.from([...text(header()), 1])],
  ])('refuses %s (CUSTODY.SHARE_INVALID)', (_name, bytes) => {
    const r = decodeShareDocument(bytes);
    expect(r.ok ? 'ok' : r.error.code).toBe('CUSTODY.SHARE_INVALID');
  });
});
