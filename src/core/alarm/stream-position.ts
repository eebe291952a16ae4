/**
 * Where a responder's alarm stream stands, as its SSE event id (ADR 0013): for each origin (a
 * process run that emits events, EventOrigin) the last of its events the stream has been past.
 * Every instance hears one origin's events in that origin's order, so the same position means
 * the same events on every instance: a browser that reconnects to another instance with its
 * Last-Event-ID gets exactly what it missed, as it would from the instance it left.
 */
export type StreamPosition = ReadonlyMap<string, number>;

const PART = /^([0-9a-f]{8,32})\.(\d{1,15})$/;
/** Longest id read back: a few dozen origins; anything longer is not ours. */
export const MAX_POSITION_LENGTH = 1024;

/** `origin.seq,origin.seq`; empty when nothing was heard yet. */
export const encodePosition = (p: StreamPosition): string =>
  [...p].map(([origin, seq]) => `${origin}.${seq}`).join(',');

/** The position in a Last-Event-ID, or undefined for an id that is not one (then: snapshot only). */
export const parsePosition = (id: string | undefined): StreamPosition | undefined => {
  if (id === undefined || id === '' || id.length > MAX_POSITION_LENGTH) return undefined;
  const position = new Map<string, number>();
  for (const part of id.split(',')) {
    const m = PART.exec(part);
    if (!m) return undefined;
    position.set(m[1]!, Number(m[2]));
  }
  return position;
};

/**
 * Whether a stream at `p` has not had event `seq` of `origin`. An origin it never heard of is one
 * that emitted only after it left (a new instance, a restarted one): all of its events are new.
 */
export const missedBy = (p: StreamPosition, origin: string, seq: number): boolean => {
  const seen = p.get(origin);
  return seen === undefined || seq > seen;
};
