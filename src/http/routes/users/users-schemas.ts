/**
 * TypeBox schemas of account administration and of API tokens (validation, serialisation and
 * OpenAPI from one source). The auth routes answer with the same User and ApiToken shapes.
 */
import { Type, type Static } from 'typebox';
import { ROLES } from '../../../core/auth/roles.js';
import type { User } from '../../../core/registry/model.js';
import type { ApiTokenView } from '../../../services/auth.service.js';
import { Id, everyFieldOf, strict } from '../../schemas.js';

// Answers

/** What may leave the server about a user (publicUserView): never a hash or counters. */
export const UserSchema = everyFieldOf<User>()(
  Type.Object({
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
  }),
);
/** An API token as listed: never the secret, nor its hash. */
export const ApiTokenSchema = everyFieldOf<ApiTokenView>()(
  Type.Object({
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
  }),
);
export type ApiToken = Static<typeof ApiTokenSchema>;

// Requests

export const Username = Type.String({ minLength: 1, maxLength: 64 });
export const Password = Type.String({ minLength: 1, maxLength: 256 });
const DisplayName = Type.String({ minLength: 1, maxLength: 200 });
const Email = Type.String({ maxLength: 254 });
const Roles = Type.Array(Type.Union(ROLES.map((r) => Type.Literal(r))), { minItems: 1, maxItems: 7 });
const SiteIds = Type.Array(Id, { maxItems: 100 });

export const NewUserBody = Type.Object(
  {
    username: Username,
    displayName: DisplayName,
    email: Type.Optional(Email),
    roles: Roles,
    siteIds: Type.Optional(SiteIds),
    password: Type.Optional(Password),
  },
  strict,
);
export type NewUserBody = Static<typeof NewUserBody>;
export const UserChangeBody = Type.Object(
  {
    displayName: Type.Optional(DisplayName),
    email: Type.Optional(Email),
    roles: Type.Optional(Roles),
    siteIds: Type.Optional(SiteIds),
    disabled: Type.Optional(Type.Boolean()),
  },
  strict,
);
export type UserChangeBody = Static<typeof UserChangeBody>;
export const PasswordBody = Type.Object({ password: Password }, strict);
export type PasswordBody = Static<typeof PasswordBody>;
export const TokensQuery = Type.Object({ userId: Type.Optional(Id) }, strict);
export type TokensQuery = Static<typeof TokensQuery>;
