/** TypeBox schemas of login, logout, own password and own API tokens (validation, serialisation, OpenAPI). */
import { Type, type Static } from 'typebox';
import { TOKEN_MAX_DAYS } from '../../../core/auth/tokens.js';
import { Nullable, strict } from '../../schemas.js';
import { Password, UserSchema, Username } from '../users/users-schemas.js';

// Answers

/** Who is logged in: the user, what their roles permit, and the token every change must carry. */
export const MeSchema = Type.Object({
  user: UserSchema,
  csrfToken: Nullable(Type.String()),
  permissions: Type.Array(Type.String()),
});
export type Me = Static<typeof MeSchema>;
/** A new API token: the only time its secret is shown. */
export const NewApiTokenSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  token: Type.String(),
  expiresAt: Type.String(),
});
export type NewApiToken = Static<typeof NewApiTokenSchema>;
export const OidcInfoSchema = Type.Object({ enabled: Type.Boolean(), label: Nullable(Type.String()) });
export type OidcInfo = Static<typeof OidcInfoSchema>;
/** The password policy the server checks (src/core/registry/validate.ts PASSWORD_POLICY). */
export const PasswordPolicySchema = Type.Object({
  minLength: Type.Integer(),
  maxLength: Type.Integer(),
  minDistinct: Type.Integer(),
});
export type PasswordPolicyAnswer = Static<typeof PasswordPolicySchema>;

// Requests

export const LoginBody = Type.Object({ username: Username, password: Password }, strict);
export type LoginBody = Static<typeof LoginBody>;
export const PasswordChangeBody = Type.Object({ currentPassword: Password, newPassword: Password }, strict);
export type PasswordChangeBody = Static<typeof PasswordChangeBody>;
export const NewApiTokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: TOKEN_MAX_DAYS })),
  },
  strict,
);
export type NewApiTokenBody = Static<typeof NewApiTokenBody>;
/** The identity provider's answer (code, state, …): read whole by openid-client, not by us. */
export const OidcCallbackQuery = Type.Object({}, { additionalProperties: true });
