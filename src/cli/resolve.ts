/**
 * How CLI commands find what an option names: by id or exact name, among what the token may see
 * (docs/cli.md, "Naming a room" above the exit codes), so scripts can use names.
 */
import type { ErrorCode } from '../core/errors.js';
import type { Camera, Room, Site } from '../core/registry/model.js';
import type { ApiClient } from './api-client.js';
import { CliError, EXIT } from './io.js';

/**
 * The one item whose id or name is `ref`. None: `notFound` (exit 66). A name used more than once
 * (`where` says where else) must be given as id: `REQUEST.INVALID` (exit 65).
 */
export const oneByRef = <T extends { id: string; name: string }>(
  items: readonly T[],
  ref: string,
  what: string,
  notFound: ErrorCode,
  where: string,
): T => {
  const matches = items.filter((x) => x.id === ref || x.name === ref);
  const [only] = matches;
  if (only === undefined) throw new CliError(`${notFound}: no ${what} "${ref}"`, EXIT.NO_INPUT, notFound);
  if (matches.length > 1)
    throw new CliError(
      `REQUEST.INVALID: "${ref}" names ${what}s ${where}; use the ${what} id`,
      EXIT.DATA_ERR,
      'REQUEST.INVALID',
    );
  return only;
};

/** A room; none is `ALARM.UNKNOWN_ROOM`, the code the API gives for a room that does not exist. */
export const resolveRoom = async (api: ApiClient, ref: string): Promise<Room> =>
  oneByRef(await api.get<Room[]>('/api/rooms'), ref, 'room', 'ALARM.UNKNOWN_ROOM', 'on several sites');

export const resolveSite = async (api: ApiClient, ref: string): Promise<Site> =>
  oneByRef(await api.get<Site[]>('/api/sites'), ref, 'site', 'RESOURCE.NOT_FOUND', 'by one name');

export const resolveCamera = async (api: ApiClient, ref: string): Promise<Camera> =>
  oneByRef(await api.get<Camera[]>('/api/cameras'), ref, 'camera', 'RESOURCE.NOT_FOUND', 'in several rooms');
