/**
 * The in-memory keys of four-eyes viewing: held shares lapse and are dropped, a grant needs every
 * share it names still held, it opens its own clip only, and clear() (shutdown, restart) ends
 * everything. Real age files in a temporary vault; work factor 10 keeps the passphrases fast.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openClipStore, openClipWriter, type ClipStore } from './clip-store.js';
import { splitAndSeal, type SealedShare } from './custody.js';
import { grantStore } from './grant-store.js';
import { generateIdentity } from './keys.js';
import { encodeShareDocument, decodeShareDocument } from '../../core/custody/share-document.js';
import { decryptBytes } from './age-format.js';

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};
const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);

const vault = generateIdentity();
const ownKey = generateIdentity();
const set = { vault: vault.recipient.text, generation: 1, threshold: 2, shares: 3 };
const A = 'wachtwoordzin van A 1';
const B = 'wachtwoordzin van B 22';
const CONTENT = Buffer.from('clip one, part by part '.repeat(3000));

describe('grant store (memory only)', () => {
  let dir: string;
  let store: ClipStore;
  let sealed: SealedShare[];
  const grantInput = (custodianIds: string[], grantId = 'g') => ({
    requestId: 'r',
    custodianIds,
    expect: { vault: set.vault, current: set },
    clipId: 'clip-1',
    manifestDigest: null,
    grantId,
  });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'proportio-grants-'));
    store = must(await openClipStore(dir));
    for (const [id, content] of [
      ['clip-1', CONTENT],
      ['clip-2', Buffer.from('clip two '.repeat(100))],
    ] as const) {
      const w = must(await openClipWriter(store, id, vault.recipient));
      must(await w.writePart(content.subarray(0, 1000)));
      must(await w.writePart(content.subarray(1000)));
      must(await w.close());
    }
    sealed = await splitAndSeal(
      vault,
      set,
      [
        { custodianId: 'a', username: 'a', sealing: { passphrase: A } },
        { custodianId: 'b', username: 'b', sealing: { passphrase: B } },
        { custodianId: 'c', username: 'c', sealing: { recipient: ownKey.recipient } },
      ],
      { workFactor: 10 },
    );
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("names the clip's vault key from its manifest", async () => {
    const keys = grantStore(async () => ({ ok: true, value: store }));
    expect(await keys.clipVault('clip-1', null)).toEqual({ ok: true, value: set.vault });
    expect(codeOf(await keys.clipVault('no-clip', null))).toBe('VAULT.NOT_FOUND');
  });

  it('a wrong passphrase holds nothing; a lapsed share is gone and the grant is refused', async () => {
    const keys = grantStore(async () => ({ ok: true, value: store }));
    expect(codeOf(await keys.holdSealed('r', 'a', sealed[0]!.sealed, 'niet goed genoeg', 0))).toBe(
      'VAULT.WRONG_PASSPHRASE',
    );
    expect(keys.holds('r', 'a')).toBe(false);
    expect(must(await keys.holdSealed('r', 'a', sealed[0]!.sealed, A, 1000)).index).toBe(1);
    expect(must(await keys.holdSealed('r', 'b', sealed[1]!.sealed, B, 5000)).index).toBe(2);
    expect(keys.lapse(2000)).toEqual([['r', 'a']]);
    expect([keys.holds('r', 'a'), keys.holds('r', 'b')]).toEqual([false, true]);
    expect(codeOf(await keys.grant(grantInput(['a', 'b'])))).toBe('CUSTODY.NOT_ENOUGH_SHARES');
    // The refused grant spent what it named: nothing waits any more, no grant exists.
    expect(keys.holds('r', 'b')).toBe(false);
    expect(keys.live('g')).toBe(false);
  });

  it("an opened share (the CLI's) and a passphrase share grant the clip's file keys, and only those", async () => {
    const keys = grantStore(async () => ({ ok: true, value: store }));
    const opened = must(decryptBytes([ownKey], sealed[2]!.sealed));
    const doc = must(decodeShareDocument(opened));
    const sent = encodeShareDocument(doc.info, doc.share);
    opened.fill(0);
    expect(must(keys.holdOpened('r', 'c', sent, 0)).custodianId).toBe('c');
    sent.fill(0); // the caller wipes its copy; the store kept its own
    must(await keys.holdSealed('r', 'a', sealed[0]!.sealed, A, 0));
    expect(await keys.grant(grantInput(['c', 'a']))).toEqual({ ok: true, value: undefined });
    expect(keys.live('g')).toBe(true);
    const pieces: Buffer[] = [];
    for await (const b of must(await keys.plaintext('g', 'clip-1'))) pieces.push(b);
    expect(Buffer.concat(pieces).equals(CONTENT)).toBe(true);
    const other = await keys.plaintext('g', 'clip-2');
    let code = codeOf(other);
    if (other.ok)
      try {
        for await (const b of other.value) void b;
      } catch (e) {
        code = (e as { code?: string }).code;
      }
    expect(code).toBe('VAULT.WRONG_KEY');
    keys.clear();
    expect(keys.live('g')).toBe(false);
    expect(codeOf(await keys.plaintext('g', 'clip-1'))).toBe('FOOTAGE.GRANT_ENDED');
  });

  it('a document that is not a share is refused and nothing is held', () => {
    const keys = grantStore(async () => ({ ok: true, value: store }));
    expect(codeOf(keys.holdOpened('r', 'x', Buffer.from('not a share'), 0))).toBe('CUSTODY.SHARE_INVALID');
    expect(keys.holds('r', 'x')).toBe(false);
  });
});
