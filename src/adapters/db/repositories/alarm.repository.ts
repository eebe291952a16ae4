/** Repositories of conversations, alarms, MQTT devices and the incident register (with its alarm columns). */
import { sql } from 'kysely';
import {
  INCIDENT_FACT_COLUMNS,
  incidentRecordRow,
  toIncidentFacts,
  toIncidentRecord,
} from './incident.repository.js';
import type {
  Acknowledgement,
  Alarm,
  AlarmSource,
  AlarmState,
  Conversation,
  DeviceKind,
  IncidentKind,
} from '../../../core/alarm/model.js';
import type { StatRow } from '../../../core/alarm/statistics.js';
import type {
  AlarmRepository,
  ConversationRepository,
  DeviceRecord,
  DeviceRepository,
  IncidentEntry,
  IncidentFilter,
  IncidentRegisterRepository,
  ReportVersionRepository,
} from '../../../services/alarm-ports.js';
import type { ReportVersion } from '../../../core/alarm/report-amend.js';
import type { AlarmRow, ConversationRow, DeviceRow } from '../schema-alarm.js';
import type { IncidentTable } from '../schema.js';
import { bool, int, type Executor } from './executor.js';

const toConversation = (r: ConversationRow): Conversation => ({
  id: r.id,
  siteId: r.site_id,
  roomId: r.room_id,
  conversationTypeId: r.conversation_type_id,
  startedBy: r.started_by,
  startedAt: r.started_at,
  endedAt: r.ended_at,
  endedBy: r.ended_by,
  riskFlag: bool(Number(r.risk_flag)),
  riskReason: r.risk_reason,
});

const conversationRow = (c: Conversation): ConversationRow => ({
  id: c.id,
  site_id: c.siteId,
  room_id: c.roomId,
  conversation_type_id: c.conversationTypeId,
  started_by: c.startedBy,
  started_at: c.startedAt,
  ended_at: c.endedAt,
  ended_by: c.endedBy,
  risk_flag: int(c.riskFlag),
  risk_reason: c.riskReason,
});

export const conversationRepository = (db: Executor): ConversationRepository => ({
  insert: async (c) => {
    await db.insertInto('conversations').values(conversationRow(c)).execute();
  },
  update: async (c) => {
    const { id, ...rest } = conversationRow(c);
    await db.updateTable('conversations').set(rest).where('id', '=', id).execute();
  },
  get: async (id) => {
    const r = await db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toConversation(r);
  },
  runningInRoom: async (roomId) => {
    const r = await db
      .selectFrom('conversations')
      .selectAll()
      .where('room_id', '=', roomId)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    return r && toConversation(r);
  },
  running: async (f) => {
    let q = db.selectFrom('conversations').selectAll().where('ended_at', 'is', null);
    if (f.siteId) q = q.where('site_id', '=', f.siteId);
    if (f.startedBy) q = q.where('started_by', '=', f.startedBy);
    return (await q.orderBy('started_at', 'desc').execute()).map(toConversation);
  },
  list: async (f) => {
    let q = db.selectFrom('conversations').selectAll();
    if (f.roomId) q = q.where('room_id', '=', f.roomId);
    if (f.siteId) q = q.where('site_id', '=', f.siteId);
    return (await q.orderBy('started_at', 'desc').limit(f.limit).execute()).map(toConversation);
  },
});

const toAlarm = (r: AlarmRow): Alarm => ({
  id: r.id,
  siteId: r.site_id,
  roomId: r.room_id,
  conversationId: r.conversation_id,
  conversationTypeId: r.conversation_type_id,
  source: r.source as AlarmSource,
  raisedBy: r.raised_by,
  deviceId: r.device_id,
  raisedAt: r.raised_at,
  lastPressAt: r.last_press_at,
  pressCount: Number(r.press_count),
  state: r.state as AlarmState,
  silent: bool(Number(r.silent)),
  acknowledgedAt: r.acknowledged_at,
  escalatedAt: r.escalated_at,
  closedAt: r.closed_at,
  closedBy: r.closed_by,
  incidentId: r.incident_id,
});

const alarmRow = (a: Alarm): AlarmRow => ({
  id: a.id,
  site_id: a.siteId,
  room_id: a.roomId,
  conversation_id: a.conversationId,
  conversation_type_id: a.conversationTypeId,
  source: a.source,
  raised_by: a.raisedBy,
  device_id: a.deviceId,
  raised_at: a.raisedAt,
  last_press_at: a.lastPressAt,
  press_count: a.pressCount,
  state: a.state,
  silent: int(a.silent),
  acknowledged_at: a.acknowledgedAt,
  escalated_at: a.escalatedAt,
  closed_at: a.closedAt,
  closed_by: a.closedBy,
  incident_id: a.incidentId,
});

export const alarmRepository = (db: Executor, dialect: 'sqlite' | 'postgres'): AlarmRepository => ({
  lock: async (key) => {
    if (dialect === 'postgres')
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`alarm:${key}`}))`.execute(db);
  },
  insert: async (a) => {
    await db.insertInto('alarms').values(alarmRow(a)).execute();
  },
  update: async (a) => {
    const { id, ...rest } = alarmRow(a);
    await db.updateTable('alarms').set(rest).where('id', '=', id).execute();
  },
  get: async (id) => {
    const r = await db.selectFrom('alarms').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toAlarm(r);
  },
  open: async (f) => {
    let q = db.selectFrom('alarms').selectAll().where('state', '!=', 'closed');
    if (f.siteId) q = q.where('site_id', '=', f.siteId);
    if (f.roomId) q = q.where('room_id', '=', f.roomId);
    return (await q.orderBy('raised_at').execute()).map(toAlarm);
  },
  list: async (f) => {
    let q = db.selectFrom('alarms').selectAll();
    if (f.siteId) q = q.where('site_id', '=', f.siteId);
    return (await q.orderBy('raised_at', 'desc').limit(f.limit).execute()).map(toAlarm);
  },
  raisedBy: async (f) =>
    (
      await db
        .selectFrom('alarms')
        .selectAll()
        .where('raised_by', '=', f.userId)
        .where((eb) => eb.or([eb('state', '!=', 'closed'), eb('closed_at', '>=', f.closedSince)]))
        .orderBy('raised_at', 'desc')
        .limit(f.limit)
        .execute()
    ).map(toAlarm),
  addAcknowledgement: async (a) => {
    const exists = await db
      .selectFrom('alarm_acknowledgements')
      .select('user_id')
      .where('alarm_id', '=', a.alarmId)
      .where('user_id', '=', a.userId)
      .executeTakeFirst();
    if (exists) return false;
    await db
      .insertInto('alarm_acknowledgements')
      .values({ alarm_id: a.alarmId, user_id: a.userId, at: a.at })
      .execute();
    return true;
  },
  acknowledgements: async (ids) => {
    if (ids.length === 0) return [];
    const rows = await db
      .selectFrom('alarm_acknowledgements')
      .selectAll()
      .where('alarm_id', 'in', [...ids])
      .orderBy('at')
      .execute();
    return rows.map((r): Acknowledgement => ({ alarmId: r.alarm_id, userId: r.user_id, at: r.at }));
  },
});

const toDevice = (r: DeviceRow): DeviceRecord => ({
  id: r.id,
  name: r.name,
  kind: r.kind as DeviceKind,
  roomId: r.room_id,
  userId: r.user_id,
  tokenHash: r.token_hash,
  createdAt: r.created_at,
  disabledAt: r.disabled_at,
  lastSeenAt: r.last_seen_at,
});

const deviceRow = (d: DeviceRecord): DeviceRow => ({
  id: d.id,
  name: d.name,
  kind: d.kind,
  room_id: d.roomId,
  user_id: d.userId,
  token_hash: d.tokenHash,
  created_at: d.createdAt,
  disabled_at: d.disabledAt,
  last_seen_at: d.lastSeenAt,
});

export const deviceRepository = (db: Executor): DeviceRepository => ({
  insert: async (d) => {
    await db.insertInto('devices').values(deviceRow(d)).execute();
  },
  update: async (d) => {
    const { id, ...rest } = deviceRow(d);
    await db.updateTable('devices').set(rest).where('id', '=', id).execute();
  },
  get: async (id) => {
    const r = await db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toDevice(r);
  },
  findByName: async (name) => {
    const r = await db.selectFrom('devices').selectAll().where('name', '=', name).executeTakeFirst();
    return r && toDevice(r);
  },
  list: async () => (await db.selectFrom('devices').selectAll().orderBy('name').execute()).map(toDevice),
  touch: async (id, at) => {
    await db.updateTable('devices').set({ last_seen_at: at }).where('id', '=', id).execute();
  },
});

const numberOrNull = (n: number | null | undefined): number | null =>
  n === null || n === undefined ? null : Number(n);

const toEntry = (r: IncidentTable): IncidentEntry => ({
  ...toIncidentRecord(r),
  alarmId: r.alarm_id ?? null,
  conversationId: r.conversation_id ?? null,
  raisedBy: r.raised_by ?? null,
  respondedAt: r.responded_at ?? null,
  responseMs: numberOrNull(r.response_ms),
});

const entryRow = (i: IncidentEntry): IncidentTable => ({
  ...incidentRecordRow(i),
  alarm_id: i.alarmId,
  conversation_id: i.conversationId,
  raised_by: i.raisedBy,
  responded_at: i.respondedAt,
  response_ms: i.responseMs,
});

export const incidentRegisterRepository = (db: Executor): IncidentRegisterRepository => {
  const filtered = (f: IncidentFilter) => {
    let q = db.selectFrom('incidents');
    if (f.siteId) q = q.where('site_id', '=', f.siteId);
    if (f.siteIds && f.siteIds.length > 0) q = q.where('site_id', 'in', [...f.siteIds]);
    if (f.roomId) q = q.where('room_id', '=', f.roomId);
    if (f.conversationTypeId) q = q.where('conversation_type_id', '=', f.conversationTypeId);
    if (f.from) q = q.where('occurred_at', '>=', f.from);
    if (f.to) q = q.where('occurred_at', '<', f.to);
    if (f.unreported) q = q.where('reported_at', 'is', null);
    if (f.raisedBy) q = q.where('raised_by', '=', f.raisedBy);
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.severity !== undefined) q = q.where('severity', '=', f.severity);
    if (f.policeReport !== undefined) q = q.where('police_report', '=', f.policeReport ? 1 : 0);
    if (f.reported === true) q = q.where('reported_at', 'is not', null);
    if (f.reported === false) q = q.where('reported_at', 'is', null);
    if (f.text) {
      // LIKE with its wildcards escaped, lower() on both sides: the same on SQLite and PostgreSQL.
      const pattern = `%${f.text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const like = (column: 'follow_up' | 'police_reference' | 'narrative') =>
        sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
      q = q.where((eb) =>
        eb.or([
          like('follow_up'),
          like('police_reference'),
          ...(f.searchNarrative ? [like('narrative')] : []),
        ]),
      );
    }
    return q;
  };
  return {
    insert: async (i) => {
      await db.insertInto('incidents').values(entryRow(i)).execute();
    },
    update: async (i) => {
      const { id, ...rest } = entryRow(i);
      await db.updateTable('incidents').set(rest).where('id', '=', id).execute();
    },
    get: async (id) => {
      const r = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toEntry(r);
    },
    list: async (f) =>
      (
        await filtered(f)
          .selectAll()
          .orderBy('occurred_at', 'desc')
          .orderBy('id', 'desc')
          .limit(f.limit ?? 500)
          .offset(f.offset ?? 0)
          .execute()
      ).map(toEntry),
    count: async (f) => {
      const r = await filtered(f)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },
    statRows: async (f) => {
      const rows = await filtered(f)
        .select([...INCIDENT_FACT_COLUMNS, 'response_ms'])
        .limit(f.limit ?? 100_000)
        .execute();
      return rows.map((r): StatRow => ({ ...toIncidentFacts(r), responseMs: numberOrNull(r.response_ms) }));
    },
  };
};

export const reportVersionRepository = (db: Executor): ReportVersionRepository => ({
  insert: async (incidentId, v) => {
    await db
      .insertInto('incident_report_versions')
      .values({
        incident_id: incidentId,
        version: v.version,
        kind: v.kind,
        severity: v.severity,
        injury: int(v.injury),
        police_report: int(v.policeReport),
        police_reference: v.policeReference,
        follow_up: v.followUp,
        narrative: v.narrative,
        reported_by: v.reportedBy,
        reported_at: v.reportedAt,
        by_security: int(v.bySecurity),
      })
      .execute();
  },
  list: async (incidentId) =>
    (
      await db
        .selectFrom('incident_report_versions')
        .selectAll()
        .where('incident_id', '=', incidentId)
        .orderBy('version')
        .execute()
    ).map((r): ReportVersion => ({
      version: Number(r.version),
      // Written only through validateReport, so always one of INCIDENT_KINDS.
      kind: r.kind as IncidentKind,
      severity: Number(r.severity),
      injury: bool(Number(r.injury)),
      policeReport: bool(Number(r.police_report)),
      policeReference: r.police_reference,
      followUp: r.follow_up,
      narrative: r.narrative,
      reportedBy: r.reported_by,
      reportedAt: r.reported_at,
      bySecurity: bool(Number(r.by_security)),
    })),
});
