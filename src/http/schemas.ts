/** Shared TypeBox schemas (they are JSON Schema: validation and OpenAPI from one source). */
import { Type, type Static, type TObject, type TSchema } from 'typebox';
import { ProblemSchema } from './problem.js';

/** Objects that refuse unknown fields (every request part). */
export const strict = { additionalProperties: false } as const;
/** Objects whose undeclared fields pass through (rich engine outputs: the key fields are declared). */
export const open = { additionalProperties: true } as const;
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' });
export const IdParams = Type.Object({ id: Id }, strict);
export const Name = Type.String({ minLength: 1, maxLength: 100 });
export const Text = (max: number) => Type.String({ maxLength: max });

/** Standard error responses for OpenAPI. */
export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [s, { ...ProblemSchema, description: 'Problem details (RFC 9457)' }]),
  );

/** The fields of T that the schema S does not name. */
type Unnamed<T, S extends TSchema> = Exclude<keyof T, keyof Static<S>>;

/**
 * The response schema of a value of type T, checked at compile time to name every field of T:
 * Fastify sends only the fields a response schema names, so a field left out here would vanish
 * from the answer without a word. Use: `everyFieldOf<Site>()(Type.Object({ … }))`.
 */
export const everyFieldOf =
  <T>() =>
  <S extends TObject>(
    schema: S & ([Unnamed<T, S>] extends [never] ? unknown : { unnamed: Unnamed<T, S> }),
  ): S =>
    schema;
