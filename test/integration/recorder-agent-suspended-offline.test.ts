/**
 * A suspended site stays suspended at its recorder agent without the server (issue 13 §2, ADR 0015
 * decision 4, docs/agents.md: "a denial received is written to denials.json before the agent
 * re-plans: a suspended site stays suspended after an agent restart without the server"). Real
 * `proportio serve` and `proportio agent run` processes, the GStreamer RTSP camera and ffmpeg, on
 * SQLite and on PostgreSQL.
 *
 * The site is suspended through the API and the deny reaches the agent, but the server is gone
 * before the agent can fetch the plan that shows the suspension, so its plan.json still permits
 * recording and only denials.json says no. (Usually the agent re-plans at once and plan.json says
 * so as well; the harder case is the one worth testing.) To get that order every time, the agent
 * is held (SIGSTOP) while the site is suspended and the server killed — the deny frame waits in
 * the agent's socket — and then let go. The agent is restarted with the server still down: it
 * must not start the camera, not even for a moment. The server returns and the suspension is
 * lifted: the agent arms again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, logLines, startAgentSite, type AgentSite } from '../support/agent-site.js';
import { availableDialects } from '../support/databases.js';
import { toolsAvailable } from '../support/tools.js';

const hasTools = toolsAvailable('recorder agent with the RTSP camera', 'ffmpeg', 'age');
const dialects = await availableDialects();

interface SavedPlan {
  plan: { issuedAt: string; cameras: Array<{ camera: { id: string }; off: { kind: string } | null }> };
}
interface SavedDenial {
  scope: { kind: string; siteId?: string };
  off: { kind: string };
}

describe.skipIf(!hasTools).each(dialects)(
  'a suspended site at a recorder agent without its server (%s)',
  (dialect) => {
    let s: AgentSite;
    let agentId: string;

    beforeAll(async () => {
      s = await startAgentSite({ dialect, pre: 2, post: 6 });
      await s.serve();
      const beheer = await login(s.base, 'beheer');
      ({ agentId } = await s.enrol(beheer));
      await s.startConversation();
    }, 300_000);

    afterAll(async () => {
      await s?.close();
    });

    it('keeps the camera off after an agent restart without the server (denials.json), and arms again once the server is back and the suspension lifted', async () => {
      const beheer = await login(s.base, 'beheer');
      const readJson = <T>(file: string) =>
        JSON.parse(fs.readFileSync(path.join(s.stateDir, file), 'utf8')) as T;
      const report = async (headers: Record<string, string>) => (await s.agentView(headers, agentId))?.report;
      const first = await s.startAgent({ PROPORTIO_AGENT_OFFLINE_MAX: '600' });
      await s.waitFor('the agent to arm the camera', async () => (await report(beheer))?.armedCameras === 1);
      await s.waitFor('the event stream', () =>
        logLines(first.output()).some((l) => l.msg === 'agent: event stream connected'),
      );
      await s.waitStreaming();

      // Suspended while the agent is held; the server is killed before the agent can re-plan.
      first.child.kill('SIGSTOP');
      let suspensionId: string;
      try {
        const suspended = await api<{ id: string }>(s.base, beheer, 'POST', '/api/recording/suspensions', {
          scope: 'site',
          siteId: s.place.siteId,
          reason: 'test of the agent without its server',
        });
        expect(suspended.status, suspended.text).toBe(201);
        suspensionId = suspended.body.id;
        await s.stopServer('SIGKILL');
      } finally {
        first.child.kill('SIGCONT');
      }
      await s.waitFor('the agent to stop the denied camera', () =>
        logLines(first.output()).some((l) => l.msg === 'agent: every denied camera stopped'),
      );
      await s.waitFor('the agent’s ffmpeg to end', async () => (await s.agentFfmpeg()).length === 0);
      await s.waitFor('the denial on disk', () => fs.existsSync(path.join(s.stateDir, 'denials.json')));
      expect(readJson<SavedDenial[]>('denials.json')).toMatchObject([
        { scope: { kind: 'site', siteId: s.place.siteId }, off: { kind: 'suspended' } },
      ]);
      // The plan on disk still permits the camera: only the denial keeps it off from here on.
      const saved = readJson<SavedPlan>('plan.json');
      expect(saved.plan.cameras.find((c) => c.camera.id === s.place.cameraId)?.off).toBeNull();

      // Restarted with the server still down: the camera is not started, not even for a moment.
      expect(await s.stopAgent('SIGTERM')).toBe(0);
      const second = await s.startAgent({ PROPORTIO_AGENT_OFFLINE_MAX: '600' });
      const started = (l: { msg?: string }) => l.msg === 'camera armed' || l.msg === 'starting ffmpeg ingest';
      expect(
        logLines(second.output()).some((l) => l.msg === 'agent: recording under the last plan received'),
      ).toBe(true);
      expect(logLines(second.output()).filter(started)).toEqual([]);
      await s.waitFor('the agent to find the server away', () =>
        logLines(second.output()).some(
          (l) => l.msg === 'agent: the server does not answer; recording under the last plan',
        ),
      );
      expect(logLines(second.output()).filter(started)).toEqual([]);
      expect(await s.agentFfmpeg()).toEqual([]);

      // The server returns: its plan shows the suspension, the camera stays off.
      await s.serve();
      const headers = await login(s.base, 'beheer');
      await s.waitFor(
        'a plan that shows the suspension',
        () =>
          readJson<SavedPlan>('plan.json').plan.cameras.find((c) => c.camera.id === s.place.cameraId)?.off
            ?.kind === 'suspended',
      );
      await s.waitFor(
        'the agent to report in, nothing armed',
        async () => (await report(headers))?.armedCameras === 0,
      );
      // The plan shows the suspension now: the denial has done its work and is dropped.
      await s.waitFor('the denial dropped', () => readJson<SavedDenial[]>('denials.json').length === 0);
      expect(logLines(second.output()).filter(started)).toEqual([]);

      // Lifted: the agent arms again (at its next re-plan; the delay is printed, not asserted).
      const t0 = Date.now();
      const resumed = await api(
        s.base,
        headers,
        'POST',
        `/api/recording/suspensions/${suspensionId!}/resume`,
        {
          reason: 'the test is done',
        },
      );
      expect(resumed.status, resumed.text).toBe(200);
      await s.waitFor('the agent to arm the camera again', async () => {
        const r = await report(headers);
        return r?.state === 'recording' && r.armedCameras === 1;
      });
      console.log(`suspension lifted → agent armed again (${dialect}): ${Date.now() - t0} ms`);
      await s.waitFor('ffmpeg again', async () => (await s.agentFfmpeg()).length === 1);
      expect(await s.stopAgent('SIGTERM')).toBe(0);
    }, 600_000);
  },
);
