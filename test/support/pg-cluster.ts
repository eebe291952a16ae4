/**
 * A PostgreSQL server of the test's own: initdb into a temporary folder, started on a free port
 * as the postgres user (the test runs as root on CI), restarted and stopped at will. A test that
 * restarts PostgreSQL uses this, never the shared server on 5432 other tests depend on.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const binDir = (): string | undefined => {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((x, y) => Number(y) - Number(x));
  return versions[0] === undefined ? undefined : path.join(root, versions[0], 'bin');
};

/** Whether this machine can run a private server: PostgreSQL's programs, and root to become postgres. */
export const privateClusterAvailable = (): boolean => binDir() !== undefined && process.getuid?.() === 0;

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });

export interface PrivateCluster {
  /** postgres://postgres@127.0.0.1:<port>/postgres (trust authentication). */
  readonly url: string;
  /**
   * Restarts the server. `immediate` stops it as a crash would (no checkpoint; what was committed
   * comes back from the WAL); `fast` shuts down cleanly. Every client connection is cut either way.
   */
  restart(mode: 'immediate' | 'fast'): void;
  stop(): void;
}

export const startPrivateCluster = async (): Promise<PrivateCluster> => {
  const bin = binDir();
  if (bin === undefined) throw new Error('PostgreSQL server programs not found under /usr/lib/postgresql');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proportio-pg-'));
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');
  execFileSync('chown', ['postgres:postgres', dir]);
  const asPostgres = (program: string, args: string[]) =>
    execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  const pgCtl = (args: string[]) => asPostgres('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '300', ...args]);
  pgCtl(['-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, 'start']);
  let running = true;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    // pg_ctl restart starts the server with the options it was started with (postmaster.opts).
    restart: (mode) => pgCtl(['-m', mode, 'restart']),
    stop: () => {
      if (running) pgCtl(['-m', 'immediate', 'stop']);
      running = false;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
};
