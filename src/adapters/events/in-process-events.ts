/**
 * The domain events port within one process (services/ports.ts states the delivery rules):
 * synchronous, in subscription order, a failing handler logged and passed over.
 */
import type { Logger } from 'pino';
import type { DomainEvent, DomainEventType, DomainEvents } from '../../services/ports.js';

interface Handler {
  readonly fn: (event: DomainEvent) => void;
  readonly emittedHere: boolean;
  readonly emittedElsewhere: boolean;
}

export interface InProcessEvents extends DomainEvents {
  /** Delivers an event another instance emitted: to every subscriber except those for this instance's own events. */
  deliverFromElsewhere(event: DomainEvent): void;
}

export const inProcessEvents = (log: Logger): InProcessEvents => {
  const handlers = new Map<DomainEventType, Set<Handler>>();
  const deliver = (event: DomainEvent, fromElsewhere: boolean) => {
    // A copy: a handler that unsubscribes (or subscribes) does not change this delivery.
    for (const handler of [...(handlers.get(event.type) ?? [])]) {
      if (fromElsewhere ? handler.emittedHere : handler.emittedElsewhere) continue;
      try {
        handler.fn(event);
      } catch (e) {
        log.error({ err: e, event: event.type, component: 'events' }, 'event handler failed');
      }
    }
  };
  return {
    emit: (event) => deliver(event, false),
    deliverFromElsewhere: (event) => deliver(event, true),
    subscribe(types, handler, options) {
      const list: readonly DomainEventType[] = typeof types === 'string' ? [types] : types;
      // Only events of these types reach it (emit looks handlers up by type).
      const h: Handler = {
        fn: handler as (event: DomainEvent) => void,
        emittedHere: options?.emittedHere ?? false,
        emittedElsewhere: options?.emittedElsewhere ?? false,
      };
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
