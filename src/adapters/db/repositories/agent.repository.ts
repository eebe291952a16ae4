/** The recorder agents' table (migration 0018): plain storage, no rules. */
import type { AgentRecord, AgentReport } from '../../../core/agents/agent.js';
import type { AgentRepository, AgentStore } from '../../../services/agent-ports.js';
import type { Database } from '../connection.js';
import type { RecorderAgentTable } from '../schema-agents.js';
import '../schema-agents.js';
import { createUnitOfWork } from '../store.js';
import type { Executor } from './executor.js';

const report = (text: string | null): AgentReport | null => {
  if (text === null) return null;
  try {
    return JSON.parse(text) as AgentReport;
  } catch {
    return null;
  }
};

const toAgent = (r: RecorderAgentTable): AgentRecord => ({
  id: r.id,
  siteId: r.site_id,
  name: r.name,
  createdAt: r.created_at,
  createdBy: r.created_by,
  codeHash: r.code_hash,
  codeExpiresAt: r.code_expires_at,
  tokenHash: r.token_hash,
  recipient: r.recipient,
  enrolledAt: r.enrolled_at,
  revokedAt: r.revoked_at,
  revokedBy: r.revoked_by,
  lastSeenAt: r.last_seen_at,
  lastReport: report(r.last_report),
});

const toRow = (a: AgentRecord): RecorderAgentTable => ({
  id: a.id,
  site_id: a.siteId,
  name: a.name,
  created_at: a.createdAt,
  created_by: a.createdBy,
  code_hash: a.codeHash,
  code_expires_at: a.codeExpiresAt,
  token_hash: a.tokenHash,
  recipient: a.recipient,
  enrolled_at: a.enrolledAt,
  revoked_at: a.revokedAt,
  revoked_by: a.revokedBy,
  last_seen_at: a.lastSeenAt,
  last_report: a.lastReport === null ? null : JSON.stringify(a.lastReport),
});

export const agentRepository = (db: Executor): AgentRepository => ({
  insert: async (a) => {
    await db.insertInto('recorder_agents').values(toRow(a)).execute();
  },
  update: async (a) => {
    const { id, ...rest } = toRow(a);
    await db.updateTable('recorder_agents').set(rest).where('id', '=', id).execute();
  },
  get: async (id) => {
    const r = await db.selectFrom('recorder_agents').selectAll().where('id', '=', id).executeTakeFirst();
    return r === undefined ? undefined : toAgent(r);
  },
  byCodeHash: async (hash) => {
    const r = await db
      .selectFrom('recorder_agents')
      .selectAll()
      .where('code_hash', '=', hash)
      .executeTakeFirst();
    return r === undefined ? undefined : toAgent(r);
  },
  list: async () =>
    (await db.selectFrom('recorder_agents').selectAll().orderBy('created_at').orderBy('id').execute()).map(
      toAgent,
    ),
  seen: async (id, at, text) => {
    await db
      .updateTable('recorder_agents')
      .set({ last_seen_at: at, ...(text === null ? {} : { last_report: text }) })
      .where('id', '=', id)
      .execute();
  },
});

export const createAgentStore = (database: Database): AgentStore =>
  createUnitOfWork(database, (db) => ({ agents: agentRepository(db) }));
