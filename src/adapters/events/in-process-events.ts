/**
 * The domain events port within one process (services/ports.ts states the delivery rules):
 * synchronous, in subscription order, a failing handler logged and passed over.
 */
import type { Logger } from 'pino';
import type { DomainEvent, DomainEventType, DomainEvents } from '../../services/ports.js';

type Handler = (event: DomainEvent) => void;

export const inProcessEvents = (log: Logger): DomainEvents => {
  const handlers = new Map<DomainEventType, Set<Handler>>();
  return {
    emit(event) {
      // A copy: a handler that unsubscribes (or subscribes) does not change this delivery.
      for (const handler of [...(handlers.get(event.type) ?? [])]) {
        try {
          handler(event);
        } catch (e) {
          log.error({ err: e, event: event.type, component: 'events' }, 'event handler failed');
        }
      }
    },
    subscribe(types, handler) {
      const list: readonly DomainEventType[] = typeof types === 'string' ? [types] : types;
      // Only events of these types reach it (emit looks handlers up by type).
      const h = handler as Handler;
      for (const t of list) {
        let set = handlers.get(t);
        if (set === undefined) handlers.set(t, (set = new Set()));
        set.add(h);
      }
      return () => {
        for (const t of list) handlers.get(t)?.delete(h);
      };
    },
  };
};
