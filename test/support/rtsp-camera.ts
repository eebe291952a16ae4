/**
 * Starts and stops the GStreamer RTSP test camera (test/fixtures/rtsp-server.py) for tests.
 * Uses Debian's /usr/bin/python3, which has the gi module; the python3 first on PATH may not.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export interface RtspCamera {
  readonly port: number;
  readonly url: (user?: string, password?: string) => string;
  readonly pid: number;
  /** SIGKILL: the camera vanishes mid-stream, as a power cut would. */
  kill(): void;
  stop(): Promise<void>;
}

export interface RtspCameraOptions {
  readonly user?: string;
  readonly password?: string;
  readonly codec?: 'h264' | 'jpeg';
  readonly gopFrames?: number;
  readonly fps?: number;
  readonly size?: string;
  readonly port?: number;
}

export const PYTHON = process.env.PROPORTIO_TEST_PYTHON ?? '/usr/bin/python3';
const SCRIPT = path.resolve(import.meta.dirname, '../fixtures/rtsp-server.py');

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a !== null ? a.port : 0;
      s.close(() => resolve(port));
    });
  });

const canConnect = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const sock = net.connect({ port, host: '127.0.0.1' });
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((r) => child.once('exit', () => r()));

export const startRtspCamera = async (o: RtspCameraOptions = {}): Promise<RtspCamera> => {
  const port = o.port ?? (await freePort());
  const user = o.user ?? 'camera';
  const password = o.password ?? 'correct-horse';
  const child = spawn(
    PYTHON,
    [
      SCRIPT,
      '--port',
      String(port),
      '--user',
      user,
      '--password',
      password,
      '--codec',
      o.codec ?? 'h264',
      '--gop',
      String(o.gopFrames ?? 25),
      '--fps',
      String(o.fps ?? 25),
      '--size',
      o.size ?? '640x360',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString()).slice(-4000);
  });
  child.stdout?.resume();
  const deadline = Date.now() + 15_000;
  while (!(await canConnect(port))) {
    if (child.exitCode !== null) throw new Error(`RTSP camera exited: ${stderr}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`RTSP camera did not listen on ${port}: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    pid: child.pid ?? -1,
    url: (u = user, p = password) =>
      `rtsp://${encodeURIComponent(u)}:${encodeURIComponent(p)}@127.0.0.1:${port}/stream`,
    kill: () => {
      child.kill('SIGKILL');
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited(child);
        clearTimeout(t);
      }
    },
  };
};
