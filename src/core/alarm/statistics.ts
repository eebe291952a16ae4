/**
 * Incident statistics: the evidence the assessment's necessity test (NEC-1) counts per site, room,
 * kind of conversation and period. Pure: the rows come in, the figures go out.
 */
import { INCIDENT_KINDS, SEVERITY_MAX, SEVERITY_MIN, type IncidentFacts } from './model.js';

export const STAT_GROUPS = ['site', 'room', 'conversationType', 'kind', 'month', 'quarter', 'year'] as const;
export type StatGroup = (typeof STAT_GROUPS)[number];
export const isStatGroup = (s: string): s is StatGroup => (STAT_GROUPS as readonly string[]).includes(s);

export interface StatRow extends IncidentFacts {
  readonly responseMs: number | null;
}

export interface ResponseTimes {
  readonly count: number;
  readonly medianMs: number | null;
  readonly p90Ms: number | null;
  readonly maxMs: number | null;
}

export interface StatBucket {
  /** The id (site, room, conversation type), kind, or period ("2026-03", "2026-Q1", "2026"); "none" when unknown. */
  readonly key: string;
  readonly count: number;
  readonly byKind: Readonly<Record<string, number>>;
  readonly bySeverity: Readonly<Record<string, number>>;
  readonly injuries: number;
  readonly policeReports: number;
  readonly fromAlarm: number;
  readonly unreported: number;
  readonly responseTimes: ResponseTimes;
}

export interface IncidentStatistics {
  readonly groupBy: StatGroup;
  readonly total: StatBucket;
  readonly groups: readonly StatBucket[];
}

/** Nearest-rank percentile of sorted values. */
export const percentile = (sorted: readonly number[], p: number): number | null => {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? null;
};

export const bucketKey = (row: StatRow, by: StatGroup): string => {
  // Periods in UTC: the register stores UTC, and a report must not depend on the server's zone.
  const d = new Date(row.occurredAt);
  switch (by) {
    case 'site':
      return row.siteId;
    case 'room':
      return row.roomId;
    case 'conversationType':
      return row.conversationTypeId ?? 'none';
    case 'kind':
      return row.kind ?? 'none';
    case 'month':
      return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    case 'quarter':
      return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
    case 'year':
      return String(d.getUTCFullYear());
  }
};

const emptyCounts = (keys: readonly string[]): Record<string, number> =>
  Object.fromEntries(keys.map((k) => [k, 0]));
const SEVERITIES = Array.from({ length: SEVERITY_MAX - SEVERITY_MIN + 1 }, (_, i) =>
  String(SEVERITY_MIN + i),
);

export const summarise = (key: string, rows: readonly StatRow[]): StatBucket => {
  const byKind = emptyCounts([...INCIDENT_KINDS, 'none']);
  const bySeverity = emptyCounts([...SEVERITIES, 'none']);
  const times: number[] = [];
  let injuries = 0;
  let policeReports = 0;
  let fromAlarm = 0;
  let unreported = 0;
  for (const r of rows) {
    const k = r.kind !== null && r.kind in byKind ? r.kind : 'none';
    byKind[k] = (byKind[k] ?? 0) + 1;
    const s = r.severity === null ? 'none' : String(r.severity);
    bySeverity[s in bySeverity ? s : 'none'] = (bySeverity[s in bySeverity ? s : 'none'] ?? 0) + 1;
    if (r.injury) injuries++;
    if (r.policeReport) policeReports++;
    if (r.source === 'alarm') fromAlarm++;
    if (r.reportedAt === null) unreported++;
    if (r.responseMs !== null) times.push(r.responseMs);
  }
  times.sort((a, b) => a - b);
  return {
    key,
    count: rows.length,
    byKind,
    bySeverity,
    injuries,
    policeReports,
    fromAlarm,
    unreported,
    responseTimes: {
      count: times.length,
      medianMs: percentile(times, 50),
      p90Ms: percentile(times, 90),
      maxMs: times.at(-1) ?? null,
    },
  };
};

export const incidentStatistics = (rows: readonly StatRow[], groupBy: StatGroup): IncidentStatistics => {
  const groups = new Map<string, StatRow[]>();
  for (const r of rows) {
    const k = bucketKey(r, groupBy);
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  return {
    groupBy,
    total: summarise('total', rows),
    groups: [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, list]) => summarise(k, list)),
  };
};
