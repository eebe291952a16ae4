/**
 * Which sites an actor may act on. A person serves the sites assigned to them (none assigned =
 * every site, DOMAIN.md section 2); the system (CLI on the server, timers, a device bound to its
 * room) acts for the organisation. Reads and writes outside a person's sites answer as if the
 * thing were not there (404), so the answer does not even confirm that it exists.
 */
import { servesSite } from '../core/alarm/audience.js';
import type { Room } from '../core/registry/model.js';
import { err, unwrap } from '../core/result.js';
import type { Actor, Repositories } from './ports.js';

export const actorServesSite = (a: Actor, siteId: string): boolean =>
  a.kind === 'system' || servesSite(a, siteId);

/**
 * The room someone raises an alarm in, holds a conversation in or reports an incident for. In a
 * site they do not serve it is, for them, not there: ALARM.UNKNOWN_ROOM, thrown as a DomainFailure
 * (these are checks inside a transaction).
 */
export const servedRoom = async (
  repos: Pick<Repositories, 'rooms'>,
  actor: Actor,
  roomId: string,
): Promise<Room> => {
  const room = await repos.rooms.get(roomId);
  if (room === undefined || !actorServesSite(actor, room.siteId))
    return unwrap(err('ALARM.UNKNOWN_ROOM', `room ${roomId} does not exist`, { field: 'roomId', roomId }));
  return room;
};

/** Organisation-wide things (new sites, kinds of conversation, settings, subscribers) need someone who serves every site. */
export const actorServesAllSites = (a: Actor): boolean => a.kind === 'system' || a.siteIds.length === 0;

export const siteLimited = () =>
  err(
    'AUTH.SITE_LIMITED',
    'this concerns every site, and your account serves only some of them; ask an administrator who serves all sites',
  );
