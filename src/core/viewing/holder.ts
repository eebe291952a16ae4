/**
 * Which instance holds a grant's keys or an approval's opened share (ADR 0017). The keys stay in
 * the memory of the instance that opened them (ADR 0003 §7); the records say which one, so
 * another instance can tell the viewer where to go instead of failing without a word.
 *
 * An instance is `<place>/<run>`: the place is the host and port it serves on (what an operator
 * routes by), the run is random per process, so a restarted instance knows the keys recorded under
 * its place by an earlier run are gone.
 */
export interface Instance {
  /** `<place>/<run>`. */
  readonly id: string;
  /** The only instance there is (SQLite): whatever a record says, the keys were held here or nowhere. */
  readonly alone: boolean;
}

const placeOf = (id: string): string => id.slice(0, id.lastIndexOf('/'));

/** Whether this instance decides over the keys of a record held by `heldBy`. */
export const heldHere = (heldBy: string | null, me: Instance): boolean =>
  me.alone || heldBy === null || heldBy === me.id;

/** Held by an earlier run of this instance (or by nobody alive on one instance): the keys are gone. */
export const heldByEarlierRun = (heldBy: string | null, me: Instance): boolean =>
  heldBy !== me.id && (me.alone || heldBy === null || placeOf(heldBy) === placeOf(me.id));

/** For messages: where the keys are. */
export const placeOfHolder = (heldBy: string): string => placeOf(heldBy) || heldBy;
