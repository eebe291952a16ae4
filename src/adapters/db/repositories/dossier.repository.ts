/**
 * The stored facts of the regulator dossier (docs/dossier.md): plain reads, no rules. Of a
 * resident's request it selects only kind, channel, site, status, decision and the days that make
 * its timeliness — never the requester's name, contact, recognition, window or reasons.
 */
import type { DossierPeriod } from '../../../core/dossier/dossier.js';
import type { StoredDossierFacts } from '../../../services/dossier-ports.js';
import type { Database } from '../connection.js';
import '../schema-holds.js';
import '../schema-recording.js';
import '../schema-rights.js';
import '../schema-viewing.js';
import { createAssessmentStore } from './assessment-store.js';
import { createRecordingStore } from './recording-store.js';

const DAY_MS = 86_400_000;
/** UTC bounds a day wider than the period on each side; the core keeps what falls on its days in Amsterdam. */
const bounds = (p: DossierPeriod) => ({
  from: new Date(Date.parse(p.from) - DAY_MS).toISOString(),
  to: new Date(Date.parse(p.to) + 2 * DAY_MS).toISOString(),
});
const clipOf = (subject: string): string => subject.replace(/^clip:/, '');

export const storedDossierFacts =
  (database: Database) =>
  async (period: DossierPeriod): Promise<StoredDossierFacts> => {
    const { db } = database;
    const b = bounds(period);
    const assessmentsStore = createAssessmentStore(database).read;
    const recording = createRecordingStore(database).read;
    const [organisation, sites, rooms, types, heads, policyVersions, suspensions, users] = await Promise.all([
      recording.organisation.get(),
      recording.sites.list(),
      recording.rooms.list(),
      recording.conversationTypes.list(),
      assessmentsStore.assessments.list(),
      assessmentsStore.policyVersions.list(1_000_000),
      recording.suspensions.list(1_000_000),
      db.selectFrom('users').select(['id', 'display_name']).execute(),
    ]);
    const userName = new Map(users.map((u) => [u.id, u.display_name]));
    const nameOf = (ref: string) => userName.get(ref.replace(/^user:/, '')) ?? ref;
    const typeName = new Map(types.map((t) => [t.id, t.nameNl]));
    const roomName = new Map(rooms.map((r) => [r.id, r.name]));

    const assessments = await Promise.all(
      heads.map(async (h) => {
        const versions = await assessmentsStore.assessments.versions(h.id);
        const scope = versions.at(-1)?.scenario.scope;
        return {
          id: h.id,
          title: versions.at(-1)?.scenario.title ?? h.title,
          measure: h.measure,
          rooms: (scope?.rooms ?? []).map((r) => ({ id: r.id, name: roomName.get(r.id) ?? r.name ?? r.id })),
          conversationTypes: (scope?.conversationTypes ?? []).map((c) => ({
            id: c.id,
            name: typeName.get(c.id) ?? c.name ?? c.id,
          })),
          versions: versions.map((v) => ({
            version: v.version,
            status: v.status,
            createdAt: v.createdAt,
            submittedAt: v.submittedAt,
            verdict: v.verdict,
            dpoAdvice: v.dpoAdvice,
            decision: v.decision,
            validFrom: v.validFrom,
            validUntil: v.validUntil,
            withdrawal: v.withdrawal && { at: v.withdrawal.at, reason: v.withdrawal.reason },
          })),
        };
      }),
    );

    const clipRows = await db
      .selectFrom('clips')
      .select(['id', 'room_id', 'started_at', 'created_at', 'retention_until', 'deleted_at'])
      .where((w) =>
        w.or([
          w.and([w('started_at', '>=', b.from), w('started_at', '<', b.to)]),
          w.and([w('started_at', 'is', null), w('created_at', '>=', b.from), w('created_at', '<', b.to)]),
        ]),
      )
      .execute();
    const [holds, objections, viewing, requests, footageAudit] = await Promise.all([
      db
        .selectFrom('clip_holds')
        .innerJoin('clips', 'clips.id', 'clip_holds.clip_id')
        .select(['clip_holds.clip_id', 'clip_holds.placed_at', 'clip_holds.until', 'clip_holds.released_at'])
        .where((w) =>
          w.or([
            w.and([w('clips.started_at', '>=', b.from), w('clips.started_at', '<', b.to)]),
            w.and([w('clip_holds.placed_at', '>=', b.from), w('clip_holds.placed_at', '<', b.to)]),
          ]),
        )
        .execute(),
      db
        .selectFrom('recording_objections')
        .select(['room_id', 'at'])
        .where('at', '>=', b.from)
        .where('at', '<', b.to)
        .execute(),
      db
        .selectFrom('viewing_requests')
        .select([
          'clip_id',
          'site_id',
          'requested_at',
          'requested_by',
          'reason',
          'legal_ground',
          'police_report',
          'purposes',
          'state',
          'plays_used',
        ])
        .where('requested_at', '>=', b.from)
        .where('requested_at', '<', b.to)
        .execute(),
      db
        .selectFrom('subject_requests')
        .select([
          'received_on',
          'kind',
          'channel',
          'site_id',
          'status',
          'decision',
          'extension_notified_on',
          'answered_on',
        ])
        .where('received_on', '>=', period.from)
        .where('received_on', '<=', period.to)
        .execute(),
      db
        .selectFrom('audit_log')
        .select(['at', 'actor', 'action', 'subject'])
        .where('action', 'in', ['viewing.played', 'clip.exported'])
        .execute(),
    ]);
    // The rooms of clips viewed or exported that were recorded outside the period.
    const known = new Map(clipRows.map((c) => [c.id, c.room_id]));
    const missing = [
      ...new Set([...footageAudit.map((e) => clipOf(e.subject)), ...viewing.map((v) => v.clip_id)]),
    ].filter((id) => !known.has(id));
    for (let i = 0; i < missing.length; i += 500) {
      const rows = await db
        .selectFrom('clips')
        .select(['id', 'room_id'])
        .where('id', 'in', missing.slice(i, i + 500))
        .execute();
      for (const r of rows) known.set(r.id, r.room_id);
    }

    return {
      organisation,
      sites: sites.map((s) => ({ id: s.id, name: s.name })),
      rooms: rooms.map((r) => ({ id: r.id, name: r.name, siteId: r.siteId })),
      conversationTypes: types.map((t) => ({ id: t.id, name: t.nameNl })),
      assessments,
      policyVersions: policyVersions.map((v) => ({
        seq: v.seq,
        compiledAt: v.compiledAt,
        trigger: v.trigger,
        cause: v.cause,
        hash: v.hash,
        rooms: v.compiled.rooms,
      })),
      suspensions: suspensions.map((s) => ({
        scope: s.scope,
        siteId: s.siteId,
        suspendedAt: s.suspendedAt,
        resumedAt: s.resumedAt,
      })),
      objections: objections.map((o) => ({ roomId: o.room_id, at: o.at })),
      clips: clipRows.map((c) => ({
        id: c.id,
        roomId: c.room_id,
        startedAt: c.started_at,
        createdAt: c.created_at,
        retentionUntil: c.retention_until,
        deletedAt: c.deleted_at,
      })),
      plays: footageAudit
        .filter((e) => e.action === 'viewing.played')
        .map((e) => ({ clipId: clipOf(e.subject), at: e.at })),
      exports: footageAudit
        .filter((e) => e.action === 'clip.exported')
        .map((e) => ({
          clipId: clipOf(e.subject),
          at: e.at,
          by: nameOf(e.actor),
          roomId: known.get(clipOf(e.subject)) ?? '',
        })),
      holds: holds.map((h) => ({
        clipId: h.clip_id,
        placedAt: h.placed_at,
        until: h.until,
        releasedAt: h.released_at,
      })),
      viewingRequests: viewing.map((v) => ({
        clipId: v.clip_id,
        roomId: known.get(v.clip_id) ?? '',
        siteId: v.site_id,
        requestedAt: v.requested_at,
        requestedBy: nameOf(v.requested_by),
        reason: v.reason,
        legalGround: v.legal_ground,
        policeReport: v.police_report !== null && v.police_report !== '',
        purposes: JSON.parse(v.purposes) as string[],
        state: v.state,
        playsUsed: Number(v.plays_used),
      })),
      subjectRequests: requests.map((r) => ({
        receivedOn: r.received_on,
        kind: r.kind,
        channel: r.channel,
        siteId: r.site_id,
        status: r.status,
        decision: r.decision,
        extensionNotifiedOn: r.extension_notified_on,
        answeredOn: r.answered_on,
      })),
    };
  };
