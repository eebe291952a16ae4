/** The audit log table: append (linked to the head) and read. UPDATE/DELETE are refused by triggers. */
import { sql } from 'kysely';
import { link, readDetails, type AuditEntry } from '../../../core/audit/chain.js';
import type { AuditRepository } from '../../../services/ports.js';
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

export const auditRepository = (db: Executor, dialect: 'sqlite' | 'postgres'): AuditRepository => ({
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
  async page({ beforeSeq, limit, subject, action }) {
    let q = db.selectFrom('audit_log').selectAll();
    if (beforeSeq !== undefined) q = q.where('seq', '<', beforeSeq);
    if (subject) q = q.where('subject', '=', subject);
    if (action) q = q.where('action', '=', action);
    return (await q.orderBy('seq', 'desc').limit(limit).execute()).map(toEntry);
  },
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
});
