/**
 * Commands that work on the data store directly (no running instance needed): serve, migrate,
 * demo, audit verify, token create. They use the same services, so they audit the same way.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { anchorFile, anchorKeys } from '../../adapters/crypto/audit-anchor.js';
import { loadConfig, ConfigError, type Config } from '../../config.js';
import { migrateToLatest, openDatabase } from '../../adapters/db/connection.js';
import { createRuntime, packageRoot, type Runtime } from '../../main.js';
import { TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS } from '../../core/auth/tokens.js';
import { DEMO_PASSWORD, type DemoAccountState } from '../../services/demo.service.js';
import { registerDemoDevices } from '../../services/alarm-device.service.js';
import type { AlarmModule } from '../../compose/alarm.compose.js';
import { CliError, EXIT, emit, table, type CliIo } from '../io.js';
import { demoCustodyText, setUpDemoCustody } from './vault-custody.js';

export const cliConfig = (): Config => {
  try {
    return loadConfig(process.env, process.cwd(), packageRoot());
  } catch (e) {
    if (e instanceof ConfigError) throw new CliError(e.message, EXIT.CONFIG, 'CONFIG.INVALID');
    throw e;
  }
};

const withRuntime = async <T>(fn: (rt: Runtime) => Promise<T>): Promise<T> => {
  const rt = await createRuntime(cliConfig(), { logger: false });
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
};

const PASSWORD_NOTE: Record<DemoAccountState['password'], string> = {
  'demo-password': DEMO_PASSWORD,
  changed: '(changed; no longer the demo password)',
  'not-demo': '(not a demo account; its own password)',
  'no-password': '(no password; signs in through the identity provider)',
};

/**
 * The accounts `serve --demo` lists: the demo password only next to the accounts it still
 * opens (verified against the stored hash), so an existing store is never misdescribed.
 */
export const demoAccountsText = (accounts: readonly DemoAccountState[]): string => {
  const withDemo = accounts.filter((a) => a.password === 'demo-password').length;
  const head =
    withDemo === accounts.length
      ? `Demo accounts (password for each: ${DEMO_PASSWORD}):`
      : withDemo === 0
        ? 'Accounts (none has the demo password any more; use the passwords that were set):'
        : `Accounts (the demo password ${DEMO_PASSWORD} only where shown; the others were changed or are not demo accounts):`;
  return [
    head,
    table(
      accounts.map((a) => ({
        username: a.username,
        roles: a.roles.join(', '),
        password: PASSWORD_NOTE[a.password] + (a.disabled ? ' (disabled)' : ''),
      })),
      ['username', 'roles', 'password'],
    ),
  ].join('\n');
};

export const registerLocalCommands = (program: Command, io: CliIo): void => {
  program
    .command('serve')
    .description('start Proportio: API, web UI and background workers (migrates the store first)')
    .option('--demo', 'load the demo municipality when the store is empty')
    .action(async (opts: { demo?: boolean }) => {
      const config = cliConfig();
      const rt = await createRuntime(config);
      const alarm = rt.modules.find((m): m is AlarmModule => m.name === 'alarm');
      let demoButtons: Awaited<ReturnType<typeof registerDemoDevices>> = [];
      if (opts.demo && (await rt.services.demo.isEmpty())) {
        const r = await rt.services.demo.load();
        if (!r.ok) throw CliError.fromDomain(r.error);
        io.out(
          `Demo loaded: ${r.value.organisation}, ${r.value.sites} sites, ${r.value.rooms} rooms, ${r.value.incidents} incidents.`,
        );
        const custody = await setUpDemoCustody(rt);
        if (custody !== null) io.out(demoCustodyText(custody));
        // One hardware button per room; their tokens exist only now, so they are printed once.
        if (alarm)
          demoButtons = await registerDemoDevices(
            alarm.services.devices,
            { kind: 'system', name: 'demo' },
            await rt.services.registry.listRooms(),
          );
      }
      if (opts.demo) io.out(demoAccountsText(await rt.services.demo.accounts()));
      const app = await rt.app();
      const close = async (signal: string) => {
        app.log.info({ signal }, 'shutting down');
        await app.close();
        await rt.close();
      };
      process.once('SIGINT', () => void close('SIGINT'));
      process.once('SIGTERM', () => void close('SIGTERM'));
      try {
        await app.listen({ port: config.port, host: config.host });
      } catch (e) {
        await rt.close();
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE')
          throw new CliError(
            `port ${config.port} is in use; set PROPORTIO_PORT to another port`,
            EXIT.UNAVAILABLE,
          );
        throw e;
      }
      await rt.start();
      const mqttPort = alarm?.mqttPort();
      if (demoButtons.length > 0) {
        io.out(
          mqttPort
            ? `Demo alarm buttons (MQTT listener on port ${mqttPort}; tokens are shown only now):`
            : `Demo alarm buttons (tokens are shown only now). The MQTT listener is NOT running (port ${config.mqtt.listenPort} is in use or switched off): set PROPORTIO_MQTT_PORT to a free port for hardware buttons; alarms work over the web regardless.`,
        );
        io.out(
          table(
            demoButtons.map((b) => ({ name: b.name, device: b.id, kind: b.kind, token: b.token })),
            ['name', 'device', 'kind', 'token'],
          ),
        );
        const first = demoButtons.find((b) => b.kind === 'button');
        if (first && mqttPort) {
          io.out(
            `Press one: mosquitto_pub -p ${mqttPort} -u ${first.id} -P '${first.token}' -t '${config.mqtt.topicPrefix}/buttons/${first.id}/press' -m '{}'`,
          );
        }
      }
      io.out(`Proportio is running on http://localhost:${config.port} (database: ${rt.database.location})`);
      // Keep running until a signal arrives.
      await new Promise<void>((resolve) => app.server.once('close', () => resolve()));
    });

  program
    .command('migrate')
    .description('bring the database schema up to date (also done automatically at start)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) => {
      const config = cliConfig();
      const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const r = await migrateToLatest(database);
        emit(io, Boolean(opts.json), { database: database.location, applied: r.applied }, () =>
          r.applied.length === 0
            ? `Schema is up to date (${database.location}).`
            : `Applied: ${r.applied.join(', ')} (${database.location}).`,
        );
      } finally {
        await database.close();
      }
    });

  program
    .command('demo')
    .description('load the demo municipality (Lindewaard) into an empty store')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) =>
      withRuntime(async (rt) => {
        const r = await rt.services.demo.load();
        if (!r.ok) throw CliError.fromDomain(r.error);
        emit(io, Boolean(opts.json), r.value, () =>
          [
            `Loaded ${r.value.organisation}: ${r.value.sites} sites, ${r.value.rooms} rooms, ${r.value.conversationTypes} conversation types, ${r.value.incidents} incidents.`,
            `Accounts (password ${DEMO_PASSWORD}): ${r.value.accounts.map((a) => a.username).join(', ')}`,
          ].join('\n'),
        );
      }),
    );

  const audit = program.command('audit').description('the tamper-evident audit log');
  audit
    .command('verify')
    .description(
      'check the whole hash chain and hold it against the anchor file of signed heads; exit 0 only when intact, 1 naming the first bad entry or the anchored head that was cut off or rewritten',
    )
    .option(
      '--anchor <file>',
      'the anchor file to hold the chain against (default: PROPORTIO_AUDIT_ANCHOR_FILE, when it exists)',
    )
    .option(
      '--anchor-key <file>',
      'the key that signed the anchors: its .pub or the private key (default: PROPORTIO_AUDIT_ANCHOR_KEY_FILE)',
    )
    .option('--json', 'print the result as JSON')
    .action(async (opts: { anchor?: string; anchorKey?: string; json?: boolean }) =>
      withRuntime(async (rt) => {
        const readable = (file: string, what: string) => {
          try {
            fs.accessSync(file, fs.constants.R_OK);
          } catch {
            throw new CliError(
              `AUDIT.ANCHOR_UNREADABLE: ${what} ${file} does not exist or cannot be read`,
              EXIT.NO_INPUT,
              'AUDIT.ANCHOR_UNREADABLE',
            );
          }
        };
        if (opts.anchor) readable(opts.anchor, 'the anchor file');
        if (opts.anchorKey) readable(opts.anchorKey, 'the anchor key');
        let r;
        try {
          r = await rt.services.audit.verify({
            ...(opts.anchor ? { anchor: anchorFile(path.resolve(opts.anchor)) } : {}),
            ...(opts.anchorKey ? { keys: anchorKeys(path.resolve(opts.anchorKey)) } : {}),
          });
        } catch (e) {
          // A key file that is not a PEM key, or a file that went away meanwhile.
          if (e instanceof Error && /key|ENOENT|EACCES|EISDIR/i.test(e.message))
            throw new CliError(
              `AUDIT.ANCHOR_UNREADABLE: ${e.message}`,
              EXIT.NO_INPUT,
              'AUDIT.ANCHOR_UNREADABLE',
            );
          throw e;
        }
        const a = r.anchor;
        const anchorLine = !a
          ? ''
          : !a.present
            ? '\nNo anchor file yet: the newest entries are not protected against being cut off (docs/operations.md).'
            : a.lastGood
              ? `\nAnchors: ${a.anchors} hold; last good anchor: entry ${a.lastGood.seq} at ${a.lastGood.at} (line ${a.lastGood.line}).`
              : `\nAnchors: none hold.`;
        emit(io, Boolean(opts.json), r, () =>
          r.ok
            ? `Audit chain intact: ${r.checked} entries verified; head ${r.headHash ?? '(empty)'}.${anchorLine}`
            : a?.problem && a.problem.detail === r.problem.detail
              ? `AUDIT CHAIN BROKEN against its anchor (${r.problem.kind}): ${r.problem.detail}. The ${r.checked} stored entries link to each other.${anchorLine}`
              : `AUDIT CHAIN BROKEN at entry ${r.problem.seq} (${r.problem.kind}): ${r.problem.detail}. ${r.checked} entries before it are intact.${anchorLine}`,
        );
        if (!r.ok) throw new CliError('', EXIT.CHECK_FAILED, 'AUDIT.CHAIN_BROKEN');
      }),
    );

  const token = program
    .command('token')
    .description('API tokens for the CLI and integrations (on the store directly; audited as system:cli)');
  token
    .command('create')
    .description('create an API token for a user directly in the store (bootstrap; audited)')
    .requiredOption('--user <username>', 'the account the token acts as')
    .option('--name <label>', 'what the token is for', 'CLI')
    .option(
      '--expires-days <days>',
      `days until the token expires (default ${TOKEN_DEFAULT_DAYS}, at most ${TOKEN_MAX_DAYS})`,
    )
    .option('--json', 'print the result as JSON')
    .action(async (opts: { user: string; name: string; expiresDays?: string; json?: boolean }) => {
      const days = opts.expiresDays === undefined ? undefined : Number(opts.expiresDays);
      return withRuntime(async (rt) => {
        const u = await userNamed(rt, opts.user);
        const r = await rt.services.auth.createApiToken(CLI_ACTOR, u.id, opts.name, days);
        if (!r.ok) throw CliError.fromDomain(r.error);
        emit(
          io,
          Boolean(opts.json),
          { ...r.value, user: u.username },
          () =>
            `${r.value.token}\n(shown once; expires ${r.value.expiresAt}; export PROPORTIO_TOKEN=${r.value.token})`,
        );
      });
    });
  token
    .command('list')
    .description("list API tokens (never the secret): every account's, or one account's with --user")
    .option('--user <username>', 'only this account')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { user?: string; json?: boolean }) =>
      withRuntime(async (rt) => {
        const filter = opts.user === undefined ? {} : { userId: (await userNamed(rt, opts.user)).id };
        const rows = await rt.services.users.apiTokens(CLI_ACTOR, filter);
        emit(io, Boolean(opts.json), rows, () =>
          table(
            rows.map((r) => ({
              id: r.id,
              user: r.username,
              name: r.name,
              state: r.endedReason && r.state === 'revoked' ? `revoked (${r.endedReason})` : r.state,
              expires: r.expiresAt,
              'last used': r.lastUsedAt ?? 'never',
            })),
            ['id', 'user', 'name', 'state', 'expires', 'last used'],
          ),
        );
      }),
    );
  token
    .command('revoke')
    .description('revoke an API token at once (audited); an ended token stays as it ended')
    .argument('<id>', 'the token id (from token list)')
    .option('--json', 'print the result as JSON')
    .action(async (id: string, opts: { json?: boolean }) =>
      withRuntime(async (rt) => {
        const r = await rt.services.users.revokeApiToken(CLI_ACTOR, id);
        if (!r.ok) throw CliError.fromDomain(r.error);
        emit(
          io,
          Boolean(opts.json),
          r.value,
          () => `Token ${r.value.id} (${r.value.name}) of ${r.value.username}: ${r.value.state}.`,
        );
      }),
    );
};

const CLI_ACTOR = { kind: 'system', name: 'cli' } as const;

const userNamed = async (rt: Runtime, username: string) => {
  const u = await rt.store.read.users.findByUsername(username);
  if (!u)
    throw new CliError(`RESOURCE.NOT_FOUND: no user "${username}"`, EXIT.NO_INPUT, 'RESOURCE.NOT_FOUND');
  return u;
};
