/**
 * The recorder: one IngestProcess + ClipRecorder per camera that the plan arms, and none at all
 * for a camera whose mode is off (no process, no connection). It turns alarms into clips sealed
 * into the vault and tells every alarm's incident whether it has footage and, if not, why —
 * never a silent gap. The plan (what each camera should do) comes from the recording service,
 * what to do about it from the pure armingActions() (core/recording/arming.ts); this worker only
 * carries the steps out on its processes.
 */
import type { Logger } from 'pino';
import {
  armingActions,
  inScope,
  modeOf,
  settingsKey,
  stillWanted,
  type Blocker,
  type CameraMode,
  type DenyScope,
  type OffKind,
  type OpenAlarm,
} from '../core/recording/arming.js';
import { ClipRecorder, type ClipMetadata, type ClipOpening, type ClipSink } from '../core/recording/clip.js';
import {
  createNodeSpawner,
  IngestProcess,
  systemTimerClock,
  type CameraHealth,
  type Spawner,
} from '../adapters/media/ingest-process.js';
import type { ClipStore } from '../adapters/vault/clip-store.js';
import type { AgeRecipient } from '../adapters/vault/keys.js';
import type { CameraPlan, RecordingService } from '../services/recording.service.js';
import type { FootageNoteKind, SealOutcome } from '../services/recording-ports.js';
import { VaultClipSink } from './recorder-vault-sink.js';

export interface RecorderTunables {
  readonly ringMaxBytes: number;
  /** Ceiling on one incident clip (later alarms extend it up to this). */
  readonly maxClipSeconds: number;
  /** Continuous mode is cut into clips of this length. */
  readonly continuousClipSeconds: number;
  readonly stallSeconds: number;
  readonly startupSeconds: number | undefined;
  readonly backoff: { readonly initialMs: number; readonly maxMs: number; readonly factor: number };
  readonly killGraceMs: number;
  readonly tickMs: number;
}

export const DEFAULT_TUNABLES: RecorderTunables = {
  ringMaxBytes: 96 * 1024 * 1024,
  maxClipSeconds: 15 * 60,
  continuousClipSeconds: 5 * 60,
  stallSeconds: 15,
  startupSeconds: undefined,
  backoff: { initialMs: 1000, maxMs: 30_000, factor: 2 },
  // Objection and suspension must stop ffmpeg within a second: SIGKILL follows SIGTERM quickly.
  killGraceMs: 500,
  tickMs: 250,
};

export interface VaultHandle {
  readonly store: ClipStore;
  readonly recipient: AgeRecipient;
}

export interface AlarmInput {
  readonly alarmId: string;
  readonly incidentId: string | null;
  readonly roomId: string;
  /** The press: the alarm's first, or a later one joined into it (then its post-roll runs anew). */
  readonly at: string;
  /** A press joined into an alarm that was already open. */
  readonly repeat?: boolean;
}

/** An alarm still open at start-up (see resume()). */
export interface OpenAlarmInput extends OpenAlarm {
  readonly incidentId: string | null;
}

interface AlarmContext extends AlarmInput {
  readonly atMs: number;
}

interface OpenClip {
  readonly id: string;
  readonly sink: VaultClipSink;
  readonly number: number;
  /** Row inserted (clipOpened resolved); later updates wait for it. */
  readonly stored: Promise<unknown>;
}

interface Armed {
  plan: CameraPlan;
  /** Of the current plan (never undefined while armed: a plan without it is not armed). */
  retentionHours: number;
  readonly key: string;
  readonly ingest: IngestProcess;
  readonly rec: ClipRecorder;
  readonly ticker: NodeJS.Timeout;
  readonly vault: VaultHandle;
  /**
   * Off by policy or conversation end while an incident clip runs: the recorder is drained (no new
   * clip can begin, no pre-buffer) and the camera stops once that clip has sealed. Continuous
   * mode never drains: it stops at once.
   */
  draining: boolean;
  /** A new plan with other settings, applied once the clip in progress has finished (its old rules). */
  next: CameraPlan | null;
  /** Why the camera was stopped (for the note on a clip cut short). */
  stopWhy: string | null;
  /** The alarms this camera recorded or may record for, by alarm id (links for clip rows and notes). */
  alarms: Map<string, AlarmContext>;
  clip: OpenClip | null;
  sealError: { code: string; message: string; at: number } | null;
  clipsSealed: number;
  bytesSealed: number;
}

export interface CameraStatus {
  readonly cameraId: string;
  readonly cameraName: string;
  readonly roomId: string;
  readonly siteId: string;
  /** armed = ffmpeg running with a memory ring; off = no process at all. */
  readonly armed: boolean;
  readonly recording: boolean;
  readonly draining: boolean;
  readonly mode: CameraMode;
  readonly offReason: string | null;
  /** What offReason is: a switch, the policy, or recording refused everywhere (a blocker). */
  readonly offKind: OffKind | null;
  readonly health: CameraHealth | null;
  readonly pid: number | null;
  readonly ringSeconds: number;
  /** The GOP is longer than half the pre-roll: pre-roll precision suffers. */
  readonly gopWarning: boolean;
  readonly ringBytes: number;
  readonly preRollSeconds: number | null;
  readonly sealError: { code: string; message: string; at: string } | null;
  readonly clipsSealed: number;
  readonly bytesSealed: number;
}

interface Denial {
  readonly scope: DenyScope;
  readonly off: { readonly kind: 'objection' | 'suspended'; readonly message: string };
  /** planTicket() value when the denial was made: only a plan started later lifts it. */
  readonly ticket: number;
}

/**
 * Where a clip's bookkeeping goes (rows, notes): in `serve` the recording service itself; on a
 * recorder agent a durable outbox that reaches the same service over HTTP (ADR 0015).
 */
export interface RecorderLedger {
  clipOpened(c: Parameters<RecordingService['clipOpened']>[0]): Promise<unknown>;
  clipExtended(clipId: string, alarmId: string, incidentId: string | null): Promise<unknown>;
  clipFinished(...a: Parameters<RecordingService['clipFinished']>): Promise<unknown>;
  note(n: Parameters<RecordingService['note']>[0]): Promise<unknown>;
}

export interface SupervisorDeps {
  readonly service: RecorderLedger;
  /** Wall clock (ms): the composition root's clock, also for ffmpeg's health and the vault sink. */
  readonly now: () => number;
  readonly log: Logger;
  readonly ffmpegPath: () => string | null;
  /** Folder ffmpeg runs in (empty; watched by tests for files that must not appear). */
  readonly workDir: string;
  readonly tunables: () => RecorderTunables;
  readonly ids: () => string;
  readonly spawner?: Spawner;
  /** Observers for the benchmark and tests. */
  readonly onFirstSealed?: (clipId: string, at: number) => void;
  readonly onClipDone?: (clipId: string, outcome: SealOutcome, meta: ClipMetadata | null) => void;
}

export class RecorderSupervisor {
  private readonly armed = new Map<string, Armed>();
  private plans: CameraPlan[] = [];
  private blockers: Blocker[] = [];
  private vault: VaultHandle | null = null;
  private readonly stopping = new Set<Promise<void>>();
  /** Clip rows and notes being written: awaited by stop() and tests. */
  private readonly pending = new Set<Promise<unknown>>();
  /** Clips still being sealed (stop() waits for them, so no row stays 'recording'). */
  private readonly sealing = new Set<Promise<SealOutcome>>();
  private readonly spawner: Spawner;
  /** Objections and suspensions not yet reflected in an applied plan (see deny()). */
  private denials: Denial[] = [];
  private tickets = 0;
  /** Alarms open at start-up that may still want footage from cameras armed later (resume()). */
  private resumes = new Map<string, OpenAlarmInput>();
  /** Alarms closed while this process runs: a late resume or press must not revive them. */
  private readonly closed = new Set<string>();
  private stopped = false;
  private readonly now: () => number;

  constructor(private readonly deps: SupervisorDeps) {
    this.spawner = deps.spawner ?? createNodeSpawner({ cwd: deps.workDir });
    this.now = deps.now;
  }

  /**
   * Take before reading the plan; pass to apply(). A plan whose ticket is older than a denial was
   * (or may have been) read before the objection or suspension committed, so it cannot lift it.
   */
  planTicket(): number {
    return ++this.tickets;
  }

  /**
   * Reconciles processes with the plan. Safe to call often; only differences act. `ticket` is
   * planTicket() from before the plan was read: denials made after it stay in force.
   */
  apply(
    plans: readonly CameraPlan[],
    blockers: readonly Blocker[],
    vault: VaultHandle | null,
    ticket: number,
  ): void {
    this.stopped = false;
    this.denials = this.denials.filter((d) => d.ticket >= ticket);
    this.plans = [...plans];
    this.blockers = [...blockers];
    this.vault = vault;
    const now = this.now();
    const steps = armingActions({
      plans,
      running: [...this.armed].map(([cameraId, a]) => ({
        cameraId,
        settings: a.key,
        mode: modeOf(a.plan.decision) === 'continuous' ? 'continuous' : 'incident',
        vaultChanged: a.vault !== vault,
        recording: a.rec.recording,
        footageWanted: a.rec.wantsFootage(now),
      })),
      denied: this.denials.map((d) => d.scope),
      blocked: blockers.length > 0 || vault === null,
    });
    const byId = new Map(plans.map((p) => [p.camera.id, p]));
    for (const { cameraId, action } of steps) {
      const p = byId.get(cameraId);
      const a = this.armed.get(cameraId);
      switch (action) {
        case 'stay-off':
          break;
        case 'arm':
          if (p !== undefined && vault !== null) this.arm(p, vault);
          break;
        case 'disarm':
          void this.disarm(cameraId);
          break;
        case 'restart':
        case 'restart-new-vault':
          void this.disarm(cameraId, action === 'restart' ? 'the recording settings changed' : undefined);
          if (p !== undefined && vault !== null) this.arm(p, vault);
          break;
        case 'drain':
          if (a !== undefined) this.drain(a);
          break;
        case 'restart-after-clip':
          // The clip in progress finishes under the rules it started with; the ticker restarts.
          if (a !== undefined && p !== undefined) a.next = p;
          break;
        case 'keep':
          if (a === undefined || p === undefined) break;
          // Same process; newer links (conversation, policy version) for the next clip.
          a.next = null;
          a.plan = p;
          if (p.decision.retentionHours !== undefined) a.retentionHours = p.decision.retentionHours;
          if (a.draining) {
            // Back in policy before the running incident clip finished: keep going, buffer again.
            a.draining = false;
            a.rec.undrain();
          }
      }
    }
  }

  /**
   * Objection or suspension: stop every matching camera at once, without waiting for a reconcile,
   * and refuse to arm them again (apply() from a reconcile whose plan was read earlier included)
   * until a plan read after this call is applied. Call after the switch has committed.
   */
  deny(scope: DenyScope, off: Denial['off']): Promise<void> {
    const d: Denial = { scope, off, ticket: this.tickets };
    this.denials.push(d);
    const waits: Promise<void>[] = [];
    for (const [id, a] of this.armed) if (inScope(scope, a.plan)) waits.push(this.disarm(id));
    return Promise.all(waits).then(() => undefined);
  }

  alarm(e: AlarmInput): void {
    if (this.closed.has(e.alarmId)) return;
    const atMs = Date.parse(e.at);
    const ctx: AlarmContext = { ...e, atMs: Number.isNaN(atMs) ? this.now() : atMs };
    for (const p of this.plans.filter((x) => x.camera.roomId === e.roomId)) {
      const a = this.armed.get(p.camera.id);
      if (a === undefined || a.draining || a.rec.isDraining) {
        this.noteUnarmed(ctx, p, a);
        continue;
      }
      this.remember(a, ctx);
      const before = a.clip;
      const outcome = a.rec.alarm(ctx.atMs, e.alarmId);
      if (outcome.kind === 'no-footage' && outcome.reason === 'draining') {
        this.noteUnarmed(ctx, p, a);
      } else if (outcome.kind === 'no-footage') {
        const h = a.ingest.health();
        const since = new Date(h.state === 'online' ? this.now() : h.since).toISOString();
        const why = h.error === null ? h.state : `${h.state}: ${h.error.message}`;
        this.note(
          ctx,
          p.camera.id,
          'camera-offline',
          `no footage: camera offline since ${since} (${why})`,
          null,
        );
      } else if (outcome.kind === 'extended' && a.clip !== null && a.clip === before) {
        const clip = a.clip;
        void this.track(
          clip.stored.then(() => this.deps.service.clipExtended(clip.id, e.alarmId, e.incidentId)),
        );
        this.note(
          ctx,
          p.camera.id,
          'clip-extended',
          `footage: clip ${clip.id} extended by this ${e.repeat === true ? 'repeated press' : 'alarm'}${outcome.capped ? ' (maximum length reached)' : ''}`,
          clip.id,
        );
      } else if (outcome.kind === 'started' && a.clip === before) {
        // Armed but no complete GOP buffered yet: the clip opens with the next keyframe.
        this.note(
          ctx,
          p.camera.id,
          'clip',
          'footage: clip starts with the next keyframe (no pre-roll buffered yet)',
          null,
        );
      }
    }
  }

  /**
   * The alarm was closed: nothing more is recorded for it. A clip only it wanted ends with the
   * next fragment; a window waiting for the camera (or resumed after a restart) is dropped.
   */
  alarmClosed(e: { alarmId: string; at: string }): void {
    const atMs = Date.parse(e.at);
    const at = Number.isNaN(atMs) ? this.now() : atMs;
    this.closed.add(e.alarmId);
    // Only races need it (a resume or press read before the close): keep the newest few thousand.
    if (this.closed.size > 5000) this.closed.delete(this.closed.values().next().value ?? '');
    this.resumes.delete(e.alarmId);
    for (const a of this.armed.values()) if (a.alarms.has(e.alarmId)) a.rec.alarmClosed(e.alarmId, at);
  }

  /**
   * At start-up, after the first plan is applied: alarms still open whose post-roll (under the
   * policy in force) has not ended record the rest of it, from the camera's first keyframe, as
   * after a camera reconnect. Cameras armed later pick them up too, while still wanted.
   */
  resume(open: readonly OpenAlarmInput[]): void {
    for (const o of open) if (!this.closed.has(o.alarmId)) this.resumes.set(o.alarmId, o);
    for (const a of this.armed.values()) this.resumeOn(a);
  }

  status(): CameraStatus[] {
    return this.plans.map((p) => {
      const a = this.armed.get(p.camera.id);
      const health = a?.ingest.health() ?? null;
      const off = a === undefined ? this.offFor(p) : null;
      return {
        cameraId: p.camera.id,
        cameraName: p.camera.name,
        roomId: p.camera.roomId,
        siteId: p.siteId,
        armed: a !== undefined,
        recording: a?.rec.recording ?? false,
        draining: a?.draining ?? false,
        mode: a === undefined ? 'off' : modeOf(a.plan.decision),
        offReason: off?.message ?? null,
        offKind: off?.kind ?? null,
        health,
        pid: a?.ingest.pid ?? null,
        ringSeconds: a?.rec.ring.spanSeconds ?? 0,
        gopWarning: a?.rec.ring.gopWarning ?? false,
        ringBytes: a?.rec.ring.bytes ?? 0,
        preRollSeconds:
          a !== undefined && a.plan.decision.mode.kind === 'incident-triggered'
            ? a.plan.decision.mode.preRollSeconds
            : null,
        sealError: a?.sealError ? { ...a.sealError, at: new Date(a.sealError.at).toISOString() } : null,
        clipsSealed: a?.clipsSealed ?? 0,
        bytesSealed: a?.bytesSealed ?? 0,
      };
    });
  }

  /** Pid of a camera's ffmpeg (tests check it is dead after an objection). */
  pidOf(cameraId: string): number | undefined {
    return this.armed.get(cameraId)?.ingest.pid;
  }

  /** Waits for clip rows and notes still being written. */
  async settled(): Promise<void> {
    while (this.pending.size > 0 || this.sealing.size > 0)
      await Promise.allSettled([...this.pending, ...this.sealing]);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const id of [...this.armed.keys()]) void this.disarm(id, 'the server stopped');
    await Promise.allSettled([...this.stopping]);
    await this.settled();
  }

  // ---- internals ---------------------------------------------------------------------------

  /** Bookkeeping that must not fail the recording: errors are logged; the result never rejects. */
  private track<T>(p: Promise<T>): Promise<T | undefined> {
    const q = p.catch((e: unknown) => {
      this.deps.log.error({ err: (e as Error).message }, 'recorder bookkeeping failed');
      return undefined;
    });
    this.pending.add(q);
    void q.finally(() => this.pending.delete(q));
    return q;
  }

  /**
   * A clip row's final state must not be lost to a passing database failure (disk full): retried
   * with backoff until it is stored, or until the recorder stops (start-up recovery takes over).
   */
  private persist(what: string, fn: () => Promise<unknown>): void {
    const attempt = async (): Promise<void> => {
      for (let wait = 250; ; wait = Math.min(wait * 2, 10_000)) {
        try {
          await fn();
          return;
        } catch (e) {
          this.deps.log.error({ err: (e as Error).message, what }, 'recorder bookkeeping failed; retrying');
          if (this.stopped) throw e;
          await new Promise((r) => setTimeout(r, wait).unref());
        }
      }
    };
    void this.track(attempt());
  }

  private remember(a: Armed, ctx: AlarmContext): void {
    // The first press links (incident, alarm); keep it, older entries drop off after the longest clip.
    const horizon = this.now() - (this.deps.tunables().maxClipSeconds + 600) * 1000;
    for (const [id, x] of a.alarms)
      if (x.atMs < horizon && !a.rec.wantsFootage(this.now())) a.alarms.delete(id);
    if (!a.alarms.has(ctx.alarmId)) a.alarms.set(ctx.alarmId, ctx);
  }

  private resumeOn(a: Armed): void {
    const m = a.plan.decision.mode;
    if (m.kind !== 'incident-triggered' || a.draining) return;
    const now = this.now();
    const mine = [...this.resumes.values()].filter((o) => o.roomId === a.plan.camera.roomId);
    for (const w of stillWanted(mine, m.postRollSeconds, now)) {
      const o = this.resumes.get(w.alarm.alarmId);
      if (o === undefined) continue;
      this.remember(a, {
        alarmId: o.alarmId,
        incidentId: o.incidentId,
        roomId: o.roomId,
        at: o.lastPressAt,
        atMs: w.lastPressMs,
      });
      a.rec.resume(o.alarmId, w.lastPressMs, now);
    }
    // Forget what no camera can want any more (the longest post-roll has passed).
    for (const [id, o] of this.resumes)
      if (Date.parse(o.lastPressAt) + this.deps.tunables().maxClipSeconds * 1000 < now)
        this.resumes.delete(id);
  }

  private note(
    ctx: AlarmContext,
    cameraId: string | null,
    kind: FootageNoteKind,
    message: string,
    clipId: string | null,
  ): void {
    void this.track(
      this.deps.service.note({
        incidentId: ctx.incidentId,
        alarmId: ctx.alarmId,
        roomId: ctx.roomId,
        cameraId,
        kind,
        message,
        clipId,
      }),
    );
  }

  private denialFor(p: CameraPlan): Denial | undefined {
    return this.denials.find((d) => inScope(d.scope, p));
  }

  /** Why a camera is not armed, as status() shows it; null when nothing holds it back. */
  private offFor(p: CameraPlan): { readonly kind: OffKind; readonly message: string } | null {
    const denial = this.denialFor(p);
    if (denial !== undefined) return denial.off;
    if (p.off !== null) return p.off;
    if (modeOf(p.decision) === 'off') return { kind: 'policy-off', message: p.decision.reason };
    const blocker = this.blockers[0];
    return blocker === undefined ? null : { kind: blocker.kind, message: blocker.message };
  }

  private noteUnarmed(ctx: AlarmContext, p: CameraPlan, a: Armed | undefined): void {
    const blocker = this.blockers[0];
    const denial = this.denialFor(p);
    if (denial !== undefined) {
      this.note(ctx, p.camera.id, denial.off.kind, denial.off.message, null);
    } else if (p.off !== null) {
      this.note(ctx, p.camera.id, p.off.kind, p.off.message, null);
    } else if (a?.draining === true || modeOf(p.decision) === 'off') {
      this.note(
        ctx,
        p.camera.id,
        'policy-off',
        `no footage: recording is not permitted here now (${p.decision.reason})`,
        null,
      );
    } else if (blocker !== undefined) {
      this.note(ctx, p.camera.id, blocker.kind, `no footage: ${blocker.message}`, null);
    } else {
      this.note(
        ctx,
        p.camera.id,
        'camera-offline',
        `no footage: camera not armed yet (since ${new Date(this.now()).toISOString()})`,
        null,
      );
    }
  }

  private arm(p: CameraPlan, vault: VaultHandle): void {
    const t = this.deps.tunables();
    const ffmpeg = this.deps.ffmpegPath();
    const retentionHours = p.decision.retentionHours;
    // A decision that records always carries a retention; without one, fail closed.
    if (ffmpeg === null || retentionHours === undefined) return;
    const m = p.decision.mode;
    const continuous = m.kind === 'continuous';
    const pre = m.kind === 'incident-triggered' ? m.preRollSeconds : 2;
    const post = m.kind === 'incident-triggered' ? m.postRollSeconds : 0;
    const id = p.camera.id;
    let armedRef: Armed | null = null;
    const rec = new ClipRecorder(
      {
        mode: continuous ? 'continuous' : 'incident',
        preRollSeconds: pre,
        postRollSeconds: post,
        maxClipSeconds: continuous ? t.continuousClipSeconds : Math.max(t.maxClipSeconds, pre + post),
        ringMaxBytes: t.ringMaxBytes,
      },
      (opening) => this.openSink(armedRef, opening),
    );
    const ingest = new IngestProcess({
      cameraId: id,
      ffmpegPath: ffmpeg,
      source: { url: p.sourceUrl, audio: p.decision.audioAllowed },
      stallSeconds: t.stallSeconds,
      ...(t.startupSeconds === undefined ? {} : { startupSeconds: t.startupSeconds }),
      backoff: t.backoff,
      killGraceMs: t.killGraceMs,
      spawner: this.spawner,
      // ffmpeg's fragment times and health share the clock the alarms and the ticker use.
      clock: { ...systemTimerClock, now: this.now },
      logger: this.deps.log,
      onInit: (init) => rec.onInit(init),
      onFragment: (f, at) => rec.onFragment(f, at),
      onStreamEnd: (at) => rec.streamLost(at),
    });
    const ticker = setInterval(() => {
      const now = this.now();
      rec.tick(now);
      const a = this.armed.get(id);
      if (a === undefined || a.rec.wantsFootage(now) || a.clip !== null) return;
      // New settings wait for the clip in progress (its own rules); then the camera restarts.
      if (a.next !== null) this.restart(id, a.next);
      // A drained recorder never begins another clip, so once this one has sealed the camera stops.
      else if (a.draining) void this.disarm(id);
    }, t.tickMs);
    ticker.unref();
    const armed: Armed = {
      plan: p,
      retentionHours,
      key: settingsKey(p),
      ingest,
      rec,
      ticker,
      vault,
      draining: false,
      next: null,
      stopWhy: null,
      alarms: new Map(),
      clip: null,
      sealError: null,
      clipsSealed: 0,
      bytesSealed: 0,
    };
    armedRef = armed;
    this.armed.set(id, armed);
    this.deps.log.info(
      {
        cameraId: id,
        roomId: p.camera.roomId,
        mode: modeOf(p.decision),
        preRollSeconds: pre,
        postRollSeconds: post,
        audio: p.decision.audioAllowed,
      },
      'camera armed',
    );
    this.resumeOn(armed);
    ingest.start();
  }

  /** The clip the old settings were kept for has finished: stop, and arm again if still allowed. */
  private restart(id: string, next: CameraPlan): void {
    void this.disarm(id);
    const vault = this.vault;
    const [step] = armingActions({
      plans: [next],
      running: [],
      denied: this.denials.map((d) => d.scope),
      blocked: this.blockers.length > 0 || vault === null,
    });
    if (step?.action !== 'arm' || vault === null) return;
    this.deps.log.info({ cameraId: id }, 'camera restarts with the new recording settings');
    this.arm(next, vault);
  }

  /**
   * Off by policy or conversation end while an incident clip runs: finish that clip (its
   * post-roll), forget the pre-buffer now and begin nothing more; the ticker stops the camera once
   * the clip has sealed.
   */
  private drain(a: Armed): void {
    a.next = null;
    a.stopWhy = this.stopReason(a.plan);
    a.draining = true;
    a.rec.drain();
  }

  /** Stops a camera now: a running clip is closed ('stopped') and the ring dropped at once. */
  private disarm(id: string, why?: string): Promise<void> {
    const a = this.armed.get(id);
    if (a === undefined) return Promise.resolve();
    a.stopWhy = why ?? this.stopReason(a.plan);
    this.armed.delete(id);
    clearInterval(a.ticker);
    // Closes a running clip ('stopped') and drops the ring at once, before ffmpeg is even dead.
    a.rec.stop();
    const stopped = a.ingest.stop();
    this.stopping.add(stopped);
    void stopped.finally(() => this.stopping.delete(stopped));
    this.deps.log.info({ cameraId: id }, 'camera disarmed');
    return stopped;
  }

  /** Why a camera stops, for the note on a clip it cuts short. */
  private stopReason(p: CameraPlan): string {
    const denial = this.denialFor(p);
    if (denial !== undefined) return denial.off.message.replace(/^no footage: /, '');
    const now = this.plans.find((x) => x.camera.id === p.camera.id);
    if (now?.off != null) return now.off.message.replace(/^no footage: /, '');
    if (this.blockers[0] !== undefined) return this.blockers[0].message;
    return 'the camera was stopped';
  }

  private openSink(a: Armed | null, opening: ClipOpening): ClipSink {
    if (a === null) throw new Error('clip opened before the camera was armed');
    const clipId = this.deps.ids();
    const linked = opening.alarmIds.flatMap((id) => {
      const x = a.alarms.get(id);
      return x === undefined ? [] : [x];
    });
    const first = linked[0] ?? null;
    const d = a.plan.decision;
    const sink = new VaultClipSink({
      store: a.vault.store,
      recipient: a.vault.recipient,
      clipId,
      now: this.now,
      onFirstSealed: (at) => this.deps.onFirstSealed?.(clipId, at),
      onFailed: (error) => {
        a.sealError = { code: error.code, message: error.message, at: this.now() };
        this.deps.log.error(
          { cameraId: a.plan.camera.id, clipId, code: error.code },
          'sealing a clip failed',
        );
        for (const x of linked)
          this.note(
            x,
            a.plan.camera.id,
            'seal-failed',
            `footage incomplete: sealing clip ${clipId} failed (${error.code})`,
            clipId,
          );
        // The clip ends now, with the parts already sealed: its row says 'failed' at once.
        a.rec.sealFailed(opening.clipNumber);
      },
      onDone: (outcome, meta) => {
        if (a.clip?.id === clipId) a.clip = null;
        if (outcome.ok) {
          a.clipsSealed += 1;
          a.bytesSealed += outcome.sealedBytes;
          a.sealError = null;
        }
        if (meta?.reason === 'stopped' && a.stopWhy !== null && meta.alarms.length > 0)
          for (const x of linked)
            this.note(
              x,
              a.plan.camera.id,
              'clip-cut',
              `footage incomplete: clip ${clipId} stopped at ${new Date(meta.endedAt).toISOString()} (${a.stopWhy})`,
              clipId,
            );
        this.persist(`clip ${clipId} finished`, () =>
          stored.then(() => this.deps.service.clipFinished(clipId, outcome, meta)),
        );
        this.deps.onClipDone?.(clipId, outcome, meta);
      },
    });
    const stored = this.track(
      this.deps.service.clipOpened({
        id: clipId,
        cameraId: a.plan.camera.id,
        roomId: a.plan.camera.roomId,
        siteId: a.plan.siteId,
        alarmId: first?.alarmId ?? null,
        incidentId: first?.incidentId ?? null,
        alarmIds: linked.map((x) => x.alarmId),
        incidentIds: [...new Set(linked.flatMap((x) => (x.incidentId === null ? [] : [x.incidentId])))],
        conversationId: a.plan.conversationId,
        mode: opening.mode,
        policySeq: a.plan.policy?.seq ?? null,
        policyCompiledAt: a.plan.policy?.compiledAt ?? null,
        policyHash: a.plan.policy?.hash ?? null,
        assessmentIds: [...d.assessmentIds],
        retentionHours: a.retentionHours,
        startedAt: new Date(opening.startedAt).toISOString(),
        preRollSeconds: opening.preRollSeconds,
      }),
    );
    const how =
      opening.continues !== null
        ? ' (continued after the camera came back)'
        : opening.resumed
          ? ' (the rest of the post-roll, resumed after a restart)'
          : '';
    for (const x of linked) this.note(x, a.plan.camera.id, 'clip', `footage: clip ${clipId}${how}`, clipId);
    a.clip = { id: clipId, sink, number: opening.clipNumber, stored };
    const finished = sink.finished;
    this.sealing.add(finished);
    void finished.finally(() => this.sealing.delete(finished));
    return sink;
  }
}
