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
import type { Text } from '../core/assessment/text.js';
import { auditFacts, type AuditFactValue } from '../core/audit/facts.js';
import { auditGroupOf, auditSentence, type AuditGroup } from '../core/audit/sentences.js';
import { initialVerifyState, verifyStep, type AuditEntry, type ChainProblem } from '../core/audit/chain.js';
import {
  actorRef,
  type Actor,
  type AuditFilter,
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

/** An entry with names instead of ids, and its sentence (Dutch and English). */
export type NamedAuditEntry = AuditEntry & {
  /** The actor's name (null: an account that no longer exists). */
  readonly actorName: string | null;
  /** What the subject names, in words (a person, an assessment's title, a room, …). */
  readonly subjectName: Text;
  readonly sentence: Text;
  readonly group: AuditGroup | null;
  /** The details as a person reads them: ids as names or left out (core/audit/facts.ts). */
  readonly facts: Readonly<Record<string, AuditFactValue>>;
};

const both = (x: string): Text => ({ nl: x, en: x });
/** Subjects whose ids are no names a reader knows: said as what they are. */
const SUBJECT_WORDS: Readonly<Record<string, Text>> = {
  alarm: { nl: 'een alarm', en: 'an alarm' },
  clip: { nl: 'een opname', en: 'a recording' },
  incident: { nl: 'een incident', en: 'an incident' },
  conversation: { nl: 'een gesprek', en: 'a conversation' },
  device: { nl: 'een alarmknop', en: 'an alarm button' },
  policy: { nl: 'het opnamebeleid', en: 'the recording policy' },
  assessment: { nl: 'een beoordeling', en: 'an assessment' },
  vault: { nl: 'de kluis', en: 'the vault' },
  organisation: { nl: 'de organisatie', en: 'the organisation' },
  'rights-request': { nl: 'een verzoek van een inwoner', en: "a resident's request" },
};
const DELETED_USER: Text = { nl: 'verwijderde gebruiker', en: 'deleted user' };
const SYSTEM_ACTOR: Text = { nl: 'Het systeem', en: 'The system' };

export const auditService = (deps: {
  store: Store;
  clock: Clock;
  /** The configured anchor file and signing key (absent: no anchoring, verify checks the chain only). */
  anchor?: { log: AnchorLog; keys: AnchorKeys };
  /** Assessment titles by id (the assessment capability's store), for the log's sentences. */
  assessmentTitles?: (ids: readonly string[]) => Promise<ReadonlyMap<string, string>>;
}) => {
  let lastAnchor: AnchorRecord | undefined;
  let lastAnchorRead = false;

  /** Names for the entries' actors and subjects, read once per page. */
  const nameBook = async (entries: readonly AuditEntry[]) => {
    const r = deps.store.read;
    const [users, sites, rooms, cameras, types] = await Promise.all([
      r.users.list(),
      r.sites.list(),
      r.rooms.list(),
      r.cameras.list(),
      r.conversationTypes.list(),
    ]);
    const siteName = new Map(sites.map((x) => [x.id, x.name]));
    const map = new Map<string, Text>();
    for (const u of users) map.set(`user:${u.id}`, both(u.displayName || u.username));
    for (const x of sites) map.set(`site:${x.id}`, both(x.name));
    for (const x of rooms) map.set(`room:${x.id}`, both(`${siteName.get(x.siteId) ?? ''} — ${x.name}`));
    for (const x of cameras) map.set(`camera:${x.id}`, both(x.name));
    for (const x of types) map.set(`conversation-type:${x.id}`, { nl: x.nameNl, en: x.nameEn });
    const detailIds = (v: unknown): string[] =>
      typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [];
    const assessmentIds = entries.flatMap((e) => [
      ...(e.subject.startsWith('assessment:') ? [e.subject.slice('assessment:'.length)] : []),
      ...detailIds(e.details['assessmentId']),
      ...detailIds(e.details['assessmentIds']),
    ]);
    if (deps.assessmentTitles && assessmentIds.length > 0)
      for (const [id, title] of await deps.assessmentTitles([...new Set(assessmentIds)]))
        map.set(`assessment:${id}`, both(title));
    return map;
  };
  const named = (e: AuditEntry, names: ReadonlyMap<string, Text>): NamedAuditEntry => {
    const actor = e.actor.startsWith('system:') ? SYSTEM_ACTOR : (names.get(e.actor) ?? DELETED_USER);
    const kind = e.subject.split(':')[0] ?? '';
    const subjectName =
      names.get(e.subject) ??
      (kind === 'user'
        ? DELETED_USER
        : kind === 'setting'
          ? both(e.subject.slice('setting:'.length))
          : (SUBJECT_WORDS[kind] ?? both(e.subject)));
    return {
      ...e,
      actorName: e.actor.startsWith('system:') ? SYSTEM_ACTOR.nl : (names.get(e.actor)?.nl ?? null),
      subjectName,
      sentence: auditSentence(e.action, { actor, subject: subjectName }),
      group: auditGroupOf(e.action) ?? null,
      facts: e.damage ? {} : auditFacts(e.details, (ref) => names.get(ref)),
    };
  };

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
    /**
     * A page of the log, newest first, each entry with the names of who did it and what it
     * concerned, and its sentence in both languages (core/audit/sentences.ts).
     */
    async page(opts: { beforeSeq?: number; limit: number } & AuditFilter): Promise<NamedAuditEntry[]> {
      const entries = await deps.store.read.audit.page(opts);
      const names = await nameBook(entries);
      return entries.map((e) => named(e, names));
    },
    /** How many entries the filter selects. */
    countWhere: (filter: AuditFilter) => deps.store.read.audit.countWhere(filter),
    /** The people who can appear as actors (for the "who" filter): every account, by name. */
    people: async () =>
      (await deps.store.read.users.list())
        .map((u) => ({ id: u.id, name: u.displayName || u.username }))
        .sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    count: () => deps.store.read.audit.count(),
  };
};

export type AuditService = ReturnType<typeof auditService>;
