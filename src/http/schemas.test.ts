import { describe, expect, it } from 'vitest';
import { Type } from 'typebox';
import { everyFieldOf } from './schemas.js';

interface Thing {
  readonly id: string;
  readonly note: string | null;
}

describe('everyFieldOf', () => {
  it('takes a schema that names every field, unchanged', () => {
    const schema = Type.Object({ id: Type.String(), note: Type.Union([Type.String(), Type.Null()]) });
    expect(everyFieldOf<Thing>()(schema)).toBe(schema);
  });

  it('refuses, when type-checked, a schema that leaves a field out (it would vanish from the answer)', () => {
    // @ts-expect-error `note` is not named: `npm run typecheck` fails if this stops being an error.
    const schema = everyFieldOf<Thing>()(Type.Object({ id: Type.String() }));
    expect(Object.keys(schema.properties)).toEqual(['id']);
  });
});
