/**
 * The real Mosquitto tools for the MQTT tests: mosquitto_pub / mosquitto_sub (Debian
 * mosquitto-clients), the machine's broker on 127.0.0.1:1883 (started by .ci/run on CI), and a
 * private broker process a test can stop and start again to play "the broker went away".
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface MqttAuth {
  readonly username?: string;
  readonly password?: string;
}

const authArgs = (a: MqttAuth) => [
  ...(a.username ? ['-u', a.username] : []),
  ...(a.password ? ['-P', a.password] : []),
];

/** Publishes each message with QoS 1 through one mosquitto_pub connection (-l: one message per stdin line). */
export const mosquittoPub = (
  port: number,
  topic: string,
  messages: readonly string[],
  auth: MqttAuth = {},
): Promise<{ code: number | null; stderr: string }> =>
  new Promise((resolve) => {
    const p = spawn(
      'mosquitto_pub',
      [
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-q',
        '1',
        '-t',
        topic,
        '-i',
        `pub-${process.pid}-${Math.random().toString(16).slice(2, 8)}`,
        ...authArgs(auth),
        '-l',
      ],
      {
        stdio: ['pipe', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.stdin.on('error', () => undefined);
    p.stdin.end(messages.map((m) => `${m}\n`).join(''));
    // A broker that drops the connection (refused publish) makes mosquitto_pub -l reconnect forever.
    const guard = setTimeout(() => p.kill('SIGTERM'), 5000);
    p.on('close', (code) => (clearTimeout(guard), resolve({ code, stderr })));
  });

export interface MosquittoSub {
  readonly lines: Array<{ topic: string; payload: string }>;
  /** Resolves when the broker acknowledged the subscription (SUBACK), with whether it granted it. */
  readonly ready: Promise<boolean>;
  waitFor(
    pred: (m: { topic: string; payload: string }) => boolean,
    what?: string,
    timeoutMs?: number,
  ): Promise<{ topic: string; payload: string }>;
  stop(): void;
}

/** Subscribes with mosquitto_sub -v -d (the debug lines tell when the SUBACK came). */
export const mosquittoSub = (port: number, topic: string, auth: MqttAuth = {}): MosquittoSub => {
  const lines: Array<{ topic: string; payload: string }> = [];
  let setReady: (granted: boolean) => void = () => undefined;
  const ready = new Promise<boolean>((r) => (setReady = r));
  const waiters: Array<{
    pred: (m: { topic: string; payload: string }) => boolean;
    done: (m: { topic: string; payload: string }) => void;
  }> = [];
  // stdbuf: line-buffered stdout, or the SUBACK line would sit in a pipe buffer.
  const p = spawn(
    'stdbuf',
    [
      '-oL',
      'mosquitto_sub',
      '-h',
      '127.0.0.1',
      '-p',
      String(port),
      '-q',
      '1',
      '-v',
      '-d',
      '-t',
      topic,
      ...authArgs(auth),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  p.on('exit', () => setReady(false));
  let buf = '';
  p.stdout.on('data', (d: Buffer) => {
    buf += d.toString();
    let i: number;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      if (line.startsWith('Client ')) continue;
      if (line.startsWith('Subscribed (mid')) {
        setReady(!/: 128/.test(line));
        continue;
      }
      const sp = line.indexOf(' ');
      const m = { topic: line.slice(0, sp), payload: line.slice(sp + 1) };
      lines.push(m);
      for (const w of [...waiters]) {
        if (!w.pred(m)) continue;
        waiters.splice(waiters.indexOf(w), 1);
        w.done(m);
      }
    }
  });
  return {
    lines,
    ready,
    waitFor: (pred, what = 'message', timeoutMs = 30_000) => {
      const found = lines.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise((ok, fail) => {
        const t = setTimeout(
          () =>
            fail(
              new Error(
                `mosquitto_sub: timed out waiting for ${what}; got ${lines.map((l) => l.topic).join(', ')}`,
              ),
            ),
          timeoutMs,
        );
        waiters.push({ pred, done: (m) => (clearTimeout(t), ok(m)) });
      });
    },
    stop: () => p.kill('SIGTERM'),
  };
};

export const portAnswers = (port: number, host = '127.0.0.1', timeoutMs = 1000): Promise<boolean> =>
  new Promise((resolve) => {
    const s = net.connect({ port, host });
    const done = (v: boolean) => (s.destroy(), resolve(v));
    s.setTimeout(timeoutMs, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
    s.once('error', reject);
  });

/** Is the machine's Mosquitto on 127.0.0.1:1883 up? On CI it must be; locally a missing broker skips loudly. */
export const systemMosquitto = async (): Promise<boolean> => {
  if (await portAnswers(1883)) return true;
  if (process.env.CI)
    throw new Error('Mosquitto is required on CI but 127.0.0.1:1883 does not answer (.ci/run starts it)');
  console.warn(
    '\n!!! SKIPPING the external-broker tests: no Mosquitto on 127.0.0.1:1883 (start one: mosquitto -d) !!!\n',
  );
  return false;
};

export const mosquittoBinary = (): string | undefined =>
  ['/usr/sbin/mosquitto', '/usr/bin/mosquitto', '/usr/local/sbin/mosquitto'].find((p) => fs.existsSync(p));

export interface PrivateBroker {
  readonly port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** A Mosquitto of our own on a free port, anonymous, no persistence: for stopping and starting at will. */
export const privateMosquitto = async (): Promise<PrivateBroker> => {
  const bin = mosquittoBinary();
  if (!bin) throw new Error('mosquitto (the broker) is not installed');
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proportio-mosquitto-'));
  const conf = path.join(dir, 'mosquitto.conf');
  fs.writeFileSync(
    conf,
    `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest none\n`,
  );
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(bin, ['-c', conf], { stdio: 'ignore' });
    for (let i = 0; i < 100 && !(await portAnswers(port, '127.0.0.1', 200)); i++)
      await new Promise((r) => setTimeout(r, 50));
  };
  const stop = async () => {
    const c = child;
    child = undefined;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((r) => {
      c.once('exit', () => r());
      c.kill('SIGTERM');
    });
  };
  await start();
  return {
    port,
    start,
    stop: async () => {
      await stop();
    },
  };
};

export const cleanupDir = (dir: string) => fs.rmSync(dir, { recursive: true, force: true });
