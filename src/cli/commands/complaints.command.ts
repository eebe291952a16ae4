/**
 * Complaints and regulator inquiries from the command line (issue 12 §3, docs/rights.md), through
 * the API under the same permissions and audit as the web UI (PROPORTIO_URL, PROPORTIO_TOKEN of
 * the privacy officer; the auditor and the accountable official may list and show):
 *
 *   proportio complaints list [--status S] [--kind K] [--source S] [--deadline overdue|due-soon|open|answered] [--open]
 *   proportio complaints show COMPLAINT
 *   proportio complaints add --kind complaint|regulator-inquiry --source S --received T --subject TEXT
 *                            [--site SITE] [--from-name TEXT] [--contact TEXT] [--reference TEXT]
 *                            [--summary TEXT] [--due YYYY-MM-DD] [--room ROOM]… [--assessment ID]… [--request ID]…
 *
 * The server checks everything and answers with a stable code (COMPLAINT.INVALID names the field).
 */
import type { Command } from 'commander';
import { client, withConn, type Conn } from '../connection.js';
import { CliError, EXIT, emit, table, type CliIo } from '../io.js';
import { resolveRoom } from '../resolve.js';

const ID = /^[A-Za-z0-9-]{1,64}$/;
const many = (v: string, prev: string[] = []) => [...prev, v];

interface ComplaintRow {
  id: string;
  kind: string;
  source: string;
  status: string;
  receivedOn: string;
  subject: string;
  outcome: string | null;
  deadline: { status: string; dueOn: string; daysLeft: number };
}

interface Detail {
  complaint: ComplaintRow & { reference: string | null; siteId: string | null; summary: string | null };
  events: { at: string; by: string; action: string; details: Record<string, unknown> }[];
  links: { kind: string; targetId: string; label: string | null }[];
}

export const registerComplaintCommands = (program: Command, io: CliIo): void => {
  const complaints = program
    .command('complaints')
    .description('complaints and inquiries from the regulator (Awb art. 9:11; the AP)');

  withConn(
    complaints
      .command('list')
      .description('the register, with where each stands against its deadline')
      .option('--status <status>', 'received | in-progress | answered | closed')
      .option('--kind <kind>', 'complaint | regulator-inquiry')
      .option('--source <source>', 'resident | staff | union | works-council | regulator | other')
      .option('--deadline <state>', 'overdue | due-soon | open | answered')
      .option('--open', 'only those not closed'),
  ).action(
    async (
      o: Conn & { status?: string; kind?: string; source?: string; deadline?: string; open?: boolean },
    ) => {
      const q = new URLSearchParams();
      for (const k of ['status', 'kind', 'source', 'deadline'] as const) {
        const v = o[k];
        if (v !== undefined) q.set(k, v);
      }
      if (o.open === true) q.set('open', 'true');
      const rows = await client(o).get<ComplaintRow[]>(`/api/complaints${q.size > 0 ? `?${q}` : ''}`);
      emit(io, Boolean(o.json), rows, () =>
        table(
          rows.map((r) => ({
            id: r.id,
            kind: r.kind,
            source: r.source,
            status: r.status,
            received: r.receivedOn,
            due: r.deadline.dueOn,
            deadline: r.deadline.status,
            daysLeft: r.deadline.daysLeft,
            outcome: r.outcome,
          })),
          ['id', 'kind', 'source', 'status', 'received', 'due', 'deadline', 'daysLeft', 'outcome'],
        ),
      );
    },
  );

  withConn(
    complaints
      .command('show')
      .description('one complaint or inquiry, its timeline and links')
      .argument('<complaint>', 'complaint id'),
  ).action(async (id: string, o: Conn) => {
    if (!ID.test(id))
      throw new CliError('REQUEST.INVALID: COMPLAINT must be an id', EXIT.DATA_ERR, 'REQUEST.INVALID');
    const d = await client(o).get<Detail>(`/api/complaints/${id}`);
    const c = d.complaint;
    emit(io, Boolean(o.json), d, () =>
      [
        `${c.id}  ${c.kind}  ${c.source}  ${c.status}`,
        `subject: ${c.subject}`,
        `received ${c.receivedOn}; due ${c.deadline.dueOn} (${c.deadline.status}, ${c.deadline.daysLeft} days)`,
        c.outcome === null ? 'no outcome yet' : `outcome: ${c.outcome}`,
        '',
        table(
          d.events.map((e) => ({ at: e.at, by: e.by, action: e.action })),
          ['at', 'by', 'action'],
        ),
        '',
        d.links.length === 0 ? 'no links' : table(d.links, ['kind', 'targetId', 'label']),
      ].join('\n'),
    );
  });

  withConn(
    complaints
      .command('add')
      .description('register a complaint or a regulator inquiry (prints its id and due date)')
      .requiredOption('--kind <kind>', 'complaint | regulator-inquiry')
      .requiredOption('--source <source>', 'resident | staff | union | works-council | regulator | other')
      .requiredOption('--received <time>', 'when it came in: ISO date-time with offset')
      .requiredOption('--subject <text>', 'what it is about, in a few words')
      .option('--site <site>', 'the site it concerns (id); leave out for the whole organisation')
      .option('--from-name <text>', "the organisation's name, or who complained as far as needed")
      .option('--contact <text>', 'where the answer goes (erased a while after closing)')
      .option('--reference <text>', "the regulator's case number or the complainant's reference")
      .option('--summary <text>', 'a short summary')
      .option('--due <day>', 'for an inquiry: the deadline the regulator set (YYYY-MM-DD)')
      .option('--room <room>', 'a room it concerns (id or name; repeatable)', many)
      .option('--assessment <id>', 'an assessment it concerns (repeatable)', many)
      .option('--request <id>', "a resident's request it concerns (repeatable)", many),
  ).action(
    async (
      o: Conn & {
        kind: string;
        source: string;
        received: string;
        subject: string;
        site?: string;
        fromName?: string;
        contact?: string;
        reference?: string;
        summary?: string;
        due?: string;
        room?: string[];
        assessment?: string[];
        request?: string[];
      },
    ) => {
      const api = client(o);
      const rooms = [];
      for (const r of o.room ?? []) rooms.push({ kind: 'room', targetId: (await resolveRoom(api, r)).id });
      const c = await api.post<ComplaintRow>('/api/complaints', {
        kind: o.kind,
        source: o.source,
        receivedAt: o.received,
        subject: o.subject,
        links: [
          ...rooms,
          ...(o.assessment ?? []).map((targetId) => ({ kind: 'assessment', targetId })),
          ...(o.request ?? []).map((targetId) => ({ kind: 'request', targetId })),
        ],
        ...(o.site === undefined ? {} : { siteId: o.site }),
        ...(o.fromName === undefined ? {} : { fromName: o.fromName }),
        ...(o.contact === undefined ? {} : { fromContact: o.contact }),
        ...(o.reference === undefined ? {} : { reference: o.reference }),
        ...(o.summary === undefined ? {} : { summary: o.summary }),
        ...(o.due === undefined ? {} : { regulatorDueOn: o.due }),
      });
      emit(io, Boolean(o.json), c, () => `${c.id} due ${c.deadline.dueOn}`);
    },
  );
};
