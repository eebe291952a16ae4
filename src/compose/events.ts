/**
 * In-process domain events between capabilities: the alarm module tells the recorder that an
 * alarm was raised, pressed again (joined) or closed, or a conversation started; the assessment module tells it the policy
 * changed. Handlers run synchronously in emit order and must not throw (errors are logged and
 * swallowed so one capability cannot break another's delivery).
 */
import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';

export interface DomainEvents {
  /** Emitted after the alarm is stored (committed), before or while it is fanned out. */
  'alarm.raised': {
    alarmId: string;
    incidentId: string | null;
    siteId: string;
    roomId: string;
    conversationId: string | null;
    at: string;
  };
  /**
   * A press joined an alarm already open in the room (presses within the join window always do):
   * `at` is that press, from which the alarm's post-roll runs anew.
   */
  'alarm.joined': {
    alarmId: string;
    incidentId: string | null;
    siteId: string;
    roomId: string;
    conversationId: string | null;
    at: string;
  };
  'alarm.closed': { alarmId: string; roomId: string; at: string };
  'conversation.started': {
    conversationId: string;
    siteId: string;
    roomId: string;
    conversationTypeId: string;
    startedAt: string;
  };
  'conversation.ended': { conversationId: string; roomId: string; at: string };
  /** The compiled room policy changed (approval, rejection, withdrawal, expiry). */
  'policy.changed': { compiledAt: string; trigger: string };
  /** A camera was added, changed, disabled, enabled or removed (committed). */
  'camera.changed': { cameraId: string };
}

export type DomainEventName = keyof DomainEvents;

export interface EventBus {
  emit<K extends DomainEventName>(name: K, payload: DomainEvents[K]): void;
  /** Returns the unsubscribe function. */
  on<K extends DomainEventName>(name: K, handler: (payload: DomainEvents[K]) => void): () => void;
}

export const createEventBus = (log: Logger): EventBus => {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(100);
  return {
    emit(name, payload) {
      for (const l of emitter.listeners(name)) {
        try {
          (l as (p: typeof payload) => void)(payload);
        } catch (e) {
          log.error({ err: e, event: name, component: 'events' }, 'event handler failed');
        }
      }
    },
    on(name, handler) {
      emitter.on(name, handler);
      return () => emitter.off(name, handler);
    },
  };
};
