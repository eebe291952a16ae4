import { describe, expect, it } from 'vitest';
import { synthFragment, synthInit } from '../../core/recording/fmp4-synth.js';
import {
  classifyStderrLine,
  IngestProcess,
  type CameraHealth,
  type TimerClock,
  type SpawnedProcess,
  type Spawner,
} from './ingest-process.js';

class FakeClock implements TimerClock {
  t = 1_000_000;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 1;
  now(): number {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ at: this.t + ms, fn, id });
    return id;
  }
  clearTimeout(h: unknown): void {
    this.timers = this.timers.filter((x) => x.id !== h);
  }
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers[0];
      if (next === undefined || next.at > end) break;
      this.timers.shift();
      this.t = next.at;
      next.fn();
    }
    this.t = end;
  }
}

class FakeChild implements SpawnedProcess {
  readonly pid = 4242;
  signals: string[] = [];
  /** What the spawner would write to fd 3. */
  secretInput: string | null = null;
  private out: ((c: Buffer) => void)[] = [];
  private err: ((c: Buffer) => void)[] = [];
  private exit: ((code: number | null, signal: string | null, e: NodeJS.ErrnoException | null) => void)[] =
    [];
  exited = false;
  constructor(readonly args: readonly string[]) {}
  onStdout(l: (c: Buffer) => void): void {
    this.out.push(l);
  }
  onStderr(l: (c: Buffer) => void): void {
    this.err.push(l);
  }
  onExit(l: (code: number | null, signal: string | null, e: NodeJS.ErrnoException | null) => void): void {
    this.exit.push(l);
  }
  kill(signal: 'SIGTERM' | 'SIGKILL'): void {
    this.signals.push(signal);
    if (signal === 'SIGKILL') this.end(null, 'SIGKILL');
  }
  stdout(b: Buffer): void {
    for (const l of this.out) l(b);
  }
  stderr(s: string): void {
    for (const l of this.err) l(Buffer.from(s));
  }
  end(code: number | null, signal: string | null = null, e: NodeJS.ErrnoException | null = null): void {
    if (this.exited) return;
    this.exited = true;
    for (const l of this.exit) l(code, signal, e);
  }
}

const INIT = synthInit([{ trackId: 1, handler: 'vide', timescale: 90_000 }]);
const frag = (i: number) =>
  synthFragment(i + 1, [
    {
      trackId: 1,
      baseMediaDecodeTime: i * 180_000,
      sampleDurations: Array<number>(50).fill(3600),
      keyframe: true,
      sampleSize: 10_000,
    },
  ]);

const setup = (extra: { codec?: string } = {}) => {
  const clock = new FakeClock();
  const children: FakeChild[] = [];
  const spawner: Spawner = (_cmd, args, secretInput) => {
    const c = new FakeChild(args);
    c.secretInput = secretInput ?? null;
    children.push(c);
    return c;
  };
  const events: string[] = [];
  const health: CameraHealth[] = [];
  const logs: string[] = [];
  const ingest = new IngestProcess({
    cameraId: 'cam-1',
    ffmpegPath: '/usr/bin/ffmpeg',
    source: { url: 'rtsp://admin:hunter2@10.0.0.9/stream', audio: false, timeoutSeconds: 5 },
    allowedCodecs: extra.codec === undefined ? undefined : [extra.codec],
    stallSeconds: 10,
    backoff: { initialMs: 1000, maxMs: 8000, factor: 2 },
    spawner,
    clock,
    logger: {
      info: (o, m) => logs.push(JSON.stringify(o) + m),
      warn: (o, m) => logs.push(JSON.stringify(o) + m),
    },
    onInit: () => events.push('init'),
    onFragment: (f) => events.push(`fragment ${f.startSeconds}`),
    onStreamEnd: (_at, e) => events.push(`end ${e?.code ?? 'none'}`),
    onHealth: (h) => health.push(h),
  });
  return { clock, children, ingest, events, health, logs };
};

describe('IngestProcess (fake ffmpeg)', () => {
  it('feeds stdout through the parser, reports online with bitrate and GOP, and never logs the password', () => {
    const { children, ingest, events, logs } = setup();
    ingest.start();
    const c = children[0];
    if (c === undefined) throw new Error('not spawned');
    // The credentials go to fd 3, never into the argv.
    expect(c.args.join(' ')).not.toContain('hunter2');
    expect(c.args).toContain('pipe:3');
    expect(c.secretInput).toContain("file 'rtsp://admin:hunter2@10.0.0.9/stream'");
    c.stdout(Buffer.concat([INIT, frag(0)]).subarray(0, 700));
    c.stdout(Buffer.concat([INIT, frag(0), frag(1)]).subarray(700));
    expect(events).toEqual(['init', 'fragment 0', 'fragment 2']);
    const h = ingest.health();
    expect(h.state).toBe('online');
    expect(h.gopSeconds).toBe(2);
    expect(h.bitrateBps).toBeGreaterThan((50 * 10_000 * 8) / 2 - 1);
    expect(h.codec).toBe('avc1');
    c.stderr('[error] [rtsp @ 0x1] method DESCRIBE failed: rtsp://admin:hunter2@10.0.0.9/stream 500\n');
    expect(logs.join('\n')).not.toContain('hunter2');
    expect(logs.join('\n')).toContain('rtsp://***@10.0.0.9/stream');
  });

  it.each([
    [
      '[error] [rtsp @ 0x55] method DESCRIBE failed: 401 Unauthorized',
      'unauthorised',
      'RECORDING.CAMERA_UNAUTHORISED',
    ],
    ['[error] rtsp://***@127.0.0.1:1/x: Connection refused', 'offline', 'RECORDING.CAMERA_UNREACHABLE'],
    ['[error] tcp://10.0.0.1:554: Connection timed out', 'offline', 'RECORDING.CAMERA_UNREACHABLE'],
    ["[fatal] Stream map '0:v:0' matches no streams.", 'bad-stream', 'RECORDING.BAD_STREAM'],
  ] as const)('classifies %j and retries with capped backoff', (line, state, code) => {
    const { clock, children, ingest, events, health } = setup();
    ingest.start();
    for (let i = 0; i < 6; i++) {
      const c = children[i];
      if (c === undefined) throw new Error(`attempt ${i} not spawned`);
      c.stderr(`${line}\n`);
      c.end(1);
      expect(ingest.health()).toMatchObject({ state, error: { code }, restarts: i + 1 });
      const wait = Math.min(8000, 1000 * 2 ** i);
      expect(ingest.health().nextAttemptAt).toBe(clock.now() + wait);
      clock.advance(wait - 1);
      expect(children).toHaveLength(i + 1);
      clock.advance(1);
    }
    expect(events.filter((e) => e.startsWith('end'))).toHaveLength(6);
    expect(health.at(-1)?.state).toBe(state);
  });

  it('refuses a stream that is not H.264 (bad-stream) and kills that ffmpeg', () => {
    const { children, ingest, events } = setup();
    ingest.start();
    const c = children[0];
    if (c === undefined) throw new Error('not spawned');
    c.stdout(synthInit([{ trackId: 1, handler: 'vide', timescale: 90_000, codec: 'mp4v' }]));
    expect(c.signals).toEqual(['SIGTERM']);
    c.stdout(frag(0));
    c.end(null, 'SIGTERM');
    expect(events).toEqual(['end RECORDING.BAD_STREAM']);
    expect(ingest.health()).toMatchObject({
      state: 'bad-stream',
      codec: 'mp4v',
      error: { message: 'video codec mp4v is not H.264' },
    });
  });

  it('garbage on stdout is a PARSE_ERROR, not a crash', () => {
    const { children, ingest } = setup();
    ingest.start();
    children[0]?.stdout(Buffer.from('this is not mp4 at all, not even close'));
    children[0]?.end(null, 'SIGTERM');
    expect(ingest.health()).toMatchObject({ state: 'bad-stream', error: { code: 'RECORDING.PARSE_ERROR' } });
  });

  it('restarts a stalled stream and marks it offline (STALLED)', () => {
    const { clock, children, ingest, events } = setup();
    ingest.start();
    const c = children[0];
    c?.stdout(Buffer.concat([INIT, frag(0)]));
    clock.advance(9_999);
    expect(c?.signals).toEqual([]);
    clock.advance(1);
    expect(c?.signals).toEqual(['SIGTERM']);
    clock.advance(2000);
    expect(c?.signals).toEqual(['SIGTERM', 'SIGKILL']);
    expect(ingest.health()).toMatchObject({ state: 'offline', error: { code: 'RECORDING.STALLED' } });
    expect(events.at(-1)).toBe('end RECORDING.STALLED');
    // It had been online, so backoff starts again from the initial delay.
    clock.advance(1000);
    expect(children).toHaveLength(2);
  });

  it('gives a missing binary a clear code', () => {
    const { children, ingest } = setup();
    ingest.start();
    const e: NodeJS.ErrnoException = Object.assign(new Error('spawn ENOENT'), { code: 'ENOENT' });
    children[0]?.end(null, null, e);
    expect(ingest.health().error?.code).toBe('RECORDING.FFMPEG_MISSING');
  });

  it('stop(): SIGTERM then SIGKILL, no callback afterwards, no restart', async () => {
    const { clock, children, ingest, events, health } = setup();
    ingest.start();
    const c = children[0];
    c?.stdout(INIT);
    const before = [events.length, health.length];
    const done = ingest.stop();
    c?.stdout(frag(0));
    c?.stderr('[error] Connection refused\n');
    expect(c?.signals).toEqual(['SIGTERM']);
    clock.advance(2000);
    expect(c?.signals).toEqual(['SIGTERM', 'SIGKILL']);
    await done;
    clock.advance(60_000);
    expect([events.length, health.length]).toEqual(before);
    expect(children).toHaveLength(1);
    expect(ingest.health().state).toBe('stopped');
  });

  it('classifyStderrLine ignores ordinary lines', () => {
    expect(classifyStderrLine('[warning] Non-monotonous DTS in output stream 0:0')).toBeNull();
  });
});
