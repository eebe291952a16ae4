/**
 * The API client: JSON in and out, the session cookie (sent by the browser), the CSRF header on
 * every write, and RFC 9457 problem details turned into an ApiError the UI can show.
 */

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors?: readonly FieldProblem[];
  readonly details?: Readonly<Record<string, unknown>>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail);
    this.name = 'ApiError';
  }
}

/** The server could not be reached at all (no HTTP response). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network error', { cause });
    this.name = 'NetworkError';
  }
}

export interface User {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly email: string;
  readonly roles: readonly string[];
  readonly siteIds: readonly string[];
  readonly disabled: boolean;
  readonly hasPassword: boolean;
  readonly oidc: boolean;
  readonly lockedUntil: string | null;
  readonly createdAt: string;
}

/** An API token as listed (GET /api/auth/tokens, /api/tokens): never the secret. */
export interface ApiToken {
  readonly id: string;
  readonly userId: string;
  readonly username: string;
  readonly name: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
  readonly endedReason: 'revoked' | 'password-changed' | 'password-reset' | 'account-disabled' | null;
  readonly state: 'active' | 'expired' | 'revoked';
}

export interface Me {
  readonly user: User;
  readonly csrfToken: string | null;
  readonly permissions: readonly string[];
}

// The registry's shapes are the server's own domain types: one definition, no drift.
export type { Camera, ConversationType, Organisation, Room, Site } from '../../src/core/registry/model.js';

export interface Setting {
  readonly key: string;
  readonly value: unknown;
  readonly description: string;
  readonly default: unknown;
  readonly updatedAt: string | null;
  readonly updatedBy: string | null;
}

export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly details: Readonly<Record<string, unknown>>;
  readonly prevHash: string;
  readonly hash: string;
  /** The stored row could not be read (its details are not a JSON object). */
  readonly damage?: { readonly reason: string; readonly raw: string };
}

export interface AuditPage {
  readonly entries: readonly AuditEntry[];
  readonly total: number;
  readonly nextBefore: number | null;
}

export interface AuditVerification {
  readonly ok: boolean;
  readonly checked: number;
  readonly headHash?: string | null;
  readonly problem?: { readonly kind: string; readonly seq: number; readonly detail: string };
  /** The chain held against the anchor file of signed heads (absent: none configured). */
  readonly anchor?: {
    readonly present: boolean;
    readonly anchors: number;
    readonly lastGood: { readonly line: number; readonly seq: number; readonly at: string } | null;
  };
}

export interface OidcInfo {
  readonly enabled: boolean;
  readonly label: string | null;
}

let csrfToken: string | null = null;

/** Remembers the CSRF token that login and /api/auth/me hand out. */
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const toProblem = (status: number, body: unknown): Problem => {
  if (isRecord(body) && typeof body.detail === 'string' && typeof body.code === 'string') {
    const errors = Array.isArray(body.errors)
      ? body.errors.filter(
          (e): e is FieldProblem =>
            isRecord(e) && typeof e.field === 'string' && typeof e.message === 'string',
        )
      : undefined;
    return {
      type: typeof body.type === 'string' ? body.type : 'about:blank',
      title: typeof body.title === 'string' ? body.title : '',
      status,
      code: body.code,
      detail: body.detail,
      ...(errors ? { errors } : {}),
      ...(isRecord(body.details) ? { details: body.details } : {}),
    };
  }
  return {
    type: 'about:blank',
    title: `HTTP ${status}`,
    status,
    code: status >= 500 ? 'INTERNAL' : 'HTTP',
    detail: `HTTP ${status}`,
  };
};

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export const request = async <T>(method: Method, path: string, body?: unknown): Promise<T> => {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (e) {
    throw new NetworkError(e);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text) as unknown;
    } catch {
      parsed = undefined;
    }
  }
  if (!res.ok) throw new ApiError(res.status, toProblem(res.status, parsed));
  return parsed as T;
};

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
};

/** Builds a query string, leaving out undefined values. */
export const query = (params: Record<string, string | number | undefined>): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};

// Alarms, conversations and incidents (src/http/routes/alarms, src/http/routes/incidents).

export interface ConversationTypeRef {
  readonly id: string;
  readonly code: string;
  readonly nameNl: string;
  readonly nameEn: string;
}

export type AlarmState = 'raised' | 'acknowledged' | 'closed';

export interface AlarmView {
  readonly id: string;
  readonly state: AlarmState;
  readonly siteId: string;
  readonly siteName: string;
  readonly roomId: string;
  readonly roomName: string;
  readonly floor: string;
  readonly conversationId: string | null;
  readonly conversationType: ConversationTypeRef | null;
  readonly riskFlag: boolean;
  readonly source: 'web' | 'mqtt' | 'api';
  readonly raisedBy: { readonly userId: string; readonly displayName: string } | null;
  readonly deviceId: string | null;
  readonly silent: boolean;
  readonly raisedAt: string;
  readonly lastPressAt: string;
  readonly pressCount: number;
  readonly acknowledgedAt: string | null;
  readonly acknowledgements: readonly {
    readonly userId: string;
    readonly displayName: string;
    readonly at: string;
  }[];
  readonly escalatedAt: string | null;
  readonly closedAt: string | null;
  readonly closedBy: string | null;
  readonly incidentId: string;
}

/** GET /api/rooms/:id/transparency: texts for residents, from the room's effective policy. */
export interface RoomTransparency {
  readonly recording: boolean;
  /** The second-layer address printed on the sign (the public privacy page). */
  readonly secondLayerUrl: string;
  readonly secondLayerMarkdown: string;
  readonly letterParagraph: { readonly nl: string; readonly en: string };
}

/** GET /api/alarms/mine: my own alarm as the panic view sees it (no names for a silent alarm). */
export interface MyAlarm {
  readonly id: string;
  readonly state: AlarmState;
  readonly roomId: string;
  readonly roomName: string;
  readonly silent: boolean;
  readonly raisedAt: string;
  readonly lastPressAt: string;
  readonly pressCount: number;
  readonly acknowledgedAt: string | null;
  readonly acknowledgements: readonly { readonly displayName: string; readonly at: string }[];
  readonly namesWithheld: boolean;
  readonly closedAt: string | null;
  readonly incidentId: string;
}

export interface RaiseResult {
  readonly alarm: AlarmView;
  readonly joined: boolean;
}

/** One event on GET /api/alarms/stream. */
export interface AlarmEvent {
  readonly type: 'alarm.raised' | 'alarm.joined' | 'alarm.acknowledged' | 'alarm.closed' | 'alarm.escalated';
  readonly at: string;
  readonly alarm: AlarmView;
}

export interface Conversation {
  readonly id: string;
  readonly siteId: string;
  readonly roomId: string;
  readonly conversationTypeId: string;
  readonly startedBy: string;
  readonly startedAt: string;
  readonly endedAt: string | null;
  readonly endedBy: string | null;
  readonly riskFlag: boolean;
  readonly riskReason?: string | null;
}

export type RoomState = 'free' | 'in-conversation' | 'alarm';

export interface RoomStatus {
  readonly roomId: string;
  readonly siteId: string;
  readonly name: string;
  readonly floor: string;
  readonly state: RoomState;
  readonly conversation: {
    readonly id: string;
    readonly conversationTypeId: string;
    readonly startedAt: string;
    readonly riskFlag: boolean;
  } | null;
  readonly openAlarmIds: readonly string[];
}

export const INCIDENT_KINDS = [
  'verbal-aggression',
  'intimidation-threat',
  'discrimination',
  'damage',
  'physical-violence',
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
export const SEVERITIES = [1, 2, 3, 4, 5] as const;

export interface IncidentSummary {
  readonly id: string;
  readonly siteId: string;
  readonly roomId: string;
  readonly conversationTypeId: string | null;
  readonly occurredAt: string;
  readonly source: 'alarm' | 'manual';
  readonly kind: IncidentKind | null;
  readonly severity: number | null;
  readonly injury: boolean;
  readonly policeReport: boolean;
  readonly policeReference: string | null;
  readonly followUp: string | null;
  readonly reportedBy: string | null;
  readonly reportedAt: string | null;
  readonly createdAt: string;
  readonly alarmId: string | null;
  readonly conversationId: string | null;
  readonly raisedBy: string | null;
  readonly respondedAt: string | null;
  readonly responseMs: number | null;
  readonly hasNarrative?: boolean;
}

export interface Incident extends IncidentSummary {
  readonly narrative: string | null;
}

export interface IncidentReport {
  readonly kind: IncidentKind;
  readonly severity: number;
  readonly injury: boolean;
  readonly policeReport: boolean;
  readonly policeReference: string | null;
  readonly followUp: string | null;
  readonly narrative: string | null;
}

export const STAT_GROUPS = ['site', 'room', 'conversationType', 'kind', 'month', 'quarter', 'year'] as const;
export type StatGroup = (typeof STAT_GROUPS)[number];

export interface StatBucket {
  readonly key: string;
  readonly count: number;
  readonly byKind: Readonly<Record<string, number>>;
  readonly bySeverity: Readonly<Record<string, number>>;
  readonly injuries: number;
  readonly policeReports: number;
  readonly fromAlarm: number;
  readonly unreported: number;
  readonly responseTimes: {
    readonly count: number;
    readonly medianMs: number | null;
    readonly p90Ms: number | null;
    readonly maxMs: number | null;
  };
}

export interface IncidentStatistics {
  readonly groupBy: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly total: StatBucket;
  readonly groups: readonly StatBucket[];
}

/** GET /api/health: everything that is not "ok" is shown on every screen. */
/** GET /api/health: translate by `code` + `params` (docs/operations.md); `message` is English. */
export interface HealthItem {
  readonly component: string;
  readonly status: 'ok' | 'warning' | 'error';
  readonly code: string;
  readonly message: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

// Assessments and room policy (src/http/routes/assessments, src/http/routes/policy, docs/assessment/workflow.md).

export type Bilingual = { readonly nl: string; readonly en: string };
export type Verdict = 'not-permitted' | 'permitted-with-conditions' | 'permitted';
export type FindingOutcome = 'pass' | 'fail' | 'condition' | 'review';
export type VersionStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'withdrawn';

export const MEASURE_IDS = [
  'room-design',
  'de-escalation',
  'second-staff-member',
  'host-nearby',
  'alarm-button',
  'live-view',
  'incident-recording',
  'continuous-video',
  'audio-recording',
  'covert-recording',
] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];
export const PURPOSE_KINDS = ['immediate-help', 'deterrence', 'evidence'] as const;
export const ALTERNATIVE_STATUSES = [
  'in-place-insufficient',
  'considered-insufficient',
  'adopted-instead',
  'not-considered',
] as const;
export const DPO_RECOMMENDATIONS = ['approve', 'approve-with-conditions', 'reject'] as const;

/** The scenario as the wizard builds it (docs/assessment/README.md); the engine validates it. */
export interface Scenario {
  readonly schemaVersion: 1;
  readonly title: string;
  readonly assessedOn: string;
  readonly controller: { readonly name: string; readonly publicAuthority: boolean };
  readonly measure: {
    readonly id: string;
    readonly audio?: boolean;
    readonly preRollSeconds?: number;
    readonly postRollSeconds?: number;
    readonly camera?: 'fixed' | 'flexible' | 'body-worn';
    readonly startDate?: string;
  };
  readonly scope: {
    readonly rooms: readonly { readonly id: string; readonly name?: string }[];
    readonly conversationTypes: readonly {
      readonly id: string;
      readonly name?: string;
      readonly sensitive: boolean;
    }[];
    readonly hours?: readonly {
      readonly days: readonly number[];
      readonly from: string;
      readonly to: string;
    }[];
    readonly riskFlaggedOnly?: boolean;
    readonly publiclyAccessible?: boolean;
  };
  readonly purpose: { readonly text: string; readonly kinds: readonly string[] };
  readonly legalBasis: { readonly article: string; readonly provision?: string };
  readonly evidence: {
    readonly imminentDanger?: { readonly statement: string; readonly date: string };
    readonly statistics?: string;
  };
  readonly alternatives: readonly {
    readonly measure: string;
    readonly status: string;
    readonly reasons: string;
  }[];
  readonly safeguards: {
    readonly transparency?: {
      readonly sign: boolean;
      readonly signContents?: readonly string[];
      readonly secondLayer: boolean;
      readonly letterText?: string;
    };
    readonly worksCouncilConsentDate?: string;
    readonly retentionHours?: number;
    readonly retentionJustification?: string;
    readonly automaticDeletion?: boolean;
    readonly access?: {
      readonly roles: readonly string[];
      readonly fourEyes: boolean;
      readonly logged: boolean;
      readonly encryptedAtRest: boolean;
    };
    readonly reviewDate?: string;
    readonly objectionSwitchesOff?: boolean;
    readonly rightsProcedure?: boolean;
    readonly noStaffPerformanceUse?: boolean;
    readonly audioJustification?: string;
    readonly art9Exception?: string;
  };
  readonly dpia: {
    readonly date?: string;
    readonly residualRisk?: 'low' | 'medium' | 'high';
    readonly priorConsultationDate?: string;
  };
  readonly peopleAffected: {
    readonly staff: boolean;
    readonly residents: boolean;
    readonly minors: boolean;
    readonly vulnerableGroups: boolean;
  };
  readonly conditionsAccessToService: boolean;
}

export interface Finding {
  readonly ruleId: string;
  readonly title: Bilingual;
  readonly outcome: FindingOutcome;
  readonly effectiveOutcome: FindingOutcome;
  readonly reasons: readonly Bilingual[];
  readonly source: string;
  readonly humanJudgement?: { readonly outcome: string; readonly name: string; readonly reasons: string };
}

export interface Evaluation {
  readonly verdict: Verdict;
  readonly findings: readonly Finding[];
  readonly pendingReviews: readonly string[];
  readonly dpia: {
    readonly required: boolean;
    readonly apListItems: readonly { readonly number: number; readonly name: Bilingual }[];
    readonly wp248Criteria: readonly { readonly number: number; readonly name: Bilingual }[];
    readonly reasons: readonly Bilingual[];
  };
  readonly conditions: readonly {
    readonly kind: string;
    readonly ruleId: string;
    readonly text: Bilingual;
  }[];
  readonly evidence: {
    readonly source: string;
    readonly incidents: readonly unknown[];
    readonly unreported: number;
  };
}

export interface ComparisonRow {
  readonly measureId: string;
  readonly verdict: Verdict;
  readonly rank: number;
  readonly name: Bilingual;
  readonly achieves: Readonly<Record<string, string>>;
  readonly meetsPurpose: boolean;
  readonly findingsSummary: Readonly<Record<FindingOutcome, number>>;
  readonly failedRules: readonly string[];
  readonly pros: Bilingual;
  readonly cons: Bilingual;
  readonly assessed: boolean;
}

export interface Comparison {
  readonly rows: readonly ComparisonRow[];
  readonly purposeKinds: readonly string[];
  readonly conclusion: Bilingual;
}

export interface AssessmentVersion {
  readonly assessmentId: string;
  readonly version: number;
  readonly status: VersionStatus;
  readonly scenario: Scenario;
  readonly verdict?: Verdict;
  readonly dpoAdvice?: {
    readonly name: string;
    readonly at: string;
    readonly advice: string;
    readonly recommendation: string;
  };
  readonly dataSubjectViews?: {
    readonly at: string;
    readonly sought: boolean;
    readonly summary?: string;
    readonly reasonNotSought?: string;
    readonly representatives?: string;
  };
  readonly humanJudgements: readonly {
    readonly ruleId: string;
    readonly outcome: string;
    readonly name: string;
    readonly reasons: string;
    readonly date: string;
  }[];
  readonly decision?: {
    readonly name: string;
    readonly at: string;
    readonly outcome: string;
    readonly reasons: string;
  };
  readonly validFrom?: string;
  readonly validUntil?: string;
  readonly withdrawal?: { readonly at: string; readonly reason: string };
  readonly submittedAt?: string;
  readonly createdBy: string;
  readonly createdAt: string;
}

export interface AssessmentHead {
  readonly id: string;
  readonly title: string;
  readonly measure: string;
  readonly createdBy: string;
  readonly createdAt: string;
}

export interface AssessmentSummary extends AssessmentHead {
  readonly latest: {
    readonly version: number;
    readonly status: string;
    readonly title: string;
    readonly verdict: string | null;
    readonly validUntil: string | null;
  };
  readonly approvedVersion: number | null;
}

export type RecordingModeView =
  | { readonly kind: 'off' }
  | { readonly kind: 'incident-triggered'; readonly preRollSeconds: number; readonly postRollSeconds: number }
  | { readonly kind: 'continuous' };

export interface RoomPolicyView {
  readonly roomId: string;
  readonly roomName: string;
  readonly at: string;
  readonly policy: {
    readonly entries: readonly {
      readonly assessmentId: string;
      readonly measureId: string;
      readonly conversationTypeId: string;
      readonly hours: readonly {
        readonly days: readonly number[];
        readonly from: string;
        readonly to: string;
      }[];
      readonly mode: RecordingModeView;
      readonly audioAllowed: boolean;
      readonly retentionHours: number;
      readonly viewers: readonly string[];
      readonly validUntil?: string;
    }[];
  };
  readonly decisions: readonly {
    readonly conversationTypeId: string;
    readonly code: string;
    readonly name: string;
    readonly decision: {
      readonly mode: RecordingModeView;
      readonly audioAllowed: boolean;
      readonly retentionHours?: number;
      readonly viewers: readonly string[];
      readonly assessmentIds: readonly string[];
      readonly reason: string;
    };
  }[];
}

// Recording switches (src/http/routes/recording).

export interface Suspension {
  readonly id: string;
  readonly scope: 'site' | 'organisation';
  readonly siteId: string | null;
  readonly reason: string;
  readonly suspendedBy: string;
  readonly suspendedAt: string;
  readonly resumedBy: string | null;
  readonly resumedAt: string | null;
  readonly resumeReason: string | null;
}
