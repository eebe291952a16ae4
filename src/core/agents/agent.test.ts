import { describe, expect, it } from 'vitest';
import {
  agentLagSeconds,
  agentState,
  enrolmentRefusal,
  formatCode,
  normaliseCode,
  offlineVerdict,
  parseAgentToken,
  siteAgent,
  type AgentRecord,
} from './agent.js';
import { AGENT_PLAN_FORMAT, isNewerPlan, planBytes, planRefusal, type AgentPlan } from './plan.js';

const now = new Date('2026-12-06T10:00:00Z');
const base: AgentRecord = {
  id: 'a1',
  siteId: 's1',
  name: 'Recorder',
  createdAt: '2026-12-06T09:00:00Z',
  createdBy: 'u1',
  codeHash: 'h',
  codeExpiresAt: '2026-12-07T09:00:00Z',
  tokenHash: null,
  recipient: null,
  enrolledAt: null,
  revokedAt: null,
  revokedBy: null,
  lastSeenAt: null,
  lastReport: null,
};

describe('one agent a site', () => {
  it('an enrolled agent or one waiting with a valid code has the site; a revoked or expired one does not', () => {
    const enrolled = {
      ...base,
      id: 'a2',
      codeHash: null,
      codeExpiresAt: null,
      enrolledAt: now.toISOString(),
    };
    const expired = { ...base, id: 'a3', codeExpiresAt: '2026-12-06T09:59:59Z' };
    const revoked = { ...enrolled, id: 'a4', revokedAt: now.toISOString() };
    expect(siteAgent([expired, revoked], 's1', now)).toBeUndefined();
    expect(siteAgent([expired, revoked, base], 's1', now)?.id).toBe('a1');
    expect(siteAgent([enrolled], 's1', now)?.id).toBe('a2');
    expect(siteAgent([enrolled], 's2', now)).toBeUndefined();
    // An agent never stands in its own way.
    expect(siteAgent([enrolled], 's1', now, 'a2')).toBeUndefined();
  });
});

describe('agent state and enrolment', () => {
  it('a fresh code enrols once, an expired or used one does not, a revoked agent never', () => {
    expect(agentState(base, now)).toBe('awaiting-enrolment');
    expect(enrolmentRefusal(base, now)).toBeNull();
    expect(enrolmentRefusal(undefined, now)).toBe('unknown-code');
    const late = new Date('2026-12-07T09:00:01Z');
    expect(agentState(base, late)).toBe('code-expired');
    expect(enrolmentRefusal(base, late)).toBe('code-expired');
    const enrolled = { ...base, codeHash: null, codeExpiresAt: null, enrolledAt: now.toISOString() };
    expect(agentState(enrolled, now)).toBe('enrolled');
    expect(enrolmentRefusal(enrolled, now)).not.toBeNull();
    const revoked = { ...base, revokedAt: now.toISOString() };
    expect(agentState(revoked, now)).toBe('revoked');
    expect(enrolmentRefusal(revoked, now)).toBe('revoked');
  });

  it('codes are typed without dashes or case; tokens carry the agent id', () => {
    expect(formatCode('ABCDEFGHJKLM')).toBe('ABCD-EFGH-JKLM');
    expect(normaliseCode('abcd-efgh jklm')).toBe('ABCDEFGHJKLM');
    const secret = 'x'.repeat(43);
    expect(parseAgentToken(`pag_a-1.${secret}`)).toEqual({ agentId: 'a-1', secret });
    expect(parseAgentToken(`pat_a-1.${secret}`)).toBeNull();
    expect(parseAgentToken('pag_a-1.short')).toBeNull();
  });
});

describe('lag and the offline limit', () => {
  it('lag is the longer of the oldest queued step and the silence since the last contact', () => {
    expect(agentLagSeconds(base, now)).toBeNull();
    const seen = { ...base, lastSeenAt: '2026-12-06T09:59:50Z' };
    expect(agentLagSeconds(seen, now)).toBe(10);
    const queued = {
      ...seen,
      lastReport: {
        state: 'recording' as const,
        armedCameras: 1,
        queuedSteps: 3,
        queuedParts: 2,
        oldestQueuedAt: '2026-12-06T09:58:00Z',
        restarts: 0,
        version: 't',
      },
    };
    expect(agentLagSeconds(queued, now)).toBe(120);
  });

  it('records offline up to the limit and not a moment after; never without any contact', () => {
    const t = now.getTime();
    expect(offlineVerdict(t - 900_000, t, 900).mayRecord).toBe(true);
    expect(offlineVerdict(t - 900_001, t, 900).mayRecord).toBe(false);
    expect(offlineVerdict(null, t, 900).mayRecord).toBe(false);
  });
});

describe('the signed plan', () => {
  const plan: AgentPlan = {
    format: AGENT_PLAN_FORMAT,
    agentId: 'a1',
    siteId: 's1',
    issuedAt: '2026-12-06T10:00:00.000Z',
    vaultRecipient: null,
    cameras: [],
    openAlarms: [],
  };

  it('signs canonical bytes: key order does not matter, content does', () => {
    const reordered = JSON.parse(
      '{"openAlarms":[],"cameras":[],"vaultRecipient":null,"issuedAt":"2026-12-06T10:00:00.000Z","siteId":"s1","agentId":"a1","format":"proportio.agent-plan.v1"}',
    ) as AgentPlan;
    expect(planBytes(reordered).equals(planBytes(plan))).toBe(true);
    expect(planBytes({ ...plan, siteId: 's2' }).equals(planBytes(plan))).toBe(false);
  });

  it('refuses a plan for another agent or of an unknown format; an older plan never replaces a newer', () => {
    expect(planRefusal(plan, 'a1')).toBeNull();
    expect(planRefusal(plan, 'a2')).toContain('another agent');
    expect(planRefusal({ ...plan, format: 'x' }, 'a1')).toContain('format');
    expect(isNewerPlan(plan, null)).toBe(true);
    expect(isNewerPlan({ ...plan, issuedAt: '2026-12-06T09:00:00.000Z' }, plan)).toBe(false);
  });
});
