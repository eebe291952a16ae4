/**
 * The incident register: every alarm's incident, incidents entered by hand, their reports and
 * the statistics the assessment's necessity test reads. The free-text narrative is stored and
 * shown to readers of the register, but never written to a log or the audit chain.
 */
import { fieldRule } from '../core/field-rules.js';
import { servesSite } from '../core/alarm/audience.js';
import { isIncidentKind } from '../core/alarm/model.js';
import { validateReport, type IncidentReportInput } from '../core/alarm/report.js';
import { checkAmendment, securityFloor, type ReportVersion } from '../core/alarm/report-amend.js';
import { incidentStatistics, type IncidentStatistics, type StatGroup } from '../core/alarm/statistics.js';
import { err, ok, unwrap, type Result } from '../core/result.js';
import type { User } from '../core/registry/model.js';
import type { AlarmRepositories, AlarmStore, IncidentEntry, IncidentFilter } from './alarm-ports.js';
import { inTransaction } from './transaction.js';
import { recordAudit } from './audit.service.js';
import type { Actor, Clock, IdGenerator } from './ports.js';
import { servedRoom } from './site-scope.js';

export interface ManualIncidentInput extends IncidentReportInput {
  roomId: string;
  conversationTypeId?: string;
  occurredAt: string;
}

/** Lists leave the narrative out; it is read one incident at a time. */
export type IncidentSummary = Omit<IncidentEntry, 'narrative'> & { readonly hasNarrative: boolean };
export const summaryOf = ({ narrative, ...rest }: IncidentEntry): IncidentSummary => ({
  ...rest,
  hasNarrative: narrative !== null,
});

/** Security (and the register's readers) see every incident; a front-desk employee the ones they raised or entered. */
const mayReport = (user: Pick<User, 'id' | 'roles' | 'siteIds'>, i: IncidentEntry): boolean =>
  servesSite(user, i.siteId) &&
  (user.roles.includes('security') || i.raisedBy === user.id || i.reportedBy === user.id);

/** One incident with its current report version and (for readers of narratives) every version. */
export type IncidentDetail = IncidentEntry & {
  readonly reportVersion: number | null;
  /** Oldest first; null when the viewer may not read narratives (the history holds them). */
  readonly history: readonly ReportVersion[] | null;
};

/**
 * The stored versions; a report filed before versioning (migration 0006) or by the demo loader
 * counts as version 1, written as security when its writer holds that role.
 */
const versionsOf = async (
  repos: Pick<AlarmRepositories, 'reportVersions' | 'users'>,
  i: IncidentEntry,
): Promise<ReportVersion[]> => {
  const stored = await repos.reportVersions.list(i.id);
  const kind = i.kind;
  if (
    stored.length > 0 ||
    i.reportedAt === null ||
    kind === null ||
    !isIncidentKind(kind) ||
    i.severity === null
  )
    return stored;
  const writer = i.reportedBy === null ? undefined : await repos.users.get(i.reportedBy);
  return [
    {
      version: 1,
      kind,
      severity: i.severity,
      injury: i.injury,
      policeReport: i.policeReport,
      policeReference: i.policeReference,
      followUp: i.followUp,
      narrative: i.narrative,
      reportedBy: i.reportedBy ?? 'unknown',
      reportedAt: i.reportedAt,
      bySecurity: writer?.roles.includes('security') ?? false,
    },
  ];
};

const notFound = (id: string) =>
  err('INCIDENT.NOT_FOUND', `incident ${id} does not exist`, { incidentId: id });

const reportAudit = (i: IncidentEntry) => ({
  kind: i.kind,
  severity: i.severity,
  injury: i.injury,
  policeReport: i.policeReport,
  policeReference: i.policeReference !== null,
  followUp: i.followUp !== null,
  narrative: i.narrative !== null,
});

export const incidentService = (deps: { store: AlarmStore; clock: Clock; ids: IdGenerator }) => {
  const { store, clock, ids } = deps;
  return {
    list: async (filter: IncidentFilter): Promise<IncidentSummary[]> =>
      (await store.read.incidentRegister.list(filter)).map(summaryOf),

    /**
     * One page of the register and how many incidents the filter selects. The search reaches the
     * narrative only for those who may read narratives (security, the DPO): for anyone else a hit
     * would tell what a narrative they may not read contains.
     */
    register: async (
      viewer: Pick<User, 'roles'>,
      filter: IncidentFilter & { limit: number; offset: number },
    ): Promise<{ items: IncidentSummary[]; total: number }> => {
      const f = {
        ...filter,
        searchNarrative: viewer.roles.includes('security') || viewer.roles.includes('dpo'),
      };
      const rows = await store.read.incidentRegister.list(f);
      return { items: rows.map(summaryOf), total: await store.read.incidentRegister.count(f) };
    },

    /**
     * One incident, as far as this viewer may see it: nothing outside the sites they serve (404,
     * not 403: no hint that it exists), and the free-text narrative only for security, the DPO
     * and whoever wrote it — it can hold details about people that statistics readers do not need.
     */
    get: async (
      id: string,
      viewer: Pick<User, 'id' | 'roles' | 'siteIds'>,
    ): Promise<Result<IncidentDetail>> => {
      const i = await store.read.incidentRegister.get(id);
      if (!i || (viewer.siteIds.length > 0 && !viewer.siteIds.includes(i.siteId))) return notFound(id);
      const versions = await versionsOf(store.read, i);
      const reportVersion = versions.at(-1)?.version ?? null;
      const mayReadNarrative =
        viewer.roles.includes('security') ||
        viewer.roles.includes('dpo') ||
        versions.some((v) => v.reportedBy === viewer.id) ||
        i.reportedBy === viewer.id;
      return ok(
        mayReadNarrative
          ? { ...i, reportVersion, history: versions }
          : { ...i, narrative: null, reportVersion, history: null },
      );
    },

    /** What this user still has to report: for front-desk their own alarms' incidents, for security all of their sites. */
    toReport: async (user: Pick<User, 'id' | 'roles' | 'siteIds'>): Promise<IncidentSummary[]> => {
      const rows = await store.read.incidentRegister.list({
        unreported: true,
        ...(user.roles.includes('security') ? {} : { raisedBy: user.id }),
        limit: 200,
      });
      return rows.filter((i) => mayReport(user, i)).map(summaryOf);
    },

    report: (
      actor: Actor,
      user: Pick<User, 'id' | 'roles' | 'siteIds'>,
      id: string,
      input: IncidentReportInput,
    ): Promise<Result<IncidentEntry & { reportVersion: number }>> =>
      inTransaction(store, async (repos) => {
        const cur = await repos.incidentRegister.get(id);
        if (!cur || !servesSite(user, cur.siteId)) return unwrap(notFound(id));
        if (!mayReport(user, cur))
          return unwrap(
            err(
              'AUTH.FORBIDDEN',
              'only the employee who raised the alarm, or security, can report this incident',
            ),
          );
        if (cur.alarmId) {
          const alarm = await repos.alarms.get(cur.alarmId);
          if (alarm && alarm.state !== 'closed')
            return unwrap(
              err('INCIDENT.ALARM_OPEN', 'the alarm is still open; close it first', { alarmId: alarm.id }),
            );
        }
        const report = unwrap(validateReport(input));
        const versions = await versionsOf(repos, cur);
        const asSecurity = user.roles.includes('security');
        // Whoever is not security adds to what security recorded, never takes away (core/alarm/report-amend.ts).
        if (!asSecurity) unwrap(checkAmendment(securityFloor(versions), report));
        const at = clock.now().toISOString();
        const stored = await repos.reportVersions.list(id);
        // A report from before versioning becomes version 1, so the history starts with it.
        if (stored.length === 0 && versions.length > 0) await repos.reportVersions.insert(id, versions[0]!);
        const version: ReportVersion = {
          ...report,
          version: (versions.at(-1)?.version ?? 0) + 1,
          reportedBy: user.id,
          reportedAt: at,
          bySecurity: asSecurity,
        };
        await repos.reportVersions.insert(id, version);
        const next: IncidentEntry = { ...cur, ...report, reportedBy: user.id, reportedAt: at };
        await repos.incidentRegister.update(next);
        await recordAudit(
          repos,
          clock,
          actor,
          cur.reportedAt === null ? 'incident.report' : 'incident.amend',
          `incident:${id}`,
          { ...reportAudit(next), version: version.version },
        );
        return { ...next, reportVersion: version.version };
      }),

    /** An incident without an alarm (reported afterwards, or from before Proportio). */
    createManual: (
      actor: Actor,
      user: Pick<User, 'id' | 'roles'>,
      input: ManualIncidentInput,
    ): Promise<Result<IncidentEntry & { reportVersion: number }>> =>
      inTransaction(store, async (repos) => {
        // No evidence for a site the person does not serve.
        const room = await servedRoom(repos, actor, input.roomId);
        if (input.conversationTypeId && !(await repos.conversationTypes.get(input.conversationTypeId))) {
          return unwrap(
            err('RESOURCE.NOT_FOUND', `conversation type ${input.conversationTypeId} does not exist`, {
              field: 'conversationTypeId',
            }),
          );
        }
        const occurred = Date.parse(input.occurredAt);
        if (Number.isNaN(occurred))
          return unwrap(
            err('INCIDENT.INVALID', 'occurredAt must be an ISO-8601 time', fieldRule('occurredAt', 'format')),
          );
        if (occurred > clock.now().getTime() + 60_000)
          return unwrap(
            err(
              'INCIDENT.INVALID',
              'occurredAt lies in the future',
              fieldRule('occurredAt', 'not-in-future'),
            ),
          );
        const report = unwrap(validateReport(input));
        const at = clock.now().toISOString();
        const i: IncidentEntry = {
          id: ids.newId(),
          siteId: room.siteId,
          roomId: room.id,
          conversationTypeId: input.conversationTypeId ?? null,
          occurredAt: new Date(occurred).toISOString(),
          source: 'manual',
          ...report,
          reportedBy: user.id,
          reportedAt: at,
          createdAt: at,
          alarmId: null,
          conversationId: null,
          raisedBy: user.id,
          respondedAt: null,
          responseMs: null,
        };
        await repos.incidentRegister.insert(i);
        await repos.reportVersions.insert(i.id, {
          ...report,
          version: 1,
          reportedBy: user.id,
          reportedAt: at,
          bySecurity: user.roles.includes('security'),
        });
        await recordAudit(repos, clock, actor, 'incident.create', `incident:${i.id}`, {
          siteId: i.siteId,
          roomId: i.roomId,
          occurredAt: i.occurredAt,
          ...reportAudit(i),
        });
        return { ...i, reportVersion: 1 };
      }),

    statistics: async (
      groupBy: StatGroup,
      filter: IncidentFilter,
    ): Promise<IncidentStatistics & { from: string | null; to: string | null }> => ({
      ...incidentStatistics(await store.read.incidentRegister.statRows(filter), groupBy),
      from: filter.from ?? null,
      to: filter.to ?? null,
    }),
  };
};

export type IncidentService = ReturnType<typeof incidentService>;
