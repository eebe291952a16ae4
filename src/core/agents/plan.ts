/**
 * The plan the server signs for an agent (ADR 0015 §3): its site's cameras, what each may do, the
 * vault recipient parts are sealed to, and when it was issued. Camera sources (URLs with
 * credentials) are age ciphertext sealed to the agent's own recipient; nothing in clear is secret.
 */
import type { OffReason } from '../recording/arming.js';
import type { Decision } from '../policy/decide.js';
import type { Camera } from '../registry/model.js';
import { canonicalJson } from '../audit/chain.js';

export const AGENT_PLAN_FORMAT = 'proportio.agent-plan.v1';

export interface AgentCameraPlan {
  readonly camera: Camera;
  readonly siteId: string;
  readonly conversationId: string | null;
  readonly decision: Decision;
  readonly off: OffReason | null;
  readonly policy: { readonly seq: number; readonly compiledAt: string; readonly hash: string } | null;
  /** base64 of an age file (to the agent's recipient) holding the camera URL with its credentials; null when off. */
  readonly sourceSealed: string | null;
}

export interface AgentOpenAlarm {
  readonly alarmId: string;
  readonly incidentId: string | null;
  readonly roomId: string;
  readonly lastPressAt: string;
}

export interface AgentPlan {
  readonly format: typeof AGENT_PLAN_FORMAT;
  readonly agentId: string;
  readonly siteId: string;
  readonly issuedAt: string;
  /** The vault's age recipient: the only key the agent seals with. */
  readonly vaultRecipient: string | null;
  readonly cameras: readonly AgentCameraPlan[];
  readonly openAlarms: readonly AgentOpenAlarm[];
}

export interface SignedAgentPlan {
  readonly plan: AgentPlan;
  /** Ed25519 over planBytes(plan), base64url. */
  readonly signature: string;
}

/** The bytes that are signed: canonical JSON, so key order cannot change the signature. */
export const planBytes = (plan: AgentPlan): Buffer => Buffer.from(canonicalJson(plan), 'utf8');

/** Why a signed plan cannot be used by this agent (signature checked elsewhere), or null. */
export const planRefusal = (plan: unknown, agentId: string): string | null => {
  if (typeof plan !== 'object' || plan === null) return 'the plan is not an object';
  const p = plan as Partial<AgentPlan>;
  if (p.format !== AGENT_PLAN_FORMAT) return `unknown plan format ${String(p.format)}`;
  if (p.agentId !== agentId) return 'the plan is for another agent';
  if (typeof p.issuedAt !== 'string' || Number.isNaN(Date.parse(p.issuedAt)))
    return 'the plan has no issue time';
  if (!Array.isArray(p.cameras) || !Array.isArray(p.openAlarms)) return 'the plan has no camera list';
  return null;
};

/** A newer plan replaces an older one, never the other way round (a slow answer arriving late). */
export const isNewerPlan = (next: AgentPlan, current: AgentPlan | null): boolean =>
  current === null || Date.parse(next.issuedAt) >= Date.parse(current.issuedAt);
