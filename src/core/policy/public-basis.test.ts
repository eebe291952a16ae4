import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../assessment/scenario.schema.js';
import { compile, type AssessmentRecord } from './policy.js';
import { roomBases } from './public-basis.js';

const scenario = JSON.parse(
  fs.readFileSync(
    path.join(import.meta.dirname, '..', '..', '..', 'examples', 'incident-triggered-recording.json'),
    'utf8',
  ),
) as Scenario;
const TZ = 'Europe/Amsterdam';
const NOW = new Date('2024-06-04T08:00:00Z');
const approved = (over: Partial<AssessmentRecord> = {}): AssessmentRecord => ({
  id: 'a-black-box',
  version: 1,
  scenario,
  status: 'approved',
  dpoAdviceRecordedAt: '2024-01-15T10:00:00Z',
  decision: { by: 'gemeentesecretaris', at: '2024-03-01T09:00:00Z', outcome: 'approved' },
  ...over,
});
const room = (records: AssessmentRecord[]) => {
  const compiled = compile(records, NOW, TZ);
  return roomBases(compiled.rooms[0], records, NOW, TZ);
};

describe('roomBases', () => {
  it('states the legal basis and purpose of the assessment that enables the room', () => {
    expect(room([approved()])).toEqual([
      {
        article: scenario.legalBasis.article,
        provision: scenario.legalBasis.provision,
        purpose: scenario.purpose.text,
        purposeKinds: scenario.purpose.kinds,
      },
    ]);
  });

  it('takes the version in force now, not a withdrawn or later draft one', () => {
    const v2 = { ...scenario, purpose: { ...scenario.purpose, text: 'Een nieuw doel, versie 2' } };
    const v3 = { ...scenario, purpose: { ...scenario.purpose, text: 'Ingetrokken doel, versie 3' } };
    const bases = room([
      approved(),
      approved({ version: 2, scenario: v2 }),
      approved({ version: 3, scenario: v3, status: 'withdrawn', withdrawnAt: '2024-05-01T00:00:00Z' }),
    ]);
    expect(bases.map((b) => b.purpose)).toEqual(['Een nieuw doel, versie 2']);
  });

  it('has none for a room no assessment enables, and none from an assessment not in force', () => {
    expect(roomBases(undefined, [approved()], NOW, TZ)).toEqual([]);
    const expired = approved({ validUntil: '2024-06-01T00:00:00Z' });
    expect(compile([expired], NOW, TZ).rooms).toEqual([]);
    const enabling = compile([approved()], NOW, TZ).rooms[0];
    expect(roomBases(enabling, [expired], NOW, TZ)).toEqual([]);
  });

  it('names the same basis and purpose once, from two assessments for the room', () => {
    const records = [approved(), approved({ id: 'a-second' })];
    const compiled = compile(records, NOW, TZ);
    expect(new Set(compiled.rooms[0]!.entries.map((e) => e.assessmentId)).size).toBe(2);
    expect(roomBases(compiled.rooms[0], records, NOW, TZ)).toHaveLength(1);
  });
});
