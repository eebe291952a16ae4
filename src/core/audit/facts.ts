/**
 * An audit entry's details as facts a person can read (issue 11): an id becomes the name of what it
 * stands for (`roomId` → the room's name) or is left out, since nobody reads a raw UUID. The
 * details as written stay untouched beside the facts: the hash chain covers them.
 */
import type { Text } from '../assessment/text.js';

/** A fact's value: as written, a name in both languages, or a list of those. */
export type AuditFactValue = string | number | boolean | null | Text | readonly AuditFactValue[];

/** Detail keys that hold the id of something with a name: the fact's key and the name's reference kind. */
const NAMED_IDS: Readonly<Record<string, { readonly fact: string; readonly kind: string }>> = {
  roomId: { fact: 'room', kind: 'room' },
  siteId: { fact: 'site', kind: 'site' },
  siteIds: { fact: 'sites', kind: 'site' },
  cameraId: { fact: 'camera', kind: 'camera' },
  conversationTypeId: { fact: 'conversationType', kind: 'conversation-type' },
  userId: { fact: 'user', kind: 'user' },
  custodianIds: { fact: 'custodians', kind: 'user' },
  assessmentId: { fact: 'assessment', kind: 'assessment' },
  assessmentIds: { fact: 'assessments', kind: 'assessment' },
};

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ID_KEY = /(?:Id|Ids|^id)$/;

/** A value with every id named (a `kind:id` reference by `nameOf`) or dropped (undefined). */
const factValue = (
  v: unknown,
  nameOf: (ref: string) => Text | undefined,
  kind?: string,
): AuditFactValue | undefined => {
  if (Array.isArray(v)) {
    const xs = v.map((x) => factValue(x, nameOf, kind)).filter((x) => x !== undefined);
    return xs.length > 0 ? xs : undefined;
  }
  if (typeof v === 'string') {
    // An id of the given kind, or a reference `kind:id` among the values: its name, else nothing.
    if (kind) return nameOf(`${kind}:${v}`);
    return UUID.test(v) ? nameOf(v) : v;
  }
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return v;
  return undefined;
};

/**
 * The details as facts: ids of named things as names under a readable key, other ids and anything
 * that is no plain value (a nested object) left out. `nameOf` answers a reference (`room:<id>`).
 */
export const auditFacts = (
  details: Readonly<Record<string, unknown>>,
  nameOf: (ref: string) => Text | undefined,
): Record<string, AuditFactValue> => {
  const out: Record<string, AuditFactValue> = {};
  for (const [key, v] of Object.entries(details)) {
    const named = NAMED_IDS[key];
    if (!named && ID_KEY.test(key)) continue;
    const value = factValue(v, nameOf, named?.kind);
    if (value !== undefined) out[named?.fact ?? key] = value;
  }
  return out;
};
