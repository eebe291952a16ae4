/**
 * An objection or suspension made on one instance stops recording on every instance at once
 * (issue 13 §1 and §2): instance B's suspension reaches the agent connected to instance A as
 * `deny` on its event stream, and A's own recorder is told to stop, without waiting for either's
 * next re-plan. Two runtimes on one PostgreSQL; the switch travels as `recording.denied`.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateIdentity } from '../../src/adapters/vault/keys.js';
import type { RecordingModule } from '../../src/compose/recording.compose.js';
import { availableDialects } from '../support/databases.js';
import { useDemoCamera, writeVaultRecipient } from '../support/recorder.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { waitFor } from '../support/waiting.js';

const postgres = (await availableDialects()).includes('postgres');

describe.runIf(postgres)('a switch made on one instance reaches every instance', () => {
  let a: TestRuntime;
  let b: TestRuntime;
  let siteId = '';
  let token = '';
  const frames: string[] = [];
  const stream = new AbortController();

  beforeAll(async () => {
    const env = { PROPORTIO_MQTT_PORT: '-1' };
    a = await startTestRuntime({ dialect: 'postgres', demo: true, env, listen: true });
    b = await startTestRuntime({
      dialect: 'postgres',
      joinDatabaseUrl: a.databaseUrl,
      dataDir: a.dataDir,
      env,
    });
    await writeVaultRecipient(a);
    siteId = (await useDemoCamera(a, { port: 8554, enable: true })).siteId;
    // As `serve` does: the recorders and the agent gateway subscribe (no policy: nothing is armed).
    await a.rt.start();
    await b.rt.start();
    const admin = { ...(await loginAs(a.app, 'beheer')).headers, 'content-type': 'application/json' };
    const created = await a.app.inject({
      method: 'POST',
      url: '/api/agents',
      headers: admin,
      payload: { siteId, name: 'Recorder De Brink' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const enrolled = await a.app.inject({
      method: 'POST',
      url: '/api/agent/enrol',
      payload: { code: created.json<{ code: string }>().code, recipient: generateIdentity().recipient.text },
    });
    expect(enrolled.statusCode, enrolled.body).toBe(200);
    token = enrolled.json<{ token: string }>().token;

    // The agent's event stream, on A, as the agent process reads it.
    const res = await fetch(`${a.url}/api/agent/events`, {
      headers: { authorization: `Bearer ${token}` },
      signal: stream.signal,
    });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    void (async () => {
      for (let r = await reader.read(); !r.done; r = await reader.read())
        frames.push(decoder.decode(r.value));
    })().catch(() => undefined);
    await waitFor('the agent stream to say hello', () => frames.join('').includes('event: hello'));
  }, 120_000);

  afterAll(async () => {
    stream.abort();
    for (const t of [b, a]) await t?.close();
  });

  it("B's suspension reaches A's agent stream as deny and stops A's own recorder; its lifting, as a re-plan", async () => {
    const recorderOfA = a.rt.modules.find((m) => m.name === 'recording') as RecordingModule;
    const denyOnA = vi.spyOn(recorderOfA.supervisor, 'deny');
    const fg = { ...(await loginAs(b.app, 'beheer')).headers, 'content-type': 'application/json' };
    const r = await b.app.inject({
      method: 'POST',
      url: '/api/recording/suspensions',
      headers: fg,
      payload: { scope: 'site', siteId, reason: 'test: a switch on another instance' },
    });
    expect(r.statusCode, r.body).toBe(201);

    const deny = await waitFor('deny on the agent stream of A', () =>
      frames
        .join('')
        .split('\n\n')
        .find((f) => f.startsWith('event: deny')),
    );
    const data = JSON.parse(
      deny
        .split('\n')
        .find((l) => l.startsWith('data: '))!
        .slice(6),
    ) as {
      scope: unknown;
      off: { kind: string };
    };
    expect(data.scope).toEqual({ kind: 'site', siteId });
    expect(data.off.kind).toBe('suspended');
    await waitFor("A's recorder to be told", () => denyOnA.mock.calls.length > 0);
    expect(denyOnA.mock.calls[0]![0]).toEqual({ kind: 'site', siteId });
    // Once: the instance that heard it does not send it back round.
    expect(frames.join('').split('event: deny').length - 1).toBe(1);

    // Lifted on B: A's agent is told to re-plan now, not at its next tick.
    const resumed = await b.app.inject({
      method: 'POST',
      url: `/api/recording/suspensions/${r.json<{ id: string }>().id}/resume`,
      headers: fg,
      payload: { reason: 'test: lifted on another instance' },
    });
    expect(resumed.statusCode, resumed.body).toBe(200);
    await waitFor('a re-plan hint on the agent stream of A', () =>
      frames.join('').includes('"because":"recording.resumed"'),
    );
  });
});
