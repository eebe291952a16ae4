/**
 * Composition root: config → adapters → services → HTTP app. The only place that knows every
 * concrete implementation. Tests build the same runtime with a test database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyServerOptions } from 'fastify';
import { argon2Hasher } from './adapters/auth/password-hasher.js';
import { oidcAdapter } from './adapters/auth/oidc.js';
import { anchorFile, anchorKeys } from './adapters/crypto/audit-anchor.js';
import { loadOrCreateMasterKey, randomIds, secretBox } from './adapters/crypto/secret-box.js';
import { migrateToLatest, openDatabase, type Database } from './adapters/db/connection.js';
import { createStore } from './adapters/db/store.js';
import { createAssessmentStore } from './adapters/db/repositories/assessment-store.js';
import type { Config } from './config.js';
import { buildApp, loggerOptions, type ProportioApp } from './http/app.js';
import pino from 'pino';
import { createAlarmModule } from './compose/alarm.compose.js';
import { createAuditAnchorModule } from './compose/audit.compose.js';
import { createAssessmentModule } from './compose/assessment.compose.js';
import { createRecordingModule } from './compose/recording.compose.js';
import { createAgentModule } from './compose/agents.compose.js';
import { createEvidenceModule } from './compose/evidence.compose.js';
import { createViewingModule } from './compose/viewing.compose.js';
import { createTodoModule } from './compose/todo.compose.js';
import { createComplaintsModule } from './compose/complaints.compose.js';
import { createRightsModule } from './compose/rights.compose.js';
import { createCluster, type Cluster } from './compose/cluster.js';
import { createRedactionModule } from './compose/redaction.compose.js';
import { operationsMetrics } from './compose/operations-metrics.js';
import { metricsSources, type ModuleContext, type ProportioModule } from './compose/module.js';
import { auditService } from './services/audit.service.js';
import { authService } from './services/auth.service.js';
import { complaintsForDossier, createDossierModule } from './compose/dossier.compose.js';
import { demoService } from './services/demo.service.js';
import type { EvidenceSource } from './services/evidence-ports.js';
import type {
  Clock,
  DomainEvents,
  IdGenerator,
  PasswordHasher,
  SecretBox,
  Store,
  Ticker,
} from './services/ports.js';
import { registryService } from './services/registry.service.js';
import { usersService } from './services/users.service.js';

/** The package root (where package.json is), from src/ or dist/server/. */
export const packageRoot = (): string => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
};

export const version = (): string => {
  try {
    return (
      JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }
    ).version;
  } catch {
    return '0.0.0';
  }
};

export const systemClock: Clock = { now: () => new Date() };

/** setInterval that does not keep the process alive. */
export const systemTicker: Ticker = {
  every: (ms, fn) => {
    const timer = setInterval(fn, ms);
    timer.unref();
    return () => clearInterval(timer);
  },
};

export interface RuntimeOptions {
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  readonly hasher?: PasswordHasher;
  readonly logger?: FastifyServerOptions['logger'];
  /** Where the modules' log lines go instead of stdout (tests read what was logged). */
  readonly logStream?: pino.DestinationStream;
  /** Use an existing database (tests). */
  readonly database?: Database;
  readonly sqliteFile?: string;
  readonly loginAttemptsPerMinute?: number;
  /** Schedules the audit anchoring (tests tick by hand). */
  readonly ticker?: Ticker;
  /** The viewing grants the evidence export reads footage through (tests: a double over a sealed clip). */
  readonly evidenceSource?: EvidenceSource;
}

export interface Runtime {
  readonly config: Config;
  readonly database: Database;
  readonly store: Store;
  readonly secrets: SecretBox;
  readonly services: {
    readonly auth: ReturnType<typeof authService>;
    readonly registry: ReturnType<typeof registryService>;
    readonly users: ReturnType<typeof usersService>;
    readonly audit: ReturnType<typeof auditService>;
    readonly demo: ReturnType<typeof demoService>;
  };
  readonly clock: Clock;
  /** What the services tell each other and the world (tests subscribe here too). */
  readonly events: DomainEvents;
  /** One instance or several on one PostgreSQL: events between them, who runs the jobs. */
  readonly cluster: Cluster;
  readonly modules: readonly ProportioModule[];
  app(): Promise<ProportioApp>;
  /** Starts the modules' background work (serve only). */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** Opens the store (migrating it) and builds the services. */
export const createRuntime = async (config: Config, opts: RuntimeOptions = {}): Promise<Runtime> => {
  const database =
    opts.database ??
    openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      ...(opts.sqliteFile ? { sqliteFile: opts.sqliteFile } : {}),
    });
  await migrateToLatest(database);
  const store = createStore(database);
  const clock = opts.clock ?? systemClock;
  const ids = opts.ids ?? randomIds;
  const hasher = opts.hasher ?? argon2Hasher();
  const secrets = secretBox(loadOrCreateMasterKey(config.masterKeyFile));
  // Each module names itself (log.child({ component })); a base component would appear twice.
  const logOptions = { level: opts.logger === false ? 'silent' : config.logLevel, base: undefined };
  const log = opts.logStream ? pino(logOptions, opts.logStream) : pino(logOptions);
  // On PostgreSQL, events reach the other instances (a CLI command's too) and one instance runs the jobs.
  const cluster = await createCluster(database, log, `${os.hostname()}:${config.port}`);
  const events = cluster.events;
  const services = {
    auth: authService({
      store,
      clock,
      ids,
      hasher,
      lockout: { maxFailures: config.loginMaxFailures, lockMinutes: config.loginLockMinutes },
      sessionHours: config.sessionHours,
      events,
    }),
    registry: registryService({ store, clock, ids, secrets, events }),
    users: usersService({ store, clock, ids, hasher }),
    audit: auditService({
      store,
      clock,
      anchor: { log: anchorFile(config.auditAnchor.file), keys: anchorKeys(config.auditAnchor.keyFile) },
      assessmentTitles: async (ids) => {
        const assessments = createAssessmentStore(database).read.assessments;
        const out = new Map<string, string>();
        for (const id of ids) {
          const latest = (await assessments.versions(id)).at(-1);
          if (latest) out.set(id, latest.scenario.title);
        }
        return out;
      },
    }),
    demo: demoService({ store, clock, ids, hasher, secrets }),
  };
  database.storage.onChange((full) => {
    if (full)
      log.error(
        { component: 'database', reason: full.reason, since: full.since },
        'the disk under the database is full: writes are refused (503 STORAGE.FULL) until space is freed',
      );
    else log.info({ component: 'database' }, 'the database can write again: storage no longer full');
  });
  const moduleContext: ModuleContext = {
    config,
    store,
    database,
    clock,
    ids,
    secrets,
    log,
    events,
    metrics: metricsSources(),
    cluster,
  };
  moduleContext.metrics?.add(async () => cluster.metrics());
  moduleContext.metrics?.add(operationsMetrics(moduleContext));
  const auditAnchor = createAuditAnchorModule(moduleContext, {
    audit: services.audit,
    ticker: opts.ticker ?? systemTicker,
  });
  moduleContext.metrics?.add(() => auditAnchor.metrics());
  // Capabilities, in the order their routes are registered. They stop in reverse order, so the
  // audit anchor (first) takes the final head after every other module has written its last entry.
  // The export opens footage only through the viewing grants (issue 10 §4).
  const viewing = createViewingModule(moduleContext);
  const alarm = createAlarmModule(moduleContext);
  // Sites with an enrolled recorder agent are recorded there, not here (ADR 0015).
  const agents = createAgentModule(moduleContext, { recording: () => recording });
  const recording = createRecordingModule(moduleContext, { remoteSites: () => agents.service.remoteSites() });
  const assessment = createAssessmentModule(moduleContext);
  const complaints = createComplaintsModule(moduleContext);
  // Residents' requests erase clips through the recording service (issue 12 §1).
  const rights = createRightsModule(moduleContext, { recording: recording.service });
  const modules: ProportioModule[] = [
    auditAnchor,
    alarm,
    assessment,
    recording,
    agents,
    viewing,
    createEvidenceModule(moduleContext, { source: opts.evidenceSource ?? viewing.evidence }),
    createTodoModule(moduleContext, {
      incidents: alarm.services.incidents,
      viewing: viewing.service,
      complaints: complaints.service,
      rights: rights.service,
    }),
    rights,
    complaints,
    // The regulator dossier (issue 12 §4).
    createDossierModule(moduleContext, {
      assessments: assessment.services.assessments,
      audit: services.audit,
      complaints: complaintsForDossier(complaints.service),
    }),
    // Redacted copies decrypt only under the four-eyes grants of viewing (issue 12 §2).
    createRedactionModule(moduleContext, { grants: viewing.service.redaction() }),
  ];
  const oidc = config.oidc
    ? {
        ...oidcAdapter(config.oidc),
        rolesClaim: config.oidc.rolesClaim,
        roleMap: config.oidc.roleMap,
        redirectUri: config.oidc.redirectUri,
      }
    : undefined;
  return {
    config,
    database,
    store,
    secrets,
    services,
    clock,
    events,
    cluster,
    modules,
    app: () =>
      buildApp({
        version: version(),
        store,
        services,
        secrets,
        now: () => clock.now(),
        secureCookies: config.secureCookies,
        trustProxy: config.trustProxy,
        oidc,
        webDir: config.webDir,
        logger: opts.logger ?? loggerOptions(config.logLevel),
        ...(opts.loginAttemptsPerMinute ? { loginAttemptsPerMinute: opts.loginAttemptsPerMinute } : {}),
        limits: cluster.limits,
        modules,
      }),
    start: async () => {
      await cluster.startLeadership();
      for (const m of modules) await m.start();
    },
    close: async () => {
      for (const m of [...modules].reverse()) await m.stop();
      await cluster.close();
      await database.close();
    },
  };
};
