/**
 * What drives a RecorderSupervisor, whoever feeds it (ADR 0015): `proportio agent run` with the
 * server's signed plan and event stream, and `serve`'s local agent with the recording service and
 * the domain events. One implementation of: apply a plan with its blockers and the denials it does
 * not show yet, obey a denial at once and keep it until a plan issued later shows it, turn alarm
 * events into the supervisor's calls, resume open alarms' post-roll once per arming, and disarm
 * (offline too long; not the leader) and arm again.
 */
import type { Logger } from 'pino';
import type { Alarm } from '../core/alarm/model.js';
import type { Blocker, DenyScope } from '../core/recording/arming.js';
import type { CameraPlan } from '../services/recording.service.js';
import type { OpenAlarmInput, RecorderSupervisor, VaultHandle } from './recorder-supervisor.js';

export interface DrivenPlan {
  /** When it was read (before reading it): a denial made later is not in it yet. */
  readonly issuedAt: string;
  readonly cameras: readonly CameraPlan[];
  readonly blockers: readonly Blocker[];
  readonly vault: VaultHandle | null;
  /** Alarms open now, asked for only when a newly armed recorder resumes their post-roll. */
  readonly openAlarms: () => Promise<readonly OpenAlarmInput[]>;
  /**
   * Kept from before a restart (the agent's plan.json), not read from the source now: its open
   * alarms are as old as it is, so the first fresh plan resumes the open alarms again.
   */
  readonly stale?: boolean;
}

export interface PlanSource {
  /** The plan now, or undefined to keep the last one (nothing newer; the server did not answer). */
  read(): Promise<DrivenPlan | undefined>;
}

export interface Denial {
  readonly scope: DenyScope;
  readonly off: { readonly kind: 'objection' | 'suspended'; readonly message: string };
  /** When the switch was made: a plan issued later shows it, and then the denial is dropped. */
  readonly at: string;
}

/** Where denials outlive a restart (the agent's disk); `serve` needs none, its plan is the database. */
export interface DenialStore {
  load(): Promise<Denial[]>;
  save(d: readonly Denial[]): Promise<void>;
}

/** An alarm as it travels to a recorder: the domain event's alarm, or the agent stream's `data`. */
export interface AlarmWire {
  readonly alarmId: string;
  readonly incidentId: string | null;
  readonly roomId: string;
  readonly raisedAt: string;
  readonly lastPressAt: string;
  readonly closedAt: string | null;
}

export const alarmWire = (
  a: Pick<Alarm, 'id' | 'incidentId' | 'roomId' | 'raisedAt' | 'lastPressAt' | 'closedAt'>,
): AlarmWire => ({
  alarmId: a.id,
  incidentId: a.incidentId,
  roomId: a.roomId,
  raisedAt: a.raisedAt,
  lastPressAt: a.lastPressAt,
  closedAt: a.closedAt,
});

export type RecorderEvent =
  | { readonly kind: 'alarm.raised' | 'alarm.joined' | 'alarm.closed'; readonly alarm: AlarmWire }
  | { readonly kind: 'deny'; readonly denial: Denial }
  | { readonly kind: 'replan' };

export interface RecorderDriverDeps {
  readonly supervisor: RecorderSupervisor;
  readonly source: PlanSource;
  readonly log: Logger;
  readonly now: () => number;
  readonly denials?: DenialStore;
  /** Whether it may record from the start (default true). */
  readonly armed?: boolean;
}

export class RecorderDriver {
  private denials: Denial[] = [];
  private last: DrivenPlan | null = null;
  private armedNow: boolean;
  private resumed = false;
  /** The last resume took its open alarms from a plan kept from before a restart. */
  private resumedFromStale = false;
  private chain: Promise<void> = Promise.resolve();
  private saving: Promise<void> = Promise.resolve();
  /** Observer for tests and logs: a denial from an event was obeyed (ms from receipt to every camera stopped). */
  onDenied?: (ms: number) => void;

  constructor(private readonly deps: RecorderDriverDeps) {
    this.armedNow = deps.armed ?? true;
  }

  get armed(): boolean {
    return this.armedNow;
  }

  /** The last plan applied (its issue time is the agent's last proven contact). */
  get plan(): DrivenPlan | null {
    return this.last;
  }

  /** Denials saved before a restart hold until a plan shows them (a suspended site stays so). */
  async start(): Promise<void> {
    this.denials = (await this.deps.denials?.load()) ?? [];
  }

  /** Reads the plan and applies it; one at a time, in order. */
  replan(): Promise<void> {
    const next = this.chain.then(() => this.readAndApply());
    this.chain = next.catch((e: unknown) =>
      this.deps.log.error({ err: (e as Error).message }, 'recorder: re-plan failed'),
    );
    return next;
  }

  /** Records again under the plan (the leader now; the server answers again). */
  arm(): Promise<void> {
    this.armedNow = true;
    return this.replan();
  }

  /** Resolves when no re-plan is running. */
  async idle(): Promise<void> {
    await this.chain;
  }

  /** For good: what is running stops (a re-plan still running applies nothing). */
  async stop(): Promise<void> {
    this.armedNow = false;
    this.resumed = false;
    await this.deps.supervisor.stop();
  }

  /** Every camera off until arm(); alarms open then are resumed at the next arming. */
  disarm(): void {
    if (!this.armedNow) return;
    this.armedNow = false;
    this.resumed = false;
    this.deps.supervisor.apply([], [], null, this.deps.supervisor.planTicket());
  }

  /**
   * Objection or suspension, after it committed: the matching cameras stop now (ring purged,
   * ffmpeg signalled synchronously); resolves when they have. Kept until a plan issued after it.
   */
  deny(denial: Denial): Promise<void> {
    const stopped = this.deps.supervisor.deny(denial.scope, denial.off);
    this.denials.push(denial);
    this.deps.log.info({ scope: denial.scope, kind: denial.off.kind }, 'recorder: recording denied');
    // Stopped first, written down after: a restart without the server keeps it.
    this.saving = this.save();
    return stopped;
  }

  handle(e: RecorderEvent): void {
    const s = this.deps.supervisor;
    switch (e.kind) {
      case 'alarm.raised':
      case 'alarm.joined':
        // The footage runs from the press; a repeated press extends the post-roll from that press.
        s.alarm({
          alarmId: e.alarm.alarmId,
          incidentId: e.alarm.incidentId,
          roomId: e.alarm.roomId,
          at: e.kind === 'alarm.joined' ? e.alarm.lastPressAt : e.alarm.raisedAt,
          ...(e.kind === 'alarm.joined' ? { repeat: true } : {}),
        });
        return;
      case 'alarm.closed':
        s.alarmClosed({
          alarmId: e.alarm.alarmId,
          at: e.alarm.closedAt ?? new Date(this.deps.now()).toISOString(),
        });
        return;
      case 'deny': {
        const received = this.deps.now();
        void this.deny(e.denial).then(() => this.onDenied?.(this.deps.now() - received));
        void this.saving.then(() => this.replan().catch(() => undefined));
        return;
      }
      case 'replan':
        void this.replan().catch(() => undefined);
    }
  }

  private async save(): Promise<void> {
    await this.deps.denials
      ?.save(this.denials)
      .catch((err: unknown) =>
        this.deps.log.error({ err: (err as Error).message }, 'recorder: denial not saved'),
      );
  }

  private async readAndApply(): Promise<void> {
    const sup = this.deps.supervisor;
    // Before the plan is read: a switch that commits after this point stays in force (deny()).
    const ticket = sup.planTicket();
    const read = await this.deps.source.read();
    const p = read ?? this.last;
    if (p === null) return;
    this.last = p;
    if (read !== undefined) {
      const before = this.denials.length;
      this.denials = this.denials.filter((d) => Date.parse(d.at) > Date.parse(p.issuedAt));
      if (this.denials.length !== before) await this.save();
    }
    if (!this.armedNow) {
      sup.apply([], [], null, ticket);
      return;
    }
    // Denied before applying: a camera the plan does not yet show as off is never armed at all.
    for (const d of this.denials) void sup.deny(d.scope, d.off);
    sup.apply(p.cameras, p.blockers, p.vault, ticket);
    const fresh = read !== undefined && p.stale !== true;
    if (this.resumed && !(fresh && this.resumedFromStale)) return;
    this.resumed = true;
    this.resumedFromStale = !fresh;
    // Alarms open when this recorder armed record the rest of their post-roll, as after a reconnect
    // (resuming an alarm twice only extends the clip already running).
    sup.resume(await p.openAlarms());
  }
}

/** The agent stream's frames (`event:` and `data`) as recorder events; null for any other. */
export const recorderEventOf = (
  event: string,
  data: Record<string, unknown>,
  now: () => number,
): RecorderEvent | null => {
  switch (event) {
    case 'alarm.raised':
    case 'alarm.joined':
    case 'alarm.closed':
      return {
        kind: event,
        alarm: {
          alarmId: String(data.alarmId),
          incidentId: typeof data.incidentId === 'string' ? data.incidentId : null,
          roomId: String(data.roomId),
          raisedAt: String(data.raisedAt),
          lastPressAt: String(data.lastPressAt),
          closedAt: typeof data.closedAt === 'string' ? data.closedAt : null,
        },
      };
    case 'deny':
      return {
        kind: 'deny',
        denial: {
          scope: data.scope as DenyScope,
          off: data.off as Denial['off'],
          at: typeof data.at === 'string' ? data.at : new Date(now()).toISOString(),
        },
      };
    case 'replan':
      return { kind: 'replan' };
    default:
      return null;
  }
};
