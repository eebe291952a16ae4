/**
 * Residents' requests from the command line (issue 12 §1, docs/rights.md), through the API under
 * the same permissions and audit as the web UI (PROPORTIO_URL, PROPORTIO_TOKEN of the privacy
 * officer; the auditor may list and show):
 *
 *   proportio rights list [--status S] [--kind K] [--deadline overdue|due-soon|open|answered] [--open]
 *   proportio rights show REQUEST
 *   proportio rights add --kind K --channel C --received T --room ROOM --from T --to T
 *                        --contact TEXT --identity METHOD [--name TEXT] [--identity-note TEXT]
 *                        [--recognition TEXT] [--language nl|en]
 *
 * Never a copy or number of an identity document: only how identity was checked. The server
 * checks everything and answers with a stable code (RIGHTS.INVALID names the field).
 */
import type { Command } from 'commander';
import { client, withConn, type Conn } from '../connection.js';
import { CliError, EXIT, emit, table, type CliIo } from '../io.js';
import { resolveRoom } from '../resolve.js';

const ID = /^[A-Za-z0-9-]{1,64}$/;

interface RequestRow {
  id: string;
  kind: string;
  channel: string;
  status: string;
  receivedOn: string;
  roomId: string | null;
  windowFrom: string;
  windowTo: string;
  decision: string | null;
  deadline: { status: string; dueOn: string; daysLeft: number };
}

interface Detail {
  request: RequestRow & Record<string, unknown>;
  events: { at: string; by: string; action: string }[];
  clips: { clipId: string; outcome: string | null; policeReport: string | null }[];
}

export const registerRightsCommands = (program: Command, io: CliIo): void => {
  const rights = program.command('rights').description("residents' requests (AVG art. 15, 17, 18, 21)");

  withConn(
    rights
      .command('list')
      .description('the register, with where each request stands against its deadline')
      .option('--status <status>', 'received | in-progress | decided | sent | closed')
      .option('--kind <kind>', 'access | erasure | restriction | objection')
      .option('--deadline <state>', 'overdue | due-soon | open | answered')
      .option('--open', 'only requests not closed'),
  ).action(async (o: Conn & { status?: string; kind?: string; deadline?: string; open?: boolean }) => {
    const q = new URLSearchParams();
    if (o.status !== undefined) q.set('status', o.status);
    if (o.kind !== undefined) q.set('kind', o.kind);
    if (o.deadline !== undefined) q.set('deadline', o.deadline);
    if (o.open === true) q.set('open', 'true');
    const rows = await client(o).get<RequestRow[]>(`/api/rights/requests${q.size > 0 ? `?${q}` : ''}`);
    emit(io, Boolean(o.json), rows, () =>
      table(
        rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          status: r.status,
          received: r.receivedOn,
          due: r.deadline.dueOn,
          deadline: r.deadline.status,
          daysLeft: r.deadline.daysLeft,
          decision: r.decision,
        })),
        ['id', 'kind', 'status', 'received', 'due', 'deadline', 'daysLeft', 'decision'],
      ),
    );
  });

  withConn(
    rights
      .command('show')
      .description('one request, its timeline and its clips')
      .argument('<request>', 'request id'),
  ).action(async (id: string, o: Conn) => {
    if (!ID.test(id))
      throw new CliError('REQUEST.INVALID: REQUEST must be an id', EXIT.DATA_ERR, 'REQUEST.INVALID');
    const d = await client(o).get<Detail>(`/api/rights/requests/${id}`);
    const r = d.request;
    emit(io, Boolean(o.json), d, () =>
      [
        `${r.id}  ${r.kind}  ${r.status}`,
        `received ${r.receivedOn} via ${r.channel}; due ${r.deadline.dueOn} (${r.deadline.status}, ${r.deadline.daysLeft} days)`,
        `window ${r.windowFrom} – ${r.windowTo}${r.roomId === null ? '' : ` in room ${r.roomId}`}`,
        r.decision === null ? 'no decision yet' : `decision: ${r.decision}`,
        '',
        table(d.events, ['at', 'by', 'action']),
        '',
        d.clips.length === 0 ? 'no clips linked' : table(d.clips, ['clipId', 'outcome', 'policeReport']),
      ].join('\n'),
    );
  });

  withConn(
    rights
      .command('add')
      .description("register a resident's request (prints its id and due date)")
      .requiredOption('--kind <kind>', 'access | erasure | restriction | objection')
      .requiredOption('--channel <channel>', 'desk | post | email | phone | web')
      .requiredOption('--received <time>', 'when it came in: ISO date-time with offset')
      .requiredOption('--room <room>', 'the room the resident names (id or name)')
      .requiredOption('--from <time>', 'the time frame the resident gives: start (ISO date-time)')
      .requiredOption('--to <time>', 'the time frame: end (ISO date-time)')
      .requiredOption('--contact <text>', 'where to send the answer')
      .requiredOption(
        '--identity <method>',
        'document-shown | digid | known-contact | signature | callback | other',
      )
      .option('--name <text>', "the requester's name, as needed to answer")
      .option('--identity-note <text>', 'how identity was checked (never a document number)')
      .option('--recognition <text>', 'what the resident said to recognise them in footage')
      .option('--language <lang>', 'language of the letters: nl | en', 'nl'),
  ).action(
    async (
      o: Conn & {
        kind: string;
        channel: string;
        received: string;
        room: string;
        from: string;
        to: string;
        contact: string;
        identity: string;
        name?: string;
        identityNote?: string;
        recognition?: string;
        language: string;
      },
    ) => {
      const api = client(o);
      const room = await resolveRoom(api, o.room);
      const r = await api.post<RequestRow>('/api/rights/requests', {
        kind: o.kind,
        channel: o.channel,
        receivedAt: o.received,
        roomId: room.id,
        windowFrom: o.from,
        windowTo: o.to,
        requesterContact: o.contact,
        identityMethod: o.identity,
        language: o.language,
        ...(o.name === undefined ? {} : { requesterName: o.name }),
        ...(o.identityNote === undefined ? {} : { identityNote: o.identityNote }),
        ...(o.recognition === undefined ? {} : { recognition: o.recognition }),
      });
      emit(io, Boolean(o.json), r, () => `${r.id} due ${r.deadline.dueOn}`);
    },
  );
};
