/**
 * `proportio footage requests` and `proportio footage approve` (issue 10 §2, docs/custody.md):
 * the four-eyes viewing requests over the API (--url/--token). A custodian whose share is sealed
 * to their own age key approves here: the share is opened on this machine (with --identity, or
 * the passphrase typed at the terminal for a passphrase share) and only the opened share travels,
 * over the API, to be combined in the server's memory. Nothing is written to disk.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { encodeShareDocument } from '../../core/custody/share-document.js';
import { wipeShares } from '../../adapters/vault/custody.js';
import { client, withConn, type Conn } from '../connection.js';
import { CliError, EXIT, emit, table, type CliIo } from '../io.js';
import { ttySecretPrompt, type OpenSecretPrompt } from '../secret-prompt.js';
import { gatherShares } from './vault-custody.js';

const ID = /^[A-Za-z0-9-]{1,64}$/;
const STATES = ['pending', 'granted', 'refused', 'revoked', 'ended'];

interface RequestRow {
  id: string;
  clipId: string;
  state: string;
  requestedAt: string;
  requestedBy: { displayName: string };
  legalGround: string;
  threshold: number;
  approvals: Array<{ by: { displayName: string } }>;
  awaiting: Array<{ displayName: string }>;
}

export const registerFootageCommands = (
  program: Command,
  io: CliIo,
  openPrompt: OpenSecretPrompt = ttySecretPrompt,
): void => {
  const footage = program.command('footage').description('four-eyes viewing of sealed footage');

  withConn(
    footage
      .command('requests')
      .description('viewing requests of your sites, newest first')
      .option('--state <state>', `only this state (${STATES.join(', ')})`)
      .option('--awaiting-me', 'only requests waiting for your approval'),
  ).action(async (o: Conn & { state?: string; awaitingMe?: boolean }) => {
    if (o.state !== undefined && !STATES.includes(o.state))
      throw new CliError(
        `REQUEST.INVALID: --state is one of ${STATES.join(', ')}`,
        EXIT.DATA_ERR,
        'REQUEST.INVALID',
      );
    const q = new URLSearchParams();
    if (o.state) q.set('state', o.state);
    if (o.awaitingMe) q.set('awaitingMe', 'true');
    const rows = await client(o).get<RequestRow[]>(`/api/footage/requests${q.size > 0 ? `?${q}` : ''}`);
    emit(io, Boolean(o.json), rows, () =>
      table(
        rows.map((r) => ({
          id: r.id,
          clip: r.clipId,
          state: r.state,
          requested: r.requestedAt,
          by: r.requestedBy.displayName,
          ground: r.legalGround,
          approvals: `${r.approvals.length}/${r.threshold}`,
          awaiting: r.awaiting.map((p) => p.displayName).join(', '),
        })),
        ['id', 'clip', 'state', 'requested', 'by', 'ground', 'approvals', 'awaiting'],
      ),
    );
  });

  withConn(
    footage
      .command('approve')
      .description(
        'approve a viewing request with your share of the vault key (opened here, sent over the API)',
      )
      .argument('<request>', 'the request id')
      .requiredOption('--share <file>', 'your sealed share (proportio vault share export)')
      .option('--identity <keyfile>', 'your age identity file, for a share sealed to your age key'),
  ).action(async (request: string, o: Conn & { share: string; identity?: string }) => {
    if (!ID.test(request))
      throw new CliError('REQUEST.INVALID: the request is an id', EXIT.DATA_ERR, 'REQUEST.INVALID');
    const api = client(o);
    // Fail before anything is opened when the server is unreachable or the token not allowed.
    const current = await api.get<RequestRow>(`/api/footage/requests/${request}`);
    await readFile(o.share).catch((e: NodeJS.ErrnoException) => {
      throw new CliError(`cannot read the share file ${o.share}: ${e.code ?? 'error'}`, EXIT.NO_INPUT);
    });
    const docs = await gatherShares(
      { files: [o.share], of: [], identities: o.identity ? [o.identity] : [] },
      { openPrompt, say: (t) => io.err(t), vault: '', custody: null },
    );
    const doc = docs[0]!;
    const bytes = Buffer.from(encodeShareDocument(doc.info, doc.share));
    wipeShares(docs);
    const body = { share: bytes.toString('base64') };
    bytes.fill(0);
    let r: RequestRow;
    try {
      r = await api.post<RequestRow>(`/api/footage/requests/${current.id}/approve`, body);
    } finally {
      body.share = '';
    }
    emit(io, Boolean(o.json), r, () =>
      r.state === 'granted'
        ? `approved: request ${r.id} is granted (${r.approvals.length} of ${r.threshold} custodians)`
        : `approved: ${r.approvals.length} of ${r.threshold}; still awaiting ${r.awaiting.map((p) => p.displayName).join(', ')}`,
    );
  });
};
