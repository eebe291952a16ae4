/**
 * `proportio policy show --room ROOM [--json]`: a room's effective recording policy and what
 * decide() answers now for each kind of conversation, through the API (PROPORTIO_URL,
 * PROPORTIO_TOKEN) under the same permissions as the web UI.
 */
import type { Command } from 'commander';
import { loadClientConfig } from '../../config.js';
import { apiClient, type ApiClient } from '../api-client.js';
import { emit, table, type CliIo } from '../io.js';
import { resolveRoom } from '../resolve-room.js';

interface Conn {
  url?: string;
  token?: string;
  json?: boolean;
}

interface ShowOptions extends Conn {
  room: string;
}

type Mode =
  | { kind: 'off' }
  | { kind: 'incident-triggered'; preRollSeconds: number; postRollSeconds: number }
  | { kind: 'continuous' };

export interface RoomPolicyResponse {
  readonly roomId: string;
  readonly roomName: string;
  readonly at: string;
  readonly policy: {
    readonly roomId: string;
    readonly entries: ReadonlyArray<{
      assessmentId: string;
      conversationTypeId: string;
      mode: Mode;
      audioAllowed: boolean;
      retentionHours: number;
      validUntil?: string;
    }>;
  };
  readonly decisions: ReadonlyArray<{
    conversationTypeId: string;
    code: string;
    name: string;
    decision: {
      mode: Mode;
      audioAllowed: boolean;
      retentionHours?: number;
      viewers: string[];
      assessmentIds: string[];
      reason: string;
    };
    /** The same for a conversation started with a risk flag (scopes can be limited to those). */
    riskFlaggedDecision?: { mode: Mode };
  }>;
}

const withConn = (cmd: Command) =>
  cmd
    .option('--url <url>', 'Proportio base URL (default $PROPORTIO_URL or http://localhost:8080)')
    .option('--token <token>', 'API token (default $PROPORTIO_TOKEN)')
    .option('--json', 'print the result as JSON');

const client = (o: Conn): ApiClient =>
  apiClient(
    loadClientConfig(process.env, {
      ...(o.url ? { url: o.url } : {}),
      ...(o.token ? { token: o.token } : {}),
    }),
  );

export const modeText = (m: Mode): string =>
  m.kind === 'incident-triggered'
    ? `incident-triggered (pre-roll ${m.preRollSeconds} s, post-roll ${m.postRollSeconds} s)`
    : m.kind;

/** The human-readable view: one line per kind of conversation, then the in-force entries. */
export const renderRoomPolicy = (p: RoomPolicyResponse): string => {
  const now = table(
    p.decisions.map((d) => ({
      conversation: d.code,
      mode: modeText(d.decision.mode),
      'with risk flag': d.riskFlaggedDecision ? modeText(d.riskFlaggedDecision.mode) : null,
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
      const p = await api.get<RoomPolicyResponse>(`/api/rooms/${encodeURIComponent(room.id)}/policy`);
      emit(io, Boolean(o.json), p, () => renderRoomPolicy(p));
    });
};
