import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ANCHOR_VERSION,
  anchorKeyId,
  anchorPayload,
  anchoredSeqs,
  checkAnchors,
  formatAnchorLine,
  parseAnchorFile,
  type AnchorRecord,
} from './anchor.js';
import { link, type AuditEntry } from './chain.js';

const keys = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');

const chain = (n: number): AuditEntry[] => {
  const out: AuditEntry[] = [];
  for (let i = 0; i < n; i++)
    out.push(
      link(out.at(-1), {
        at: '2026-12-01T10:00:00.000Z',
        actor: 'system:t',
        action: 'x',
        subject: `s:${i}`,
        details: {},
      }),
    );
  return out;
};

const anchor = (
  e: { seq: number; hash: string },
  at: string,
  privateKey: KeyObject = keys.privateKey,
  publicKey = keys.publicKey,
): AnchorRecord => {
  const u = { v: ANCHOR_VERSION, seq: e.seq, hash: e.hash, at, key: anchorKeyId(publicKey) } as const;
  return { ...u, sig: sign(null, Buffer.from(anchorPayload(u)), privateKey).toString('base64url') };
};

/** Runs the check the way the service does: the chain's hashes at the anchored seqs, and its head. */
const check = (text: string, entries: readonly AuditEntry[], publicKey = keys.publicKey) => {
  const lines = parseAnchorFile(text);
  const seqs = anchoredSeqs(lines);
  const chainHashes = new Map(entries.filter((e) => seqs.has(e.seq)).map((e) => [e.seq, e.hash]));
  return checkAnchors({ lines, publicKey, chainHashes, chainHead: entries.at(-1)?.seq ?? 0 });
};

const full = chain(10);
const file = [anchor(full[2]!, 'T1'), anchor(full[6]!, 'T2'), anchor(full[9]!, 'T3')]
  .map(formatAnchorLine)
  .join('');

describe('audit anchors', () => {
  it('writes one JSON object per line that reads back the same', () => {
    const r = anchor(full[2]!, '2026-12-01T10:05:00.000Z');
    const line = formatAnchorLine(r);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(parseAnchorFile(line)).toEqual([{ line: 1, ok: true, record: r }]);
  });

  it('holds when every anchored head is still in the chain with its hash', () => {
    expect(check(file, full)).toEqual({
      ok: true,
      anchors: 3,
      lastGood: { line: 3, seq: 10, hash: full[9]!.hash, at: 'T3' },
    });
    // Entries appended after the last anchor are fine.
    const longer = [...full];
    longer.push(link(longer.at(-1), { at: 'x', actor: 'a', action: 'b', subject: 'c', details: {} }));
    expect(check(file, longer).ok).toBe(true);
    expect(check('', full)).toEqual({ ok: true, anchors: 0, lastGood: null });
  });

  it('detects the newest entries cut off, naming the last good anchor', () => {
    const r = check(file, full.slice(0, 8));
    expect(r).toMatchObject({
      ok: false,
      anchors: 2,
      lastGood: { line: 2, seq: 7 },
      problem: { kind: 'truncated', seq: 10, line: 3 },
    });
    expect(r.problem?.detail).toBe(
      'entry 10, anchored at T3 (line 3), is missing: the chain ends at entry 8; last good anchor: entry 7 at T2 (line 2)',
    );
  });

  it('detects every entry cut off', () => {
    expect(check(file, [])).toMatchObject({
      ok: false,
      lastGood: null,
      problem: {
        kind: 'truncated',
        seq: 3,
        line: 1,
        detail: expect.stringContaining('the chain is empty; no earlier anchor holds'),
      },
    });
  });

  it('detects a chain rewritten from an entry onwards (cut, then appended again)', () => {
    const rewritten = [...full.slice(0, 5)];
    for (let i = 5; i < 12; i++)
      rewritten.push(
        link(rewritten.at(-1), { at: 'later', actor: 'a', action: 'forged', subject: 's', details: {} }),
      );
    expect(check(file, rewritten)).toMatchObject({
      ok: false,
      lastGood: { seq: 3 },
      problem: { kind: 'rewritten', seq: 7, line: 2 },
    });
  });

  it('refuses lines signed by another key, or whose signature does not hold', () => {
    const foreign = formatAnchorLine(anchor(full[9]!, 'T4', other.privateKey, other.publicKey));
    expect(check(file + foreign, full)).toMatchObject({
      ok: false,
      anchors: 3,
      problem: { kind: 'anchor-signature', line: 4, detail: expect.stringContaining('signed by key') },
    });
    // A line edited to match a shortened chain: the signature gives it away.
    const edited = { ...anchor(full[9]!, 'T3'), seq: 8, hash: full[7]!.hash };
    expect(check(formatAnchorLine(edited), full)).toMatchObject({
      ok: false,
      problem: {
        kind: 'anchor-signature',
        seq: 8,
        line: 1,
        detail: expect.stringContaining('does not hold'),
      },
    });
    // Checked with the wrong public key, nothing holds.
    expect(check(file, full, other.publicKey)).toMatchObject({
      ok: false,
      problem: { kind: 'anchor-signature', line: 1 },
    });
  });

  it('names an unreadable line', () => {
    expect(check(`${file}{"v":1,"seq":"x"}\nnot json\n`, full)).toMatchObject({
      ok: false,
      anchors: 3,
      problem: { kind: 'anchor-unreadable', seq: 0, line: 4 },
    });
    expect(parseAnchorFile('\n\nnot json')).toEqual([{ line: 3, ok: false, detail: 'not valid JSON' }]);
  });
});
