/** Users, sessions and API tokens. */
import type { Role } from '../../../core/auth/roles.js';
import type { TokenEndReason } from '../../../core/auth/tokens.js';
import { publicUserView as publicUser } from '../../../core/registry/model.js';
import type {
  ApiTokenRecord,
  ApiTokenRepository,
  SessionRecord,
  SessionRepository,
  UserRecord,
  UserRepository,
} from '../../../services/ports.js';
import type { ApiTokenTable, SessionTable, UserTable } from '../schema.js';
import { bool, int, type Executor } from './executor.js';

const toUserRecord = (r: UserTable): UserRecord => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  email: r.email,
  roles: JSON.parse(r.roles) as Role[],
  siteIds: JSON.parse(r.site_ids) as string[],
  disabled: bool(r.disabled),
  hasPassword: r.password_hash !== null,
  oidc: r.oidc_subject !== null,
  lockedUntil: r.locked_until,
  createdAt: r.created_at,
  custodian: bool(r.custodian),
  passwordHash: r.password_hash,
  failedLogins: r.failed_logins,
  oidcSubject: r.oidc_subject,
  passwordChangedAt: r.password_changed_at,
});

/** Without the custodian flag: only enrolment and re-sharing change it (custody.repository.ts). */
const toRow = (u: UserRecord): Omit<UserTable, 'custodian'> => ({
  id: u.id,
  username: u.username,
  display_name: u.displayName,
  email: u.email,
  password_hash: u.passwordHash,
  roles: JSON.stringify(u.roles),
  site_ids: JSON.stringify(u.siteIds),
  disabled: int(u.disabled),
  failed_logins: u.failedLogins,
  locked_until: u.lockedUntil,
  oidc_subject: u.oidcSubject,
  created_at: u.createdAt,
  password_changed_at: u.passwordChangedAt,
});

export const userRepository = (db: Executor): UserRepository => ({
  list: async () =>
    (await db.selectFrom('users').selectAll().orderBy('username').execute()).map((r) =>
      publicUser(toUserRecord(r)),
    ),
  get: async (id) => {
    const r = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toUserRecord(r);
  },
  findByUsername: async (username) => {
    const r = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    return r && toUserRecord(r);
  },
  findByOidcSubject: async (subject) => {
    const r = await db.selectFrom('users').selectAll().where('oidc_subject', '=', subject).executeTakeFirst();
    return r && toUserRecord(r);
  },
  insert: async (u) => {
    // A new account is never a custodian: enrolment makes it one.
    await db
      .insertInto('users')
      .values({ ...toRow(u), custodian: 0 })
      .execute();
  },
  update: async (u) => {
    const { id, ...rest } = toRow(u);
    await db.updateTable('users').set(rest).where('id', '=', id).execute();
  },
  countFailedLogin: async (id) => {
    const r = await db
      .updateTable('users')
      .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
      .where('id', '=', id)
      .returning('failed_logins')
      .executeTakeFirstOrThrow();
    return Number(r.failed_logins);
  },
  setLockout: async (id, failedLogins, lockedUntil) => {
    await db
      .updateTable('users')
      .set({ failed_logins: failedLogins, locked_until: lockedUntil })
      .where('id', '=', id)
      .execute();
  },
  count: async () =>
    Number(
      (
        await db
          .selectFrom('users')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
});

const toSession = (r: SessionTable): SessionRecord => ({
  idHash: r.id_hash,
  userId: r.user_id,
  csrfToken: r.csrf_token,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  lastSeenAt: r.last_seen_at,
});

export const sessionRepository = (db: Executor): SessionRepository => ({
  insert: async (s) => {
    await db
      .insertInto('sessions')
      .values({
        id_hash: s.idHash,
        user_id: s.userId,
        csrf_token: s.csrfToken,
        created_at: s.createdAt,
        expires_at: s.expiresAt,
        last_seen_at: s.lastSeenAt,
      })
      .execute();
  },
  get: async (idHash) => {
    const r = await db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
    return r && toSession(r);
  },
  touch: async (idHash, at) => {
    await db.updateTable('sessions').set({ last_seen_at: at }).where('id_hash', '=', idHash).execute();
  },
  delete: async (idHash) => {
    await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  },
  deleteForUser: async (userId) =>
    Number((await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst()).numDeletedRows),
  deleteExpired: async (now) =>
    Number((await db.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst()).numDeletedRows),
});

const toToken = (r: ApiTokenTable): ApiTokenRecord => ({
  id: r.id,
  userId: r.user_id,
  name: r.name,
  tokenHash: r.token_hash,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
  // Migration 0005 gave every older token an expiry; a missing one counts as expired.
  expiresAt: r.expires_at ?? r.created_at,
  endedReason: (r.ended_reason as TokenEndReason | null) ?? (r.revoked_at === null ? null : 'revoked'),
});

export const apiTokenRepository = (db: Executor): ApiTokenRepository => ({
  insert: async (t) => {
    await db
      .insertInto('api_tokens')
      .values({
        id: t.id,
        user_id: t.userId,
        name: t.name,
        token_hash: t.tokenHash,
        created_at: t.createdAt,
        last_used_at: null,
        revoked_at: null,
        expires_at: t.expiresAt,
        ended_reason: null,
      })
      .execute();
  },
  get: async (id) => {
    const r = await db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toToken(r);
  },
  findByHash: async (h) => {
    const r = await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', h).executeTakeFirst();
    return r && toToken(r);
  },
  list: async (filter = {}) => {
    let q = db.selectFrom('api_tokens').selectAll();
    if (filter.userId !== undefined) q = q.where('user_id', '=', filter.userId);
    return (await q.orderBy('created_at', 'desc').orderBy('id').execute()).map(toToken);
  },
  markUsed: async (id, at) => {
    await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  },
  revoke: async (id, at, reason) =>
    Number(
      (
        await db
          .updateTable('api_tokens')
          .set({ revoked_at: at, ended_reason: reason })
          .where('id', '=', id)
          .where('revoked_at', 'is', null)
          .executeTakeFirst()
      ).numUpdatedRows,
    ) > 0,
  revokeForUser: async (userId, at, reason) =>
    Number(
      (
        await db
          .updateTable('api_tokens')
          .set({ revoked_at: at, ended_reason: reason })
          .where('user_id', '=', userId)
          .where('revoked_at', 'is', null)
          .executeTakeFirst()
      ).numUpdatedRows,
    ),
});
