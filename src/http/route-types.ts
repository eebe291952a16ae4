/**
 * How route files get their types from their schemas: the TypeBox type provider
 * (@fastify/type-provider-typebox), with one difference. Params, query, headers and body are the
 * schema's static type, as the provider makes them. A reply is checked against a read-only view of
 * its schema: it is only read (serialised), and the services hand out read-only values (readonly
 * arrays of roles, policy entries), which must not need copying to be sent.
 */
import type {
  FastifyPluginAsync,
  FastifyPluginOptions,
  FastifyTypeProvider,
  RawServerDefault,
} from 'fastify';
import type { Static, TSchema } from 'typebox';

type ReadonlyDeep<T> = T extends readonly (infer U)[]
  ? readonly ReadonlyDeep<U>[]
  : T extends object
    ? { readonly [K in keyof T]: ReadonlyDeep<T[K]> }
    : T;

export interface TypeBoxRoutes extends FastifyTypeProvider {
  validator: this['schema'] extends TSchema ? Static<this['schema']> : unknown;
  serializer: this['schema'] extends TSchema ? ReadonlyDeep<Static<this['schema']>> : unknown;
}

/** A plugin of routes typed by their TypeBox schemas (FastifyPluginAsyncTypebox, read-only replies). */
export type RoutesPlugin<Options extends FastifyPluginOptions = Record<never, never>> = FastifyPluginAsync<
  Options,
  RawServerDefault,
  TypeBoxRoutes
>;
