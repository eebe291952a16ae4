import { describe, expect, it } from 'vitest';
import { encodePosition, MAX_POSITION_LENGTH, missedBy, parsePosition } from './stream-position.js';

const A = 'a'.repeat(16);
const B = 'b'.repeat(16);

describe('stream position (the alarm stream’s event id)', () => {
  it('reads back what it wrote, per origin', () => {
    const p = new Map([
      [A, 12],
      [B, 3],
    ]);
    expect(encodePosition(p)).toBe(`${A}.12,${B}.3`);
    expect(parsePosition(encodePosition(p))).toEqual(p);
  });

  it('is not a position: empty, malformed, the old "<boot>-<seq>" form, or too long', () => {
    for (const id of [undefined, '', 'abc', `${A}.x`, `${A}.1,`, '0a1b2c3d-17', `${A}.1;${B}.2`])
      expect(parsePosition(id), String(id)).toBeUndefined();
    const long = Array.from({ length: 60 }, (_, i) => `${i.toString(16).padStart(16, '0')}.1`).join(',');
    expect(long.length).toBeGreaterThan(MAX_POSITION_LENGTH);
    expect(parsePosition(long)).toBeUndefined();
  });

  it('an event is missed when it is later than the position of its origin, or its origin is new', () => {
    const p = new Map([[A, 5]]);
    expect(missedBy(p, A, 5)).toBe(false);
    expect(missedBy(p, A, 6)).toBe(true);
    expect(missedBy(p, B, 1)).toBe(true);
  });
});
