/** The registry's domain types: what the organisation has, independent of how it is stored. */
import type { Role } from '../auth/roles.js';

export interface Organisation {
  readonly name: string;
  readonly address: string;
  readonly dpoName: string;
  readonly dpoEmail: string;
  readonly dpoPhone: string;
  readonly updatedAt: string;
}

export interface Site {
  readonly id: string;
  readonly name: string;
  readonly address: string;
  readonly createdAt: string;
}

export interface Room {
  readonly id: string;
  readonly siteId: string;
  readonly name: string;
  readonly floor: string;
  readonly description: string;
  readonly createdAt: string;
}

/** A camera as the rest of the system sees it: credentials are never part of it. */
export interface Camera {
  readonly id: string;
  readonly roomId: string;
  readonly name: string;
  readonly url: string;
  readonly hasCredentials: boolean;
  /** Switched off by an administrator: never armed, no health error, alarms note it. */
  readonly disabled: boolean;
  readonly disabledAt: string | null;
  readonly createdAt: string;
}

export interface CameraCredentials {
  readonly username: string;
  readonly password: string;
}

export interface ConversationType {
  readonly id: string;
  readonly code: string;
  readonly nameNl: string;
  readonly nameEn: string;
  /** Usually reveals special-category or highly personal data (benefits, health, debts, youth care). */
  readonly sensitive: boolean;
  readonly createdAt: string;
}

export interface User {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly email: string;
  readonly roles: readonly Role[];
  /** Sites a responder serves; empty means every site. */
  readonly siteIds: readonly string[];
  readonly disabled: boolean;
  readonly hasPassword: boolean;
  readonly oidc: boolean;
  readonly lockedUntil: string | null;
  readonly createdAt: string;
  /**
   * Holds a share of the vault key (docs/custody.md). Set and cleared only by enrolment and
   * re-sharing (`proportio vault init|custody|reshare`), which are audited; never by an account edit.
   */
  readonly custodian: boolean;
}

/** What may leave the server about a user: exactly the User fields, never a hash or counters. */
export const publicUserView = (u: User): User => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  email: u.email,
  roles: u.roles,
  siteIds: u.siteIds,
  disabled: u.disabled,
  hasPassword: u.hasPassword,
  oidc: u.oidc,
  lockedUntil: u.lockedUntil,
  createdAt: u.createdAt,
  custodian: u.custodian,
});
