import { describe, expect, it } from 'vitest';
import { auditFacts } from './facts.js';

const ROOM = '0b7e2a44-1c1f-4c53-9a53-2f1d6b0e9c01';
const SITE = '5d0c8f7e-3a2b-4b8e-8f3c-7e9a1b2c3d4e';
const GRANT = '9f1e2d3c-4b5a-4968-8776-655443322110';
const USER = '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d';
const NAMES = new Map([
  [`room:${ROOM}`, { nl: 'Stadhuis — Spreekkamer 1', en: 'Stadhuis — Spreekkamer 1' }],
  [`site:${SITE}`, { nl: 'Stadhuis', en: 'Stadhuis' }],
  [`user:${USER}`, { nl: 'Fatma Yilmaz', en: 'Fatma Yilmaz' }],
]);
const nameOf = (ref: string) => NAMES.get(ref);

describe('audit facts', () => {
  it('names the ids of named things under a readable key', () => {
    expect(auditFacts({ roomId: ROOM, siteIds: [SITE], reason: 'test' }, nameOf)).toEqual({
      room: { nl: 'Stadhuis — Spreekkamer 1', en: 'Stadhuis — Spreekkamer 1' },
      sites: [{ nl: 'Stadhuis', en: 'Stadhuis' }],
      reason: 'test',
    });
  });

  it('leaves out ids without a name, references nobody knows and nested objects', () => {
    const facts = auditFacts(
      {
        grantId: GRANT,
        requestId: GRANT,
        roomId: 'room-that-was-removed',
        by: `user:${GRANT}`,
        mentioned: GRANT,
        scope: { a: 1 },
        play: 2,
        silent: false,
      },
      nameOf,
    );
    expect(facts).toEqual({ play: 2, silent: false });
  });

  it('names a reference among the values and keeps plain words', () => {
    expect(auditFacts({ by: `user:${USER}`, method: 'password' }, nameOf)).toEqual({
      by: { nl: 'Fatma Yilmaz', en: 'Fatma Yilmaz' },
      method: 'password',
    });
  });

  it('never lets a UUID through, whatever the details hold', () => {
    const facts = auditFacts(
      { roomId: ROOM, userId: GRANT, list: [GRANT, 'a'], note: `see ${GRANT}`, tokenId: 'x' },
      nameOf,
    );
    expect(JSON.stringify(facts)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
    expect(facts).toEqual({
      room: { nl: 'Stadhuis — Spreekkamer 1', en: 'Stadhuis — Spreekkamer 1' },
      list: ['a'],
    });
  });
});
