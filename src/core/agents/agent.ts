/**
 * Recorder agents (ADR 0015) as pure rules: what state an agent is in, whether an enrolment code
 * may still be used, how far behind an agent is (lag), and whether an agent that lost the server
 * may still record under its last plan. No clock here: `now` is passed in.
 */

export interface AgentRecord {
  readonly id: string;
  readonly siteId: string;
  readonly name: string;
  readonly createdAt: string;
  readonly createdBy: string;
  /** SHA-256 (hex) of the one-time code while it has not been used; null after enrolment. */
  readonly codeHash: string | null;
  readonly codeExpiresAt: string | null;
  /** SHA-256 (hex) of the bearer token, set at enrolment. */
  readonly tokenHash: string | null;
  /** The agent's own age recipient (age1…): camera credentials in its plan are sealed to it. */
  readonly recipient: string | null;
  readonly enrolledAt: string | null;
  readonly revokedAt: string | null;
  readonly revokedBy: string | null;
  readonly lastSeenAt: string | null;
  readonly lastReport: AgentReport | null;
}

/** What an agent says about itself on each heartbeat. */
export interface AgentReport {
  /** recording: armed under a plan; offline: recording under the last plan without the server; disarmed. */
  readonly state: 'recording' | 'offline' | 'disarmed';
  readonly armedCameras: number;
  /** Sealed parts and bookkeeping steps still waiting on the agent's disk. */
  readonly queuedSteps: number;
  readonly queuedParts: number;
  /** When the oldest step still queued was written (ISO), or null when nothing waits. */
  readonly oldestQueuedAt: string | null;
  /** Restarts of camera processes since the agent started. */
  readonly restarts: number;
  readonly version: string;
}

export type AgentState = 'awaiting-enrolment' | 'code-expired' | 'enrolled' | 'revoked';

export const agentState = (a: AgentRecord, now: Date): AgentState => {
  if (a.revokedAt !== null) return 'revoked';
  if (a.enrolledAt !== null) return 'enrolled';
  return a.codeExpiresAt !== null && Date.parse(a.codeExpiresAt) > now.getTime()
    ? 'awaiting-enrolment'
    : 'code-expired';
};

/**
 * The agent that has a site now (enrolled, or waiting with a valid code), other than `except`:
 * one agent records a site's cameras, so a second would record every camera twice.
 */
export const siteAgent = (
  agents: readonly AgentRecord[],
  siteId: string,
  now: Date,
  except?: string,
): AgentRecord | undefined =>
  agents.find((a) => {
    if (a.siteId !== siteId || a.id === except) return false;
    const s = agentState(a, now);
    return s === 'enrolled' || s === 'awaiting-enrolment';
  });

/** A code is valid 24 hours and once; the agent has to enrol within that day. */
export const ENROLMENT_CODE_HOURS = 24;

/** Why this code cannot enrol the agent now, or null when it can. */
export const enrolmentRefusal = (
  a: AgentRecord | undefined,
  now: Date,
): 'unknown-code' | 'code-expired' | 'revoked' | null => {
  if (a === undefined) return 'unknown-code';
  const s = agentState(a, now);
  if (s === 'revoked') return 'revoked';
  if (s === 'code-expired' || a.codeHash === null) return 'code-expired';
  if (s === 'enrolled') return 'unknown-code';
  return null;
};

/**
 * How far behind the server's view of the site is, in seconds: since the oldest step still
 * queued on the agent, or since the agent was last heard from (whichever is longer). Null for
 * an agent that never reported.
 */
export const agentLagSeconds = (a: AgentRecord, now: Date): number | null => {
  if (a.lastSeenAt === null) return null;
  const seen = now.getTime() - Date.parse(a.lastSeenAt);
  const oldest = a.lastReport?.oldestQueuedAt;
  const queued = oldest == null ? 0 : now.getTime() - Date.parse(oldest);
  return Math.max(0, Math.round(Math.max(seen, queued) / 1000));
};

/**
 * Whether an agent may still record under its last signed plan: only while its last contact
 * with the server is at most `maxSeconds` old. Offline it cannot learn that a conversation ended
 * or that someone objected; the limit bounds how long that can go on.
 */
export const offlineVerdict = (
  lastContactMs: number | null,
  nowMs: number,
  maxSeconds: number,
): { readonly mayRecord: boolean; readonly offlineSeconds: number } => {
  if (lastContactMs === null) return { mayRecord: false, offlineSeconds: 0 };
  const offlineSeconds = Math.max(0, (nowMs - lastContactMs) / 1000);
  return { mayRecord: offlineSeconds <= maxSeconds, offlineSeconds };
};

/** An agent's bearer token: the agent id (so the lookup is one row) and a secret. */
export const TOKEN_RE = /^pag_([A-Za-z0-9-]{1,64})\.([A-Za-z0-9_-]{43})$/;

export const parseAgentToken = (token: string): { agentId: string; secret: string } | null => {
  const m = TOKEN_RE.exec(token);
  return m === null ? null : { agentId: m[1]!, secret: m[2]! };
};

/** One-time codes: 12 characters from an alphabet without look-alikes, in groups of four. */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export const formatCode = (raw: string): string => raw.match(/.{1,4}/g)?.join('-') ?? raw;

/** Case and dashes do not matter when typing the code. */
export const normaliseCode = (typed: string): string => typed.toUpperCase().replace(/[^A-Z0-9]/g, '');
