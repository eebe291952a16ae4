import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../services/ports.js';
import { inProcessEvents } from './in-process-events.js';

const at = '2026-03-02T09:00:00.000Z';
const camera = (cameraId: string): DomainEvent => ({ type: 'camera.changed', at, cameraId, roomId: 'r-1' });
const room: DomainEvent = { type: 'room.changed', at, siteId: 's-1', roomId: 'r-1' };

/** A logger that keeps what it was told, to see a handler's failure reported. */
const memoryLog = () => {
  const lines: Array<{ msg: string; event?: string }> = [];
  const log = pino({ base: undefined }, { write: (s: string) => void lines.push(JSON.parse(s)) });
  return { log, lines };
};

describe('domain events in one process', () => {
  it('delivers synchronously, in subscription order, only the types subscribed', () => {
    const events = inProcessEvents(memoryLog().log);
    const seen: string[] = [];
    events.subscribe('camera.changed', (e) => seen.push(`first ${e.cameraId}`));
    events.subscribe(['room.changed', 'camera.changed'], (e) => seen.push(`second ${e.type}`));
    events.subscribe('policy.changed', () => seen.push('never'));
    events.emit(camera('c-1'));
    events.emit(room);
    expect(seen).toEqual(['first c-1', 'second camera.changed', 'second room.changed']);
  });

  it('a failing handler is logged and the others still hear the event; emit does not throw', () => {
    const { log, lines } = memoryLog();
    const events = inProcessEvents(log);
    const seen: string[] = [];
    events.subscribe('camera.changed', () => {
      throw new Error('subscriber bug');
    });
    events.subscribe('camera.changed', (e) => seen.push(e.cameraId));
    expect(() => events.emit(camera('c-1'))).not.toThrow();
    expect(seen).toEqual(['c-1']);
    expect(lines).toMatchObject([{ msg: 'event handler failed', event: 'camera.changed' }]);
  });

  it('unsubscribing ends delivery for every type subscribed together, also during a delivery', () => {
    const events = inProcessEvents(memoryLog().log);
    const seen: string[] = [];
    const off = events.subscribe(['camera.changed', 'room.changed'], (e) => {
      seen.push(e.type);
      off();
    });
    events.subscribe('camera.changed', () => seen.push('other'));
    events.emit(camera('c-1'));
    events.emit(camera('c-2'));
    events.emit(room);
    expect(seen).toEqual(['camera.changed', 'other', 'other']);
  });

  it("an event from another instance skips the subscribers for this instance's own events, in order", () => {
    const events = inProcessEvents(memoryLog().log);
    const seen: string[] = [];
    events.subscribe('camera.changed', (e) => seen.push(`all ${e.cameraId}`));
    events.subscribe('camera.changed', (e) => seen.push(`own ${e.cameraId}`), { emittedHere: true });
    events.subscribe('camera.changed', (e) => seen.push(`all again ${e.cameraId}`));
    events.emit(camera('here'));
    events.deliverFromElsewhere(camera('there'), { origin: 'b'.repeat(16), seq: 1 });
    expect(seen).toEqual(['all here', 'own here', 'all again here', 'all there', 'all again there']);
  });

  it("gives a subscriber for other instances' events only those (it acted on its own already)", () => {
    const events = inProcessEvents(memoryLog().log);
    const seen: string[] = [];
    events.subscribe('camera.changed', (e) => seen.push(`all ${e.cameraId}`));
    events.subscribe('camera.changed', (e) => seen.push(`heard ${e.cameraId}`), { emittedElsewhere: true });
    events.emit(camera('here'));
    events.deliverFromElsewhere(camera('there'), { origin: 'b'.repeat(16), seq: 1 });
    expect(seen).toEqual(['all here', 'all there', 'heard there']);
  });
});
