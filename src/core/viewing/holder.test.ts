import { describe, expect, it } from 'vitest';
import { heldByEarlierRun, heldHere, placeOfHolder } from './holder.js';

const a = { id: 'web-1:8080/r1', alone: false };
const alone = { id: 'localhost:8080/r9', alone: true };

describe('which instance holds the keys', () => {
  it.each([
    ['this run', 'web-1:8080/r1', true, false],
    ['another instance', 'web-2:8080/r5', false, false],
    ['an earlier run of this place', 'web-1:8080/r0', false, true],
    ['nobody (a record from before)', null, true, true],
  ])('%s', (_n, heldBy, here, earlier) => {
    expect(heldHere(heldBy, a)).toBe(here);
    expect(heldByEarlierRun(heldBy, a)).toBe(earlier);
  });

  it('a lone instance (SQLite) decides over every record, and any other run is gone', () => {
    expect(heldHere('elsewhere:1/x', alone)).toBe(true);
    expect(heldByEarlierRun('elsewhere:1/x', alone)).toBe(true);
    expect(heldByEarlierRun(alone.id, alone)).toBe(false);
  });

  it('names the place, not the run', () => {
    expect(placeOfHolder('web-2:8080/r5')).toBe('web-2:8080');
  });
});
