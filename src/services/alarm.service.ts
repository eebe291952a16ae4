/**
 * Raising, joining, acknowledging, closing and escalating alarms. Every change is stored and
 * audited in one transaction and only then fanned out: an alarm that reached a responder is
 * always on disk, and one on disk survives a restart.
 */
import { audienceOf, mayReceive, type Recipient } from '../core/alarm/audience.js';
import type { AlarmEventType, AlarmView } from '../core/alarm/events.js';
import {
  acknowledge,
  close,
  escalate,
  escalationDue,
  joinPress,
  joinTarget,
  responseMs,
} from '../core/alarm/lifecycle.js';
import type { Alarm, AlarmSource } from '../core/alarm/model.js';
import { DEFAULT_PRESS_LIMIT, PRESS_SCOPE, type PressLimit } from '../core/alarm/press-limit.js';
import {
  malformedAnswer,
  raisedAnswer,
  refusedAnswer,
  type PressAnswer,
} from '../core/alarm/press-answer.js';
import { parsePress, type PressMessage } from '../core/alarm/press-payload.js';
import { err, ok, unwrap, type Result } from '../core/result.js';
import type { AlarmRepositories, AlarmStore, IncidentEntry } from './alarm-ports.js';
import { alarmViews } from './alarm-view.js';
import { inTransaction } from './transaction.js';
import { authenticateDevice } from './alarm-device.service.js';
import { recordAudit } from './audit.service.js';
import {
  actorId,
  type Actor,
  type Clock,
  type DomainEvents,
  type IdGenerator,
  type RateLimits,
} from './ports.js';
import { servedRoom } from './site-scope.js';
import { SETTINGS } from './registry.service.js';

export interface AlarmDeps {
  readonly store: AlarmStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Told after each commit: alarm.* and room.changed. */
  readonly events: DomainEvents;
  /** MQTT topics start with it: `<prefix>/buttons/<deviceId>/press`. */
  readonly topicPrefix: string;
  /** Presses within this window of the room's last press join its open alarm. */
  readonly joinWindowMs?: number;
  readonly pressLimit?: PressLimit;
  /** Where each button's admitted presses are counted: shared by the instances on one PostgreSQL. */
  readonly limits: RateLimits;
}

export interface RaiseInput {
  readonly source: AlarmSource;
  /** Omit to use the room of the user's running conversation. */
  readonly roomId?: string;
  readonly silent?: boolean;
}

export interface RaiseOutcome {
  readonly alarm: AlarmView;
  /** True when the press joined an alarm already open in the room. */
  readonly joined: boolean;
}

/**
 * What the employee who pressed sees of their own alarm (GET /api/alarms/mine): its state and who
 * is coming. For a silent alarm the names are withheld (`acknowledgements` stays empty and
 * `namesWithheld` is true): the employee chose that nothing about the alarm shows on their
 * screen, so the API gives the screen nothing worth showing beyond the bare state. Nothing
 * about the resident, the risk flag or the kind of conversation is in it.
 */
export interface MyAlarmView {
  readonly id: string;
  readonly state: AlarmView['state'];
  readonly roomId: string;
  readonly roomName: string;
  readonly silent: boolean;
  readonly raisedAt: string;
  readonly lastPressAt: string;
  readonly pressCount: number;
  readonly acknowledgedAt: string | null;
  readonly acknowledgements: ReadonlyArray<{ readonly displayName: string; readonly at: string }>;
  readonly namesWithheld: boolean;
  readonly closedAt: string | null;
  readonly incidentId: string;
}

/** How far back GET /api/alarms/mine shows closed alarms, unless asked otherwise. */
export const DEFAULT_MINE_CLOSED_MINUTES = 15;
const MINE_LIMIT = 50;

const mineView = (v: AlarmView): MyAlarmView => ({
  id: v.id,
  state: v.state,
  roomId: v.roomId,
  roomName: v.roomName,
  silent: v.silent,
  raisedAt: v.raisedAt,
  lastPressAt: v.lastPressAt,
  pressCount: v.pressCount,
  acknowledgedAt: v.acknowledgedAt,
  acknowledgements: v.silent ? [] : v.acknowledgements.map((k) => ({ displayName: k.displayName, at: k.at })),
  namesWithheld: v.silent,
  closedAt: v.closedAt,
  incidentId: v.incidentId,
});

export const DEFAULT_JOIN_WINDOW_MS = 120_000;
const DEFAULT_ESCALATION_SECONDS = SETTINGS['alarm.escalationSeconds']?.default as number;

const notFound = (id: string) => err('ALARM.NOT_FOUND', `alarm ${id} does not exist`, { alarmId: id });

export const alarmService = (deps: AlarmDeps) => {
  const { store, clock, ids, events } = deps;
  const joinWindowMs = deps.joinWindowMs ?? DEFAULT_JOIN_WINDOW_MS;
  const pressLimit = deps.pressLimit ?? DEFAULT_PRESS_LIMIT;

  /** After the commit (never before): the alarm, and for a new or closed one its room's new state. */
  const emit = (type: AlarmEventType, view: AlarmView, roomChanged: boolean) => {
    const at = clock.now().toISOString();
    events.emit({ type, at, alarm: view });
    if (roomChanged) events.emit({ type: 'room.changed', at, siteId: view.siteId, roomId: view.roomId });
  };

  const viewOne = async (repos: AlarmRepositories, a: Alarm): Promise<AlarmView> =>
    (await alarmViews(repos, [a]))[0]!;

  /** The shared path of every way to raise: resolve the room, join or create, store with incident and audit. */
  const raiseInTx = async (
    repos: AlarmRepositories,
    actor: Actor,
    who: { userId: string | null; deviceId: string | null },
    roomId: string,
    source: AlarmSource,
    silent: boolean,
  ): Promise<RaiseOutcome> => {
    const now = clock.now();
    const at = now.toISOString();
    // A button is bound to its room; it acts for the organisation, so it serves every site.
    const room = await servedRoom(repos, actor, roomId);
    await repos.alarms.lock(`room:${roomId}`);
    const target = joinTarget(await repos.alarms.open({ roomId }), now, joinWindowMs);
    if (target) {
      const joined = joinPress(target, now);
      await repos.alarms.update(joined);
      await recordAudit(repos, clock, actor, 'alarm.press-joined', `alarm:${joined.id}`, {
        source,
        pressCount: joined.pressCount,
        deviceId: who.deviceId,
      });
      return { alarm: await viewOne(repos, joined), joined: true };
    }
    const conversation = await repos.conversations.runningInRoom(roomId);
    const alarmId = ids.newId();
    const incidentId = ids.newId();
    const alarm: Alarm = {
      id: alarmId,
      siteId: room.siteId,
      roomId,
      conversationId: conversation?.id ?? null,
      conversationTypeId: conversation?.conversationTypeId ?? null,
      source,
      raisedBy: who.userId,
      deviceId: who.deviceId,
      raisedAt: at,
      lastPressAt: at,
      pressCount: 1,
      state: 'raised',
      silent,
      acknowledgedAt: null,
      escalatedAt: null,
      closedAt: null,
      closedBy: null,
      incidentId,
    };
    // Each alarm becomes an incident at once; the report is completed after the alarm closes.
    const incident: IncidentEntry = {
      id: incidentId,
      siteId: room.siteId,
      roomId,
      conversationTypeId: alarm.conversationTypeId,
      occurredAt: at,
      source: 'alarm',
      kind: null,
      severity: null,
      injury: false,
      policeReport: false,
      policeReference: null,
      followUp: null,
      narrative: null,
      reportedBy: null,
      reportedAt: null,
      createdAt: at,
      alarmId,
      conversationId: alarm.conversationId,
      raisedBy: who.userId,
      respondedAt: null,
      responseMs: null,
    };
    await repos.incidentRegister.insert(incident);
    await repos.alarms.insert(alarm);
    await recordAudit(repos, clock, actor, 'alarm.raise', `alarm:${alarmId}`, {
      siteId: room.siteId,
      roomId,
      source,
      deviceId: who.deviceId,
      silent,
      conversationTypeId: alarm.conversationTypeId,
      incidentId,
    });
    return { alarm: await viewOne(repos, alarm), joined: false };
  };

  const publishRaise = (r: Result<RaiseOutcome>): Result<RaiseOutcome> => {
    if (r.ok) emit(r.value.joined ? 'alarm.joined' : 'alarm.raised', r.value.alarm, !r.value.joined);
    return r;
  };

  const roomOfUser = async (repos: AlarmRepositories, userId: string): Promise<string | undefined> =>
    (await repos.conversations.running({ startedBy: userId }))[0]?.roomId;

  /** Per button, the end of its queue of presses (see inTurn). */
  const pressQueues = new Map<string, Promise<void>>();
  /**
   * One press of a button after the other. Presses read from one network packet arrive side by
   * side; decided side by side, each would find no open alarm yet, count as a first press and
   * escape the flood control. In turn, the second finds the first one's alarm and is a join.
   * Queued only once the device proved who it is, so nobody can hold up another's button.
   */
  const inTurn = <T>(deviceId: string, fn: () => Promise<T>): Promise<T> => {
    const run = (pressQueues.get(deviceId) ?? Promise.resolve()).then(fn);
    const done = run.then(
      () => undefined,
      () => undefined,
    );
    pressQueues.set(deviceId, done);
    void done.then(() => {
      if (pressQueues.get(deviceId) === done) pressQueues.delete(deviceId);
    });
    return run;
  };

  /** A hardware button pressed (a personal one follows its wearer); flood-controlled per button. */
  const press = async (msg: PressMessage, requireToken: boolean): Promise<Result<RaiseOutcome>> => {
    const device = await authenticateDevice(store.read, msg.deviceId, msg.token, requireToken);
    if (!device.ok) return device;
    const d = device.value;
    if (d.kind !== 'button')
      return err('DEVICE.WRONG_KIND', `device ${d.id} is a ${d.kind}, not a button`, { deviceId: d.id });
    return inTurn(d.id, async () => {
      // A personal button follows its wearer into the room of their running conversation.
      const roomId = (d.userId ? await roomOfUser(store.read, d.userId) : undefined) ?? d.roomId;
      if (roomId === null) return err('ALARM.NO_ROOM', `button ${d.id} has no room`, { deviceId: d.id });
      const now = clock.now();
      const wouldRaiseNew =
        joinTarget(await store.read.alarms.open({ roomId }), now, joinWindowMs) === undefined;
      if (!(await deps.limits.admit(PRESS_SCOPE, d.id, now.getTime(), pressLimit, wouldRaiseNew)))
        return err(
          'ALARM.RATE_LIMITED',
          `button ${d.id} pressed more than ${pressLimit.max} times in ${pressLimit.windowMs / 1000} s; the open alarm stands`,
          { deviceId: d.id },
        );
      const actor: Actor = { kind: 'system', name: `device:${d.id}` };
      return publishRaise(
        await inTransaction(store, async (repos) => {
          await repos.devices.touch(d.id, now.toISOString());
          return raiseInTx(repos, actor, { userId: d.userId, deviceId: d.id }, roomId, 'mqtt', false);
        }),
      );
    });
  };

  const service = {
    /** Web panic view and API: a user presses for a room, or for the room of their running conversation. */
    raise: async (actor: Actor, input: RaiseInput): Promise<Result<RaiseOutcome>> =>
      publishRaise(
        await inTransaction(store, async (repos) => {
          const userId = actor.kind === 'user' ? actor.userId : null;
          const roomId = input.roomId ?? (userId ? await roomOfUser(repos, userId) : undefined);
          if (roomId === undefined)
            return unwrap(
              err('ALARM.NO_ROOM', 'name the room (roomId) or start a conversation first', {
                field: 'roomId',
              }),
            );
          return raiseInTx(
            repos,
            actor,
            { userId, deviceId: null },
            roomId,
            input.source,
            input.silent ?? false,
          );
        }),
      ),

    /**
     * A message on a button's press topic (MQTT): read, then pressed. `authenticatedDeviceId` is
     * set when the broker itself verified the device (embedded listener); over an external broker
     * anyone could publish on the topic, so the payload must carry the device token. What the
     * sender is told, and how the message counts, is core/alarm/press-answer.ts.
     */
    buttonMessage: async (
      topic: string,
      payload: Uint8Array,
      authenticatedDeviceId: string | undefined,
    ): Promise<PressAnswer> => {
      const msg = parsePress(deps.topicPrefix, topic, payload);
      if (!msg.ok) return malformedAnswer(msg.error, authenticatedDeviceId);
      const r = await press(msg.value, authenticatedDeviceId === undefined);
      return r.ok
        ? raisedAnswer(msg.value.deviceId, r.value.alarm, r.value.joined)
        : refusedAnswer(msg.value.deviceId, r.error);
    },

    /** "Ik kom". A second responder's acknowledgement adds their name; a repeat is a no-op. */
    acknowledge: async (actor: Actor, alarmId: string, recipient: Recipient): Promise<Result<AlarmView>> => {
      if (actor.kind !== 'user') throw new Error('alarms are acknowledged by people');
      let changed = false;
      const r = await inTransaction(store, async (repos) => {
        await repos.alarms.lock(`alarm:${alarmId}`);
        const cur = await repos.alarms.get(alarmId);
        if (!cur || !mayReceive(recipient, cur.siteId, audienceOf(cur))) return unwrap(notFound(alarmId));
        // One moment for the act: the alarm's acknowledgedAt and the first acknowledgement's time agree.
        const now = clock.now();
        const { alarm, first } = unwrap(acknowledge(cur, now));
        const added = await repos.alarms.addAcknowledgement({
          alarmId,
          userId: actor.userId,
          at: now.toISOString(),
        });
        if (first) {
          await repos.alarms.update(alarm);
          const inc = await repos.incidentRegister.get(alarm.incidentId);
          if (inc)
            await repos.incidentRegister.update({
              ...inc,
              respondedAt: alarm.acknowledgedAt,
              responseMs: responseMs(alarm),
            });
        }
        if (added) {
          changed = true;
          await recordAudit(repos, clock, actor, 'alarm.acknowledge', `alarm:${alarmId}`, { first });
        }
        return viewOne(repos, alarm);
      });
      if (r.ok && changed) emit('alarm.acknowledged', r.value, false);
      return r;
    },

    close: async (actor: Actor, alarmId: string, recipient: Recipient): Promise<Result<AlarmView>> => {
      const r = await inTransaction(store, async (repos) => {
        const cur = await repos.alarms.get(alarmId);
        if (!cur || !mayReceive(recipient, cur.siteId, audienceOf(cur))) return unwrap(notFound(alarmId));
        const by = actorId(actor);
        const alarm = unwrap(close(cur, clock.now(), by));
        await repos.alarms.update(alarm);
        await recordAudit(repos, clock, actor, 'alarm.close', `alarm:${alarmId}`, {
          acknowledged: cur.acknowledgedAt !== null,
          pressCount: cur.pressCount,
        });
        return viewOne(repos, alarm);
      });
      if (r.ok) emit('alarm.closed', r.value, true);
      return r;
    },

    escalate: async (actor: Actor, alarmId: string): Promise<Result<AlarmView>> => {
      const r = await inTransaction(store, async (repos) => {
        const cur = await repos.alarms.get(alarmId);
        if (!cur) return unwrap(notFound(alarmId));
        const alarm = unwrap(escalate(cur, clock.now()));
        await repos.alarms.update(alarm);
        await recordAudit(repos, clock, actor, 'alarm.escalate', `alarm:${alarmId}`, { to: 'security' });
        return viewOne(repos, alarm);
      });
      if (r.ok) emit('alarm.escalated', r.value, false);
      return r;
    },

    /** Escalates every alarm nobody acknowledged in time (setting alarm.escalationSeconds). Called by the timer. */
    sweepEscalations: async (): Promise<number> => {
      const setting = await store.read.settings.get('alarm.escalationSeconds');
      const seconds = typeof setting === 'number' ? setting : DEFAULT_ESCALATION_SECONDS;
      const now = clock.now();
      let n = 0;
      for (const a of await store.read.alarms.open({})) {
        if (!escalationDue(a, now, seconds)) continue;
        const r = await service.escalate({ kind: 'system', name: 'escalation' }, a.id);
        if (r.ok) n++;
      }
      return n;
    },

    get: async (id: string, recipient: Recipient): Promise<Result<AlarmView>> => {
      const a = await store.read.alarms.get(id);
      if (!a || !mayReceive(recipient, a.siteId, audienceOf(a))) return notFound(id);
      return ok((await alarmViews(store.read, [a]))[0]!);
    },

    /** Open alarms this recipient may see (the SSE snapshot and the console's list). */
    openFor: async (recipient: Recipient): Promise<AlarmView[]> =>
      alarmViews(
        store.read,
        (await store.read.alarms.open({})).filter((a) => mayReceive(recipient, a.siteId, audienceOf(a))),
      ),

    /**
     * The alarms this person raised (in the panic view, or with their personal button): the open
     * ones and those closed in the last `closedWithinMinutes`. Raising is their own act, so no
     * site filter applies; see MyAlarmView for what a silent alarm leaves out.
     */
    mine: async (actor: Actor, closedWithinMinutes = DEFAULT_MINE_CLOSED_MINUTES): Promise<MyAlarmView[]> => {
      if (actor.kind !== 'user') return [];
      const closedSince = new Date(clock.now().getTime() - closedWithinMinutes * 60_000).toISOString();
      const raised = await store.read.alarms.raisedBy({
        userId: actor.userId,
        closedSince,
        limit: MINE_LIMIT,
      });
      return (await alarmViews(store.read, raised)).map(mineView);
    },

    recent: async (recipient: Recipient, limit: number): Promise<AlarmView[]> =>
      alarmViews(
        store.read,
        (await store.read.alarms.list({ limit })).filter((a) =>
          mayReceive(recipient, a.siteId, audienceOf(a)),
        ),
      ),
  };
  return service;
};

export type AlarmService = ReturnType<typeof alarmService>;
