/**
 * A recorder agent killed in the middle of a clip (issue 13 §2, ADR 0015, docs/agents.md: "an
 * agent killed mid-clip closes that clip as interrupted at its next start and tells the server
 * so"). Real `proportio serve` and `proportio agent run` processes, the GStreamer RTSP camera,
 * ffmpeg and `age -d`, on SQLite and on PostgreSQL: the agent records an alarm's clip and is
 * SIGKILLed while it runs; its ffmpeg does not outlive it; started again it closes the clip as
 * interrupted, every sealed part that was in its spool reaches the server once (the same bytes)
 * and opens with the vault identity, the clip row says interrupted, the rest of the alarm's
 * post-roll is recorded in a new clip, and nothing stays in the spool or the outbox.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, logLines, startAgentSite, type AgentSite, type ClipRow } from '../support/agent-site.js';
import { availableDialects } from '../support/databases.js';
import { toolsAvailable } from '../support/tools.js';
import { processGone } from '../support/waiting.js';

const hasTools = toolsAvailable('recorder agent with the RTSP camera', 'ffmpeg', 'age');
const dialects = await availableDialects();

/** The post-roll (s): long enough that the restarted agent still has some of it to record. */
const POST = 20;

describe.skipIf(!hasTools).each(dialects)('a recorder agent killed mid-clip (%s)', (dialect) => {
  let s: AgentSite;
  let agentId: string;

  beforeAll(async () => {
    // 2 s before and POST s after a press: parts about one a second.
    s = await startAgentSite({ dialect, pre: 2, post: POST });
    await s.serve();
    const beheer = await login(s.base, 'beheer');
    ({ agentId } = await s.enrol(beheer));
    await s.startConversation();
  }, 300_000);

  afterAll(async () => {
    await s?.close();
  });

  it('closes the clip as interrupted after a restart; every sealed part in the spool arrives once and opens with age; the spool empties', async () => {
    const beheer = await login(s.base, 'beheer');
    const balie = await login(s.base, 'balie');
    const first = await s.startAgent({ PROPORTIO_AGENT_OFFLINE_MAX: '600' });
    await s.waitFor(
      'the agent to arm the camera',
      async () => (await s.agentView(beheer, agentId))?.report?.armedCameras === 1,
    );
    // ffmpeg hands the agent fragments: the ring holds footage before the press.
    await s.waitStreaming();

    const raised = await api<{ alarm: { id: string; lastPressAt: string } }>(
      s.base,
      balie,
      'POST',
      '/api/alarms',
      {
        roomId: s.place.roomId,
      },
    );
    expect(raised.status, raised.text).toBe(201);
    const clipId = await s.waitFor('the clip in the agent’s spool', () => s.spoolClips()[0]);
    // A few parts sealed, the clip still running: the agent dies.
    await s.waitFor('three sealed parts in the spool', () => s.spoolParts(clipId).size >= 3);
    const ffmpeg = await s.agentFfmpeg();
    expect(ffmpeg.length).toBeGreaterThan(0);
    expect(await s.stopAgent('SIGKILL')).toBeNull();
    const sealedAtKill = s.spoolParts(clipId);
    // The camera process does not outlive the agent (it loses the pipe it writes to).
    await s.waitFor(
      'the dead agent’s ffmpeg to end',
      async () => (await Promise.all(ffmpeg.map(processGone))).every(Boolean),
      60_000,
    );
    const spoolManifest = JSON.parse(
      fs.readFileSync(path.join(s.stateDir, 'spool', clipId, 'manifest.json'), 'utf8'),
    ) as { state: string };
    expect(spoolManifest.state).toBe('open');

    // Started again: the clip is closed as interrupted and the server is told.
    const second = await s.startAgent({ PROPORTIO_AGENT_OFFLINE_MAX: '600' });
    expect(second).not.toBe(first);
    const recovered = logLines(second.output()).find(
      (l) => l.msg === 'agent: a clip was interrupted by a restart' && l.clipId === clipId,
    );
    expect(recovered?.parts).toBe(sealedAtKill.size);
    const row = await s.waitFor(
      'the clip row closed on the server',
      async () => {
        const c = await s.clip(beheer, clipId);
        return c !== undefined && c.status !== 'recording' ? c : undefined;
      },
      180_000,
    );
    expect(row.status).toBe('interrupted');
    expect(row.endReason).toBe('interrupted');
    expect(row.parts).toBe(sealedAtKill.size);
    expect(row.cameraId).toBe(s.place.cameraId);

    // Every part that was in the spool, once, the same bytes, and age opens each.
    const { manifest, plaintext, manifestDigest } = await s.openClip(clipId);
    expect(manifest.interrupted).toBe(true);
    expect(new Map(manifest.parts.map((p) => [p.file, p.sha256]))).toEqual(sealedAtKill);
    expect(row.manifestDigest).toBe(manifestDigest);
    expect(plaintext.subarray(4, 8).toString('latin1')).toBe('ftyp');

    // The alarm is still open: the restarted agent records the rest of its post-roll in a new
    // clip, as `serve` does after a restart (checked when the agent was back with seconds of it
    // left; on a machine so slow that it was not, that is printed instead).
    const back = logLines(second.output()).find((l) => l.msg === 'agent: event stream connected');
    const left = Date.parse(raised.body.alarm.lastPressAt) + POST * 1000 - Number(back?.time ?? Infinity);
    if (left > 5000) {
      const rest = await s.waitFor('a clip for the rest of the post-roll', async () => {
        const r = await api<ClipRow[]>(
          s.base,
          beheer,
          'GET',
          `/api/recording/clips?alarmId=${raised.body.alarm.id}`,
        );
        return r.body.find((c) => c.id !== clipId);
      });
      await s.waitFor(
        'it sealed on the server',
        async () => (await s.clip(beheer, rest.id))?.status === 'sealed',
        180_000,
      );
    } else
      console.log(`restarted agent (${dialect}) back with ${left} ms of the post-roll left: not checked`);

    // Nothing is left waiting at the agent, and it records again.
    await s.waitFor(
      'the spool and the outbox empty',
      () => s.spoolClips().length === 0 && s.outboxSteps().length === 0,
      180_000,
    );
    await s.waitFor(
      'the restarted agent to report the camera armed',
      async () => (await s.agentView(beheer, agentId))?.report?.armedCameras === 1,
    );
    expect(await s.stopAgent('SIGTERM')).toBe(0);
  }, 600_000);
});
