/**
 * A recorder agent as it runs at a site (issue 13 §2, ADR 0015): real `proportio serve` and
 * `proportio agent run` processes, the GStreamer RTSP camera and ffmpeg. Enrolment with a one-time
 * code; an alarm over the API reaches the agent, which records and uploads sealed parts; the
 * server is killed (SIGKILL) in the middle of the clip and started again: every part arrives once
 * and opens with `age -d` and the vault identity. A suspension reaches the agent and disarms it
 * (the delay is measured and printed, not asserted); a revoked agent is refused and stops.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity, writeIdentityFile } from '../../src/adapters/vault/keys.js';
import { runCliProcess } from '../support/cli-process.js';
import { sql } from 'kysely';
import type { AssessmentModule } from '../../src/compose/assessment.compose.js';
import { compile } from '../../src/core/policy/policy.js';
import { policyHash } from '../../src/services/policy.service.js';
import { useDemoCamera } from '../support/recorder.js';
import { testPolicy } from '../support/recording-policy.js';
import { freePort, startRtspCamera, type RtspCamera } from '../support/rtsp-camera.js';
import { startTestRuntime } from '../support/test-runtime.js';
import { toolsAvailable } from '../support/tools.js';
import { waitFor } from '../support/waiting.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const PASSWORD = 'Lindewaard-demo-2026';
const hasTools = toolsAvailable('recorder agent with the RTSP camera', 'ffmpeg', 'age');

interface Proc {
  readonly child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

const start = (args: string[], env: Record<string, string>): Proc => {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/run.ts'), ...args], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, output: () => out, exited };
};

const login = async (base: string, username: string) => {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
};

const api = async <T>(
  base: string,
  headers: Record<string, string>,
  method: string,
  url: string,
  body?: unknown,
) => {
  const res = await fetch(`${base}${url}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text === '' ? undefined : JSON.parse(text)) as T, text };
};

interface ClipRow {
  id: string;
  status: string;
  parts: number | null;
  siteId: string;
  cameraId: string;
  manifestDigest: string | null;
}

describe.skipIf(!hasTools)('a recorder agent process with a real camera', () => {
  let dataDir: string;
  let stateDir: string;
  let camera: RtspCamera;
  let port: number;
  let base: string;
  let server: Proc | undefined;
  let agent: Proc | undefined;
  let identityFile: string;
  let site: { cameraId: string; roomId: string; siteId: string; typeId: string };

  const serve = async (): Promise<Proc> => {
    const p = start(['serve'], {
      PROPORTIO_DATA_DIR: dataDir,
      PROPORTIO_PORT: String(port),
      PROPORTIO_MQTT_PORT: '-1',
      PROPORTIO_LOG_LEVEL: 'warn',
      PROPORTIO_WEB_DIR: path.join(dataDir, 'no-web'),
    });
    await waitFor(
      'serve to run',
      () => {
        if (p.child.exitCode !== null) throw new Error(`serve exited: ${p.output()}`);
        return p.output().includes('Proportio is running');
      },
      180_000,
    );
    return p;
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'proportio-agent-server-'));
    stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'proportio-agent-site-'));
    camera = await startRtspCamera({ password: 'demo-camera-secret' });
    // The store as an operator leaves it: the demo, the camera at the site, an approved policy
    // (2 s before, 12 s after a press) and the vault's recipient; the identity stays with the test.
    const t = await startTestRuntime({
      dialect: 'sqlite',
      demo: true,
      dataDir,
      env: { PROPORTIO_MQTT_PORT: '-1' },
    });
    site = await useDemoCamera(t, { port: camera.port, enable: true });
    // The policy as serve's scheduler computes it now, then a version that records incident-
    // triggered in this room (2 s before, 12 s after) stored over it with the same content hash:
    // serve's tick sees nothing changed and keeps it (an approval at 06:00 on a Sunday would fail NEC-3).
    const assessment = t.rt.modules.find((m) => m.name === 'assessment') as AssessmentModule;
    await assessment.services.policy.tick();
    const head = await sql<{
      seq: number;
      hash: string;
    }>`SELECT seq, hash FROM policy_versions ORDER BY seq DESC LIMIT 1`.execute(t.rt.database.db);
    const seq = (head.rows[0]?.seq ?? 0) + 1;
    // No version yet: the tick compares with the empty policy's hash.
    const hash =
      head.rows[0]?.hash ?? policyHash(compile([], new Date(), assessment.services.policy.timeZone));
    const compiled = testPolicy(site.roomId, site.typeId, { pre: 2, post: 12 });
    await sql`INSERT INTO policy_versions (seq, compiled_at, trigger, cause, compiled, hash) VALUES (${seq}, ${compiled.compiledAt}, ${'approval'}, ${'a-black-box'}, ${JSON.stringify(compiled)}, ${hash})`.execute(
      t.rt.database.db,
    );
    await t.close();
    const identity = generateIdentity();
    identityFile = path.join(stateDir, '..', `${path.basename(stateDir)}-vault-identity.txt`);
    const w = await writeIdentityFile(identityFile, identity);
    if (!w.ok) throw new Error(w.error.message);
    fs.mkdirSync(path.join(dataDir, 'vault'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'vault', 'recipient.txt'), `${identity.recipient.text}\n`);
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = await serve();
  }, 300_000);

  afterAll(async () => {
    if (process.env.AGENT_TEST_LOG)
      fs.writeFileSync(
        `${process.env.AGENT_TEST_LOG}.state`,
        JSON.stringify({
          outbox: fs.existsSync(path.join(stateDir, 'outbox'))
            ? fs.readdirSync(path.join(stateDir, 'outbox'))
            : null,
          spool: fs.existsSync(path.join(stateDir, 'spool'))
            ? fs.readdirSync(path.join(stateDir, 'spool'), { recursive: true })
            : null,
          vault: fs.existsSync(path.join(dataDir, 'vault'))
            ? fs.readdirSync(path.join(dataDir, 'vault'), { recursive: true })
            : null,
        }),
      );
    if (process.env.AGENT_TEST_LOG)
      fs.writeFileSync(process.env.AGENT_TEST_LOG, `${agent?.output()}\n-----\n${server?.output()}`);
    for (const p of [agent, server])
      if (p !== undefined && p.child.exitCode === null && p.child.signalCode === null) {
        p.child.kill('SIGTERM');
        await p.exited;
      }
    await camera?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(stateDir, { recursive: true, force: true });
    if (identityFile) fs.rmSync(identityFile, { force: true });
  });

  it('enrols, records an alarm, survives the server being killed mid-clip (each part once, age opens it), obeys a suspension, and stops when revoked', async () => {
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
    agent = start(['agent', 'run', '--state', stateDir], {
      PROPORTIO_LOG_LEVEL: 'debug',
      PROPORTIO_AGENT_OFFLINE_MAX: '600',
    });
    await waitFor(
      'the agent process to run',
      () => {
        if (agent!.child.exitCode !== null) throw new Error(`the agent exited: ${agent!.output()}`);
        return agent!.output().includes('Proportio agent is running');
      },
      300_000,
    );
    const armedAtAgent = async () => {
      const list = await api<Array<{ id: string; report: { armedCameras: number } | null }>>(
        base,
        beheer,
        'GET',
        '/api/agents',
      );
      return list.body.find((a) => a.id === agentId)?.report?.armedCameras === 1;
    };
    await waitFor('the agent to arm the camera', armedAtAgent, 120_000).catch((e: unknown) => {
      throw new Error(
        `${(e as Error).message}\nagent:\n${agent!.output().slice(-4000)}\nserver:\n${server!.output().slice(-3000)}`,
      );
    });
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
    server!.child.kill('SIGKILL');
    await server!.exited;
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
    server = await serve();

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
    const manifest = JSON.parse(fs.readFileSync(path.join(clipsDir, clipId, 'manifest.json'), 'utf8')) as {
      state: string;
      parts: Array<{ index: number; file: string; sha256: string; plaintextBytes: number }>;
    };
    expect(manifest.state).toBe('closed');
    expect(manifest.parts.length).toBe(sealed.parts);
    expect(manifest.parts.length).toBeGreaterThan(partsAtKill);
    // Every part once: indexes 0..n-1, no other part file, no leftovers.
    expect(manifest.parts.map((p) => p.index)).toEqual(manifest.parts.map((_, i) => i));
    expect(fs.readdirSync(path.join(clipsDir, clipId)).sort()).toEqual(
      ['manifest.json', ...manifest.parts.map((p) => p.file)].sort(),
    );
    expect(sealed.manifestDigest).toBe(
      createHash('sha256')
        .update(fs.readFileSync(path.join(clipsDir, clipId, 'manifest.json')))
        .digest('hex'),
    );
    let plain = 0;
    const chunks: Buffer[] = [];
    for (const p of manifest.parts) {
      const file = path.join(clipsDir, clipId, p.file);
      expect(createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(p.sha256);
      const out = await run('age', ['-d', '-i', identityFile, file], {
        encoding: 'buffer',
        maxBuffer: 256 * 1024 * 1024,
      });
      expect(out.stdout.length).toBe(p.plaintextBytes);
      plain += out.stdout.length;
      chunks.push(out.stdout);
    }
    // The clip is an fMP4 from its first byte (ftyp), and it is not empty.
    expect(Buffer.concat(chunks).subarray(4, 8).toString('latin1')).toBe('ftyp');
    expect(plain).toBeGreaterThan(10_000);
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
        agent!
          .output()
          .slice(before)
          .split('\n')
          .find((l) => l.includes('every denied camera stopped')),
      60_000,
    );
    const observed = Date.now() - t0;
    const atAgent = (JSON.parse(line) as { ms: number }).ms;
    console.log(
      `suspension → agent stopped the camera: ${observed} ms from the API call, ${atAgent} ms at the agent`,
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
