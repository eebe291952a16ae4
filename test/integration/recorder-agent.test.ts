/**
 * A recorder agent as it runs at a site (issue 13 §2, ADR 0015): real `proportio serve` and
 * `proportio agent run` processes, the GStreamer RTSP camera and ffmpeg. Enrolment with a one-time
 * code; an alarm over the API reaches the agent, which records and uploads sealed parts; the
 * server is killed (SIGKILL) in the middle of the clip and started again: every part arrives once
 * and opens with `age -d` and the vault identity. A suspension reaches the agent and disarms it
 * (the delay is measured and printed, not asserted); a revoked agent is refused and stops. On
 * SQLite and on PostgreSQL.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity } from '../../src/adapters/vault/keys.js';
import { api, login, startAgentSite, type AgentSite, type ClipRow } from '../support/agent-site.js';
import { runCliProcess } from '../support/cli-process.js';
import { availableDialects } from '../support/databases.js';
import { toolsAvailable } from '../support/tools.js';
import { waitFor } from '../support/waiting.js';

const hasTools = toolsAvailable('recorder agent with the RTSP camera', 'ffmpeg', 'age');
const dialects = await availableDialects();

describe.skipIf(!hasTools).each(dialects)('a recorder agent process with a real camera (%s)', (dialect) => {
  let s: AgentSite;

  beforeAll(async () => {
    // The policy records incident-triggered in the camera's room: 2 s before, 12 s after a press.
    s = await startAgentSite({ dialect, pre: 2, post: 12 });
    await s.serve();
  }, 300_000);

  afterAll(async () => {
    await s?.close();
  });

  it('enrols, records an alarm, survives the server being killed mid-clip (each part once, age opens it), obeys a suspension, and stops when revoked', async () => {
    const { base, stateDir, dataDir, place: site } = s;
    const beheer = await login(base, 'beheer');
    const balie = await login(base, 'balie');

    // Enrolment: a one-time code for the site; a wrong code is refused and nothing is written.
    const created = await api<{ agent: { id: string }; code: string }>(base, beheer, 'POST', '/api/agents', {
      siteId: site.siteId,
      name: 'Recorder De Brink',
    });
    expect(created.status, created.text).toBe(201);
    const agentId = created.body.agent.id;
    const wrong = await runCliProcess([
      'agent',
      'enrol',
      '--server',
      base,
      '--code',
      'AAAA-BBBB-CCCC',
      '--state',
      stateDir,
    ]);
    expect(wrong.code).toBe(77);
    expect(fs.existsSync(path.join(stateDir, 'agent.json'))).toBe(false);
    const enrol = await runCliProcess([
      'agent',
      'enrol',
      '--server',
      base,
      '--code',
      created.body.code,
      '--state',
      stateDir,
    ]);
    expect(enrol.code, enrol.stderr).toBe(0);
    expect(fs.statSync(path.join(stateDir, 'agent.json')).mode & 0o777).toBe(0o600);
    // The code works once.
    const again = await api(base, { 'content-type': 'application/json' }, 'POST', '/api/agent/enrol', {
      code: created.body.code,
      recipient: generateIdentity().recipient.text,
    });
    expect(again.status).toBe(401);
    const token = (
      JSON.parse(fs.readFileSync(path.join(stateDir, 'agent.json'), 'utf8')) as { token: string }
    ).token;

    // A conversation runs in the room: the policy arms the camera — at the agent, not in serve.
    const conv = await api(base, balie, 'POST', '/api/conversations', {
      roomId: site.roomId,
      conversationTypeId: site.typeId,
    });
    expect(conv.status, conv.text).toBe(201);
    const agent = await s.startAgent({ PROPORTIO_AGENT_OFFLINE_MAX: '600' });
    const armedAtAgent = async () => (await s.agentView(beheer, agentId))?.report?.armedCameras === 1;
    await s.waitFor('the agent to arm the camera', armedAtAgent, 120_000);
    const cams = await api<Array<{ cameraId: string; armed: boolean }>>(
      base,
      beheer,
      'GET',
      '/api/recording/cameras',
    );
    expect(cams.body.find((c) => c.cameraId === site.cameraId)?.armed ?? false).toBe(false);
    // The pre-roll fills (2 s); waiting is not asserted on.
    await new Promise((r) => setTimeout(r, 3000));

    const raised = await api<{ alarm: { id: string } }>(base, balie, 'POST', '/api/alarms', {
      roomId: site.roomId,
    });
    expect(raised.status, raised.text).toBe(201);

    // The first sealed part reaches the server's vault; then the server dies (SIGKILL), mid-clip.
    const clipsDir = path.join(dataDir, 'vault', 'clips');
    const clipId = await waitFor(
      'the first part on the server',
      () => fs.readdirSync(clipsDir).find((d) => fs.existsSync(path.join(clipsDir, d, 'part-000000.age'))),
      120_000,
    );
    await s.stopServer('SIGKILL');
    const partsAtKill = fs.readdirSync(path.join(clipsDir, clipId)).filter((f) => f.endsWith('.age')).length;
    // While the server is gone the agent keeps sealing into its spool.
    await waitFor(
      'parts queued at the agent',
      () => {
        const dir = path.join(stateDir, 'spool', clipId);
        return (
          fs.existsSync(dir) && fs.readdirSync(dir).filter((f) => f.endsWith('.age')).length > partsAtKill
        );
      },
      120_000,
    );
    await s.serve();

    const headers = await login(base, 'beheer');
    const sealed = await waitFor(
      'the clip sealed on the server',
      async () => {
        const r = await api<ClipRow>(base, headers, 'GET', `/api/recording/clips/${clipId}`);
        return r.status === 200 && r.body.status === 'sealed' ? r.body : undefined;
      },
      180_000,
    );
    expect(sealed.siteId).toBe(site.siteId);
    expect(sealed.cameraId).toBe(site.cameraId);
    const { manifest, plaintext, manifestDigest } = await s.openClip(clipId);
    expect(manifest.parts.length).toBe(sealed.parts);
    expect(manifest.parts.length).toBeGreaterThan(partsAtKill);
    expect(sealed.manifestDigest).toBe(manifestDigest);
    // The clip is an fMP4 from its first byte (ftyp), and it is not empty.
    expect(plaintext.subarray(4, 8).toString('latin1')).toBe('ftyp');
    expect(plaintext.length).toBeGreaterThan(10_000);
    // Nothing is left waiting at the agent.
    await waitFor(
      'the spool and outbox empty',
      () =>
        fs.readdirSync(path.join(stateDir, 'spool')).filter((d) => !d.startsWith('.')).length === 0 &&
        fs.readdirSync(path.join(stateDir, 'outbox')).length === 0,
    );

    // A suspension reaches the agent over its event stream and disarms the camera.
    await waitFor('the agent to arm again', armedAtAgent, 120_000);
    const before = agent.output().length;
    const t0 = Date.now();
    const suspended = await api(base, headers, 'POST', '/api/recording/suspensions', {
      scope: 'site',
      siteId: site.siteId,
      reason: 'test of the agent',
    });
    expect(suspended.status, suspended.text).toBe(201);
    const line = await waitFor(
      'the agent to stop the denied camera',
      () =>
        agent
          .output()
          .slice(before)
          .split('\n')
          .find((l) => l.includes('every denied camera stopped')),
      60_000,
    );
    const observed = Date.now() - t0;
    const atAgent = (JSON.parse(line) as { ms: number }).ms;
    console.log(
      `suspension → agent stopped the camera (${dialect}): ${observed} ms from the API call, ${atAgent} ms at the agent`,
    );
    expect(fs.existsSync(path.join(stateDir, 'denials.json'))).toBe(true);

    // Revoked: the token is refused, the agent disarms and exits 77.
    const revoked = await api(base, headers, 'POST', `/api/agents/${agentId}/revoke`, {});
    expect(revoked.status, revoked.text).toBe(200);
    expect(await agent.exited).toBe(77);
    const refused = await fetch(`${base}/api/agent/plan`, { headers: { authorization: `Bearer ${token}` } });
    expect(refused.status).toBe(401);
    const list = await api<Array<{ id: string; state: string }>>(base, headers, 'GET', '/api/agents');
    expect(list.body.find((a) => a.id === agentId)?.state).toBe('revoked');
  }, 900_000);
});
