import type { IncidentFacts } from '../../../core/alarm/model.js';
import type { IncidentRecord, IncidentRepository } from '../../../services/ports.js';
import type { IncidentTable } from '../schema.js';
import { bool, int, type Executor } from './executor.js';

/** The columns of an incident's facts, for a query that needs no more (statistics). */
export const INCIDENT_FACT_COLUMNS = [
  'site_id',
  'room_id',
  'conversation_type_id',
  'occurred_at',
  'source',
  'kind',
  'severity',
  'injury',
  'police_report',
  'reported_at',
] as const;

/** Row → facts: both dialects' integers and 0/1 become numbers and booleans. */
export const toIncidentFacts = (
  r: Pick<IncidentTable, (typeof INCIDENT_FACT_COLUMNS)[number]>,
): IncidentFacts => ({
  siteId: r.site_id,
  roomId: r.room_id,
  conversationTypeId: r.conversation_type_id,
  occurredAt: r.occurred_at,
  source: r.source === 'alarm' ? 'alarm' : 'manual',
  kind: r.kind,
  severity: r.severity === null ? null : Number(r.severity),
  injury: bool(Number(r.injury)),
  policeReport: bool(Number(r.police_report)),
  reportedAt: r.reported_at,
});

/** Row → record for the columns every incident has (capabilities add their own columns on top). */
export const toIncidentRecord = (r: IncidentTable): IncidentRecord => ({
  id: r.id,
  ...toIncidentFacts(r),
  policeReference: r.police_reference,
  followUp: r.follow_up,
  narrative: r.narrative,
  reportedBy: r.reported_by,
  createdAt: r.created_at,
});

/** Record → row for the columns every incident has. */
export const incidentRecordRow = (i: IncidentRecord) => ({
  id: i.id,
  site_id: i.siteId,
  room_id: i.roomId,
  conversation_type_id: i.conversationTypeId,
  occurred_at: i.occurredAt,
  source: i.source,
  kind: i.kind,
  severity: i.severity,
  injury: int(i.injury),
  police_report: int(i.policeReport),
  police_reference: i.policeReference,
  follow_up: i.followUp,
  narrative: i.narrative,
  reported_by: i.reportedBy,
  reported_at: i.reportedAt,
  created_at: i.createdAt,
});

export const incidentRepository = (db: Executor): IncidentRepository => ({
  insert: async (i) => {
    await db.insertInto('incidents').values(incidentRecordRow(i)).execute();
  },
  list: async (f) => {
    // The linked conversation's risk flag (0002-alarms: incidents.conversation_id) is evidence for NEC-3.
    let q = db
      .selectFrom('incidents')
      .leftJoin('conversations', 'conversations.id', 'incidents.conversation_id')
      .selectAll('incidents')
      .select('conversations.risk_flag as conversation_risk_flag');
    if (f.siteId) q = q.where('incidents.site_id', '=', f.siteId);
    if (f.roomId) q = q.where('incidents.room_id', '=', f.roomId);
    if (f.from) q = q.where('incidents.occurred_at', '>=', f.from);
    if (f.to) q = q.where('incidents.occurred_at', '<', f.to);
    return (
      await q
        .orderBy('incidents.occurred_at', 'desc')
        .limit(f.limit ?? 1000)
        .execute()
    ).map(({ conversation_risk_flag: flag, ...r }) =>
      flag === null || flag === undefined
        ? toIncidentRecord(r)
        : { ...toIncidentRecord(r), riskFlagged: Number(flag) === 1 },
    );
  },
  count: async () =>
    Number(
      (
        await db
          .selectFrom('incidents')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
});
