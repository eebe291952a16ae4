/** TypeBox schemas of liveness, readiness and the health banner (serialisation and OpenAPI). */
import { Type, type Static } from 'typebox';
import type { HealthItem } from '../../../compose/module.js';
import { everyFieldOf } from '../../schemas.js';

const Status = Type.Union([Type.Literal('ok'), Type.Literal('warning'), Type.Literal('error')]);
/** Stable, dotted and lower case: screens translate by it (docs/operations.md). */
const Code = Type.String({ pattern: '^[a-z0-9-]+(\\.[a-z0-9-]+)+$' });
const Params = Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]));

/** Stable `code` + `params` for screens (docs/operations.md); `message` is English for logs and people. */
export const HealthItemSchema = everyFieldOf<HealthItem>()(
  Type.Object(
    {
      component: Type.String(),
      status: Status,
      code: Code,
      message: Type.String(),
      params: Type.Optional(Params),
    },
    { additionalProperties: false },
  ),
);
export type HealthItemView = Static<typeof HealthItemSchema>;

/** What /readyz shows without login: whether something is wrong and its code, no names or free text. */
export const PublicHealthItemSchema = Type.Object(
  {
    status: Status,
    code: Code,
    component: Type.Optional(Type.String()),
    message: Type.Optional(Type.String()),
    params: Type.Optional(Params),
  },
  { additionalProperties: false },
);
export type PublicHealthItem = Static<typeof PublicHealthItemSchema>;

export const LivenessSchema = Type.Object({ status: Type.Literal('ok'), version: Type.String() });
export type Liveness = Static<typeof LivenessSchema>;

const readiness = <S extends 'ready' | 'not-ready'>(status: S) =>
  Type.Object({
    status: Type.Literal(status),
    database: Type.String(),
    warnings: Type.Array(PublicHealthItemSchema, {
      description:
        'What is not ok. Without login only `status` and `code`; names, parameters and messages need the access of GET /api/health.',
    }),
  });
/** /readyz with 200: the database answers and its disk is not full. */
export const ReadySchema = readiness('ready');
/** /readyz with 503. */
export const NotReadySchema = readiness('not-ready');
export type Readiness = Static<typeof ReadySchema> | Static<typeof NotReadySchema>;

/** The banner's item: a health item with the kind of trouble it is (core/health.ts `audienceOf`). */
export const BannerItemSchema = Type.Intersect([
  HealthItemSchema,
  Type.Object({
    kind: Type.Union([Type.Literal('fault'), Type.Literal('configuration'), Type.Literal('notice')]),
  }),
]);
export type BannerItem = Static<typeof BannerItemSchema>;

/**
 * GET /api/health: the items meant for the viewer (those who can fix them or must act on them,
 * core/health.ts), shown on every screen.
 */
export const HealthSchema = Type.Object({ items: Type.Array(BannerItemSchema) });
export type Health = Static<typeof HealthSchema>;
