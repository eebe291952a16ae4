/**
 * Supervises one ffmpeg per armed camera: spawns it with the pure argv, splits its stdout into
 * the init segment and fragments, classifies its stderr into camera health, restarts it with
 * capped exponential backoff, and restarts a stalled stream. Nothing is written to disk: stdout
 * goes straight into the parser, fragments go to the caller's callback.
 */
import { spawn } from 'node:child_process';
import type { Writable } from 'node:stream';
import {
  buildIngestCommand,
  redactArgs,
  redactUrl,
  type IngestArgsOptions,
} from '../../core/recording/ffmpeg-args.js';
import { Fmp4Parser, type Fragment, type InitSegment } from '../../core/recording/fmp4-parser.js';
import type { DomainError } from '../../core/result.js';

export type CameraHealthState = 'starting' | 'online' | 'offline' | 'unauthorised' | 'bad-stream' | 'stopped';

export interface CameraHealth {
  readonly cameraId: string;
  readonly state: CameraHealthState;
  /** Wall ms when the state last changed. */
  readonly since: number;
  readonly error: DomainError | null;
  readonly lastFragmentAt: number | null;
  /** Over the last few fragments, bits per second of what we hold (video + audio + boxes). */
  readonly bitrateBps: number | null;
  readonly gopSeconds: number | null;
  readonly restarts: number;
  readonly nextAttemptAt: number | null;
  /** The backoff delay chosen at the last failure. */
  readonly retryDelayMs: number | null;
  readonly codec: string | null;
  readonly width: number | null;
  readonly height: number | null;
}

/** The slice of a child process the supervisor uses; a fake implements it in unit tests. */
export interface SpawnedProcess {
  readonly pid: number | undefined;
  onStdout(listener: (chunk: Buffer) => void): void;
  onStderr(listener: (chunk: Buffer) => void): void;
  /** Exactly once, also after a spawn error (with code null). */
  onExit(
    listener: (code: number | null, signal: string | null, spawnError: NodeJS.ErrnoException | null) => void,
  ): void;
  kill(signal: 'SIGTERM' | 'SIGKILL'): void;
}

/**
 * `secretInput`, when given, is written to the child's file descriptor 3 and the pipe closed: the
 * camera URL with its credentials travels there instead of in the argv (ffmpeg-args.ts).
 */
export type Spawner = (
  command: string,
  args: readonly string[],
  secretInput?: string | null,
) => SpawnedProcess;

/**
 * Milliseconds and timers for the supervision loop (back-off, stall watch); not the services' Clock,
 * which only tells the date.
 */
export interface TimerClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface IngestLogger {
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
}

export interface IngestOptions {
  readonly cameraId: string;
  readonly ffmpegPath: string;
  readonly source: IngestArgsOptions;
  /** Sample entry codes accepted as video (H.264 only by default: clips must play in browsers). */
  readonly allowedCodecs?: readonly string[];
  /** No fragment for this long → STALLED, restart. Default 15 s. */
  readonly stallSeconds?: number;
  /** Allowance for the first fragment after a start (connect + one GOP). Default timeout + stall. */
  readonly startupSeconds?: number;
  readonly backoff?: { readonly initialMs: number; readonly maxMs: number; readonly factor: number };
  /** SIGTERM, then SIGKILL after this long. Default 2 s. */
  readonly killGraceMs?: number;
  readonly onInit: (init: InitSegment, at: number) => void;
  readonly onFragment: (fragment: Fragment, at: number) => void;
  /** The running stream ended (ffmpeg exited or was restarted): close open clips with what they have. */
  readonly onStreamEnd?: (at: number, error: DomainError | null) => void;
  readonly onHealth?: (health: CameraHealth) => void;
  readonly spawner?: Spawner;
  readonly clock?: TimerClock;
  readonly logger?: IngestLogger;
}

/**
 * Spawns real processes. `cwd` lets the supervisor run ffmpeg in an empty folder of its own, so
 * any file it might create would be visible there (and the tests watch it).
 */
export const createNodeSpawner =
  (options: { readonly cwd?: string; readonly env?: NodeJS.ProcessEnv } = {}): Spawner =>
  (command, args, secretInput) => {
    const withSecret = secretInput !== undefined && secretInput !== null;
    const child = spawn(command, [...args], {
      stdio: withSecret ? ['ignore', 'pipe', 'pipe', 'pipe'] : ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
      cwd: options.cwd,
      env: options.env,
    });
    let spawnError: NodeJS.ErrnoException | null = null;
    child.on('error', (e: NodeJS.ErrnoException) => {
      spawnError = e;
    });
    if (withSecret) {
      const fd3 = child.stdio[3] as Writable | null | undefined;
      // ffmpeg may exit before reading it (EPIPE): the exit handler reports that, not this stream.
      fd3?.on('error', () => undefined);
      fd3?.end(secretInput);
    }
    return {
      pid: child.pid,
      onStdout: (l) => child.stdout?.on('data', l),
      onStderr: (l) => child.stderr?.on('data', l),
      // 'close' fires after stdio is drained, so no fragment can arrive after the exit callback.
      onExit: (l) =>
        child.once('close', (code: number | null, signal: string | null) => l(code, signal, spawnError)),
      kill: (signal) => {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      },
    };
  };

export const nodeSpawner: Spawner = createNodeSpawner();

export const systemTimerClock: TimerClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

type Classified = { readonly state: 'offline' | 'unauthorised' | 'bad-stream'; readonly error: DomainError };

const RULES: readonly {
  readonly re: RegExp;
  readonly state: Classified['state'];
  readonly code: DomainError['code'];
}[] = [
  {
    re: /\b401\b|unauthori[sz]ed|\b403\b|forbidden/i,
    state: 'unauthorised',
    code: 'RECORDING.CAMERA_UNAUTHORISED',
  },
  {
    re: /matches no streams|invalid data found when processing input|could not find codec parameters|codec not currently supported in container|could not find tag for codec|unsupported codec|no video stream/i,
    state: 'bad-stream',
    code: 'RECORDING.BAD_STREAM',
  },
  {
    re: /connection refused|timed out|timeout|no route to host|network is unreachable|name or service not known|temporary failure in name resolution|connection reset|end of file|server returned 404|not found|broken pipe|input\/output error|no such file or directory/i,
    state: 'offline',
    code: 'RECORDING.CAMERA_UNREACHABLE',
  },
];

const RANK: Record<Classified['state'], number> = { unauthorised: 3, 'bad-stream': 2, offline: 1 };

/** Classifies one stderr line (already redacted); null when it says nothing about health. */
export const classifyStderrLine = (line: string): Classified | null => {
  for (const r of RULES) {
    if (r.re.test(line))
      return {
        state: r.state,
        error: { code: r.code, message: line.replace(/^\[(?:error|warning|fatal)\]\s*/, '').slice(0, 300) },
      };
  }
  return null;
};

const HISTORY = 8;

export class IngestProcess {
  private child: SpawnedProcess | null = null;
  private generation = 0;
  private stopped = false;
  private stopPromise: Promise<void> | null = null;
  private restartTimer: unknown = null;
  private stallTimer: unknown = null;
  private attempt = 0;
  private restarts = 0;
  private stderrTail = '';
  private classified: Classified | null = null;
  private forced: Classified | null = null;
  private sawFragment = false;
  private recent: { bytes: number; seconds: number }[] = [];
  private current: CameraHealth;
  private readonly clock: TimerClock;
  private readonly spawner: Spawner;

  constructor(private readonly o: IngestOptions) {
    this.clock = o.clock ?? systemTimerClock;
    this.spawner = o.spawner ?? nodeSpawner;
    this.current = {
      cameraId: o.cameraId,
      state: 'starting',
      since: this.clock.now(),
      error: null,
      lastFragmentAt: null,
      bitrateBps: null,
      gopSeconds: null,
      restarts: 0,
      nextAttemptAt: null,
      retryDelayMs: null,
      codec: null,
      width: null,
      height: null,
    };
  }

  health(): CameraHealth {
    return this.current;
  }

  /** The running ffmpeg's pid (for /proc checks in tests and metrics), undefined between runs. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): void {
    if (this.stopped || this.child !== null) return;
    this.launch();
  }

  /** Kills ffmpeg (SIGTERM, then SIGKILL); after this resolves, and from the moment it is called, no callback fires. */
  stop(): Promise<void> {
    if (this.stopPromise !== null) return this.stopPromise;
    this.stopped = true;
    this.generation++;
    this.clearTimers();
    const child = this.child;
    this.child = null;
    // Updated silently: after stop() no callback fires, not even this one.
    this.current = {
      ...this.current,
      state: 'stopped',
      since: this.clock.now(),
      error: null,
      nextAttemptAt: null,
    };
    this.stopPromise =
      child === null
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const kill = this.clock.setTimeout(() => child.kill('SIGKILL'), this.o.killGraceMs ?? 2000);
            child.onExit(() => {
              this.clock.clearTimeout(kill);
              resolve();
            });
            child.kill('SIGTERM');
          });
    return this.stopPromise;
  }

  private launch(): void {
    const command = buildIngestCommand(this.o.source);
    const gen = ++this.generation;
    if (!command.ok) {
      this.setHealth({ state: 'bad-stream', error: command.error, nextAttemptAt: null });
      return;
    }
    this.o.logger?.info(
      { component: 'recorder', cameraId: this.o.cameraId, argv: redactArgs(command.value.args) },
      'starting ffmpeg ingest',
    );
    this.stderrTail = '';
    this.classified = null;
    this.forced = null;
    this.sawFragment = false;
    const parser = new Fmp4Parser();
    const child = this.spawner(this.o.ffmpegPath, command.value.args, command.value.secretInput);
    this.child = child;
    const live = (): boolean => gen === this.generation && !this.stopped;

    child.onStdout((chunk) => {
      if (!live() || this.forced !== null) return;
      const r = parser.push(chunk);
      if (!r.ok) {
        this.fault(child, { state: 'bad-stream', error: r.error });
        return;
      }
      for (const ev of r.value) {
        if (!live()) return;
        const at = this.clock.now();
        if (ev.type === 'init') {
          const video = ev.init.tracks.find((t) => t.trackId === ev.init.videoTrackId);
          const allowed = this.o.allowedCodecs ?? ['avc1', 'avc3'];
          this.setHealth({
            codec: video?.codec ?? null,
            width: video?.width ?? null,
            height: video?.height ?? null,
          });
          if (video === undefined || !allowed.includes(video.codec)) {
            this.fault(child, {
              state: 'bad-stream',
              error: {
                code: 'RECORDING.BAD_STREAM',
                message:
                  video === undefined ? 'the stream has no video' : `video codec ${video.codec} is not H.264`,
                details: { codec: video?.codec ?? null },
              },
            });
            return;
          }
          this.o.onInit(ev.init, at);
        } else {
          this.onFragment(ev.fragment, at);
        }
      }
    });

    child.onStderr((chunk) => {
      if (!live()) return;
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-8192);
      const lines = this.stderrTail.split('\n');
      this.stderrTail = lines.pop() ?? '';
      for (const raw of lines) {
        const line = redactUrl(raw.trim());
        if (line === '') continue;
        const c = classifyStderrLine(line);
        if (c !== null && (this.classified === null || RANK[c.state] > RANK[this.classified.state]))
          this.classified = c;
        if (/^\[(error|fatal)\]/.test(line))
          this.o.logger?.warn(
            { component: 'recorder', cameraId: this.o.cameraId, ffmpeg: line.slice(0, 300) },
            'ffmpeg reported an error',
          );
      }
    });

    child.onExit((code, signal, spawnError) => {
      if (gen !== this.generation || this.stopped) return;
      this.child = null;
      this.clearStall();
      const at = this.clock.now();
      let outcome: Classified;
      if (spawnError !== null) {
        outcome =
          spawnError.code === 'ENOENT'
            ? {
                state: 'offline',
                error: {
                  code: 'RECORDING.FFMPEG_MISSING',
                  message: `ffmpeg not found at ${this.o.ffmpegPath}`,
                },
              }
            : { state: 'offline', error: { code: 'RECORDING.FFMPEG_FAILED', message: spawnError.message } };
      } else {
        const tail = redactUrl(this.stderrTail.trim());
        const last = tail === '' ? null : classifyStderrLine(tail);
        outcome = this.forced ??
          this.classified ??
          last ?? {
            state: 'offline',
            error:
              code === 0
                ? { code: 'RECORDING.CAMERA_UNREACHABLE', message: 'the stream ended' }
                : {
                    code: 'RECORDING.FFMPEG_FAILED',
                    message: `ffmpeg exited with ${signal ?? String(code)}`,
                    details: { exitCode: code, signal },
                  },
          };
      }
      this.o.onStreamEnd?.(at, outcome.error);
      if (this.sawFragment) this.attempt = 0;
      const b = this.o.backoff ?? { initialMs: 1000, maxMs: 30_000, factor: 2 };
      const delay = Math.min(b.maxMs, b.initialMs * b.factor ** this.attempt);
      this.attempt++;
      this.restarts++;
      this.o.logger?.warn(
        { component: 'recorder', cameraId: this.o.cameraId, code: outcome.error.code, retryInMs: delay },
        `camera ${outcome.state}: ${outcome.error.message}`,
      );
      this.setHealth({
        state: outcome.state,
        error: outcome.error,
        restarts: this.restarts,
        nextAttemptAt: at + delay,
        retryDelayMs: delay,
      });
      this.restartTimer = this.clock.setTimeout(() => {
        this.restartTimer = null;
        if (gen === this.generation && !this.stopped) this.launch();
      }, delay);
    });

    this.armStall(
      (this.o.startupSeconds ?? (this.o.source.timeoutSeconds ?? 10) + (this.o.stallSeconds ?? 15)) * 1000,
      child,
    );
  }

  private onFragment(fragment: Fragment, at: number): void {
    this.sawFragment = true;
    this.recent.push({ bytes: fragment.bytes.length, seconds: fragment.durationSeconds });
    if (this.recent.length > HISTORY) this.recent.shift();
    const seconds = this.recent.reduce((a, r) => a + r.seconds, 0);
    const bytes = this.recent.reduce((a, r) => a + r.bytes, 0);
    this.setHealth({
      ...(this.current.state === 'online' ? {} : { state: 'online' as const, error: null }),
      lastFragmentAt: at,
      bitrateBps: seconds > 0 ? Math.round((bytes * 8) / seconds) : null,
      gopSeconds: seconds / this.recent.length,
      nextAttemptAt: null,
    });
    if (this.child !== null) this.armStall((this.o.stallSeconds ?? 15) * 1000, this.child);
    this.o.onFragment(fragment, at);
  }

  /** Ends this run for a reason found by us (bad codec, parse error, stall): the exit handler restarts. */
  private fault(child: SpawnedProcess, c: Classified): void {
    if (this.forced !== null) return;
    this.forced = c;
    child.kill('SIGTERM');
    const gen = this.generation;
    this.clock.setTimeout(() => {
      if (gen === this.generation) child.kill('SIGKILL');
    }, this.o.killGraceMs ?? 2000);
  }

  private armStall(ms: number, child: SpawnedProcess): void {
    this.clearStall();
    this.stallTimer = this.clock.setTimeout(() => {
      this.stallTimer = null;
      if (this.child !== child || this.stopped) return;
      this.fault(child, {
        state: 'offline',
        error: { code: 'RECORDING.STALLED', message: `no video for ${Math.round(ms / 1000)} s` },
      });
    }, ms);
  }

  private clearStall(): void {
    if (this.stallTimer !== null) this.clock.clearTimeout(this.stallTimer);
    this.stallTimer = null;
  }

  private clearTimers(): void {
    this.clearStall();
    if (this.restartTimer !== null) this.clock.clearTimeout(this.restartTimer);
    this.restartTimer = null;
  }

  private setHealth(patch: Partial<Omit<CameraHealth, 'cameraId'>>): void {
    const stateChanged = patch.state !== undefined && patch.state !== this.current.state;
    this.current = { ...this.current, ...patch, ...(stateChanged ? { since: this.clock.now() } : {}) };
    // Only state changes and fragment updates reach the listener; both are cheap.
    this.o.onHealth?.(this.current);
  }
}
