/**
 * The agent's offline limit counts from the last plan the server SIGNED, not from any answer
 * (ADR 0015 §6): an agent whose server keeps answering but whose plans no longer verify (the
 * signing key was replaced, or something else answers at that address) disarms at its limit,
 * and arms again as soon as a verified plan arrives. No camera: the plan holds none, so this runs
 * without ffmpeg; the disarm is what the agent reports.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { AgentTransport } from '../adapters/agent/http-transport.js';
import { generateIdentity } from '../adapters/vault/keys.js';
import { AGENT_PLAN_FORMAT, type SignedAgentPlan } from '../core/agents/plan.js';
import { RecorderAgent } from './recorder-agent.js';
import { DEFAULT_TUNABLES } from './recorder-supervisor.js';

const AGENT = 'agent-1';
const plan = (issuedAt: string, signature: string): SignedAgentPlan => ({
  plan: {
    format: AGENT_PLAN_FORMAT,
    agentId: AGENT,
    siteId: 'site-1',
    issuedAt,
    vaultRecipient: null,
    cameras: [],
    openAlarms: [],
  },
  signature,
});

describe('the offline limit of an agent', () => {
  const stops: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const s of stops.splice(0)) await s();
  });

  it('disarms when the answers carry no verified plan, and arms again on one that verifies', async () => {
    const stateDir = await fs.mkdtemp(path.join(os.tmpdir(), 'proportio-agent-offline-'));
    stops.push(() => fs.rm(stateDir, { recursive: true, force: true }));
    let now = Date.parse('2026-12-06T10:00:00Z');
    let signature = 'good';
    const transport: AgentTransport = {
      plan: () => Promise.resolve(plan(new Date(now).toISOString(), signature)),
      heartbeat: () => Promise.resolve(),
      send: () => Promise.resolve(true),
      putPart: () => Promise.resolve({ stored: true }),
      // The stream stays up: the server keeps answering throughout.
      events: (_on, signal) => new Promise((resolve) => signal.addEventListener('abort', () => resolve())),
    };
    const agent = new RecorderAgent({
      credentials: { server: 'http://server', agentId: AGENT, siteId: 'site-1', token: 't', planKey: 'k' },
      identity: generateIdentity(),
      stateDir,
      transport,
      log: pino({ level: 'silent' }),
      now: () => now,
      ids: () => 'id',
      ffmpegPath: null,
      tunables: DEFAULT_TUNABLES,
      offlineMaxSeconds: 60,
      verify: (_bytes, sig) => sig === 'good',
      version: 'test',
      replanMs: 50,
      heartbeatMs: 50,
    });
    stops.unshift(() => agent.stop());
    await agent.start();
    const state = async () => (await agent.report()).state;
    await expect.poll(state, { timeout: 20_000 }).toBe('recording');

    // From now on every plan fails its signature; the server answers all the same.
    signature = 'forged';
    now += 59_000;
    await new Promise((r) => setTimeout(r, 300));
    expect(await state()).toBe('recording');
    now += 2_000;
    await expect.poll(state, { timeout: 20_000 }).toBe('disarmed');

    signature = 'good';
    await expect.poll(state, { timeout: 20_000 }).toBe('recording');
  });
});
