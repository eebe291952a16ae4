/**
 * Which sites an actor may act on. A person serves the sites assigned to them (none assigned =
 * every site, DOMAIN.md section 2); the system (CLI on the server, timers, a device bound to its
 * room) acts for the organisation. Reads and writes outside a person's sites answer as if the
 * thing were not there (404), so the answer does not even confirm that it exists.
 */
import { servesSite } from '../core/alarm/audience.js';
import { err } from '../core/result.js';
import type { Actor } from './ports.js';

export const actorServesSite = (a: Actor, siteId: string): boolean =>
  a.kind === 'system' || servesSite(a, siteId);

/** Organisation-wide things (new sites, kinds of conversation, settings, subscribers) need someone who serves every site. */
export const actorServesAllSites = (a: Actor): boolean => a.kind === 'system' || a.siteIds.length === 0;

export const siteLimited = () =>
  err(
    'AUTH.SITE_LIMITED',
    'this concerns every site, and your account serves only some of them; ask an administrator who serves all sites',
  );
