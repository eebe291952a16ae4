/**
 * `proportio alarm raise` and `proportio incident list`: integrations and scripts raise alarms
 * and read the register through the API (PROPORTIO_URL, PROPORTIO_TOKEN), under the same
 * permissions and audit as the web UI.
 */
import type { Command } from 'commander';
import type { AlarmView } from '../../core/alarm/events.js';
import { client, withConn, type Conn } from '../connection.js';
import { CliError, EXIT, emit, table, type CliIo } from '../io.js';
import { resolveRoom } from '../resolve.js';

const ID = /^[A-Za-z0-9-]{1,64}$/;

interface IncidentRow {
  id: string;
  occurredAt: string;
  siteId: string;
  roomId: string;
  source: string;
  kind: string | null;
  severity: number | null;
  policeReport: boolean;
  responseMs: number | null;
  reportedAt: string | null;
}

export const registerAlarmCommands = (program: Command, io: CliIo): void => {
  const alarm = program.command('alarm').description('staff alarms');
  withConn(
    alarm
      .command('raise')
      .description(
        'raise an alarm for a room (prints the alarm id); a press within 2 minutes of the last joins the open alarm',
      )
      .requiredOption('--room <room>', 'room id or name')
      .option('--silent', 'silent alarm: responders approach discreetly'),
  ).action(async (o: Conn & { room: string; silent?: boolean }) => {
    if (o.room.length > 200)
      throw new CliError('REQUEST.INVALID: --room is too long', EXIT.DATA_ERR, 'REQUEST.INVALID');
    const api = client(o);
    const room = await resolveRoom(api, o.room);
    const r = await api.post<{ alarm: AlarmView; joined: boolean }>('/api/alarms', {
      roomId: room.id,
      ...(o.silent ? { silent: true } : {}),
    });
    emit(io, Boolean(o.json), r, () => r.alarm.id);
  });

  const incident = program.command('incident').description('the incident register');
  withConn(
    incident
      .command('list')
      .description('list incidents, newest first')
      .option('--site <siteId>', 'only this site (id)')
      .option('--room <roomId>', 'only this room (id)')
      .option('--from <time>', 'from this time (ISO-8601, inclusive)')
      .option('--to <time>', 'until this time (ISO-8601, exclusive)')
      .option('--unreported', 'only incidents whose report is still missing')
      .option('--limit <n>', 'at most this many (default 500)'),
  ).action(
    async (
      o: Conn & {
        site?: string;
        room?: string;
        from?: string;
        to?: string;
        unreported?: boolean;
        limit?: string;
      },
    ) => {
      for (const [flag, v] of [
        ['--site', o.site],
        ['--room', o.room],
      ] as const) {
        if (v !== undefined && !ID.test(v))
          throw new CliError(`REQUEST.INVALID: ${flag} must be an id`, EXIT.DATA_ERR, 'REQUEST.INVALID');
      }
      for (const [flag, v] of [
        ['--from', o.from],
        ['--to', o.to],
      ] as const) {
        if (v !== undefined && Number.isNaN(Date.parse(v)))
          throw new CliError(`REQUEST.INVALID: ${flag} is not a time`, EXIT.DATA_ERR, 'REQUEST.INVALID');
      }
      if (o.limit !== undefined && !/^[1-9][0-9]{0,3}$/.test(o.limit))
        throw new CliError('REQUEST.INVALID: --limit must be 1 to 5000', EXIT.DATA_ERR, 'REQUEST.INVALID');
      const q = new URLSearchParams();
      if (o.site) q.set('siteId', o.site);
      if (o.room) q.set('roomId', o.room);
      if (o.from) q.set('from', new Date(o.from).toISOString());
      if (o.to) q.set('to', new Date(o.to).toISOString());
      if (o.unreported) q.set('unreported', 'true');
      if (o.limit) q.set('limit', o.limit);
      const rows = await client(o).get<IncidentRow[]>(
        `/api/incidents${q.size > 0 ? `?${q.toString()}` : ''}`,
      );
      emit(io, Boolean(o.json), rows, () =>
        table(
          rows.map((i) => ({
            id: i.id,
            occurredAt: i.occurredAt,
            roomId: i.roomId,
            source: i.source,
            kind: i.kind ?? '(no report yet)',
            severity: i.severity,
            aangifte: i.policeReport,
            responseS: i.responseMs === null ? null : Math.round(i.responseMs / 100) / 10,
          })),
          ['id', 'occurredAt', 'roomId', 'source', 'kind', 'severity', 'aangifte', 'responseS'],
        ),
      );
    },
  );
};
