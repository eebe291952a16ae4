/** A compiled policy that records incident-triggered in given rooms, for the recording tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compile, type AssessmentRecord, type CompiledPolicy } from '../../src/core/policy/policy.js';
import type { Scenario } from '../../src/core/assessment/scenario.schema.js';

const example = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../examples/incident-triggered-recording.json'), 'utf8'),
) as Scenario;

/**
 * compile() on the approved example, re-aimed at these rooms and one conversation type, at all
 * hours, with short rolls (3 s before, 2 s after unless given).
 */
export const testPolicy = (
  rooms: string | readonly string[],
  conversationTypeId: string,
  o: { readonly compiledAt?: Date; readonly pre?: number; readonly post?: number } = {},
): CompiledPolicy => {
  const record: AssessmentRecord = {
    id: 'a-black-box',
    scenario: example,
    status: 'approved',
    dpoAdviceRecordedAt: '2024-01-15T10:00:00Z',
    decision: { by: 'gemeentesecretaris', at: '2024-03-01T09:00:00Z', outcome: 'approved' },
  };
  const p = compile([record], new Date('2024-06-04T08:00:00Z'));
  const entry = p.rooms[0]?.entries[0];
  if (entry === undefined) throw new Error('the example compiles to no entry');
  return {
    ...p,
    compiledAt: (o.compiledAt ?? new Date()).toISOString(),
    rooms: (typeof rooms === 'string' ? [rooms] : rooms).map((roomId) => ({
      roomId,
      entries: [
        {
          ...entry,
          conversationTypeId,
          hours: [],
          validUntil: undefined,
          mode: { kind: 'incident-triggered', preRollSeconds: o.pre ?? 3, postRollSeconds: o.post ?? 2 },
        },
      ],
    })),
  };
};
