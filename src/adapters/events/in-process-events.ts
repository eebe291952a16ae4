/**
 * The domain events port within one process (services/ports.ts states the delivery rules):
 * synchronous, in subscription order, a failing handler logged and passed over.
 */
import type { Logger } from 'pino';
import { randomBytes } from 'node:crypto';
import type { DomainEvent, DomainEventType, DomainEvents, EventOrigin } from '../../services/ports.js';

interface Handler {
  readonly fn: (event: DomainEvent, from: EventOrigin) => void;
  readonly emittedHere: boolean;
  readonly emittedElsewhere: boolean;
}

export interface InProcessEvents extends DomainEvents {
  /** This process run's origin (random): what its events are stamped with. */
  readonly origin: string;
  /** Emits an event of this run and answers its stamp (for an adapter that carries it further). */
  emitStamped(event: DomainEvent): EventOrigin;
  /** Delivers an event another instance emitted: to every subscriber except those for this instance's own events. */
  deliverFromElsewhere(event: DomainEvent, from: EventOrigin): void;
}

export const inProcessEvents = (log: Logger, origin = randomBytes(8).toString('hex')): InProcessEvents => {
  const handlers = new Map<DomainEventType, Set<Handler>>();
  let seq = 0;
  const deliver = (event: DomainEvent, from: EventOrigin, fromElsewhere: boolean) => {
    // A copy: a handler that unsubscribes (or subscribes) does not change this delivery.
    for (const handler of [...(handlers.get(event.type) ?? [])]) {
      if (fromElsewhere ? handler.emittedHere : handler.emittedElsewhere) continue;
      try {
        handler.fn(event, from);
      } catch (e) {
        log.error({ err: e, event: event.type, component: 'events' }, 'event handler failed');
      }
    }
  };
  return {
    origin,
    emit: (event) => void deliver(event, { origin, seq: ++seq }, false),
    emitStamped: (event) => {
      const from = { origin, seq: ++seq };
      deliver(event, from, false);
      return from;
    },
    deliverFromElsewhere: (event, from) => deliver(event, from, true),
    subscribe(types, handler, options) {
      const list: readonly DomainEventType[] = typeof types === 'string' ? [types] : types;
      // Only events of these types reach it (emit looks handlers up by type).
      const h: Handler = {
        fn: handler as (event: DomainEvent, from: EventOrigin) => void,
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
