/**
 * The RateLimits port (services/ports.ts), twice: in this process's memory for one instance
 * (SQLite, or a single PostgreSQL instance would do too), and in PostgreSQL when several instances
 * share it, so a limit counts across all of them (ADR 0017). Both apply core/rate-limit.ts: the
 * memory one calls it, the PostgreSQL one says the same in one upsert.
 */
import { sql, type Kysely } from 'kysely';
import { decideHit, type WindowLimit } from '../../core/rate-limit.js';
import type { RateLimits } from '../../services/ports.js';
import type { DB } from '../db/schema.js';

/** Keys kept per process: beyond it the least recently used go (which only admits more). */
const MAX_KEYS = 10_000;

export const memoryRateLimits = (maxKeys = MAX_KEYS): RateLimits => {
  const hits = new Map<string, readonly number[]>();
  return {
    admit(scope, key, nowMs, limit, force = false) {
      const k = `${scope}\u0000${key}`;
      const d = decideHit(hits.get(k) ?? [], nowMs, limit, force);
      hits.delete(k);
      hits.set(k, d.history);
      if (hits.size > maxKeys) {
        const oldest = hits.keys().next().value;
        if (oldest !== undefined) hits.delete(oldest);
      }
      return Promise.resolve(d.admit);
    },
  };
};

/** How often one instance deletes the rows whose window has passed. */
const SWEEP_MS = 60_000;

/**
 * One row per scope and key with the admitted hit times still in the window (at most `max` of
 * them). The upsert takes the row's lock, so two instances' hits of one key are decided one after
 * the other and none is lost; a refused hit changes only `admitted`.
 */
export const pgRateLimits = (db: Kysely<DB>): RateLimits => {
  let swept = 0;
  const sweep = (nowMs: number) => {
    if (nowMs - swept < SWEEP_MS) return;
    swept = nowMs;
    // A failed sweep only leaves old rows for the next one; the window filter ignores them anyway.
    void sql`DELETE FROM rate_limits WHERE expires_ms < ${nowMs}`.execute(db).catch(() => undefined);
  };
  return {
    async admit(scope, key, nowMs, limit: WindowLimit, force = false) {
      const now = sql`${nowMs}::bigint`;
      const window = sql`${limit.windowMs}::bigint`;
      const max = sql`${limit.max}::int`;
      const forced = sql`${force}::boolean`;
      const recent = sql`ARRAY(SELECT t FROM unnest(r.hits) AS t WHERE ${now} - t < ${window} AND t <= ${now})`;
      const admit = sql`(${forced} OR cardinality(${recent}) < ${max})`;
      const { rows } = await sql<{ admitted: boolean }>`
        INSERT INTO rate_limits AS r (scope, key, hits, admitted, expires_ms)
        VALUES (${scope}, ${key},
                CASE WHEN ${forced} OR ${max} > 0 THEN ARRAY[${now}] ELSE ARRAY[]::bigint[] END,
                ${forced} OR ${max} > 0, ${now} + ${window})
        ON CONFLICT (scope, key) DO UPDATE SET
          admitted = ${admit},
          hits = CASE WHEN ${admit} THEN ${recent} || ${now} ELSE ${recent} END,
          expires_ms = ${now} + ${window}
        RETURNING admitted`.execute(db);
      sweep(nowMs);
      return rows[0]?.admitted === true;
    },
  };
};
