/**
 * A recorder agent without its server (issue 13 §2, ADR 0015 decision 6, docs/agents.md "When the
 * server cannot be reached"): real `proportio serve` and `proportio agent run` processes, the
 * GStreamer RTSP camera, ffmpeg and `age -d`, on SQLite and on PostgreSQL. With a short
 * PROPORTIO_AGENT_OFFLINE_MAX the server is stopped while an alarm's clip runs: the agent keeps
 * the camera armed under its last plan and finishes the clip into its spool, disarms every camera
 * once the limit has passed (its log line says so and its ffmpeg ends), and when the server
 * returns the clip goes up once, every part opening with the vault identity, and the agent arms
 * again (its heartbeat says so).
 *
 * Alarms are raised at the server (the API, the alarm buttons on the server's MQTT broker) and
 * reach an agent only over its event stream from the server: with the server down no alarm can
 * reach the agent, so no clip can begin offline. What the agent records offline is the rest of a
 * clip that was running when the server went away; that is the clip this test follows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, logLines, startAgentSite, type AgentSite } from '../support/agent-site.js';
import { availableDialects } from '../support/databases.js';
import { toolsAvailable } from '../support/tools.js';

const hasTools = toolsAvailable('recorder agent with the RTSP camera', 'ffmpeg', 'age');
const dialects = await availableDialects();

/** Seconds the agent may record without the server (PROPORTIO_AGENT_OFFLINE_MAX). */
const LIMIT = 15;
const OFFLINE = 'agent: the server does not answer; recording under the last plan';
const DISARMED = 'agent: offline longer than allowed; every camera disarmed until the server answers';

describe.skipIf(!hasTools).each(dialects)('a recorder agent without its server (%s)', (dialect) => {
  let s: AgentSite;
  let agentId: string;

  beforeAll(async () => {
    // 2 s before and 6 s after a press: the clip ends well within the limit.
    s = await startAgentSite({ dialect, pre: 2, post: 6 });
    await s.serve();
    const beheer = await login(s.base, 'beheer');
    ({ agentId } = await s.enrol(beheer));
    await s.startConversation();
  }, 300_000);

  afterAll(async () => {
    await s?.close();
  });

  it('records under the last plan until PROPORTIO_AGENT_OFFLINE_MAX, then disarms; the clip goes up once when the server returns, and the agent arms again', async () => {
    const beheer = await login(s.base, 'beheer');
    const balie = await login(s.base, 'balie');
    const agent = await s.startAgent({ PROPORTIO_AGENT_OFFLINE_MAX: String(LIMIT) });
    const armed = async (headers: Record<string, string>) => {
      const r = (await s.agentView(headers, agentId))?.report;
      return r?.state === 'recording' && r.armedCameras === 1;
    };
    await s.waitFor('the agent to arm the camera', () => armed(beheer));
    await s.waitStreaming();

    const raised = await api(s.base, balie, 'POST', '/api/alarms', { roomId: s.place.roomId });
    expect(raised.status, raised.text).toBe(201);
    const clipId = await s.waitFor('the clip in the agent’s spool', () => s.spoolClips()[0]);

    // The server goes away while the clip runs. (SIGKILL: `serve` does not yet exit on SIGTERM
    // while an agent's event stream is open — app.close() waits for that response, and the agents
    // module ends its streams only in its stop(), which runs after app.close().)
    const mark = agent.output().length;
    const since = () => logLines(agent.output().slice(mark));
    await s.stopServer('SIGKILL');
    const serverClip = path.join(s.dataDir, 'vault', 'clips', clipId);
    const partsOnServer = fs.existsSync(serverClip)
      ? fs.readdirSync(serverClip).filter((f) => f.endsWith('.age')).length
      : 0;
    await s.waitFor('the agent to notice the server is away', () => since().some((l) => l.msg === OFFLINE));

    // Offline, under the last plan: the clip runs to the end of its post-roll and is sealed in the spool.
    const spoolManifest = path.join(s.stateDir, 'spool', clipId, 'manifest.json');
    await s.waitFor(
      'the clip closed in the spool',
      () => (JSON.parse(fs.readFileSync(spoolManifest, 'utf8')) as { state: string }).state === 'closed',
    );
    const sealedOffline = s.spoolParts(clipId);
    expect(sealedOffline.size).toBeGreaterThan(partsOnServer);

    // The limit passes: every camera is disarmed, not before, and its ffmpeg ends.
    const limit = await s.waitFor('the offline limit', () => since().find((l) => l.msg === DISARMED));
    expect(limit.maxSeconds).toBe(LIMIT);
    expect(limit.offlineSeconds).toBeGreaterThanOrEqual(LIMIT);
    const lines = since();
    const at = lines.findIndex((l) => l.msg === DISARMED);
    expect(lines.slice(0, at).filter((l) => l.msg === 'camera disarmed')).toEqual([]);
    await s.waitFor('the agent’s ffmpeg to end', async () => (await s.agentFfmpeg()).length === 0);
    expect(since().some((l) => l.msg === 'camera disarmed')).toBe(true);
    const clipEnd = lines.slice(0, at).find((l) => l.msg === 'agent: step queued' && l.step === 'clip-ended');
    console.log(
      `offline (${dialect}): clip ${clipEnd === undefined ? 'ended after' : 'sealed before'} the limit; disarmed after ${String(limit.offlineSeconds)} s`,
    );

    // The server returns: the clip goes up, each part once, and the agent arms again.
    const back = agent.output().length;
    await s.serve();
    const headers = await login(s.base, 'beheer');
    const row = await s.waitFor(
      'the clip sealed on the server',
      async () => {
        const c = await s.clip(headers, clipId);
        return c?.status === 'sealed' ? c : undefined;
      },
      180_000,
    );
    expect(row.parts).toBe(sealedOffline.size);
    const { manifest, plaintext, manifestDigest } = await s.openClip(clipId);
    expect(manifest.interrupted).toBe(false);
    expect(new Map(manifest.parts.map((p) => [p.file, p.sha256]))).toEqual(sealedOffline);
    expect(row.manifestDigest).toBe(manifestDigest);
    expect(plaintext.subarray(4, 8).toString('latin1')).toBe('ftyp');
    await s.waitFor(
      'the spool and the outbox empty',
      () => s.spoolClips().length === 0 && s.outboxSteps().length === 0,
    );
    await s.waitFor('the agent to report the camera armed again', () => armed(headers));
    await s.waitFor('ffmpeg again', async () => (await s.agentFfmpeg()).length === 1);
    expect(
      logLines(agent.output().slice(back)).some((l) => l.msg === 'agent: the server answers again'),
    ).toBe(true);
    expect(await s.stopAgent('SIGTERM')).toBe(0);
  }, 600_000);
});
