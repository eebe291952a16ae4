/**
 * Authentication use cases: password login with lock-out, sessions (only a hash of the id is
 * stored), API tokens for the CLI and integrations, password change, and OIDC sign-in.
 */
import { createHash } from 'node:crypto';
import { ROLES } from '../core/auth/roles.js';
import {
  afterFailure,
  isLocked,
  mapClaimRoles,
  sessionExpiry,
  type LockoutPolicy,
} from '../core/auth/login.js';
import {
  shouldMarkUsed,
  tokenExpiry,
  tokenState,
  validTokenDays,
  type TokenEndReason,
  type TokenState,
} from '../core/auth/tokens.js';
import { publicUserView, type User } from '../core/registry/model.js';
import { validName, validPassword, validUsername } from '../core/registry/validate.js';
import { err, StorageFullError, unwrap, type Result } from '../core/result.js';
import { recordAudit } from './audit.service.js';
import type {
  Actor,
  ApiTokenRecord,
  Clock,
  DomainEvents,
  IdGenerator,
  PasswordHasher,
  Store,
  UserRecord,
} from './ports.js';
import { inTransaction } from './transaction.js';

export interface AuthDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly hasher: PasswordHasher;
  readonly lockout: LockoutPolicy;
  readonly sessionHours: number;
  /** Tells the rest of the system after a logout (session.ended: viewing grants end). */
  readonly events?: DomainEvents;
}

export interface Authenticated {
  readonly user: User;
  readonly actor: Actor;
  /** Present for cookie sessions: writes must carry it (CSRF). */
  readonly csrfToken: string | undefined;
  readonly via: 'session' | 'token';
}

export interface NewSession {
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly user: User;
}

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

export const TOKEN_PREFIX = 'prt_';

/** An API token as its owner and administrators see it: never the secret, nor its hash. */
export interface ApiTokenView {
  readonly id: string;
  readonly userId: string;
  readonly username: string;
  readonly name: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
  readonly endedReason: TokenEndReason | null;
  readonly state: TokenState;
}

export const apiTokenView = (t: ApiTokenRecord, username: string, now: Date): ApiTokenView => ({
  id: t.id,
  userId: t.userId,
  username,
  name: t.name,
  createdAt: t.createdAt,
  expiresAt: t.expiresAt,
  lastUsedAt: t.lastUsedAt,
  revokedAt: t.revokedAt,
  endedReason: t.endedReason,
  state: tokenState(t, now),
});

export const userActor = (u: Pick<User, 'id' | 'username' | 'roles' | 'siteIds'>): Actor => ({
  kind: 'user',
  userId: u.id,
  username: u.username,
  roles: u.roles,
  siteIds: u.siteIds,
});

/**
 * Last-seen bookkeeping is skipped while the disk is full: a full disk must not sign everyone out,
 * or nobody could read the health banner that says the disk is full.
 */
/** Who provisions and re-syncs accounts from the identity provider's claims (in the audit log). */
const OIDC_ACTOR: Actor = { kind: 'system', name: 'oidc' };

const unlessStorageFull = (e: unknown): void => {
  if (!(e instanceof StorageFullError)) throw e;
};

export const authService = (deps: AuthDeps) => {
  const { store, clock, ids, hasher } = deps;
  // Verifying against a real hash when the user does not exist keeps the response time the same.
  let dummyHash: Promise<string> | undefined;
  const dummy = () => (dummyHash ??= hasher.hash('not-a-real-password-for-timing'));

  const openSession = async (
    repos: Parameters<Parameters<Store['transaction']>[0]>[0],
    user: UserRecord,
  ): Promise<NewSession> => {
    const now = clock.now();
    const sessionId = ids.newSecret();
    const csrfToken = ids.newSecret();
    const expiresAt = sessionExpiry(now, deps.sessionHours);
    await repos.sessions.insert({
      idHash: sha256(sessionId),
      userId: user.id,
      csrfToken,
      createdAt: now.toISOString(),
      expiresAt,
      lastSeenAt: now.toISOString(),
    });
    return { sessionId, csrfToken, expiresAt, user: publicUserView(user) };
  };

  /**
   * A wrong password (at login or when changing it) counts towards the account's lock-out;
   * audited. Returns the lock's end when this failure locked the account.
   */
  const recordFailure = async (
    found: UserRecord,
    now: Date,
    action: 'auth.login-failed' | 'auth.password-change-failed',
  ): Promise<string | null> => {
    return store.transaction(async (repos) => {
      // Counted in the row, under its lock until commit: failures at the same time on several
      // requests or instances all count, and the one that reaches the limit locks.
      const counted = await repos.users.countFailedLogin(found.id);
      const next = afterFailure(counted - 1, now, deps.lockout);
      await repos.users.setLockout(found.id, next.failedLogins, next.lockedUntil);
      await recordAudit(
        repos,
        clock,
        { kind: 'system', name: 'auth' },
        next.lockedUntil ? 'auth.locked' : action,
        `user:${found.id}`,
        { lockedUntil: next.lockedUntil },
      );
      return next.lockedUntil;
    });
  };

  const lockedError = (lockedUntil: string): Result<never> =>
    err('AUTH.LOCKED', `too many failed attempts; try again after ${lockedUntil}`, { lockedUntil });

  return {
    async login(username: string, password: string): Promise<Result<NewSession>> {
      const now = clock.now();
      const found = validUsername(username).ok ? await store.read.users.findByUsername(username) : undefined;
      if (!found || found.passwordHash === null) {
        await hasher.verify(await dummy(), password);
        return err('AUTH.INVALID_CREDENTIALS', 'username or password is wrong');
      }
      if (isLocked(found.lockedUntil, now)) return lockedError(found.lockedUntil!);
      const good = await hasher.verify(found.passwordHash, password);
      if (!good) {
        const lockedUntil = await recordFailure(found, now, 'auth.login-failed');
        return lockedUntil
          ? lockedError(lockedUntil)
          : err('AUTH.INVALID_CREDENTIALS', 'username or password is wrong');
      }
      if (found.disabled) return err('AUTH.DISABLED', 'this account is disabled; ask an administrator');
      return inTransaction(store, async (repos) => {
        // A failure on another request or instance may have locked the account meanwhile.
        const current = await repos.users.get(found.id);
        if (current?.lockedUntil && isLocked(current.lockedUntil, now))
          return unwrap(lockedError(current.lockedUntil));
        await repos.users.setLockout(found.id, 0, null);
        const s = await openSession(repos, found);
        await recordAudit(repos, clock, userActor(found), 'auth.login', `user:${found.id}`, {
          method: 'password',
        });
        return s;
      });
    },

    /** Resolves a session cookie to its user, or undefined when unknown, expired or disabled. */
    async authenticateSession(sessionId: string): Promise<Authenticated | undefined> {
      const idHash = sha256(sessionId);
      const s = await store.read.sessions.get(idHash);
      const now = clock.now();
      if (!s || s.expiresAt <= now.toISOString()) return undefined;
      const u = await store.read.users.get(s.userId);
      if (!u || u.disabled) return undefined;
      // Touch at most once a minute: a read-mostly UI should not write on every request.
      if (now.getTime() - new Date(s.lastSeenAt).getTime() > 60_000)
        await store.read.sessions.touch(idHash, now.toISOString()).catch(unlessStorageFull);
      return { user: publicUserView(u), actor: userActor(u), csrfToken: s.csrfToken, via: 'session' };
    },

    async authenticateToken(token: string): Promise<Authenticated | undefined> {
      if (!token.startsWith(TOKEN_PREFIX)) return undefined;
      const t = await store.read.apiTokens.findByHash(sha256(token));
      const now = clock.now();
      if (!t || tokenState(t, now) !== 'active') return undefined;
      const u = await store.read.users.get(t.userId);
      if (!u || u.disabled) return undefined;
      // Last use to the minute: a script's every request need not be a write (and none while the disk is full).
      if (shouldMarkUsed(t.lastUsedAt, now))
        await store.read.apiTokens.markUsed(t.id, now.toISOString()).catch(unlessStorageFull);
      return { user: publicUserView(u), actor: userActor(u), csrfToken: undefined, via: 'token' };
    },

    async logout(actor: Actor, sessionId: string): Promise<void> {
      await store.transaction(async (repos) => {
        await repos.sessions.delete(sha256(sessionId));
        await recordAudit(
          repos,
          clock,
          actor,
          'auth.logout',
          actor.kind === 'user' ? `user:${actor.userId}` : 'system',
          {},
        );
      });
      if (actor.kind === 'user')
        deps.events?.emit({ type: 'session.ended', at: clock.now().toISOString(), userId: actor.userId });
    },

    /**
     * Changes the caller's password and ends their other sessions (a stolen session dies with the
     * old password). A wrong current password counts towards the lock-out exactly as at login,
     * so a stolen session cannot be used to guess the password.
     */
    async changePassword(
      actor: Actor,
      currentPassword: string,
      newPassword: string,
      keepSessionId?: string,
    ): Promise<Result<User>> {
      if (actor.kind !== 'user') return err('AUTH.FORBIDDEN', 'only a user can change a password');
      const found = await store.read.users.get(actor.userId);
      if (!found || found.passwordHash === null)
        return err('AUTH.FORBIDDEN', 'this account signs in through the identity provider');
      const now = clock.now();
      if (isLocked(found.lockedUntil, now)) return lockedError(found.lockedUntil!);
      if (!(await hasher.verify(found.passwordHash, currentPassword))) {
        const lockedUntil = await recordFailure(found, now, 'auth.password-change-failed');
        return lockedUntil
          ? lockedError(lockedUntil)
          : err('AUTH.INVALID_CREDENTIALS', 'the current password is wrong', { field: 'currentPassword' });
      }
      return inTransaction(store, async (repos) => {
        const u = (await repos.users.get(found.id))!;
        const pw = unwrap(validPassword(newPassword, u.username, 'newPassword'));
        const next: UserRecord = {
          ...u,
          passwordHash: await hasher.hash(pw),
          passwordChangedAt: clock.now().toISOString(),
          failedLogins: 0,
          lockedUntil: null,
        };
        await repos.users.update(next);
        const keep =
          keepSessionId === undefined ? undefined : await repos.sessions.get(sha256(keepSessionId));
        const ended = await repos.sessions.deleteForUser(u.id);
        if (keep) await repos.sessions.insert(keep);
        // API tokens end with the password: whoever had it may have made one.
        const tokensEnded = await repos.apiTokens.revokeForUser(
          u.id,
          next.passwordChangedAt!,
          'password-changed',
        );
        await recordAudit(repos, clock, actor, 'auth.password-change', `user:${u.id}`, {
          otherSessionsEnded: ended - (keep ? 1 : 0),
          apiTokensEnded: tokensEnded,
        });
        return publicUserView(next);
      });
    },

    /**
     * Creates an API token for a user; the plaintext is returned once and only its hash stored.
     * It lives `expiresInDays` (default and maximum in core/auth/tokens.ts).
     */
    createApiToken: (
      actor: Actor,
      userId: string,
      name: string,
      expiresInDays?: number,
    ): Promise<Result<{ id: string; token: string; name: string; expiresAt: string }>> =>
      inTransaction(store, async (repos) => {
        const u = await repos.users.get(userId);
        if (!u) return unwrap(err('RESOURCE.NOT_FOUND', `user ${userId} does not exist`, { userId }));
        if (u.disabled)
          return unwrap(err('AUTH.DISABLED', `${u.username} is disabled; enable the account first`));
        const label = unwrap(validName('name', name));
        const days = unwrap(validTokenDays(expiresInDays));
        const now = clock.now();
        const token = `${TOKEN_PREFIX}${ids.newSecret()}`;
        const id = ids.newId();
        const expiresAt = tokenExpiry(now, days);
        await repos.apiTokens.insert({
          id,
          userId,
          name: label,
          tokenHash: sha256(token),
          createdAt: now.toISOString(),
          lastUsedAt: null,
          revokedAt: null,
          expiresAt,
          endedReason: null,
        });
        await recordAudit(repos, clock, actor, 'api-token.create', `user:${userId}`, {
          tokenId: id,
          name: label,
          expiresAt,
        });
        return { id, token, name: label, expiresAt };
      }),

    /** The caller's own API tokens, newest first (ended ones too, so they see what happened). */
    async ownApiTokens(actor: Actor): Promise<ApiTokenView[]> {
      if (actor.kind !== 'user') return [];
      const now = clock.now();
      return (await store.read.apiTokens.list({ userId: actor.userId })).map((t) =>
        apiTokenView(t, actor.username, now),
      );
    },

    /** Revokes one of the caller's own tokens; someone else's is "not found" (no probing). */
    revokeOwnApiToken: (actor: Actor, tokenId: string): Promise<Result<ApiTokenView>> =>
      inTransaction(store, async (repos) => {
        const t = await repos.apiTokens.get(tokenId);
        if (!t || actor.kind !== 'user' || t.userId !== actor.userId)
          return unwrap(err('RESOURCE.NOT_FOUND', `you have no API token ${tokenId}`, { tokenId }));
        return revokeToken(repos, actor, t, actor.username, clock);
      }),

    /**
     * Sign-in through the organisation's identity provider: the user is found by subject (or
     * provisioned), roles follow the provider's claim at every login.
     */
    oidcLogin: (
      claims: Record<string, unknown>,
      rolesClaim: string,
      roleMap: Readonly<Record<string, string>>,
    ): Promise<Result<NewSession>> =>
      inTransaction(store, async (repos) => {
        const sub = typeof claims.sub === 'string' ? claims.sub : '';
        if (!sub) return unwrap(err('AUTH.OIDC_FAILED', 'the identity provider sent no subject'));
        // In the catalogue's order: providers list groups in no particular order, and the same
        // roles in another order are no change.
        const mapped = mapClaimRoles(claims[rolesClaim], roleMap);
        const roles = ROLES.filter((r) => mapped.includes(r));
        if (roles.length === 0)
          return unwrap(err('AUTH.FORBIDDEN', 'your account at the identity provider has no Proportio role'));
        const now = clock.now().toISOString();
        const preferred =
          typeof claims.preferred_username === 'string' ? claims.preferred_username.toLowerCase() : '';
        const display =
          typeof claims.name === 'string' && claims.name.trim() !== ''
            ? claims.name.trim().slice(0, 200)
            : preferred || sub;
        const email = typeof claims.email === 'string' ? claims.email.slice(0, 254) : '';
        let user = await repos.users.findByOidcSubject(sub);
        if (user?.disabled)
          return unwrap(err('AUTH.DISABLED', 'this account is disabled; ask an administrator'));
        if (!user) {
          let username = validUsername(preferred).ok ? preferred : `oidc-${sha256(sub).slice(0, 12)}`;
          if (await repos.users.findByUsername(username)) username = `oidc-${sha256(sub).slice(0, 12)}`;
          user = {
            id: ids.newId(),
            username,
            displayName: display,
            email,
            roles,
            siteIds: [],
            disabled: false,
            hasPassword: false,
            oidc: true,
            lockedUntil: null,
            createdAt: now,
            custodian: false,
            passwordHash: null,
            failedLogins: 0,
            oidcSubject: sub,
            passwordChangedAt: null,
          };
          await repos.users.insert(user);
          await recordAudit(repos, clock, OIDC_ACTOR, 'user.provision', `user:${user.id}`, {
            username,
            roles,
          });
        } else if (
          user.roles.length !== roles.length ||
          !user.roles.every((r) => roles.includes(r)) ||
          user.displayName !== display ||
          user.email !== email
        ) {
          user = { ...user, roles, displayName: display, email };
          await repos.users.update(user);
          await recordAudit(repos, clock, OIDC_ACTOR, 'user.roles-sync', `user:${user.id}`, { roles });
        }
        const s = await openSession(repos, user);
        await recordAudit(repos, clock, userActor(user), 'auth.login', `user:${user.id}`, { method: 'oidc' });
        return s;
      }),

    revokeSessionsExpired: () => store.read.sessions.deleteExpired(clock.now().toISOString()),
  };
};

export type AuthService = ReturnType<typeof authService>;

type Repos = Parameters<Parameters<Store['transaction']>[0]>[0];

/**
 * Revokes a token (idempotent: an ended token stays as it ended) and audits it. Shared by the
 * owner's route and the administrator's.
 */
export const revokeToken = async (
  repos: Repos,
  actor: Actor,
  t: ApiTokenRecord,
  username: string,
  clock: Clock,
): Promise<ApiTokenView> => {
  const now = clock.now();
  if (await repos.apiTokens.revoke(t.id, now.toISOString(), 'revoked'))
    await recordAudit(repos, clock, actor, 'api-token.revoke', `user:${t.userId}`, {
      tokenId: t.id,
      name: t.name,
    });
  const after = (await repos.apiTokens.get(t.id))!;
  return apiTokenView(after, username, now);
};
