/**
 * The keys of four-eyes viewing, in server memory only (issue 10 §2, ADR 0003 §7): the opened
 * shares of approvers waiting for the K-th approval, and each grant's file keys — the file keys of
 * exactly one clip's parts, never the vault identity. Nothing here is written anywhere: a restart
 * ends every grant and lapses every waiting approval. Every buffer is wiped when it goes.
 */
import { decodeShareDocument, type ShareDocument } from '../../core/custody/share-document.js';
import type { ShareInfo } from '../../core/custody/custody.js';
import { err, ok, type Result } from '../../core/result.js';
import type { KeyErrorCode, Plaintext, ViewingKeys } from '../../services/viewing-ports.js';
import { readClip, readClipHeaders, type ClipStore } from './clip-store.js';
import { fileKeysFromShares, openShare, wipeFileKeys, wipeShares } from './custody.js';

interface Held {
  readonly doc: ShareDocument;
  readonly at: number;
}

interface Grant {
  readonly clipId: string;
  readonly fileKeys: Map<string, Buffer>;
}

/** `clips`: opens the vault's clip folder (lazily: the vault may be set up after start). */
export const grantStore = (
  clips: () => Promise<Result<ClipStore, KeyErrorCode>>,
): ViewingKeys & {
  /** Wipes everything (shutdown). */
  clear(): void;
} => {
  /** requestId → custodianId → opened share */
  const held = new Map<string, Map<string, Held>>();
  const grants = new Map<string, Grant>();

  const keep = (requestId: string, custodianId: string, doc: ShareDocument, at: number): ShareInfo => {
    const forRequest = held.get(requestId) ?? new Map<string, Held>();
    const before = forRequest.get(custodianId);
    if (before !== undefined) wipeShares([before.doc]);
    forRequest.set(custodianId, { doc, at });
    held.set(requestId, forRequest);
    return doc.info;
  };

  const drop = (requestId: string, custodianId?: string): void => {
    const forRequest = held.get(requestId);
    if (forRequest === undefined) return;
    for (const [id, h] of forRequest)
      if (custodianId === undefined || id === custodianId) {
        wipeShares([h.doc]);
        forRequest.delete(id);
      }
    if (forRequest.size === 0) held.delete(requestId);
  };

  const end = (grantId: string): void => {
    const g = grants.get(grantId);
    if (g === undefined) return;
    wipeFileKeys(g.fileKeys);
    grants.delete(grantId);
  };

  return {
    clipVault: async (clipId, manifestDigest) => {
      const s = await clips();
      if (!s.ok) return s;
      const h = await readClipHeaders(
        s.value,
        clipId,
        manifestDigest === null ? {} : { expectedManifestDigest: manifestDigest },
      );
      return h.ok ? ok(h.value.manifest.recipient) : h;
    },

    holdSealed: async (requestId, custodianId, sealed, passphrase, at) => {
      const opened = await openShare(sealed, { passphrase });
      if (!opened.ok) return opened;
      return ok(keep(requestId, custodianId, opened.value, at));
    },

    holdOpened: (requestId, custodianId, document, at) => {
      // decodeShareDocument returns a view into its input: copy, so the caller's buffer can be wiped.
      const bytes = new Uint8Array(document);
      const doc = decodeShareDocument(bytes);
      if (!doc.ok) {
        bytes.fill(0);
        return doc;
      }
      return ok(keep(requestId, custodianId, doc.value, at));
    },

    holds: (requestId, custodianId) => held.get(requestId)?.has(custodianId) ?? false,

    drop,

    lapse: (before) => {
      const out: Array<readonly [string, string]> = [];
      for (const [requestId, forRequest] of held)
        for (const [custodianId, h] of forRequest) if (h.at < before) out.push([requestId, custodianId]);
      for (const [r, c] of out) drop(r, c);
      return out;
    },

    grant: async (input) => {
      const forRequest = held.get(input.requestId);
      const docs: ShareDocument[] = [];
      for (const id of input.custodianIds) {
        const h = forRequest?.get(id);
        if (h !== undefined) docs.push(h.doc);
      }
      // Spent whatever happens next: forgotten here, wiped by withVaultIdentity (or below). The
      // other held shares of the request (beyond these) are wiped now.
      for (const id of input.custodianIds) forRequest?.delete(id);
      drop(input.requestId);
      if (docs.length !== input.custodianIds.length) {
        wipeShares(docs);
        return err(
          'CUSTODY.NOT_ENOUGH_SHARES',
          'an approval lapsed before the last one arrived; approve again',
        );
      }
      const s = await clips();
      if (!s.ok) {
        wipeShares(docs);
        return s;
      }
      const headers = await readClipHeaders(
        s.value,
        input.clipId,
        input.manifestDigest === null ? {} : { expectedManifestDigest: input.manifestDigest },
      );
      if (!headers.ok) {
        wipeShares(docs);
        return headers;
      }
      const keys = await fileKeysFromShares(docs, input.expect, headers.value.parts);
      if (!keys.ok) return keys;
      end(input.grantId);
      grants.set(input.grantId, { clipId: input.clipId, fileKeys: keys.value });
      return ok(undefined);
    },

    live: (grantId) => grants.has(grantId),

    end,

    plaintext: async (grantId, clipId): Promise<Result<Plaintext, KeyErrorCode>> => {
      const g = grants.get(grantId);
      if (g === undefined) return err('FOOTAGE.GRANT_ENDED', 'this permission to view has ended');
      // Only the grant's own clip: its file keys open nothing else (another clip's parts have
      // other file keys, so even a forced read fails with VAULT.WRONG_KEY).
      const s = await clips();
      if (!s.ok) return s;
      const r = await readClip(s.value, clipId, { fileKeys: g.fileKeys });
      return r.ok ? ok(r.value) : r;
    },

    clear: () => {
      for (const id of [...grants.keys()]) end(id);
      for (const id of [...held.keys()]) drop(id);
    },
  };
};
