/**
 * A recorder agent at a site (issue 13 §2, ADR 0015): the same RecorderSupervisor and vault sink
 * as `serve`, fed by the server's signed plan instead of the recording service, sealing into a
 * spool on the agent's disk with the vault's public key only, and a durable outbox for the clip
 * rows and notes. It holds no key that opens footage: its own identity opens only the camera
 * sources in its plan.
 *
 * Connected: the event stream brings alarms, re-plan hints and denials (objection, suspension)
 * within a second. Offline: it records under the last plan for at most `offlineMaxSeconds` after
 * its last contact with the server, then disarms; whatever was sealed waits in the spool and the
 * outbox and goes up, in order and once, when the server answers again. Revoked (401): it
 * disarms and stops.
 *
 * What it does with a plan and the events is RecorderDriver's, shared with `serve`'s local agent;
 * this class is the transport: signature check, the saved plan and denials, the stream, the outbox.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { offlineVerdict, type AgentReport } from '../core/agents/agent.js';
import {
  isNewerPlan,
  planBytes,
  planRefusal,
  type AgentPlan,
  type SignedAgentPlan,
} from '../core/agents/plan.js';
import type { ClipMetadata } from '../core/recording/clip.js';
import {
  agentPaths,
  outbox as openOutbox,
  readJson,
  writeFileDurably,
  type AgentCredentials,
  type Outbox,
  type OutboxStep,
} from '../adapters/agent/agent-files.js';
import { AgentRevoked, type AgentEvent, type AgentTransport } from '../adapters/agent/http-transport.js';
import { decryptBytes } from '../adapters/vault/age-format.js';
import {
  deleteClip,
  openClipStore,
  recoverClip,
  type ClipManifest,
  type ClipStore,
} from '../adapters/vault/clip-store.js';
import { parseRecipient, type AgeIdentity } from '../adapters/vault/keys.js';
import type { CameraPlan } from '../services/recording.service.js';
import type { SealOutcome } from '../services/recording-ports.js';
import { RecorderDriver, recorderEventOf, type Denial, type DrivenPlan } from './recorder-driver.js';
import {
  RecorderSupervisor,
  type RecorderLedger,
  type RecorderTunables,
  type VaultHandle,
} from './recorder-supervisor.js';

export interface RecorderAgentDeps {
  readonly credentials: AgentCredentials;
  readonly identity: AgeIdentity;
  readonly stateDir: string;
  readonly transport: AgentTransport;
  readonly log: Logger;
  readonly now: () => number;
  readonly ids: () => string;
  readonly ffmpegPath: string | null;
  readonly tunables: RecorderTunables;
  readonly offlineMaxSeconds: number;
  /** Checks the server's Ed25519 signature over the plan's bytes with the key pinned at enrolment. */
  readonly verify: (bytes: Buffer, signature: string) => boolean;
  readonly version: string;
  /** Intervals (ms); tests may shorten them. */
  readonly replanMs?: number;
  readonly heartbeatMs?: number;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });

export class RecorderAgent {
  readonly supervisor: RecorderSupervisor;
  private readonly driver: RecorderDriver;
  private readonly paths: ReturnType<typeof agentPaths>;
  private readonly outbox: Outbox;
  private spool: ClipStore | null = null;
  private current: SignedAgentPlan | null = null;
  /** The plan saved on disk, applied once at start before the server is asked. */
  private saved: SignedAgentPlan | null = null;
  private vault: VaultHandle | null = null;
  /**
   * When the agent last held a plan the server signed: the offline limit counts from here, not
   * from any answer (a server whose plans no longer verify is no server to record for).
   */
  private lastVerified: number | null = null;
  private offline = false;
  private readonly abort = new AbortController();
  private readonly loops: Promise<void>[] = [];
  /** Parts the server has answered, per clip (lost on restart: the server answers a re-send as already stored). */
  private readonly acked = new Map<string, number>();
  /** Clips whose row the server has: their parts may go up while they are still being recorded. */
  private readonly opened = new Set<string>();
  private uploading: Promise<void> | null = null;
  private uploadAgain = false;
  private readonly sources = new Map<string, string>();
  private revokedWith: string | null = null;
  private resolveRevoked: (why: string) => void = () => undefined;
  /** Resolves when the server refused the agent's token: it has disarmed and stops. */
  readonly revoked: Promise<string> = new Promise((r) => (this.resolveRevoked = r));
  /** Observers for tests and logs: a denial was obeyed (ms from receipt to every camera stopped). */
  set onDenied(fn: ((ms: number) => void) | undefined) {
    this.driver.onDenied = fn;
  }

  constructor(private readonly deps: RecorderAgentDeps) {
    this.paths = agentPaths(deps.stateDir);
    this.outbox = openOutbox(this.paths.outbox);
    const ledger: RecorderLedger = {
      clipOpened: (c) => {
        const { id, roomId: _r, siteId: _s, ...body } = c;
        return this.queue({ kind: 'clip-opened', clipId: id, body: body });
      },
      clipExtended: (clipId, alarmId, incidentId) =>
        this.queue({ kind: 'clip-extended', clipId, body: { alarmId, incidentId } }),
      clipFinished: (clipId: string, outcome: SealOutcome, meta: ClipMetadata | null) =>
        this.queue({
          kind: 'clip-ended',
          clipId,
          body: {
            outcome: outcome.ok ? 'sealed' : 'failed',
            parts: outcome.parts,
            sealedBytes: outcome.sealedBytes,
            error: outcome.ok ? null : { code: outcome.error.code, message: outcome.error.message },
            meta,
          },
        }),
      note: (n) => this.queue({ kind: 'note', body: n as unknown as Record<string, unknown> }),
    };
    this.supervisor = new RecorderSupervisor({
      service: ledger,
      now: deps.now,
      log: deps.log,
      ffmpegPath: () => deps.ffmpegPath,
      workDir: this.paths.work,
      tunables: () => deps.tunables,
      ids: deps.ids,
    });
    this.driver = new RecorderDriver({
      supervisor: this.supervisor,
      source: { read: () => this.readPlan() },
      log: deps.log,
      now: deps.now,
      denials: {
        load: async () => (await readJson<Denial[]>(this.paths.denials)) ?? [],
        save: (d) => writeFileDurably(this.paths.denials, JSON.stringify(d)),
      },
    });
  }

  async start(): Promise<void> {
    // ffmpeg runs in it: a missing folder would read as "ffmpeg not found".
    await mkdir(this.paths.work, { recursive: true, mode: 0o700 });
    const s = await openClipStore(this.paths.spool);
    if (!s.ok) throw new Error(`the spool folder cannot be opened: ${s.error.message}`);
    this.spool = s.value;
    await this.recoverSpool();
    // Offline start: the last plan and the denials received still hold (a suspended site stays so).
    await this.driver.start();
    const saved = await readJson<SignedAgentPlan>(this.paths.plan);
    if (saved !== undefined && this.acceptable(saved)) {
      this.saved = saved;
      // Its issue time is the last contact we can prove.
      this.lastVerified = Date.parse(saved.plan.issuedAt);
      await this.driver.replan();
      this.deps.log.info({ issuedAt: saved.plan.issuedAt }, 'agent: recording under the last plan received');
    }
    const signal = this.abort.signal;
    this.loops.push(
      // Often enough that a connected agent never reaches its offline limit between two plans.
      this.every(Math.min(this.deps.replanMs ?? 15_000, (this.deps.offlineMaxSeconds * 1000) / 3), () =>
        this.replan(),
      ),
      this.eventLoop(signal),
      // Apart from the uploads: a part upload can hang for minutes on a line that drops packets.
      this.every(1000, () => Promise.resolve(this.checkOffline())),
      this.every(1000, () => this.upload()),
      this.every(this.deps.heartbeatMs ?? 5000, () => this.heartbeat()),
    );
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.driver.stop();
    await Promise.allSettled(this.loops);
    await this.uploading?.catch(() => undefined);
  }

  /** What the heartbeat reports (also for tests). */
  async report(): Promise<AgentReport> {
    const steps = await this.outbox.list();
    const status = this.supervisor.status();
    let queuedParts = 0;
    for (const id of await this.spoolClips()) {
      const m = await this.manifestOf(id);
      queuedParts += Math.max(0, (m?.parts.length ?? 0) - (this.acked.get(id) ?? 0));
    }
    return {
      state:
        !this.driver.armed || this.current === null ? 'disarmed' : this.offline ? 'offline' : 'recording',
      armedCameras: status.filter((c) => c.armed).length,
      queuedSteps: steps.length,
      queuedParts,
      oldestQueuedAt: steps[0]?.at ?? null,
      restarts: status.reduce((a, c) => a + (c.health?.restarts ?? 0), 0),
      version: this.deps.version,
    };
  }

  // ---- plan --------------------------------------------------------------------------------

  private acceptable(s: SignedAgentPlan): boolean {
    const refusal = planRefusal(s.plan, this.deps.credentials.agentId);
    if (refusal !== null) {
      this.deps.log.error({ refusal }, 'agent: plan refused');
      return false;
    }
    if (!this.deps.verify(planBytes(s.plan), s.signature)) {
      this.deps.log.error('agent: the plan is not signed by the server this agent enrolled with; refused');
      return false;
    }
    return true;
  }

  private replan(): Promise<void> {
    return this.driver.replan();
  }

  /** The plan source for the driver: the saved plan once, then a newer signed plan from the server. */
  private async readPlan(): Promise<DrivenPlan | undefined> {
    let signed = this.saved;
    const stale = signed !== null;
    this.saved = null;
    if (signed === null) {
      const fetched = await this.call(() => this.deps.transport.plan());
      if (fetched === undefined || !this.acceptable(fetched)) return undefined;
      this.lastVerified = this.deps.now();
      if (!isNewerPlan(fetched.plan, this.current?.plan ?? null)) return undefined;
      await writeFileDurably(this.paths.plan, JSON.stringify(fetched));
      signed = fetched;
    }
    this.current = signed;
    return { ...this.driven(signed.plan), stale };
  }

  private cameraPlans(plan: AgentPlan): CameraPlan[] {
    return plan.cameras.map(({ sourceSealed, ...c }) => ({
      ...c,
      sourceUrl: sourceSealed === null ? c.camera.url : this.openSource(sourceSealed),
    }));
  }

  private openSource(sealed: string): string {
    const known = this.sources.get(sealed);
    if (known !== undefined) return known;
    const r = decryptBytes([this.deps.identity], Buffer.from(sealed, 'base64'));
    if (!r.ok)
      throw new Error(
        `the camera source in the plan cannot be opened with this agent's key (${r.error.code})`,
      );
    const url = r.value.toString('utf8');
    this.sources.clear();
    this.sources.set(sealed, url);
    return url;
  }

  private driven(p: AgentPlan): DrivenPlan {
    const r = parseRecipient(p.vaultRecipient);
    if (!r.ok || this.spool === null) this.vault = null;
    else if (this.vault?.recipient.text !== r.value.text)
      this.vault = { store: this.spool, recipient: r.value };
    let plans: CameraPlan[];
    try {
      plans = this.cameraPlans(p);
    } catch (e) {
      this.deps.log.error({ err: (e as Error).message }, 'agent: plan cannot be used');
      plans = [];
    }
    this.deps.log.info(
      {
        issuedAt: p.issuedAt,
        cameras: plans.length,
        mayRecord: plans.filter((c) => c.off === null && c.decision.mode.kind !== 'off').length,
        vault: this.vault !== null,
      },
      'agent: plan received',
    );
    return {
      issuedAt: p.issuedAt,
      cameras: plans,
      blockers: [],
      vault: this.vault,
      openAlarms: () => Promise.resolve(p.openAlarms),
    };
  }

  private checkOffline(): void {
    const v = offlineVerdict(this.lastVerified, this.deps.now(), this.deps.offlineMaxSeconds);
    // A verified plan again after a disarm: record again.
    if (v.mayRecord && !this.driver.armed && this.current !== null && !this.abort.signal.aborted)
      void this.driver.arm().catch(() => undefined);
    if (!v.mayRecord && this.driver.armed && this.current !== null) {
      this.deps.log.warn(
        { offlineSeconds: Math.round(v.offlineSeconds), maxSeconds: this.deps.offlineMaxSeconds },
        'agent: offline longer than allowed; every camera disarmed until the server answers',
      );
      this.driver.disarm();
    }
  }

  /** Runs a server call; a failure marks the agent offline, a 401 revokes it. */
  private async call<T>(fn: () => Promise<T>): Promise<T | undefined> {
    try {
      const v = await fn();
      this.contact();
      return v;
    } catch (e) {
      if (e instanceof AgentRevoked) await this.revoke(e.message);
      else if (!this.offline) {
        this.offline = true;
        this.deps.log.warn(
          { err: (e as Error).message },
          'agent: the server does not answer; recording under the last plan',
        );
      }
      return undefined;
    }
  }

  private contact(): void {
    if (this.offline) {
      this.offline = false;
      this.deps.log.info('agent: the server answers again');
      // Fetch a plan now: only a verified one re-arms (checkOffline).
      if (!this.driver.armed && !this.abort.signal.aborted) void this.replan().catch(() => undefined);
    }
  }

  private async revoke(why: string): Promise<void> {
    if (this.revokedWith !== null) return;
    this.revokedWith = why;
    this.deps.log.error({ why }, 'agent: revoked by the server; disarming and stopping');
    this.abort.abort();
    await this.driver.stop();
    this.resolveRevoked(why);
  }

  // ---- events ------------------------------------------------------------------------------

  private async eventLoop(signal: AbortSignal): Promise<void> {
    for (let wait = 500; !signal.aborted; wait = Math.min(wait * 2, 10_000)) {
      let connected = false;
      await this.call(() =>
        this.deps.transport.events((e) => {
          connected = true;
          this.onEvent(e);
        }, signal),
      );
      // A stream that delivered anything was a connection: the next try starts quickly again.
      if (connected) wait = 500;
      await sleep(wait, signal);
    }
  }

  private onEvent(e: AgentEvent): void {
    this.contact();
    switch (e.event) {
      case 'hello':
        this.deps.log.info('agent: event stream connected');
        void this.replan().catch(() => undefined);
        return;
      case 'revoked':
        void this.revoke('the agent was revoked');
        return;
    }
    const r = recorderEventOf(e.event, e.data as Record<string, unknown>, this.deps.now);
    if (r === null) return;
    if (r.kind === 'alarm.raised' || r.kind === 'alarm.joined')
      this.deps.log.info({ alarmId: r.alarm.alarmId, roomId: r.alarm.roomId, event: r.kind }, 'agent: alarm');
    this.driver.handle(r);
  }

  // ---- outbox and spool --------------------------------------------------------------------

  private async queue(step: OutboxStep): Promise<void> {
    this.deps.log.debug({ step: step.kind }, 'agent: step queued');
    await this.outbox.append(step, new Date(this.deps.now()).toISOString());
    void this.upload();
  }

  private async spoolClips(): Promise<string[]> {
    try {
      return (await readdir(this.paths.spool)).filter((n) => !n.startsWith('.'));
    } catch {
      return [];
    }
  }

  private async manifestOf(clipId: string): Promise<ClipManifest | undefined> {
    try {
      return JSON.parse(
        await readFile(path.join(this.paths.spool, clipId, 'manifest.json'), 'utf8'),
      ) as ClipManifest;
    } catch {
      return undefined;
    }
  }

  /** Clips a crash of the agent left open: closed as interrupted, told to the server like any other end. */
  private async recoverSpool(): Promise<void> {
    const steps = await this.outbox.list();
    const ended = new Set(steps.flatMap((q) => (q.step.kind === 'clip-ended' ? [q.step.clipId] : [])));
    const pendingOpen = new Set(steps.flatMap((q) => (q.step.kind === 'clip-opened' ? [q.step.clipId] : [])));
    for (const id of await this.spoolClips()) {
      if (!pendingOpen.has(id)) this.opened.add(id);
      if (ended.has(id)) continue;
      const r = await recoverClip(this.spool!, id);
      const parts = r.ok ? r.value.manifest.parts : [];
      this.deps.log.warn({ clipId: id, parts: parts.length }, 'agent: a clip was interrupted by a restart');
      await this.outbox.append(
        {
          kind: 'clip-ended',
          clipId: id,
          body: {
            outcome: 'interrupted',
            parts: parts.length,
            sealedBytes: parts.reduce((a, p) => a + p.bytes, 0),
            error: r.ok ? null : { code: r.error.code, message: r.error.message },
            meta: null,
          },
        },
        new Date(this.deps.now()).toISOString(),
      );
    }
  }

  /** Sends parts of a clip from the first the server has not answered, up to `upTo` (all listed). */
  private async sendParts(clipId: string, upTo: number | undefined): Promise<boolean> {
    const m = await this.manifestOf(clipId);
    if (m === undefined) return upTo === undefined || upTo === 0;
    const last = Math.min(upTo ?? m.parts.length, m.parts.length);
    for (let i = this.acked.get(clipId) ?? 0; i < last; i++) {
      const p = m.parts[i]!;
      const sealed = await readFile(path.join(this.paths.spool, clipId, p.file));
      const r = await this.call(() => this.deps.transport.putPart(clipId, i, sealed, p.sha256, p.media));
      if (r === undefined) return false;
      this.acked.set(clipId, i + 1);
    }
    if (upTo !== undefined && upTo > m.parts.length)
      this.deps.log.error(
        { clipId, parts: m.parts.length, upTo },
        'agent: the spool holds fewer parts than sealed',
      );
    return true;
  }

  private async step(q: OutboxStep): Promise<boolean> {
    const t = this.deps.transport;
    this.deps.log.debug({ step: q.kind }, 'agent: sending a step');
    switch (q.kind) {
      case 'clip-opened': {
        const ok = await this.call(() => t.send('PUT', `/api/agent/clips/${q.clipId}`, q.body));
        if (ok !== undefined) this.opened.add(q.clipId);
        return ok !== undefined;
      }
      case 'clip-extended':
        return (
          (await this.call(() => t.send('POST', `/api/agent/clips/${q.clipId}/alarms`, q.body))) !== undefined
        );
      case 'note':
        return (await this.call(() => t.send('POST', '/api/agent/notes', q.body))) !== undefined;
      case 'clip-ended': {
        if (!(await this.sendParts(q.clipId, Number(q.body.parts)))) return false;
        const ok = await this.call(() => t.send('POST', `/api/agent/clips/${q.clipId}/end`, q.body));
        if (ok === undefined) return false;
        // Only now, with the server's 2xx for the end, does the clip leave the agent's disk.
        const removed = await deleteClip(this.spool!, q.clipId);
        if (!removed.ok && removed.error.code !== 'VAULT.NOT_FOUND')
          this.deps.log.error(
            { clipId: q.clipId, code: removed.error.code },
            'agent: an uploaded clip stays in the spool',
          );
        this.acked.delete(q.clipId);
        this.opened.delete(q.clipId);
        return true;
      }
    }
  }

  private upload(): Promise<void> {
    if (this.uploading !== null) {
      this.uploadAgain = true;
      return this.uploading;
    }
    const run = async () => {
      do {
        this.uploadAgain = false;
        if (this.revokedWith !== null) return;
        let blocked = false;
        for (const q of await this.outbox.list()) {
          if (!(await this.step(q.step))) {
            blocked = true;
            break;
          }
          await this.outbox.remove(q.seq);
        }
        if (blocked) return;
        // Clips still being recorded: their sealed parts go up as they come.
        for (const id of [...this.opened]) if (!(await this.sendParts(id, undefined))) return;
      } while (this.uploadAgain);
    };
    this.uploading = run()
      .catch((e: unknown) => this.deps.log.error({ err: (e as Error).message }, 'agent: upload failed'))
      .finally(() => (this.uploading = null));
    return this.uploading;
  }

  private async heartbeat(): Promise<void> {
    const report = await this.report();
    await this.call(() => this.deps.transport.heartbeat(report));
  }

  private async every(ms: number, fn: () => Promise<void>): Promise<void> {
    const signal = this.abort.signal;
    while (!signal.aborted) {
      await fn().catch((e: unknown) =>
        this.deps.log.error({ err: (e as Error).message }, 'agent: loop step failed'),
      );
      await sleep(ms, signal);
    }
  }
}
