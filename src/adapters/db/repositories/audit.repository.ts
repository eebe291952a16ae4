/** The audit log table: append (linked to the head) and read. UPDATE/DELETE are refused by triggers. */
import { sql } from 'kysely';
import { link, readDetails, type AuditEntry } from '../../../core/audit/chain.js';
import type { AuditFilter, AuditRepository } from '../../../services/ports.js';
import type { AuditLogTable } from '../schema.js';
import type { Executor } from './executor.js';

/** A row whose details cannot be read becomes a damaged entry (a finding), never an exception. */
const toEntry = (r: AuditLogTable): AuditEntry => {
  const details = readDetails(String(r.details));
  return {
    seq: Number(r.seq),
    at: String(r.at),
    actor: String(r.actor),
    action: String(r.action),
    subject: String(r.subject),
    details: details.ok ? details.details : {},
    prevHash: String(r.prev_hash),
    hash: String(r.hash),
    ...(details.ok ? {} : { damage: { reason: details.reason, raw: String(r.details) } }),
  };
};

// An arbitrary constant key for PostgreSQL's transaction-scoped advisory lock on the chain head.
const AUDIT_HEAD_LOCK = 0x70726f70;

const filteredOn = (db: Executor) => (f: AuditFilter) => {
  let q = db.selectFrom('audit_log');
  if (f.subject) q = q.where('subject', '=', f.subject);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.actions) q = q.where('action', 'in', f.actions.length > 0 ? [...f.actions] : ['-']);
  if (f.actor) q = q.where('actor', '=', f.actor);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  return q;
};

export const auditRepository = (db: Executor, dialect: 'sqlite' | 'postgres'): AuditRepository => {
  const filtered = filteredOn(db);
  return {
    async append(content) {
      // Serialise appends: two transactions must never link to the same head. SQLite has one
      // writer at a time (the Kysely driver serialises on its single connection); PostgreSQL
      // takes an advisory lock released at commit.
      if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(${AUDIT_HEAD_LOCK})`.execute(db);
      const head = await db
        .selectFrom('audit_log')
        .select(['seq', 'hash'])
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      const entry = link(head ? { seq: Number(head.seq), hash: head.hash } : undefined, content);
      await db
        .insertInto('audit_log')
        .values({
          seq: entry.seq,
          at: entry.at,
          actor: entry.actor,
          action: entry.action,
          subject: entry.subject,
          details: JSON.stringify(entry.details),
          prev_hash: entry.prevHash,
          hash: entry.hash,
        })
        .execute();
      return entry;
    },
    async page({ beforeSeq, limit, ...filter }) {
      let q = filtered(filter).selectAll();
      if (beforeSeq !== undefined) q = q.where('seq', '<', beforeSeq);
      return (await q.orderBy('seq', 'desc').limit(limit).execute()).map(toEntry);
    },
    countWhere: async (filter) =>
      Number(
        (
          await filtered(filter)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirst()
        )?.n ?? 0,
      ),
    async *iterate(batchSize) {
      let after = 0;
      for (;;) {
        const rows = await db
          .selectFrom('audit_log')
          .selectAll()
          .where('seq', '>', after)
          .orderBy('seq')
          .limit(batchSize)
          .execute();
        for (const r of rows) yield toEntry(r);
        if (rows.length < batchSize) return;
        after = Number(rows[rows.length - 1]!.seq);
      }
    },
    count: async () =>
      Number(
        (
          await db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
  };
};
