/**
 * A site with a recorder agent, as the agent process tests set it up (ADR 0015): a real
 * `proportio serve` process on a database of the chosen dialect, the GStreamer RTSP camera as the
 * demo's first camera, an approved policy that records incident-triggered in its room, the vault's
 * recipient in the data folder (the identity stays with the test, for `age -d`), and a state folder
 * for `proportio agent` processes. Also what the tests look at: the agent's report as the server
 * shows it, the clip rows, the agent's spool and outbox, its ffmpeg children, and a clip in the
 * server's vault checked part by part.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { generateIdentity, writeIdentityFile } from '../../src/adapters/vault/keys.js';
import type { AssessmentModule } from '../../src/compose/assessment.compose.js';
import type { AgentReport } from '../../src/core/agents/agent.js';
import { compile } from '../../src/core/policy/policy.js';
import { policyHash } from '../../src/services/policy.service.js';
import { runCliProcess } from './cli-process.js';
import { freshDatabase, type TestDatabase, type TestDialect } from './databases.js';
import { useDemoCamera, type DemoCamera } from './recorder.js';
import { testPolicy } from './recording-policy.js';
import { freePort, startRtspCamera, type RtspCamera } from './rtsp-camera.js';
import { startTestRuntime } from './test-runtime.js';
import { bytesWritten, ffmpegChildren, waitFor } from './waiting.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
export const DEMO_PASSWORD = 'Lindewaard-demo-2026';

/** A `proportio` child process and everything it wrote (stdout and stderr). */
export interface Proc {
  readonly child: ChildProcess;
  output(): string;
  readonly exited: Promise<number | null>;
}

export const startProportio = (args: string[], env: Record<string, string>): Proc => {
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

const running = (p: Proc | undefined): p is Proc =>
  p !== undefined && p.child.exitCode === null && p.child.signalCode === null;

export type Headers = Record<string, string>;

export const login = async (base: string, username: string): Promise<Headers> => {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
};

export const api = async <T>(base: string, headers: Headers, method: string, url: string, body?: unknown) => {
  const res = await fetch(`${base}${url}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text === '' ? undefined : JSON.parse(text)) as T, text };
};

export interface ClipRow {
  id: string;
  status: string;
  parts: number | null;
  siteId: string;
  cameraId: string;
  endReason: string | null;
  manifestDigest: string | null;
}

/** The JSON log lines of a process's output (pino), newest last; other lines are skipped. */
export const logLines = (output: string): Array<{ msg?: string } & Record<string, unknown>> =>
  output.split('\n').flatMap((l) => {
    if (!l.startsWith('{')) return [];
    try {
      return [JSON.parse(l) as { msg?: string } & Record<string, unknown>];
    } catch {
      return [];
    }
  });

export interface AgentSiteOptions {
  readonly dialect: TestDialect;
  /** The policy's pre- and post-roll in the camera's room (seconds). */
  readonly pre: number;
  readonly post: number;
}

export interface AgentSite {
  readonly dialect: TestDialect;
  readonly dataDir: string;
  /** The agent's state folder (agent.json, plan.json, denials.json, spool/, outbox/). */
  readonly stateDir: string;
  /** The vault identity: opens what the agent sealed (`age -d -i`). */
  readonly identityFile: string;
  readonly camera: RtspCamera;
  readonly base: string;
  /** The demo camera at the site, its room, its site and a conversation type. */
  readonly place: DemoCamera;
  readonly server: Proc | undefined;
  readonly agent: Proc | undefined;
  /** Starts `proportio serve` and waits until it runs. */
  serve(): Promise<Proc>;
  /** Stops the server with this signal and waits for it to exit. */
  stopServer(signal: NodeJS.Signals): Promise<void>;
  /** Registers an agent for the site and enrols the state folder with its one-time code (a CLI process). */
  enrol(headers: Headers): Promise<{ agentId: string; token: string }>;
  /** The front desk starts a conversation in the room: the policy arms the camera at the agent. */
  startConversation(): Promise<void>;
  /** Starts `proportio agent run` on the state folder and waits until it runs. */
  startAgent(env?: Record<string, string>): Promise<Proc>;
  /** Signals the agent process and answers its exit code. */
  stopAgent(signal: NodeJS.Signals): Promise<number | null>;
  /** The agent's entry in GET /api/agents (state, last report). */
  agentView(
    headers: Headers,
    agentId: string,
  ): Promise<{ id: string; state: string; report: AgentReport | null } | undefined>;
  clip(headers: Headers, clipId: string): Promise<ClipRow | undefined>;
  /** Clips waiting in the agent's spool (folder names). */
  spoolClips(): string[];
  /** The complete sealed parts of a clip in the spool, with their SHA-256, by file name. */
  spoolParts(clipId: string): Map<string, string>;
  /** Steps waiting in the agent's outbox (file names). */
  outboxSteps(): string[];
  /** The agent's ffmpeg processes. */
  agentFfmpeg(): Promise<number[]>;
  /** Waits until one of the agent's ffmpeg processes has handed the agent this much fMP4 (the ring fills). */
  waitStreaming(minBytes?: number): Promise<number>;
  /** waitFor with the tails of the agent's and the server's output in the error. */
  waitFor<T>(
    what: string,
    fn: () => Promise<T | undefined | false> | T | undefined | false,
    ms?: number,
  ): Promise<T>;
  /**
   * A clip as it lies in the server's vault: closed, parts 0..n-1 and nothing else, each part's
   * SHA-256 as listed, each opened by `age -d` with the vault identity; the manifest and the
   * plaintext of every part in order.
   */
  openClip(clipId: string): Promise<{ manifest: ServerManifest; plaintext: Buffer; manifestDigest: string }>;
  close(): Promise<void>;
}

export interface ServerManifest {
  state: string;
  interrupted: boolean;
  parts: Array<{ index: number; file: string; sha256: string; plaintextBytes: number }>;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * The store as an operator leaves it: the demo, the camera at the site, an approved policy, and the
 * vault's recipient in the data folder (its identity written to `identityFile`, for the test).
 */
const prepareStore = async (
  o: AgentSiteOptions,
  dataDir: string,
  camera: RtspCamera,
  databaseUrl: string | undefined,
  identityFile: string,
): Promise<DemoCamera> => {
  const t = await startTestRuntime({
    dialect: o.dialect,
    demo: true,
    dataDir,
    env: { PROPORTIO_MQTT_PORT: '-1' },
    ...(databaseUrl === undefined ? {} : { joinDatabaseUrl: databaseUrl }),
  });
  const place = await useDemoCamera(t, { port: camera.port, enable: true });
  // The policy as serve's scheduler computes it now, then a version that records incident-
  // triggered in this room stored over it with the same content hash: serve's tick sees nothing
  // changed and keeps it (an approval at 06:00 on a Sunday would fail NEC-3).
  const assessment = t.rt.modules.find((m) => m.name === 'assessment') as AssessmentModule;
  await assessment.services.policy.tick();
  const head = await sql<{
    seq: number;
    hash: string;
  }>`SELECT seq, hash FROM policy_versions ORDER BY seq DESC LIMIT 1`.execute(t.rt.database.db);
  const seq = Number(head.rows[0]?.seq ?? 0) + 1;
  // No version yet: the tick compares with the empty policy's hash.
  const hash = head.rows[0]?.hash ?? policyHash(compile([], new Date(), assessment.services.policy.timeZone));
  const compiled = testPolicy(place.roomId, place.typeId, { pre: o.pre, post: o.post });
  await sql`INSERT INTO policy_versions (seq, compiled_at, trigger, cause, compiled, hash) VALUES (${seq}, ${compiled.compiledAt}, ${'approval'}, ${'a-black-box'}, ${JSON.stringify(compiled)}, ${hash})`.execute(
    t.rt.database.db,
  );
  await t.close();
  const identity = generateIdentity();
  const w = await writeIdentityFile(identityFile, identity);
  if (!w.ok) throw new Error(w.error.message);
  fs.mkdirSync(path.join(dataDir, 'vault'), { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'vault', 'recipient.txt'), `${identity.recipient.text}\n`);
  return place;
};

export const startAgentSite = async (o: AgentSiteOptions): Promise<AgentSite> => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'proportio-agent-server-'));
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'proportio-agent-site-'));
  const identityFile = path.join(os.tmpdir(), `${path.basename(stateDir)}-vault-identity.txt`);
  const camera = await startRtspCamera({ password: 'demo-camera-secret' });
  let pg: TestDatabase | undefined;
  let place: DemoCamera;
  try {
    // PostgreSQL: a database of our own that outlives the set-up runtime (serve uses it next).
    if (o.dialect === 'postgres') pg = await freshDatabase('postgres');
    place = await prepareStore(o, dataDir, camera, pg?.url, identityFile);
  } catch (e) {
    await camera.stop();
    await pg?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(stateDir, { recursive: true, force: true });
    fs.rmSync(identityFile, { force: true });
    throw e;
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let server: Proc | undefined;
  let agent: Proc | undefined;
  /** Every process started, for the log written at close (AGENT_TEST_LOG). */
  const started: Array<{ what: string; proc: Proc }> = [];

  const tails = () =>
    `\nagent:\n${agent?.output().slice(-5000) ?? '(none)'}\nserver:\n${server?.output().slice(-3000) ?? '(none)'}`;
  const waitWithTails = async <T>(
    what: string,
    fn: () => Promise<T | undefined | false> | T | undefined | false,
    ms = 120_000,
  ): Promise<T> => {
    try {
      return await waitFor(what, fn, ms);
    } catch (e) {
      throw new Error(`${(e as Error).message}${tails()}`);
    }
  };
  const ls = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir) : []);

  const site: AgentSite = {
    dialect: o.dialect,
    dataDir,
    stateDir,
    identityFile,
    camera,
    base,
    place,
    get server() {
      return server;
    },
    get agent() {
      return agent;
    },
    serve: async () => {
      const p = startProportio(['serve'], {
        PROPORTIO_DATA_DIR: dataDir,
        PROPORTIO_PORT: String(port),
        PROPORTIO_MQTT_PORT: '-1',
        PROPORTIO_LOG_LEVEL: process.env.AGENT_TEST_SERVER_LOG_LEVEL ?? 'warn',
        PROPORTIO_WEB_DIR: path.join(dataDir, 'no-web'),
        ...(pg?.url === undefined ? {} : { PROPORTIO_DATABASE_URL: pg.url }),
      });
      server = p;
      started.push({ what: 'serve', proc: p });
      await waitFor(
        'serve to run',
        () => {
          if (p.child.exitCode !== null) throw new Error(`serve exited: ${p.output()}`);
          return p.output().includes('Proportio is running');
        },
        180_000,
      );
      return p;
    },
    stopServer: async (signal) => {
      if (!running(server)) return;
      server.child.kill(signal);
      await server.exited;
    },
    startConversation: async () => {
      const conv = await api(base, await login(base, 'balie'), 'POST', '/api/conversations', {
        roomId: place.roomId,
        conversationTypeId: place.typeId,
      });
      expect(conv.status, conv.text).toBe(201);
    },
    enrol: async (headers) => {
      const created = await api<{ agent: { id: string }; code: string }>(
        base,
        headers,
        'POST',
        '/api/agents',
        {
          siteId: place.siteId,
          name: 'Recorder De Brink',
        },
      );
      expect(created.status, created.text).toBe(201);
      const enrolled = await runCliProcess([
        'agent',
        'enrol',
        '--server',
        base,
        '--code',
        created.body.code,
        '--state',
        stateDir,
      ]);
      expect(enrolled.code, enrolled.stderr).toBe(0);
      const { token } = JSON.parse(fs.readFileSync(path.join(stateDir, 'agent.json'), 'utf8')) as {
        token: string;
      };
      return { agentId: created.body.agent.id, token };
    },
    startAgent: async (env = {}) => {
      const p = startProportio(['agent', 'run', '--state', stateDir], {
        PROPORTIO_LOG_LEVEL: 'debug',
        ...env,
      });
      agent = p;
      started.push({ what: 'agent run', proc: p });
      await waitWithTails(
        'the agent process to run',
        () => {
          if (p.child.exitCode !== null) throw new Error(`the agent exited: ${p.output()}`);
          return p.output().includes('Proportio agent is running');
        },
        300_000,
      );
      return p;
    },
    stopAgent: async (signal) => {
      if (agent === undefined) return null;
      if (running(agent)) agent.child.kill(signal);
      return agent.exited;
    },
    agentView: async (headers, agentId) => {
      const list = await api<Array<{ id: string; state: string; report: AgentReport | null }>>(
        base,
        headers,
        'GET',
        '/api/agents',
      );
      return list.body.find((a) => a.id === agentId);
    },
    clip: async (headers, clipId) => {
      const r = await api<ClipRow>(base, headers, 'GET', `/api/recording/clips/${clipId}`);
      return r.status === 200 ? r.body : undefined;
    },
    spoolClips: () => ls(path.join(stateDir, 'spool')).filter((d) => !d.startsWith('.')),
    spoolParts: (clipId) => {
      const dir = path.join(stateDir, 'spool', clipId);
      return new Map(
        ls(dir)
          .filter((f) => /^part-\d{6}\.age$/.test(f))
          .map((f) => [f, sha256(fs.readFileSync(path.join(dir, f)))]),
      );
    },
    outboxSteps: () => ls(path.join(stateDir, 'outbox')).filter((f) => f.endsWith('.json')),
    agentFfmpeg: () =>
      agent?.child.pid === undefined ? Promise.resolve([]) : ffmpegChildren(agent.child.pid),
    waitStreaming: (minBytes = 64 * 1024) =>
      waitWithTails('the agent’s ffmpeg to stream', async () => {
        for (const pid of await site.agentFfmpeg())
          if (((await bytesWritten(pid)) ?? 0) >= minBytes) return pid;
        return undefined;
      }),
    waitFor: waitWithTails,
    openClip: async (clipId) => {
      const dir = path.join(dataDir, 'vault', 'clips', clipId);
      const bytes = fs.readFileSync(path.join(dir, 'manifest.json'));
      const manifest = JSON.parse(bytes.toString('utf8')) as ServerManifest;
      expect(manifest.state).toBe('closed');
      // Every part once: indexes 0..n-1, no other part file, no leftovers.
      expect(manifest.parts.map((p) => p.index)).toEqual(manifest.parts.map((_, i) => i));
      expect(fs.readdirSync(dir).sort()).toEqual(
        ['manifest.json', ...manifest.parts.map((p) => p.file)].sort(),
      );
      const chunks: Buffer[] = [];
      for (const p of manifest.parts) {
        const file = path.join(dir, p.file);
        expect(sha256(fs.readFileSync(file))).toBe(p.sha256);
        const out = await run('age', ['-d', '-i', identityFile, file], {
          encoding: 'buffer',
          maxBuffer: 256 * 1024 * 1024,
        });
        expect(out.stdout.length).toBe(p.plaintextBytes);
        chunks.push(out.stdout);
      }
      return { manifest, plaintext: Buffer.concat(chunks), manifestDigest: sha256(bytes) };
    },
    close: async () => {
      if (process.env.AGENT_TEST_LOG) {
        fs.writeFileSync(
          `${process.env.AGENT_TEST_LOG}.state`,
          JSON.stringify({
            outbox: ls(path.join(stateDir, 'outbox')),
            spool: fs.existsSync(path.join(stateDir, 'spool'))
              ? fs.readdirSync(path.join(stateDir, 'spool'), { recursive: true })
              : null,
            vault: fs.existsSync(path.join(dataDir, 'vault'))
              ? fs.readdirSync(path.join(dataDir, 'vault'), { recursive: true })
              : null,
          }),
        );
        fs.writeFileSync(
          process.env.AGENT_TEST_LOG,
          started
            .map((x) => `----- ${x.what} (pid ${String(x.proc.child.pid)})\n${x.proc.output()}`)
            .join('\n'),
        );
      }
      for (const p of [agent, server])
        if (running(p)) {
          // A stopped process (SIGSTOP) hears SIGTERM only once it runs again.
          p.child.kill('SIGCONT');
          p.child.kill('SIGTERM');
          // One that does not stop (a defect the test has reported by then) must not outlive the test.
          const t = setTimeout(() => p.child.kill('SIGKILL'), 30_000);
          await p.exited;
          clearTimeout(t);
        }
      await camera.stop();
      await pg?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(stateDir, { recursive: true, force: true });
      fs.rmSync(identityFile, { force: true });
    },
  };
  return site;
};
