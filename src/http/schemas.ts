/** Shared TypeBox schemas (they are JSON Schema: validation and OpenAPI from one source). */
import { Type, type TSchema } from 'typebox';
import { ROLES } from '../core/auth/roles.js';
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
export const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)));

export const SiteSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  address: Type.String(),
  createdAt: Type.String(),
});
export const RoomSchema = Type.Object({
  id: Type.String(),
  siteId: Type.String(),
  name: Type.String(),
  floor: Type.String(),
  description: Type.String(),
  createdAt: Type.String(),
});
export const CameraSchema = Type.Object({
  id: Type.String(),
  roomId: Type.String(),
  name: Type.String(),
  url: Type.String(),
  hasCredentials: Type.Boolean(),
  /** Switched off by an administrator: never armed, no health error. */
  disabled: Type.Boolean(),
  disabledAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});
export const ConversationTypeSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  nameNl: Type.String(),
  nameEn: Type.String(),
  sensitive: Type.Boolean(),
  createdAt: Type.String(),
});
export const UserSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  email: Type.String(),
  roles: Type.Array(Type.String()),
  siteIds: Type.Array(Type.String()),
  disabled: Type.Boolean(),
  hasPassword: Type.Boolean(),
  oidc: Type.Boolean(),
  lockedUntil: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  /** Holds a share of the vault key (docs/custody.md); changed only through the vault commands. */
  custodian: Type.Boolean(),
});
/** An API token as listed: never the secret, nor its hash. */
export const ApiTokenSchema = Type.Object({
  id: Type.String(),
  userId: Type.String(),
  username: Type.String(),
  name: Type.String(),
  createdAt: Type.String(),
  expiresAt: Type.String(),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
  endedReason: Type.Union([Type.String(), Type.Null()]),
  state: Type.Union([Type.Literal('active'), Type.Literal('expired'), Type.Literal('revoked')]),
});
export const OrganisationSchema = Type.Object({
  name: Type.String(),
  address: Type.String(),
  dpoName: Type.String(),
  dpoEmail: Type.String(),
  dpoPhone: Type.String(),
  updatedAt: Type.String(),
});
export const AuditEntrySchema = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  actor: Type.String(),
  /** The username for user actors (the id stays the stable reference); null when unknown. */
  actorName: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  subject: Type.String(),
  details: Type.Record(Type.String(), Type.Unknown()),
  prevHash: Type.String(),
  hash: Type.String(),
  /** Present when the stored row cannot be read (details not a JSON object): shown as damaged. */
  damage: Type.Optional(Type.Object({ reason: Type.String(), raw: Type.String() })),
});

/** Standard error responses for OpenAPI. */
export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [s, { ...ProblemSchema, description: 'Problem details (RFC 9457)' }]),
  );
