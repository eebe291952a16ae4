/**
 * Who receives what. The first group (responders: colleagues, BHV) gets every alarm of the sites
 * they serve; the second group (security) gets it once it escalates. A user with no sites serves
 * every site (DOMAIN.md section 2).
 */
import type { Role } from '../auth/roles.js';

export const FIRST_GROUP: readonly Role[] = ['responder'];
export const SECOND_GROUP: readonly Role[] = ['security'];

export type Audience = 'first-group' | 'both-groups';

export interface Recipient {
  readonly roles: readonly Role[];
  readonly siteIds: readonly string[];
}

export const servesSite = (r: Recipient, siteId: string): boolean =>
  r.siteIds.length === 0 || r.siteIds.includes(siteId);

export const audienceOf = (alarm: { readonly escalatedAt: string | null }): Audience =>
  alarm.escalatedAt === null ? 'first-group' : 'both-groups';

export const mayReceive = (r: Recipient, siteId: string, audience: Audience): boolean => {
  if (!servesSite(r, siteId)) return false;
  if (r.roles.some((x) => FIRST_GROUP.includes(x))) return true;
  return audience === 'both-groups' && r.roles.some((x) => SECOND_GROUP.includes(x));
};
