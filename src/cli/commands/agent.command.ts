/**
 * Recorder agents (issue 13 §2, ADR 0015, docs/agents.md).
 *
 * At the site: `proportio agent enrol --server URL --code CODE` makes the agent's own key pair,
 * enrols with the one-time code and keeps the token (mode 0600); `proportio agent run` records
 * under the server's signed plan until stopped (exit 0) or revoked (exit 77).
 * For administrators, through the API: `proportio agents list | create | revoke`.
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type { Command } from 'commander';
import pino from 'pino';
import { ConfigError, loadAgentConfig } from '../../config.js';
import type { AgentReport } from '../../core/agents/agent.js';
import {
  agentPaths,
  readJson,
  writeFileDurably,
  type AgentCredentials,
} from '../../adapters/agent/agent-files.js';
import { AgentCallFailed, enrolAgent, httpTransport } from '../../adapters/agent/http-transport.js';
import { readEd25519PublicKey, verifySignature } from '../../adapters/evidence/export-key.js';
import { locateFfmpeg } from '../../adapters/media/ffmpeg.js';
import { generateIdentity, readIdentityFile, writeIdentityFile } from '../../adapters/vault/keys.js';
import { RecorderAgent } from '../../workers/recorder-agent.js';
import { DEFAULT_TUNABLES } from '../../workers/recorder-supervisor.js';
import { client, withConn, type Conn } from '../connection.js';
import { CliError, EXIT, emit, table, type CliIo } from '../io.js';

const agentConfig = (stateDir: string | undefined) => {
  try {
    return loadAgentConfig(process.env, process.cwd(), stateDir === undefined ? {} : { stateDir });
  } catch (e) {
    if (e instanceof ConfigError) throw new CliError(e.message, EXIT.CONFIG);
    throw e;
  }
};

interface AgentRow {
  id: string;
  siteId: string;
  name: string;
  state: string;
  lastSeenAt: string | null;
  lagSeconds: number | null;
  report: AgentReport | null;
}

export const registerAgentCommands = (program: Command, io: CliIo): void => {
  const agent = program.command('agent').description('a recorder agent at a site, near the cameras');

  agent
    .command('enrol')
    .description("enrol this agent with a one-time code from the server's administrator")
    .requiredOption('--server <url>', 'the Proportio server, e.g. https://proportio.example.nl')
    .requiredOption('--code <code>', 'the one-time enrolment code')
    .option('--state <dir>', 'state folder (default $PROPORTIO_AGENT_DIR or ./proportio-agent)')
    .action(async (o: { server: string; code: string; state?: string }) => {
      const config = agentConfig(o.state);
      const paths = agentPaths(config.stateDir);
      await mkdir(config.stateDir, { recursive: true, mode: 0o700 });
      if ((await readJson<AgentCredentials>(paths.credentials)) !== undefined)
        throw new CliError(
          `this agent is already enrolled (${paths.credentials}); use another --state`,
          EXIT.CANT_CREATE,
        );
      const identity = generateIdentity();
      let enrolled;
      try {
        enrolled = await enrolAgent(o.server, o.code, identity.recipient.text);
      } catch (e) {
        if (e instanceof AgentCallFailed)
          throw new CliError(e.message, e.status === 401 ? EXIT.NO_PERM : EXIT.UNAVAILABLE);
        throw e;
      }
      const w = await writeIdentityFile(paths.identity, identity);
      if (!w.ok) throw new CliError(`${w.error.code}: ${w.error.message}`, EXIT.CANT_CREATE);
      const credentials: AgentCredentials = {
        server: o.server,
        agentId: enrolled.agentId,
        siteId: enrolled.siteId,
        token: enrolled.token,
        planKey: enrolled.planKey,
      };
      await writeFileDurably(paths.credentials, JSON.stringify(credentials, null, 2));
      io.out(
        `Enrolled as agent ${enrolled.agentId} for site ${enrolled.siteId}; state in ${config.stateDir}`,
      );
    });

  agent
    .command('run')
    .description(
      "record under the server's signed plan; parts are sealed with the vault's public key and uploaded",
    )
    .option('--state <dir>', 'state folder (default $PROPORTIO_AGENT_DIR or ./proportio-agent)')
    .option('--server <url>', 'the server (default: the one enrolled with)')
    .action(async (o: { state?: string; server?: string }) => {
      const config = agentConfig(o.state);
      const paths = agentPaths(config.stateDir);
      const credentials = await readJson<AgentCredentials>(paths.credentials);
      if (credentials === undefined)
        throw new CliError(
          `not enrolled: run \`proportio agent enrol\` first (${paths.credentials})`,
          EXIT.CONFIG,
        );
      const ids = await readIdentityFile(paths.identity);
      if (!ids.ok) throw new CliError(`${ids.error.code}: ${ids.error.message}`, EXIT.CONFIG);
      const key = readEd25519PublicKey(credentials.planKey);
      if (key === undefined)
        throw new CliError("the server's plan key in agent.json is not an Ed25519 key", EXIT.CONFIG);
      const log = pino({
        level: config.logLevel,
        base: { component: 'agent', agentId: credentials.agentId },
      });
      const f = await locateFfmpeg(config.ffmpegPath === undefined ? {} : { path: config.ffmpegPath });
      if (!f.ok) log.error({ code: f.error.code }, `${f.error.message}; the agent cannot record`);
      const server = o.server ?? credentials.server;
      const runtime = new RecorderAgent({
        credentials,
        identity: ids.value[0]!,
        stateDir: config.stateDir,
        transport: httpTransport(server, credentials.token),
        log,
        now: () => Date.now(),
        ids: () => randomUUID(),
        ffmpegPath: f.ok ? f.value.path : null,
        tunables: DEFAULT_TUNABLES,
        offlineMaxSeconds: config.offlineMaxSeconds,
        verify: (bytes, signature) => verifySignature(key, bytes, Buffer.from(signature, 'base64url')),
        version: '0.1.0',
      });
      runtime.onDenied = (ms) => log.info({ ms }, 'agent: every denied camera stopped');
      await runtime.start();
      log.info(
        { server, stateDir: config.stateDir, offlineMaxSeconds: config.offlineMaxSeconds },
        'Proportio agent is running',
      );
      const stopped = await new Promise<'signal' | 'revoked'>((resolve) => {
        process.once('SIGINT', () => resolve('signal'));
        process.once('SIGTERM', () => resolve('signal'));
        void runtime.revoked.then(() => resolve('revoked'));
      });
      // ffmpeg is signalled at once; what is still in flight (an upload the server refuses) gets 10 s.
      await Promise.race([runtime.stop(), new Promise((r) => setTimeout(r, 10_000))]);
      if (stopped === 'revoked')
        throw new CliError('the server revoked this agent; it recorded nothing more', EXIT.NO_PERM);
      log.info('agent stopped');
    });

  const agents = program.command('agents').description('recorder agents at the sites (administrators)');
  withConn(agents.command('list').description('agents with their state, health and lag')).action(
    async (o: Conn) => {
      const rows = await client(o).get<AgentRow[]>('/api/agents');
      emit(io, Boolean(o.json), rows, () =>
        table(
          rows.map((r) => ({
            id: r.id,
            name: r.name,
            site: r.siteId,
            state: r.state,
            recorder: r.report?.state ?? null,
            cameras: r.report?.armedCameras ?? null,
            queued: r.report?.queuedParts ?? null,
            lag: r.lagSeconds === null ? null : `${r.lagSeconds}s`,
            seen: r.lastSeenAt,
          })),
          ['id', 'name', 'site', 'state', 'recorder', 'cameras', 'queued', 'lag', 'seen'],
        ),
      );
    },
  );
  withConn(
    agents
      .command('create')
      .description('register an agent for a site; prints its one-time enrolment code (shown once)')
      .requiredOption('--site <siteId>', 'the site (id)')
      .requiredOption('--name <name>', 'a name for the agent'),
  ).action(async (o: Conn & { site: string; name: string }) => {
    const r = await client(o).post<{ agent: AgentRow; code: string }>('/api/agents', {
      siteId: o.site,
      name: o.name,
    });
    emit(
      io,
      Boolean(o.json),
      r,
      () => `Agent ${r.agent.id}: enrolment code ${r.code} (valid 24 hours, once)`,
    );
  });
  withConn(
    agents
      .command('revoke')
      .description('revoke an agent: its token is refused from now on')
      .argument('<id>', 'agent id'),
  ).action(async (id: string, o: Conn) => {
    const r = await client(o).post<AgentRow>(`/api/agents/${encodeURIComponent(id)}/revoke`, {});
    emit(io, Boolean(o.json), r, () => `Agent ${r.id} revoked`);
  });
};
