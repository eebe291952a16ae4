/**
 * Splitting the vault identity k of n, sealing each share for its custodian, and rebuilding it
 * only to unwrap one clip's file keys. Work factor 10 keeps the passphrase cases fast.
 */
import { describe, expect, it } from 'vitest';
import { decryptBytes, encryptBytes, parseHeader } from './age-format.js';
import {
  fileKeysFromShares,
  openShare,
  sealingOf,
  splitAndSeal,
  unwrapFileKeys,
  withVaultIdentity,
  type SealedShare,
  type ShareHolder,
} from './custody.js';
import { generateIdentity, type AgeIdentity } from './keys.js';
import type { CurrentShareSet } from '../../core/custody/custody.js';
import type { ShareDocument } from '../../core/custody/share-document.js';
import { ok } from '../../core/result.js';

const FAST = { workFactor: 10 };
const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);
const must = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

const vault = generateIdentity();
const secretaryKey = generateIdentity();
const set = (generation = 1, threshold = 2, shares = 3): CurrentShareSet => ({
  vault: vault.recipient.text,
  generation,
  threshold,
  shares,
});
const holders: ShareHolder[] = [
  { custodianId: 'u-fg', username: 'fg', sealing: { passphrase: 'wachtwoord van de FG 1' } },
  { custodianId: 'u-bv', username: 'beveiliging', sealing: { passphrase: 'sleutel beveiliging 22' } },
  { custodianId: 'u-sec', username: 'secretaris', sealing: { recipient: secretaryKey.recipient } },
];
const keyOf = (i: number) =>
  i === 2
    ? { identities: [secretaryKey] }
    : { passphrase: (holders[i]?.sealing as { passphrase: string }).passphrase };

const openAll = async (
  sealed: readonly SealedShare[],
  which: readonly number[],
): Promise<ShareDocument[]> => {
  const docs: ShareDocument[] = [];
  for (const i of which) docs.push(must(await openShare(sealed[i]?.sealed ?? Buffer.alloc(0), keyOf(i))));
  return docs;
};

/** A two-part clip sealed to the vault, as the recorder seals it, and its parts' headers. */
const clip = (id: AgeIdentity, label: string) => {
  const parts = [0, 1].map((i) => ({
    file: `part-00000${i}.age`,
    bytes: encryptBytes([id.recipient], Buffer.from(`${label} part ${i}`)),
  }));
  const headers = parts.map((p) => ({
    file: p.file,
    header: p.bytes.subarray(0, parseHeader(p.bytes)?.length ?? 0),
  }));
  return { parts, headers };
};

const sealed = await splitAndSeal(vault, set(), holders, FAST);

describe('splitAndSeal', () => {
  it('one sealed share per custodian in order, sealed as each chose', () => {
    expect(sealed.map((s) => [s.index, s.custodianId, s.sealing, s.sealedTo])).toEqual([
      [1, 'u-fg', 'passphrase', null],
      [2, 'u-bv', 'passphrase', null],
      [3, 'u-sec', 'age-recipient', secretaryKey.recipient.text],
    ]);
    expect(sealed.map((s) => must(sealingOf(s.sealed)))).toEqual([
      'passphrase',
      'passphrase',
      'age-recipient',
    ]);
  });

  it('no sealed share contains the identity, in any encoding', () => {
    const secret = vault.secretKey;
    for (const s of sealed) {
      expect(s.sealed.includes(secret)).toBe(false);
      expect(s.sealed.toString('latin1')).not.toContain(vault.encode());
      expect(s.sealed.toString('latin1')).not.toContain(secret.toString('base64').slice(0, 20));
    }
  });

  it('each share opens with its own passphrase or key and says whose share of which vault it is', async () => {
    const docs = await openAll(sealed, [0, 1, 2]);
    expect(docs.map((d) => d.info)).toEqual(
      holders.map((h, i) => ({
        vault: vault.recipient.text,
        generation: 1,
        threshold: 2,
        shares: 3,
        index: i + 1,
        custodianId: h.custodianId,
        custodian: h.username,
      })),
    );
  });

  it('a wrong passphrase is VAULT.WRONG_PASSPHRASE; another key is VAULT.WRONG_KEY', async () => {
    expect(codeOf(await openShare(sealed[0]!.sealed, { passphrase: 'sleutel beveiliging 22' }))).toBe(
      'VAULT.WRONG_PASSPHRASE',
    );
    expect(codeOf(await openShare(sealed[2]!.sealed, { identities: [generateIdentity()] }))).toBe(
      'VAULT.WRONG_KEY',
    );
  });

  it('sealingOf refuses what is not a share file', () => {
    expect(codeOf(sealingOf(Buffer.from('hello')))).toBe('CUSTODY.SHARE_INVALID');
    expect(codeOf(sealingOf(Buffer.alloc(0)))).toBe('CUSTODY.SHARE_INVALID');
  });
});

describe('combining: which shares rebuild the vault key', () => {
  it.each([
    [[0, 1], 'ok'],
    [[0, 2], 'ok'],
    [[1, 2], 'ok'],
    [[2, 1, 0], 'ok'],
    [[0], 'CUSTODY.NOT_ENOUGH_SHARES'],
    [[2], 'CUSTODY.NOT_ENOUGH_SHARES'],
  ])('shares %j → %s', async (which, code) => {
    const docs = await openAll(sealed, which);
    const r = await withVaultIdentity(docs, { vault: vault.recipient.text, current: set() }, (id) =>
      ok(id.recipient.text),
    );
    expect(codeOf(r)).toBe(code);
    if (r.ok) expect(r.value).toBe(vault.recipient.text);
  });

  it('the rebuilt identity and the spent shares are wiped afterwards', async () => {
    const docs = await openAll(sealed, [0, 1]);
    let seen: AgeIdentity | null = null;
    must(
      await withVaultIdentity(docs, { vault: vault.recipient.text }, (id) => {
        seen = id;
        return ok(id.secretKey.equals(vault.secretKey));
      }),
    );
    expect((seen as AgeIdentity | null)?.secretKey.every((b) => b === 0)).toBe(true);
    for (const d of docs) expect(d.share.every((b) => b === 0)).toBe(true);
  });

  it('shares of different generations do not combine, even of the same identity', async () => {
    const next = await splitAndSeal(vault, set(2), holders, FAST);
    const docs = [...(await openAll(sealed, [0])), ...(await openAll(next, [1]))];
    expect(codeOf(await withVaultIdentity(docs, { vault: vault.recipient.text }, () => ok(1)))).toBe(
      'CUSTODY.MIXED_SHARES',
    );
  });

  it('an old generation is refused once the database knows a newer one', async () => {
    const docs = await openAll(sealed, [0, 1]);
    const r = await withVaultIdentity(docs, { vault: vault.recipient.text, current: set(2) }, () => ok(1));
    expect(codeOf(r)).toBe('CUSTODY.STALE_SHARE');
  });

  it('shares of two splits labelled alike rebuild nothing usable: CUSTODY.COMBINE_FAILED', async () => {
    const other = await splitAndSeal(vault, set(), holders, FAST);
    const docs = [...(await openAll(sealed, [0])), ...(await openAll(other, [1]))];
    expect(codeOf(await withVaultIdentity(docs, { vault: vault.recipient.text }, () => ok(1)))).toBe(
      'CUSTODY.COMBINE_FAILED',
    );
  });

  it('a forged share byte is caught by the recipient check', async () => {
    const docs = await openAll(sealed, [0, 1]);
    docs[0]!.share[5] = (docs[0]!.share[5] ?? 0) ^ 1;
    expect(codeOf(await withVaultIdentity(docs, { vault: vault.recipient.text }, () => ok(1)))).toBe(
      'CUSTODY.COMBINE_FAILED',
    );
  });

  it('shares of another vault are CUSTODY.WRONG_VAULT', async () => {
    const docs = await openAll(sealed, [0, 1]);
    const r = await withVaultIdentity(docs, { vault: generateIdentity().recipient.text }, () => ok(1));
    expect(codeOf(r)).toBe('CUSTODY.WRONG_VAULT');
  });
});

describe('one clip’s file keys, and nothing more', () => {
  it('k shares give the file keys of exactly the clip asked for; they open its parts and no other clip', async () => {
    const a = clip(vault, 'clip A');
    const b = clip(vault, 'clip B');
    const keys = must(
      await fileKeysFromShares(
        await openAll(sealed, [0, 2]),
        { vault: vault.recipient.text, current: set() },
        a.headers,
      ),
    );
    expect([...keys.keys()]).toEqual(['part-000000.age', 'part-000001.age']);
    for (const [i, p] of a.parts.entries()) {
      const r = decryptBytes({ fileKey: keys.get(p.file)! }, p.bytes);
      expect(r.ok && r.value.toString()).toBe(`clip A part ${i}`);
    }
    // The same vault, the same part names: the keys of clip A still open nothing of clip B.
    for (const p of b.parts)
      expect(codeOf(decryptBytes({ fileKey: keys.get(p.file)! }, p.bytes))).toBe('VAULT.WRONG_KEY');
  });

  it('k-1 shares give no file keys', async () => {
    const r = await fileKeysFromShares(
      await openAll(sealed, [1]),
      { vault: vault.recipient.text },
      clip(vault, 'x').headers,
    );
    expect(codeOf(r)).toBe('CUSTODY.NOT_ENOUGH_SHARES');
  });

  it('a header sealed to another key is VAULT.WRONG_KEY, naming the part', () => {
    const r = unwrapFileKeys(vault, clip(generateIdentity(), 'other').headers);
    expect(codeOf(r)).toBe('VAULT.WRONG_KEY');
    if (!r.ok) expect(r.error.details).toMatchObject({ file: 'part-000000.age' });
  });
});
