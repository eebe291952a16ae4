/**
 * What the API answers, typed from the server's own definitions: the routes' TypeBox schemas
 * (`Static<typeof …Schema>`) where a response has one, else the TypeScript type the server
 * returns. Type imports only: they are erased, so no server code lands in the bundle (the
 * dependency rule `web-imports-server-types-only` checks it).
 */
import type { Static, TSchema } from 'typebox';
import type { IncidentKind } from '../../src/core/alarm/model.js';
import type { AlarmEvent as ServerAlarmEvent } from '../../src/core/alarm/events.js';
import type { IncidentStatistics as ServerStatistics, StatGroup } from '../../src/core/alarm/statistics.js';
import type { MeasureId, PurposeKind } from '../../src/core/assessment/catalogue.js';
import type { Comparison as ServerComparison } from '../../src/core/assessment/compare.js';
import type { Outcome } from '../../src/core/assessment/rule.js';
import type { AlternativeStatus, LegalBasis } from '../../src/core/assessment/scenario.schema.js';
import type { Text } from '../../src/core/assessment/text.js';
import type { AssessedFinding, Verdict as ServerVerdict } from '../../src/core/assessment/verdict.js';
import type { Permission, Role } from '../../src/core/auth/roles.js';
import type {
  TOKEN_DEFAULT_DAYS as SERVER_TOKEN_DEFAULT_DAYS,
  TOKEN_MAX_DAYS as SERVER_TOKEN_MAX_DAYS,
} from '../../src/core/auth/tokens.js';
import type { RecordingMode } from '../../src/core/policy/policy.js';
import type { TransparencyInput, TransparencyTexts } from '../../src/adapters/reports/transparency.js';
import type { BannerItemSchema } from '../../src/http/routes/health/health-schemas.js';
import type {
  AlarmViewSchema,
  ConversationSchema,
  MyAlarmSchema,
  RoomStatusSchema,
} from '../../src/http/routes/alarms/alarm-schemas.js';
import type { AssessmentHeadSchema } from '../../src/http/routes/assessments/assessment-schemas.js';
import type {
  BucketSchema,
  IncidentSchema,
  IncidentSummarySchema,
  RegisterPageSchema,
} from '../../src/http/routes/incidents/incident-schemas.js';
import type {
  ClipSchema,
  FootageSchema,
  SuspensionSchema,
} from '../../src/http/routes/recording/recording-schemas.js';
import type {
  ClipHoldsSchema,
  DeletionSchema,
  HoldPolicySchema,
  HoldSchema,
} from '../../src/http/routes/holds/hold-schemas.js';
import type { AuditEntrySchema, AuditPageSchema } from '../../src/http/routes/audit/audit-schemas.js';
import type {
  RedactionJobSchema,
  ReviewBody as RedactionReviewBodySchema,
} from '../../src/http/routes/redaction/redaction-schemas.js';
import type {
  FootageEventSchema,
  LegalGroundSchema,
  PlaySchema,
  PurposeSchema,
  RequestBody,
  RequestStateSchema,
  ViewingRequestSchema,
} from '../../src/http/routes/footage/footage-schemas.js';
import type {
  MeSchema,
  OidcInfoSchema,
  PasswordPolicySchema,
} from '../../src/http/routes/auth/auth-schemas.js';
import type {
  CameraSchema,
  ConversationTypeSchema,
  OrganisationSchema,
  RoomSchema,
  SettingSchema,
  SiteSchema,
} from '../../src/http/routes/registry/registry-schemas.js';
import type { UserSchema } from '../../src/http/routes/users/users-schemas.js';
import type { AgentSchema, CreatedAgentSchema } from '../../src/http/routes/agents/agent-schemas.js';
import type { TodoItemSchema } from '../../src/http/routes/todo/todo-schemas.js';
import type {
  ClipActionResultSchema,
  FindingsSchema,
  RequestDetailSchema,
  RequestSchema,
} from '../../src/http/routes/rights/rights-schemas.js';
import type {
  ComplaintDetailSchema,
  ComplaintSchema,
} from '../../src/http/routes/complaints/complaints-schemas.js';
import type { AuditVerification as ServerAuditVerification } from '../../src/services/audit.service.js';
import type { ApiTokenView } from '../../src/services/auth.service.js';
import type {
  AssessmentVersion as ServerAssessmentVersion,
  DpoRecommendation,
  VersionStatus as ServerVersionStatus,
} from '../../src/services/assessment-ports.js';
import type {
  AssessmentSummary as ServerAssessmentSummary,
  Evaluation as ServerEvaluation,
} from '../../src/services/assessment.service.js';
import type { RoomPolicyView as ServerRoomPolicyView } from '../../src/services/policy.service.js';

/** A response as the UI holds it: read-only all the way down (it reads what the API answers, never changes it). */
type Answer<S extends TSchema> = Frozen<Static<S>>;
type Frozen<T> = T extends readonly (infer U)[]
  ? readonly Frozen<U>[]
  : T extends object
    ? { readonly [K in keyof T]: Frozen<T[K]> }
    : T;

/**
 * Every member of the union U, in the order the UI shows them. The UI needs the lists as values
 * and imports no server code, so it keeps its own: a member the server adds and the list lacks
 * (or a member the server does not know) is a type error here.
 */
const everyOf =
  <U extends string | number>() =>
  <const L extends readonly U[]>(
    list: L & ([U] extends [L[number]] ? unknown : { missing: Exclude<U, L[number]> }),
  ): L =>
    list;

// Registry, users, tokens, audit (src/http/schemas.ts).

export type Site = Answer<typeof SiteSchema>;
export type Room = Answer<typeof RoomSchema>;
export type Camera = Answer<typeof CameraSchema>;
export type ConversationType = Answer<typeof ConversationTypeSchema>;
export type Organisation = Answer<typeof OrganisationSchema>;
export type User = Answer<typeof UserSchema>;
/** An API token as listed (GET /api/auth/tokens, /api/tokens): never the secret. */
export type ApiToken = ApiTokenView;
export const ROLES = everyOf<Role>()([
  'front-desk',
  'responder',
  'security',
  'dpo',
  'decision-maker',
  'admin',
  'auditor',
]);
/** An API token's default and longest lifetime in days: the server's numbers (another is a type error). */
export const TOKEN_DEFAULT_DAYS: typeof SERVER_TOKEN_DEFAULT_DAYS = 90;
export const TOKEN_MAX_DAYS: typeof SERVER_TOKEN_MAX_DAYS = 365;
export type AuditEntry = Answer<typeof AuditEntrySchema>;
export type AuditVerification = ServerAuditVerification;

/** GET /api/auth/me and POST /api/auth/login; the schema says string[], the roles table says which. */
export type Me = Omit<Answer<typeof MeSchema>, 'permissions'> & {
  readonly permissions: readonly Permission[];
};
export type Setting = Answer<typeof SettingSchema>;
export type AuditPage = Answer<typeof AuditPageSchema>;
export type OidcInfo = Answer<typeof OidcInfoSchema>;
export type PasswordPolicy = Answer<typeof PasswordPolicySchema>;

/**
 * GET /api/health: the items meant for the viewer, with their kind (fault, configuration, notice);
 * translate by `code` + `params` (docs/operations.md); `message` is English.
 */
export type HealthItem = Answer<typeof BannerItemSchema>;

// Alarms, conversations and incidents (src/http/routes/alarms, src/http/routes/incidents).

export type AlarmView = Answer<typeof AlarmViewSchema>;
/** GET /api/alarms/mine: my own alarm as the panic view sees it (no names for a silent alarm). */
export type MyAlarm = Answer<typeof MyAlarmSchema>;
/** POST /api/alarms. */
export interface RaiseResult {
  readonly alarm: AlarmView;
  readonly joined: boolean;
}
/** One event on GET /api/alarms/stream. */
export type AlarmEvent = ServerAlarmEvent;
export type Conversation = Answer<typeof ConversationSchema>;
export type RoomStatus = Answer<typeof RoomStatusSchema>;

export const INCIDENT_KINDS = everyOf<IncidentKind>()([
  'verbal-aggression',
  'intimidation-threat',
  'discrimination',
  'damage',
  'physical-violence',
]);
export type { IncidentKind };

export type IncidentSummary = Answer<typeof IncidentSummarySchema>;
/** GET /api/incidents/register: one page and the number of incidents the filter selects. */
export type IncidentRegisterPage = Answer<typeof RegisterPageSchema>;
/** One thing to do on the start page (GET /api/me/todo). */
export type TodoItem = Answer<typeof TodoItemSchema>;
/** A resident's request (GET /api/rights/requests), one with its timeline and letters, and its footage findings. */
export type SubjectRequest = Answer<typeof RequestSchema>;
export type SubjectRequestDetail = Answer<typeof RequestDetailSchema>;
export type RequestFindings = Answer<typeof FindingsSchema>;
/** A complaint or regulator inquiry (GET /api/complaints), and one with its timeline, links and names. */
export type Complaint = Answer<typeof ComplaintSchema>;
export type ComplaintDetail = Answer<typeof ComplaintDetailSchema>;
export type ClipActionResult = Answer<typeof ClipActionResultSchema>;
export type Incident = Answer<typeof IncidentSchema>;
/** A clip's metadata (never footage) and GET /api/recording/incidents/:id/footage. */
export type Clip = Answer<typeof ClipSchema>;
export type IncidentFootage = Answer<typeof FootageSchema>;

// Four-eyes viewing (src/http/routes/footage, docs/custody.md).

export type LegalGround = Static<typeof LegalGroundSchema>;
export type Purpose = Static<typeof PurposeSchema>;
export type RequestState = Static<typeof RequestStateSchema>;
/** In the order the request form offers them and the list filters by them. */
export const LEGAL_GROUNDS = everyOf<LegalGround>()([
  'own-investigation',
  'police-report',
  'subject-access',
  'complaint',
]);
export const PURPOSES = everyOf<Purpose>()(['view', 'export']);
export const REQUEST_STATES = everyOf<RequestState>()(['pending', 'granted', 'refused', 'revoked', 'ended']);
export type ViewingRequest = Answer<typeof ViewingRequestSchema>;
export type ViewingRequestBody = Static<typeof RequestBody>;
/** POST /api/footage/grants/:id/plays. */
export type Play = Answer<typeof PlaySchema>;
/** One line of an incident's or clip's footage history (GET /api/footage/history). */
export type FootageEvent = Answer<typeof FootageEventSchema>;

export type { StatGroup };
export type StatBucket = Answer<typeof BucketSchema>;
/** GET /api/incidents/stats. */
export interface IncidentStatistics extends ServerStatistics {
  readonly from: string | null;
  readonly to: string | null;
}

// Assessments and room policy (src/http/routes/assessments, src/http/routes/policy, docs/assessment/workflow.md).

export type Bilingual = Text;
export type Verdict = ServerVerdict;
export type FindingOutcome = Outcome;
export type VersionStatus = ServerVersionStatus;

export const MEASURE_IDS = everyOf<MeasureId>()([
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
]);
export const PURPOSE_KINDS = everyOf<PurposeKind>()(['immediate-help', 'deterrence', 'evidence']);
export const ALTERNATIVE_STATUSES = everyOf<AlternativeStatus>()([
  'in-place-insufficient',
  'considered-insufficient',
  'adopted-instead',
  'not-considered',
]);
export const LEGAL_BASES = everyOf<LegalBasis>()(['a', 'b', 'c', 'd', 'e', 'f']);
export const DPO_RECOMMENDATIONS = everyOf<DpoRecommendation>()([
  'approve',
  'approve-with-conditions',
  'reject',
]);

export type { Scenario } from '../../src/core/assessment/scenario.schema.js';
export type { AlternativeStatus, LegalBasis };
export type { MeasureId, PurposeKind };
export type Finding = AssessedFinding;
export type Evaluation = ServerEvaluation;
export type Comparison = ServerComparison;
export type AssessmentVersion = ServerAssessmentVersion;
export type AssessmentHead = Answer<typeof AssessmentHeadSchema>;
export type AssessmentSummary = ServerAssessmentSummary;

export type RecordingModeView = RecordingMode;
/** GET /api/rooms/:id/policy. */
export type RoomPolicyView = ServerRoomPolicyView;
/** GET /api/rooms/:id/transparency: texts for residents, from the room's effective policy. */
export type RoomTransparency = Pick<
  TransparencyTexts,
  'recording' | 'secondLayerMarkdown' | 'letterParagraph'
> &
  Pick<TransparencyInput, 'secondLayerUrl'>;

// Recorder agents at the sites (ADR 0015, src/http/routes/agents).

/** GET /api/agents: an agent with its state, what it last reported and its lag. */
export type Agent = Answer<typeof AgentSchema>;
export type AgentState = Agent['state'];
export type AgentReport = NonNullable<Agent['report']>;
/** POST /api/agents: the agent and its one-time enrolment code (answered once, never again). */
export type CreatedAgent = Answer<typeof CreatedAgentSchema>;

// Recording switches (src/http/routes/recording).

export type Suspension = Answer<typeof SuspensionSchema>;

// Legal holds and deletion records (issue 10 §3, src/http/routes/holds).

export type Hold = Answer<typeof HoldSchema>;
export type ClipHoldsView = Answer<typeof ClipHoldsSchema>;
export type Deletion = Answer<typeof DeletionSchema>;
export type HoldPolicy = Answer<typeof HoldPolicySchema>;

/** GET /api/rights/requests/:id/redactions/:clipId: a redaction job (issue 12 §2). */
export type RedactionJob = Answer<typeof RedactionJobSchema>;
/** PUT …/review: the DPO's review of the face tracks. */
export type RedactionReviewBody = Static<typeof RedactionReviewBodySchema>;
