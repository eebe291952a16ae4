/**
 * A whole Proportio runtime for tests: real database of the chosen dialect, a temp data folder,
 * a fast password hasher, optionally the demo data, and the HTTP app (inject or listen).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { argon2Hasher } from '../../src/adapters/auth/password-hasher.js';
import { loadConfig } from '../../src/config.js';
import { loggerOptions, type ProportioApp } from '../../src/http/app.js';
import { createRuntime, packageRoot, type Runtime } from '../../src/main.js';
import type { EvidenceSource } from '../../src/services/evidence-ports.js';
import type { Clock, Ticker } from '../../src/services/ports.js';
import { openDatabase } from '../../src/adapters/db/connection.js';
import { freshDatabase, type TestDatabase, type TestDialect } from './databases.js';

export interface TestRuntime {
  readonly rt: Runtime;
  readonly app: ProportioApp;
  readonly dataDir: string;
  readonly dialect: TestDialect;
  /** Set when listen: true. */
  readonly url: string | undefined;
  /** PostgreSQL: the database's URL, for another instance to join (joinDatabaseUrl). */
  readonly databaseUrl: string | undefined;
  close(): Promise<void>;
}

export interface TestRuntimeOptions {
  readonly dialect?: TestDialect;
  readonly demo?: boolean;
  readonly listen?: boolean;
  readonly env?: Record<string, string>;
  readonly clock?: Clock;
  /** Serve the built web UI (dist/web) — the e2e tests need it. */
  readonly web?: boolean;
  readonly loginAttemptsPerMinute?: number;
  /** Drives the audit anchoring's schedule by hand. */
  readonly ticker?: Ticker;
  /** An existing empty folder to use as the data folder (e.g. a small tmpfs); the caller removes it. */
  readonly dataDir?: string;
  /** The viewing grants behind the evidence export (a test double; main.ts wires the real one). */
  readonly evidenceSource?: EvidenceSource;
  /** Another instance on this PostgreSQL database (its URL): not created here and not dropped on close. */
  readonly joinDatabaseUrl?: string;
  /** Collects every log line (modules and HTTP) at the configured PROPORTIO_LOG_LEVEL instead of silence. */
  readonly logStream?: { write(line: string): void };
}

export const startTestRuntime = async (opts: TestRuntimeOptions = {}): Promise<TestRuntime> => {
  const dialect = opts.dialect ?? 'sqlite';
  const ownDataDir = opts.dataDir === undefined;
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'proportio-test-'));
  const db: TestDatabase =
    opts.joinDatabaseUrl === undefined
      ? await freshDatabase(dialect, dataDir)
      : (() => {
          const database = openDatabase({ databaseUrl: opts.joinDatabaseUrl, dataDir });
          return { database, url: opts.joinDatabaseUrl, drop: () => database.close() };
        })();
  let config;
  try {
    config = loadConfig(
      {
        PROPORTIO_DATA_DIR: dataDir,
        PROPORTIO_LOG_LEVEL: 'silent',
        PROPORTIO_WEB_DIR: opts.web ? path.join(packageRoot(), 'dist', 'web') : path.join(dataDir, 'no-web'),
        ...(db.url ? { PROPORTIO_DATABASE_URL: db.url } : {}),
        ...opts.env,
      },
      dataDir,
      packageRoot(),
    );
  } catch (e) {
    // A configuration the test expects to be refused must not leave its database behind.
    await db.drop();
    if (ownDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  const rt = await createRuntime(config, {
    database: db.database,
    // Cheap hashing keeps tests fast; production uses the OWASP profile.
    hasher: argon2Hasher({ memoryCost: 1024, timeCost: 1 }),
    ...(opts.logStream
      ? {
          logger: { ...(loggerOptions(config.logLevel) as object), stream: opts.logStream },
          logStream: opts.logStream,
        }
      : { logger: false }),
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.ticker ? { ticker: opts.ticker } : {}),
    ...(opts.evidenceSource ? { evidenceSource: opts.evidenceSource } : {}),
    ...(opts.loginAttemptsPerMinute ? { loginAttemptsPerMinute: opts.loginAttemptsPerMinute } : {}),
  });
  if (opts.demo) {
    const r = await rt.services.demo.load();
    if (!r.ok) throw new Error(r.error.message);
  }
  const app = await rt.app();
  let url: string | undefined;
  if (opts.listen) {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const addr = app.server.address();
    url = typeof addr === 'object' && addr ? `http://127.0.0.1:${addr.port}` : undefined;
  } else {
    await app.ready();
  }
  return {
    rt,
    app,
    dataDir,
    dialect,
    url,
    databaseUrl: db.url,
    close: async () => {
      await app.close();
      // The connections beside the pool (LISTEN, the leader lock) end before the database goes.
      await rt.cluster.close();
      await db.drop();
      if (ownDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

/** Logs in through the API and returns the cookie header and CSRF token for further injects. */
export const loginAs = async (app: ProportioApp, username: string, password = 'Lindewaard-demo-2026') => {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'proportio_session');
  const body = res.json<{ csrfToken: string }>();
  return {
    cookie: `proportio_session=${cookie!.value}`,
    csrf: body.csrfToken,
    headers: { cookie: `proportio_session=${cookie!.value}`, 'x-csrf-token': body.csrfToken },
  };
};
