/**
 * The agent gateway's routes on both dialects (ADR 0015), without a camera: enrolment once with
 * a code, the signed plan (verifies with the key given at enrolment; camera credentials sealed to
 * the agent, opened only with its identity), part intake stored once and refused on other
 * contents or a gap, a camera of another site refused, and a revoked agent refused everywhere.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEd25519PublicKey, verifySignature } from '../../src/adapters/evidence/export-key.js';
import { decryptBytes, encryptBytes } from '../../src/adapters/vault/age-format.js';
import { generateIdentity } from '../../src/adapters/vault/keys.js';
import { planBytes, type SignedAgentPlan } from '../../src/core/agents/plan.js';
import { availableDialects } from '../support/databases.js';
import { storePolicyVersion, useDemoCamera, writeVaultRecipient } from '../support/recorder.js';
import { testPolicy } from '../support/recording-policy.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const dialects = await availableDialects();

describe.each(dialects)('agent gateway (%s)', (dialect) => {
  let t: TestRuntime;
  let admin: Record<string, string>;
  let cam: Awaited<ReturnType<typeof useDemoCamera>>;
  const identity = generateIdentity();
  let token = '';
  let planKey = '';
  let agentId = '';

  beforeAll(async () => {
    t = await startTestRuntime({ dialect, demo: true, env: { PROPORTIO_MQTT_PORT: '-1' } });
    await writeVaultRecipient(t);
    cam = await useDemoCamera(t, { port: 8554, enable: true });
    await storePolicyVersion(t, testPolicy(cam.roomId, cam.typeId), 1);
    admin = { ...(await loginAs(t.app, 'beheer')).headers, 'content-type': 'application/json' };
    const fg = await loginAs(t.app, 'balie');
    const c = await t.app.inject({
      method: 'POST',
      url: '/api/conversations',
      headers: fg.headers,
      payload: { roomId: cam.roomId, conversationTypeId: cam.typeId },
    });
    expect(c.statusCode, c.body).toBe(201);
  }, 120_000);
  afterAll(async () => t?.close());

  const agentCall = (
    method: 'GET' | 'PUT' | 'POST',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}`, ...headers },
      ...(payload === undefined ? {} : { payload: payload as Buffer }),
    });

  it('enrols once with the code; a bad recipient or a used code changes nothing', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/agents',
      headers: admin,
      payload: { siteId: cam.siteId, name: 'Recorder' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { code, agent } = created.json<{
      code: string;
      agent: { id: string; state: string; createdAt: string; codeExpiresAt: string | null };
    }>();
    expect(agent.state).toBe('awaiting-enrolment');
    // The web page says until when the code works: 24 hours after it was made.
    expect(Date.parse(agent.codeExpiresAt!) - Date.parse(agent.createdAt)).toBe(24 * 3_600_000);
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    agentId = agent.id;
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/agent/enrol',
      payload: { code, recipient: 'age1nope' },
    });
    expect(bad.statusCode).toBe(422);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/agent/enrol',
      payload: { code: code.toLowerCase(), recipient: identity.recipient.text },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    ({ token, planKey } = ok.json<{ token: string; planKey: string }>());
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/agent/enrol',
      payload: { code, recipient: identity.recipient.text },
    });
    expect(again.statusCode).toBe(401);
    expect(again.json()).toMatchObject({ code: 'AGENT.CODE_INVALID' });
    const listed = await t.app.inject({ method: 'GET', url: '/api/agents', headers: admin });
    expect(listed.json<Array<{ id: string }>>().find((a) => a.id === agentId)).toMatchObject({
      state: 'enrolled',
      codeExpiresAt: null,
    });
    // A user's session is never an agent.
    const asUser = await t.app.inject({ method: 'GET', url: '/api/agent/plan', headers: admin });
    expect(asUser.statusCode).toBe(401);
  });

  it("answers a plan signed with the enrolment key, the camera's credentials sealed to the agent", async () => {
    const r = await agentCall('GET', '/api/agent/plan');
    expect(r.statusCode, r.body).toBe(200);
    const signed = r.json<SignedAgentPlan>();
    const key = readEd25519PublicKey(planKey)!;
    expect(verifySignature(key, planBytes(signed.plan), Buffer.from(signed.signature, 'base64url'))).toBe(
      true,
    );
    const tampered = { ...signed.plan, siteId: 'elsewhere' };
    expect(verifySignature(key, planBytes(tampered), Buffer.from(signed.signature, 'base64url'))).toBe(false);
    expect(signed.plan.siteId).toBe(cam.siteId);
    expect(signed.plan.cameras.every((c) => c.siteId === cam.siteId)).toBe(true);
    const mine = signed.plan.cameras.find((c) => c.camera.id === cam.cameraId)!;
    expect(mine.off).toBeNull();
    expect(r.body).not.toContain('demo-camera-secret');
    const opened = decryptBytes([identity], Buffer.from(mine.sourceSealed!, 'base64'));
    expect(opened.ok && opened.value.toString()).toContain('demo-camera-secret');
    expect(decryptBytes([generateIdentity()], Buffer.from(mine.sourceSealed!, 'base64')).ok).toBe(false);
    expect(signed.plan.vaultRecipient).toBe(
      fs.readFileSync(path.join(t.dataDir, 'vault', 'recipient.txt'), 'utf8').trim(),
    );
  });

  it('stores a part once; other contents, a gap or a bad digest are refused; the clip closes with its row', async () => {
    const clipId = 'agent-clip-1';
    const opening = {
      cameraId: cam.cameraId,
      alarmId: null,
      incidentId: null,
      alarmIds: [],
      incidentIds: [],
      conversationId: null,
      mode: 'incident',
      policySeq: 1,
      policyCompiledAt: null,
      policyHash: null,
      assessmentIds: [],
      retentionHours: 72,
      startedAt: new Date().toISOString(),
      preRollSeconds: 2,
    };
    expect((await agentCall('PUT', `/api/agent/clips/${clipId}`, opening)).statusCode).toBe(200);
    expect((await agentCall('PUT', `/api/agent/clips/${clipId}`, opening)).statusCode).toBe(200);
    const recipient = generateIdentity().recipient;
    const part0 = encryptBytes([recipient], Buffer.alloc(5000, 1));
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    const put = (n: number, body: Buffer, digest = sha(body)) =>
      agentCall('PUT', `/api/agent/clips/${clipId}/parts/${n}`, body, {
        'content-type': 'application/octet-stream',
        'x-part-sha256': digest,
      });
    expect((await put(0, part0)).json()).toEqual({ stored: true });
    expect((await put(0, part0)).json()).toEqual({ stored: false });
    const other = encryptBytes([recipient], Buffer.alloc(5000, 2));
    expect((await put(0, other)).statusCode).toBe(409);
    expect((await put(2, other)).statusCode).toBe(409);
    expect((await put(1, other, sha(part0))).statusCode).toBe(422);
    expect((await put(1, Buffer.from('not an age file'))).statusCode).toBe(422);
    const dir = path.join(t.dataDir, 'vault', 'clips', clipId);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.age'))).toEqual(['part-000000.age']);
    expect(fs.readFileSync(path.join(dir, 'part-000000.age')).equals(part0)).toBe(true);

    const end = { outcome: 'sealed', parts: 1, sealedBytes: part0.length, error: null, meta: null };
    expect((await agentCall('POST', `/api/agent/clips/${clipId}/end`, end)).statusCode).toBe(200);
    expect((await agentCall('POST', `/api/agent/clips/${clipId}/end`, end)).statusCode).toBe(200);
    const row = await t.app.inject({ method: 'GET', url: `/api/recording/clips/${clipId}`, headers: admin });
    const clip = row.json<{ status: string; parts: number; manifestDigest: string; siteId: string }>();
    expect(clip).toMatchObject({ status: 'sealed', parts: 1, siteId: cam.siteId });
    expect(clip.manifestDigest).toBe(sha(fs.readFileSync(path.join(dir, 'manifest.json'))));
  });

  it('refuses a clip for a camera not at its site, and parts of a clip it does not own; nothing is stored', async () => {
    const elsewhere = await agentCall('PUT', '/api/agent/clips/foreign-clip', {
      cameraId: '00000000-0000-4000-8000-000000000000',
      alarmId: null,
      incidentId: null,
      alarmIds: [],
      incidentIds: [],
      conversationId: null,
      mode: 'incident',
      policySeq: null,
      policyCompiledAt: null,
      policyHash: null,
      assessmentIds: [],
      retentionHours: 72,
      startedAt: null,
      preRollSeconds: null,
    });
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json()).toMatchObject({ code: 'AGENT.CAMERA_ELSEWHERE' });
    expect(await t.rt.store.read.cameras.get('00000000-0000-4000-8000-000000000000')).toBeUndefined();
    const part = await agentCall('PUT', '/api/agent/clips/foreign-clip/parts/0', Buffer.from('x'), {
      'content-type': 'application/octet-stream',
      'x-part-sha256': 'a'.repeat(64),
    });
    expect(part.statusCode).toBe(404);
    expect(fs.existsSync(path.join(t.dataDir, 'vault', 'clips', 'foreign-clip'))).toBe(false);
  });

  it('a revoked agent is refused on every agent route; the list says so', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/agents/${agentId}/revoke`,
      headers: admin,
      payload: {},
    });
    expect(r.statusCode, r.body).toBe(200);
    for (const [method, url] of [
      ['GET', '/api/agent/plan'],
      ['GET', '/api/agent/events'],
      ['POST', '/api/agent/notes'],
    ] as const) {
      const res = await agentCall(method, url, method === 'GET' ? undefined : {});
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json()).toMatchObject({ code: 'AGENT.TOKEN_INVALID' });
    }
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/agents/${agentId}/revoke`,
      headers: admin,
      payload: {},
    });
    expect(again.statusCode).toBe(409);
    const list = await t.app.inject({ method: 'GET', url: '/api/agents', headers: admin });
    expect(list.json<Array<{ id: string; state: string }>>().find((a) => a.id === agentId)?.state).toBe(
      'revoked',
    );
  });

  it('a site has one agent: a second is refused while the first is enrolled or waiting', async () => {
    const register = (name: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/agents',
        headers: admin,
        payload: { siteId: cam.siteId, name },
      });
    // The agent above is revoked: the site is free for a successor.
    const first = await register('Recorder, opvolger');
    expect(first.statusCode, first.body).toBe(201);
    const before = (await t.app.inject({ method: 'GET', url: '/api/agents', headers: admin })).json<
      unknown[]
    >();
    const second = await register('Recorder, tweede');
    expect(second.statusCode, second.body).toBe(409);
    expect(second.json()).toMatchObject({ code: 'AGENT.SITE_HAS_AGENT' });
    const after = (await t.app.inject({ method: 'GET', url: '/api/agents', headers: admin })).json<
      unknown[]
    >();
    expect(after).toHaveLength(before.length);
  });
});
