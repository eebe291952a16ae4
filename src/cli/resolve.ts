/** How every CLI command finds the room named by --room (docs/cli.md, "Naming a room" above the exit codes). */
import type { Room } from '../core/registry/model.js';
import type { ApiClient } from './api-client.js';
import { CliError, EXIT } from './io.js';

/**
 * A room by id or exact name, among the rooms the token may see. None: `ALARM.UNKNOWN_ROOM`
 * (exit 66), the code the API gives for a room that does not exist. A name used on several
 * sites must be given as id: `REQUEST.INVALID` (exit 65).
 */
export const resolveRoom = async (api: ApiClient, ref: string): Promise<Room> => {
  const rooms = await api.get<Room[]>('/api/rooms');
  const matches = rooms.filter((x) => x.id === ref || x.name === ref);
  if (matches.length === 0)
    throw new CliError(`ALARM.UNKNOWN_ROOM: no room "${ref}"`, EXIT.NO_INPUT, 'ALARM.UNKNOWN_ROOM');
  if (matches.length > 1)
    throw new CliError(
      `REQUEST.INVALID: "${ref}" names rooms on several sites; use the room id`,
      EXIT.DATA_ERR,
      'REQUEST.INVALID',
    );
  return matches[0]!;
};
