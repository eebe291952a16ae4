/**
 * Conversations in interview rooms: a front-desk employee starts one with its kind and an
 * optional risk flag, and ends it. No resident identity is asked for or stored (DOMAIN.md §1).
 */
import { roomState, type RoomState } from '../core/alarm/events.js';
import type { Conversation } from '../core/alarm/model.js';
import { validateRisk } from '../core/alarm/report.js';
import { err, unwrap, type Result } from '../core/result.js';
import type { AlarmStore } from './alarm-ports.js';
import { inTransaction } from './transaction.js';
import { recordAudit } from './audit.service.js';
import type { Actor, Clock, DomainEvents, IdGenerator } from './ports.js';
import { actorServesSite, servedRoom } from './site-scope.js';

export interface ConversationDeps {
  readonly store: AlarmStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Told after each commit: room.changed (consoles), conversation.* (the recorder arms or disarms). */
  readonly events: DomainEvents;
}

export interface StartConversationInput {
  roomId: string;
  conversationTypeId: string;
  riskFlag?: boolean;
  riskReason?: string;
}

export interface RoomStatus {
  readonly roomId: string;
  readonly siteId: string;
  readonly name: string;
  readonly floor: string;
  readonly state: RoomState;
  readonly conversation: {
    readonly id: string;
    readonly conversationTypeId: string;
    readonly startedAt: string;
    readonly riskFlag: boolean;
  } | null;
  readonly openAlarmIds: readonly string[];
}

const userOf = (actor: Actor) => {
  if (actor.kind !== 'user') throw new Error('conversations are started by people');
  return actor;
};

export const conversationService = (deps: ConversationDeps) => {
  const { store, clock, ids, events } = deps;
  /** After the commit: the room's new state first (consoles), then the conversation itself. */
  const emit = (type: 'conversation.started' | 'conversation.ended', c: Conversation) => {
    const at = clock.now().toISOString();
    events.emit({ type: 'room.changed', at, siteId: c.siteId, roomId: c.roomId });
    const { id, siteId, roomId, conversationTypeId, startedAt, endedAt } = c;
    events.emit({ type, at, conversation: { id, siteId, roomId, conversationTypeId, startedAt, endedAt } });
  };

  return {
    start: async (actor: Actor, input: StartConversationInput): Promise<Result<Conversation>> => {
      const user = userOf(actor);
      const r = await inTransaction(store, async (repos) => {
        const room = await servedRoom(repos, actor, input.roomId);
        if (!(await repos.conversationTypes.get(input.conversationTypeId))) {
          return unwrap(
            err('RESOURCE.NOT_FOUND', `conversation type ${input.conversationTypeId} does not exist`, {
              field: 'conversationTypeId',
            }),
          );
        }
        const riskFlag = input.riskFlag ?? false;
        const riskReason = unwrap(validateRisk(riskFlag, input.riskReason));
        const running = await repos.conversations.runningInRoom(room.id);
        if (running)
          return unwrap(
            err('CONVERSATION.ROOM_BUSY', `a conversation is already running in ${room.name}`, {
              roomId: room.id,
              conversationId: running.id,
            }),
          );
        const c: Conversation = {
          id: ids.newId(),
          siteId: room.siteId,
          roomId: room.id,
          conversationTypeId: input.conversationTypeId,
          startedBy: user.userId,
          startedAt: clock.now().toISOString(),
          endedAt: null,
          endedBy: null,
          riskFlag,
          riskReason,
        };
        await repos.conversations.insert(c);
        // The reason may describe the resident: it is not audited.
        await recordAudit(repos, clock, actor, 'conversation.start', `conversation:${c.id}`, {
          roomId: c.roomId,
          conversationTypeId: c.conversationTypeId,
          riskFlag,
        });
        return c;
      }).catch((e: unknown) => {
        // Two starts racing for one room: the partial unique index decides.
        if (/unique|constraint/i.test(String((e as Error).message)))
          return err('CONVERSATION.ROOM_BUSY', 'a conversation is already running in this room', {
            roomId: input.roomId,
          });
        throw e;
      });
      if (r.ok) emit('conversation.started', r.value);
      return r;
    },

    end: async (actor: Actor, id: string): Promise<Result<Conversation>> => {
      const user = userOf(actor);
      const r = await inTransaction(store, async (repos) => {
        const cur = await repos.conversations.get(id);
        if (!cur || !actorServesSite(actor, cur.siteId))
          return unwrap(
            err('CONVERSATION.NOT_FOUND', `conversation ${id} does not exist`, { conversationId: id }),
          );
        if (cur.endedAt !== null)
          return unwrap(
            err('CONVERSATION.ENDED', `conversation ${id} has already ended`, { conversationId: id }),
          );
        if (cur.startedBy !== user.userId && !user.roles.includes('security')) {
          return unwrap(
            err(
              'CONVERSATION.NOT_YOURS',
              'only the employee who started it, or security, can end this conversation',
            ),
          );
        }
        const c: Conversation = { ...cur, endedAt: clock.now().toISOString(), endedBy: user.userId };
        await repos.conversations.update(c);
        await recordAudit(repos, clock, actor, 'conversation.end', `conversation:${id}`, {
          roomId: c.roomId,
        });
        return c;
      });
      if (r.ok) emit('conversation.ended', r.value);
      return r;
    },

    get: (id: string) => store.read.conversations.get(id),
    mine: (actor: Actor) => store.read.conversations.running({ startedBy: userOf(actor).userId }),
    /** Conversations of the sites the viewer serves (siteIds empty = all), newest first. */
    list: async (
      filter: { roomId?: string; siteId?: string; running?: boolean; limit?: number },
      viewerSiteIds: readonly string[],
    ) => {
      const rows = filter.running
        ? await store.read.conversations
            .running({ ...(filter.siteId ? { siteId: filter.siteId } : {}) })
            .then((l) => (filter.roomId ? l.filter((c) => c.roomId === filter.roomId) : l))
        : await store.read.conversations.list({ ...filter, limit: filter.limit ?? 100 });
      return viewerSiteIds.length === 0 ? rows : rows.filter((c) => viewerSiteIds.includes(c.siteId));
    },

    /** free / in conversation / alarm for every room of the sites the user serves (siteIds empty = all). */
    roomStates: async (siteIds: readonly string[], onlySite?: string): Promise<RoomStatus[]> => {
      const rooms = (await store.read.rooms.list(onlySite ? { siteId: onlySite } : undefined)).filter(
        (r) => siteIds.length === 0 || siteIds.includes(r.siteId),
      );
      const [running, open] = await Promise.all([
        store.read.conversations.running({}),
        store.read.alarms.open({}),
      ]);
      return rooms.map((room) => {
        const c = running.find((x) => x.roomId === room.id);
        const alarms = open.filter((a) => a.roomId === room.id).map((a) => a.id);
        return {
          roomId: room.id,
          siteId: room.siteId,
          name: room.name,
          floor: room.floor,
          state: roomState(c !== undefined, alarms.length > 0),
          conversation: c
            ? {
                id: c.id,
                conversationTypeId: c.conversationTypeId,
                startedAt: c.startedAt,
                riskFlag: c.riskFlag,
              }
            : null,
          openAlarmIds: alarms,
        };
      });
    },
  };
};

export type ConversationService = ReturnType<typeof conversationService>;
