/**
 * `proportio policy show --room ROOM [--json]`: a room's effective recording policy and what
 * decide() answers now for each kind of conversation, through the API (PROPORTIO_URL,
 * PROPORTIO_TOKEN) under the same permissions as the web UI.
 */
import type { Command } from 'commander';
import type { RecordingModeView, RoomPolicyView } from '../../http/routes/policy/policy-schemas.js';
import { client, withConn, type Conn } from '../connection.js';
import { emit, table, type CliIo } from '../io.js';
import { resolveRoom } from '../resolve.js';

interface ShowOptions extends Conn {
  room: string;
}

export const modeText = (m: RecordingModeView): string =>
  m.kind === 'incident-triggered'
    ? `incident-triggered (pre-roll ${m.preRollSeconds} s, post-roll ${m.postRollSeconds} s)`
    : m.kind;

/** The human-readable view: one line per kind of conversation, then the in-force entries. */
export const renderRoomPolicy = (p: RoomPolicyView): string => {
  const now = table(
    p.decisions.map((d) => ({
      conversation: d.code,
      mode: modeText(d.decision.mode),
      'with risk flag': modeText(d.riskFlaggedDecision.mode),
      audio: d.decision.audioAllowed,
      retention: d.decision.retentionHours === undefined ? null : `${d.decision.retentionHours} h`,
      why: d.decision.reason,
    })),
    ['conversation', 'mode', 'with risk flag', 'audio', 'retention', 'why'],
  );
  const entries =
    p.policy.entries.length === 0
      ? 'No approved, in-force assessment enables recording in this room: recording is off.'
      : table(
          p.policy.entries.map((e) => ({
            assessment: e.assessmentId,
            conversation: e.conversationTypeId,
            mode: modeText(e.mode),
            until: e.validUntil ?? null,
          })),
          ['assessment', 'conversation', 'mode', 'until'],
        );
  return `${p.roomName} (${p.roomId}) at ${p.at}\n\n${now}\n\n${entries}`;
};

export const registerPolicyCommands = (program: Command, io: CliIo): void => {
  const policy = program.command('policy').description('the room policy compiled from approved assessments');
  withConn(
    policy
      .command('show')
      .description("a room's effective recording policy, and what applies now per kind of conversation"),
  )
    .requiredOption('--room <room>', 'room id or name')
    .action(async (o: ShowOptions) => {
      const api = client(o);
      const room = await resolveRoom(api, o.room);
      const p = await api.get<RoomPolicyView>(`/api/rooms/${encodeURIComponent(room.id)}/policy`);
      emit(io, Boolean(o.json), p, () => renderRoomPolicy(p));
    });
};
