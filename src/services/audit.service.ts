import {
  ANCHOR_VERSION,
  anchorKeyId,
  anchorPayload,
  anchoredSeqs,
  checkAnchors,
  formatAnchorLine,
  parseAnchorFile,
  type AnchorProblem,
  type AnchorRecord,
  type AnchorRef,
  type UnsignedAnchor,
} from '../core/audit/anchor.js';
import { initialVerifyState, verifyStep, type AuditEntry, type ChainProblem } from '../core/audit/chain.js';
import {
  actorRef,
  type Actor,
  type AnchorKeys,
  type AnchorLog,
  type Clock,
  type Repositories,
  type Store,
} from './ports.js';

/** Appends an audit entry inside the caller's transaction, so it commits with the change it describes. */
export const recordAudit = (
  repos: Repositories,
  clock: Clock,
  actor: Actor,
  action: string,
  subject: string,
  details: Record<string, unknown> = {},
): Promise<AuditEntry> =>
  repos.audit.append({ at: clock.now().toISOString(), actor: actorRef(actor), action, subject, details });

/** What the anchor file says about the chain (ADR 0002): absent when no anchor file was checked. */
export interface AnchorReport {
  /** False when the anchor file does not exist (yet): nothing anchored, nothing to hold against. */
  readonly present: boolean;
  /** Anchors that hold. */
  readonly anchors: number;
  readonly lastGood: AnchorRef | null;
  readonly problem?: AnchorProblem;
}

export type AuditVerification =
  | {
      readonly ok: true;
      readonly checked: number;
      readonly headHash: string | null;
      readonly anchor?: AnchorReport;
    }
  | {
      readonly ok: false;
      readonly checked: number;
      /** The first problem: the chain's own, else the anchor's. */
      readonly problem: { readonly kind: string; readonly seq: number; readonly detail: string };
      readonly anchor?: AnchorReport;
    };

export interface AnchorOutcome {
  /** The record appended now; undefined when the head had not moved (or the chain is empty). */
  readonly written: AnchorRecord | undefined;
  /** The newest anchor in the file (the one written now, or the one that already held this head). */
  readonly latest: AnchorRecord | undefined;
  readonly headSeq: number;
  /** The newest earlier anchor, when it no longer holds (the chain was cut or rewritten behind it). */
  readonly previousBroken: AnchorRecord | undefined;
}

export const auditService = (deps: {
  store: Store;
  clock: Clock;
  /** The configured anchor file and signing key (absent: no anchoring, verify checks the chain only). */
  anchor?: { log: AnchorLog; keys: AnchorKeys };
}) => {
  let lastAnchor: AnchorRecord | undefined;
  let lastAnchorRead = false;

  const head = async () => (await deps.store.read.audit.page({ limit: 1 }))[0];
  const hashAt = async (seq: number) => {
    const [e] = await deps.store.read.audit.page({ beforeSeq: seq + 1, limit: 1 });
    return e?.seq === seq ? e.hash : undefined;
  };

  return {
    /**
     * Streams the whole chain in order and names the first bad entry; then holds the chain against
     * the anchor file (`anchor`: another file than the configured one, or null for none; `keys`:
     * another key than the configured one).
     */
    async verify(opts: { anchor?: AnchorLog | null; keys?: AnchorKeys } = {}): Promise<AuditVerification> {
      const log = opts.anchor === undefined ? deps.anchor?.log : (opts.anchor ?? undefined);
      const keys = opts.keys ?? deps.anchor?.keys;
      const text = log ? await log.read() : undefined;
      const lines = text === undefined ? [] : parseAnchorFile(text);
      const wanted = anchoredSeqs(lines);
      const chainHashes = new Map<number, string>();
      let state = initialVerifyState;
      let chainProblem: ChainProblem | undefined;
      let checked = 0;
      let headSeq = 0;
      for await (const entry of deps.store.read.audit.iterate(1000)) {
        // Past a broken entry the chain proves nothing, but the stored hashes still answer the anchors.
        if (wanted.has(entry.seq)) chainHashes.set(entry.seq, entry.hash);
        headSeq = entry.seq;
        if (chainProblem) continue;
        const r = verifyStep(state, entry);
        if (r.ok) state = r.state;
        else {
          chainProblem = r.problem;
          checked = state.checked;
        }
      }
      if (!chainProblem) checked = state.checked;

      let anchor: AnchorReport | undefined;
      if (log) {
        if (text === undefined) anchor = { present: false, anchors: 0, lastGood: null };
        else {
          const publicKey = keys?.publicKey();
          const c = publicKey
            ? checkAnchors({ lines, publicKey, chainHashes, chainHead: headSeq })
            : lines.length === 0
              ? { ok: true, anchors: 0, lastGood: null }
              : {
                  ok: false,
                  anchors: 0,
                  lastGood: null,
                  problem: {
                    kind: 'anchor-signature' as const,
                    seq: 0,
                    line: lines[0]!.line,
                    detail: `no anchor key at ${keys?.location ?? '(none configured)'}: the signatures cannot be checked`,
                  },
                };
          anchor = {
            present: true,
            anchors: c.anchors,
            lastGood: c.lastGood,
            ...(c.problem ? { problem: c.problem } : {}),
          };
        }
      }
      const withAnchor = anchor ? { anchor } : {};
      const first = chainProblem ?? anchor?.problem;
      if (first)
        return {
          ok: false,
          checked,
          problem: { kind: first.kind, seq: first.seq, detail: first.detail },
          ...withAnchor,
        };
      return { ok: true, checked, headHash: state.last?.hash ?? null, ...withAnchor };
    },

    /**
     * Appends a signed record of the current head to the anchor file, unless the head has not moved
     * since the last anchor. Also checks (one lookup) that the last anchor still holds.
     */
    async anchor(): Promise<AnchorOutcome> {
      if (!deps.anchor) throw new Error('no audit anchor configured');
      const { log, keys } = deps.anchor;
      if (!lastAnchorRead) {
        const text = await log.read();
        const records =
          text === undefined ? [] : parseAnchorFile(text).flatMap((l) => (l.ok ? [l.record] : []));
        lastAnchor = records.at(-1);
        lastAnchorRead = true;
      }
      const previous = lastAnchor;
      const previousBroken =
        previous && (await hashAt(previous.seq)) !== previous.hash ? previous : undefined;
      const h = await head();
      if (!h) return { written: undefined, latest: previous, headSeq: 0, previousBroken };
      if (previous && previous.seq === h.seq && previous.hash === h.hash)
        return { written: undefined, latest: previous, headSeq: h.seq, previousBroken };
      const signer = keys.signer();
      const unsigned: UnsignedAnchor = {
        v: ANCHOR_VERSION,
        seq: h.seq,
        hash: h.hash,
        at: deps.clock.now().toISOString(),
        key: anchorKeyId(signer.publicKey),
      };
      const record: AnchorRecord = { ...unsigned, sig: signer.sign(anchorPayload(unsigned)) };
      await log.append(formatAnchorLine(record));
      lastAnchor = record;
      return { written: record, latest: record, headSeq: h.seq, previousBroken };
    },

    /** The newest entry's sequence number (0 when empty), for metrics. */
    headSeq: async () => (await head())?.seq ?? 0,

    /** A page of entries, newest first, with the acting user's name beside the stable id. */
    async page(opts: {
      beforeSeq?: number;
      limit: number;
      subject?: string;
      action?: string;
    }): Promise<Array<AuditEntry & { actorName: string | null }>> {
      const entries = await deps.store.read.audit.page(opts);
      const names = new Map((await deps.store.read.users.list()).map((u) => [`user:${u.id}`, u.username]));
      return entries.map((e) => ({
        ...e,
        actorName: names.get(e.actor) ?? (e.actor.startsWith('system:') ? e.actor : null),
      }));
    },
    count: () => deps.store.read.audit.count(),
  };
};

export type AuditService = ReturnType<typeof auditService>;
