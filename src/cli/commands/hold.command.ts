/**
 * Legal holds from the command line (issue 10 §3), through the API under the same permissions and
 * audit as the web UI (PROPORTIO_URL, PROPORTIO_TOKEN of a security officer or the privacy officer):
 *
 *   proportio clip hold CLIP --reason TEXT [--police-report NR] --until YYYY-MM-DD
 *   proportio clip extend HOLD --until YYYY-MM-DD --reason TEXT
 *   proportio clip release HOLD --reason TEXT
 *   proportio clip holds CLIP
 *   proportio clip deletions [--clip CLIP] [--incident ID] [--from T] [--to T]
 *
 * A date means "through that day" in Europe/Amsterdam; the server checks everything (reason, end
 * in the future, the maximum) and answers with a stable code.
 */
import type { Command } from 'commander';
import { client, withConn, type Conn } from '../connection.js';
import { CliError, EXIT, emit, table, type CliIo } from '../io.js';

const ID = /^[A-Za-z0-9-]{1,64}$/;

interface HoldRow {
  id: string;
  state: string;
  until: string;
  reason: string;
  policeReport: string | null;
  placedBy: string;
  placedAt: string;
  beyondMaximum: boolean;
  releasedAt: string | null;
}

const id = (what: string, v: string): string => {
  if (!ID.test(v))
    throw new CliError(`REQUEST.INVALID: ${what} must be an id`, EXIT.DATA_ERR, 'REQUEST.INVALID');
  return v;
};

export const registerHoldCommands = (program: Command, io: CliIo): void => {
  const clip =
    program.commands.find((c) => c.name() === 'clip') ??
    program.command('clip').description('recorded clips');

  withConn(
    clip
      .command('hold')
      .description('place a legal hold: the clip is not deleted while it stands (prints the hold id)')
      .argument('<clip>', 'clip id')
      .requiredOption('--reason <text>', 'why the clip must be kept (audited)')
      .option('--police-report <nr>', 'the police report number, if any')
      .requiredOption('--until <date>', 'YYYY-MM-DD (through that day, Europe/Amsterdam) or ISO date-time'),
  ).action(async (clipId: string, o: Conn & { reason: string; policeReport?: string; until: string }) => {
    const h = await client(o).post<HoldRow>(`/api/recording/clips/${id('CLIP', clipId)}/holds`, {
      reason: o.reason,
      until: o.until,
      ...(o.policeReport === undefined ? {} : { policeReport: o.policeReport }),
    });
    emit(io, Boolean(o.json), h, () => h.id);
  });

  withConn(
    clip
      .command('extend')
      .description('extend a live hold; past the maximum only with a new reason (audited)')
      .argument('<hold>', 'hold id')
      .requiredOption('--until <date>', 'the new end: YYYY-MM-DD or ISO date-time')
      .requiredOption('--reason <text>', 'why it must run longer'),
  ).action(async (holdId: string, o: Conn & { until: string; reason: string }) => {
    const h = await client(o).post<HoldRow>(`/api/recording/holds/${id('HOLD', holdId)}/extend`, {
      until: o.until,
      reason: o.reason,
    });
    emit(
      io,
      Boolean(o.json),
      h,
      () => `${h.id} until ${h.until}${h.beyondMaximum ? ' (beyond the maximum)' : ''}`,
    );
  });

  withConn(
    clip
      .command('release')
      .description('release a hold (audited); the clip is deleted at the next sweep if past its retention')
      .argument('<hold>', 'hold id')
      .requiredOption('--reason <text>', 'why the clip need no longer be kept'),
  ).action(async (holdId: string, o: Conn & { reason: string }) => {
    const h = await client(o).post<HoldRow>(`/api/recording/holds/${id('HOLD', holdId)}/release`, {
      reason: o.reason,
    });
    emit(io, Boolean(o.json), h, () => `${h.id} released`);
  });

  withConn(
    clip
      .command('holds')
      .description("a clip's legal holds (live, released, expired)")
      .argument('<clip>', 'clip id'),
  ).action(async (clipId: string, o: Conn) => {
    const r = await client(o).get<{
      held: boolean;
      heldUntil: string | null;
      maxDays: number;
      holds: HoldRow[];
    }>(`/api/recording/clips/${id('CLIP', clipId)}/holds`);
    emit(io, Boolean(o.json), r, () =>
      [
        r.held ? `held until ${r.heldUntil ?? '?'}` : 'not held',
        `maximum without a new reason: ${r.maxDays} days`,
        table(
          r.holds.map((h) => ({
            id: h.id,
            state: h.state,
            until: h.until,
            policeReport: h.policeReport,
            placedBy: h.placedBy,
            beyondMaximum: h.beyondMaximum,
            reason: h.reason,
          })),
          ['id', 'state', 'until', 'policeReport', 'placedBy', 'beyondMaximum', 'reason'],
        ),
      ].join('\n'),
    );
  });

  withConn(
    clip
      .command('deletions')
      .description('deletion records (retention, erasure, objection), newest first')
      .option('--clip <clip>', 'only this clip')
      .option('--incident <id>', 'only clips of this incident')
      .option('--from <time>', 'deleted at or after (ISO-8601)')
      .option('--to <time>', 'deleted before (ISO-8601)'),
  ).action(async (o: Conn & { clip?: string; incident?: string; from?: string; to?: string }) => {
    const q = new URLSearchParams();
    if (o.clip !== undefined) q.set('clipId', id('--clip', o.clip));
    if (o.incident !== undefined) q.set('incidentId', id('--incident', o.incident));
    for (const [flag, key, v] of [
      ['--from', 'from', o.from],
      ['--to', 'to', o.to],
    ] as const) {
      if (v === undefined) continue;
      if (Number.isNaN(Date.parse(v)))
        throw new CliError(`REQUEST.INVALID: ${flag} is not a time`, EXIT.DATA_ERR, 'REQUEST.INVALID');
      q.set(key, new Date(v).toISOString());
    }
    const rows = await client(o).get<
      { clipId: string; reason: string; deletedAt: string; deletedBy: string; parts: number | null }[]
    >(`/api/recording/deletions${q.size > 0 ? `?${q.toString()}` : ''}`);
    emit(io, Boolean(o.json), rows, () =>
      table(
        rows.map((d) => ({
          clipId: d.clipId,
          reason: d.reason,
          deletedAt: d.deletedAt,
          deletedBy: d.deletedBy,
          parts: d.parts,
        })),
        ['clipId', 'reason', 'deletedAt', 'deletedBy', 'parts'],
      ),
    );
  });
};
