/** Account administration: create, change roles, disable, reset passwords. */
import { publicUserView, type User } from '../core/registry/model.js';
import {
  validEmail,
  validPassword,
  validRoles,
  validText,
  validUsername,
} from '../core/registry/validate.js';
import { err, unwrap, type Result } from '../core/result.js';
import type { Role } from '../core/auth/roles.js';
import { coversSites, sameMembers } from '../core/auth/site-scope.js';
import { apiTokenView, revokeToken, type ApiTokenView } from './auth.service.js';
import { recordAudit } from './audit.service.js';
import type { Actor, Clock, IdGenerator, PasswordHasher, Store, UserRecord } from './ports.js';
import { inTransaction } from './transaction.js';

export interface UsersDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly hasher: PasswordHasher;
}

export interface NewUserInput {
  username: string;
  displayName: string;
  email?: string;
  roles: string[];
  siteIds?: string[];
  password?: string;
}

export interface UserUpdateInput {
  displayName?: string;
  email?: string;
  roles?: string[];
  siteIds?: string[];
  disabled?: boolean;
}

/** Who a viewer may see in the account list: everyone for an organisation-wide viewer; else accounts inside its sites, and itself. */
const visibleTo = (viewer: Actor, u: { id: string; siteIds: readonly string[] }): boolean =>
  viewer.kind !== 'user' ||
  viewer.siteIds.length === 0 ||
  u.id === viewer.userId ||
  coversSites(viewer.siteIds, u.siteIds);

export const usersService = (deps: UsersDeps) => {
  const { store, clock, ids, hasher } = deps;
  const now = () => clock.now().toISOString();

  const checkSites = async (
    repos: Parameters<Parameters<Store['transaction']>[0]>[0],
    siteIds: readonly string[],
  ) => {
    for (const s of siteIds)
      if (!(await repos.sites.get(s)))
        unwrap(err('RESOURCE.NOT_FOUND', `site ${s} does not exist`, { field: 'siteIds' }));
  };

  type Repos = Parameters<Parameters<Store['transaction']>[0]>[0];

  /** The sites the acting account serves (empty = all); the system (CLI, demo) has no limit. */
  const scopeOf = async (repos: Repos, actor: Actor): Promise<readonly string[]> => {
    if (actor.kind !== 'user') return [];
    const me = await repos.users.get(actor.userId);
    return me ? me.siteIds : unwrap(err('AUTH.FORBIDDEN', 'your account no longer exists'));
  };

  /** A site-limited administrator manages only accounts that serve no site beyond theirs. */
  const mustManage = (scope: readonly string[], target: UserRecord) => {
    if (!coversSites(scope, target.siteIds))
      unwrap(
        err(
          'USER.OUTSIDE_SITES',
          target.siteIds.length === 0
            ? `${target.username} serves all sites; only an administrator of all sites can change this account`
            : `${target.username} serves sites you do not manage; ask an administrator of those sites`,
          { userId: target.id },
        ),
      );
  };

  /** …and grants no site they do not serve themselves, nor "all sites" (an empty list). */
  const mustGrant = (scope: readonly string[], siteIds: readonly string[]) => {
    if (!coversSites(scope, siteIds))
      unwrap(
        err(
          'USER.SITES_BEYOND_OWN',
          siteIds.length === 0
            ? 'you serve only some sites, so you cannot give access to all sites; choose one or more of your sites'
            : `you can only give sites you serve yourself (${scope.join(', ')})`,
          { field: 'siteIds' },
        ),
      );
  };

  return {
    /** The accounts this viewer may see: a viewer limited to some sites sees those it could manage, and itself. */
    list: async (viewer: Actor) => (await store.read.users.list()).filter((u) => visibleTo(viewer, u)),
    get: async (viewer: Actor, id: string) => {
      const u = await store.read.users.get(id);
      return u && visibleTo(viewer, u) ? publicUserView(u) : undefined;
    },

    create: (actor: Actor, input: NewUserInput): Promise<Result<User>> =>
      inTransaction(store, async (repos) => {
        const username = unwrap(validUsername(input.username));
        if (await repos.users.findByUsername(username)) {
          unwrap(err('RESOURCE.CONFLICT', `user "${username}" already exists`, { field: 'username' }));
        }
        const roles = unwrap(validRoles(input.roles));
        const siteIds = [...new Set(input.siteIds ?? [])];
        await checkSites(repos, siteIds);
        mustGrant(await scopeOf(repos, actor), siteIds);
        const password =
          input.password === undefined ? undefined : unwrap(validPassword(input.password, username));
        const at = now();
        const user: UserRecord = {
          id: ids.newId(),
          username,
          displayName: unwrap(validText('displayName', input.displayName, 200, true)),
          email: unwrap(validEmail(input.email ?? '')),
          roles,
          siteIds,
          disabled: false,
          hasPassword: password !== undefined,
          oidc: false,
          lockedUntil: null,
          createdAt: at,
          custodian: false,
          passwordHash: password === undefined ? null : await hasher.hash(password),
          failedLogins: 0,
          oidcSubject: null,
          passwordChangedAt: password === undefined ? null : at,
        };
        await repos.users.insert(user);
        await recordAudit(repos, clock, actor, 'user.create', `user:${user.id}`, {
          username,
          roles,
          siteIds,
        });
        return publicUserView(user);
      }),

    update: (actor: Actor, id: string, input: UserUpdateInput): Promise<Result<User>> =>
      inTransaction(store, async (repos) => {
        const cur = await repos.users.get(id);
        if (!cur) return unwrap(err('RESOURCE.NOT_FOUND', `user ${id} does not exist`, { userId: id }));
        const roles: Role[] = input.roles === undefined ? [...cur.roles] : unwrap(validRoles(input.roles));
        const siteIds = input.siteIds === undefined ? cur.siteIds : [...new Set(input.siteIds)];
        const self = actor.kind === 'user' && actor.userId === id;
        if (self && (input.disabled ?? false)) {
          unwrap(err('REQUEST.INVALID', 'you cannot disable your own account', { field: 'disabled' }));
        }
        // Four-eyes on access: nobody widens (or narrows) their own roles or sites, e.g. to approve
        // their own work or to reach another site. Sending the unchanged values is fine.
        const rolesChanged = !sameMembers(roles, cur.roles);
        const sitesChanged = !sameMembers(siteIds, cur.siteIds);
        if (self && (rolesChanged || sitesChanged)) {
          unwrap(
            err(
              'USER.SELF_CHANGE',
              `you cannot change your own ${rolesChanged ? 'roles' : 'sites'}; ask another administrator`,
              { field: rolesChanged ? 'roles' : 'siteIds' },
            ),
          );
        }
        const scope = await scopeOf(repos, actor);
        if (!self) mustManage(scope, cur);
        await checkSites(repos, siteIds);
        if (sitesChanged) mustGrant(scope, siteIds);
        const disabled = input.disabled ?? cur.disabled;
        const user: UserRecord = {
          ...cur,
          displayName:
            input.displayName === undefined
              ? cur.displayName
              : unwrap(validText('displayName', input.displayName, 200, true)),
          email: input.email === undefined ? cur.email : unwrap(validEmail(input.email)),
          roles,
          siteIds,
          disabled,
          // Re-enabling an account also lifts a lock-out.
          lockedUntil: input.disabled === false ? null : cur.lockedUntil,
          failedLogins: input.disabled === false ? 0 : cur.failedLogins,
        };
        await repos.users.update(user);
        const disabling = disabled && !cur.disabled;
        if (disabling) await repos.sessions.deleteForUser(id);
        // A disabled account's tokens end for good: enabling it again does not revive them.
        const tokensEnded = disabling
          ? await repos.apiTokens.revokeForUser(id, now(), 'account-disabled')
          : 0;
        await recordAudit(repos, clock, actor, disabling ? 'user.disable' : 'user.update', `user:${id}`, {
          roles,
          siteIds,
          disabled,
          ...(disabling ? { apiTokensEnded: tokensEnded } : {}),
        });
        return publicUserView(user);
      }),

    setPassword: (actor: Actor, id: string, password: string): Promise<Result<User>> =>
      inTransaction(store, async (repos) => {
        const cur = await repos.users.get(id);
        if (!cur) return unwrap(err('RESOURCE.NOT_FOUND', `user ${id} does not exist`, { userId: id }));
        // One's own password only with the current one (and its lock-out): a stolen
        // administrator session must not be enough to take the account over.
        if (actor.kind === 'user' && actor.userId === id)
          unwrap(
            err(
              'AUTH.FORBIDDEN',
              'change your own password with your current password (Wachtwoord wijzigen, POST /api/auth/password)',
              { field: 'password' },
            ),
          );
        mustManage(await scopeOf(repos, actor), cur);
        const pw = unwrap(validPassword(password, cur.username));
        const user: UserRecord = {
          ...cur,
          passwordHash: await hasher.hash(pw),
          hasPassword: true,
          passwordChangedAt: now(),
          failedLogins: 0,
          lockedUntil: null,
        };
        await repos.users.update(user);
        await repos.sessions.deleteForUser(id);
        // Tokens end with the password: a reset is often because the account was compromised.
        const tokensEnded = await repos.apiTokens.revokeForUser(
          id,
          user.passwordChangedAt!,
          'password-reset',
        );
        await recordAudit(repos, clock, actor, 'user.password-reset', `user:${id}`, {
          apiTokensEnded: tokensEnded,
        });
        return publicUserView(user);
      }),

    /**
     * Every account's API tokens that this administrator manages (a site-limited one sees the
     * tokens of accounts inside their sites), newest first; optionally one account's.
     */
    apiTokens: (actor: Actor, filter: { userId?: string } = {}): Promise<ApiTokenView[]> =>
      store.transaction(async (repos) => {
        const scope = await scopeOf(repos, actor);
        const users = new Map((await repos.users.list()).map((u) => [u.id, u]));
        const at = clock.now();
        return (await repos.apiTokens.list(filter)).flatMap((t) => {
          const owner = users.get(t.userId);
          return owner && coversSites(scope, owner.siteIds) ? [apiTokenView(t, owner.username, at)] : [];
        });
      }),

    /** Revokes any account's API token that this administrator manages; audited. */
    revokeApiToken: (actor: Actor, tokenId: string): Promise<Result<ApiTokenView>> =>
      inTransaction(store, async (repos) => {
        const t = await repos.apiTokens.get(tokenId);
        const owner = t && (await repos.users.get(t.userId));
        if (!t || !owner)
          return unwrap(err('RESOURCE.NOT_FOUND', `API token ${tokenId} does not exist`, { tokenId }));
        if (!(actor.kind === 'user' && actor.userId === owner.id))
          mustManage(await scopeOf(repos, actor), owner);
        return revokeToken(repos, actor, t, owner.username, clock);
      }),
  };
};

export type UsersService = ReturnType<typeof usersService>;
