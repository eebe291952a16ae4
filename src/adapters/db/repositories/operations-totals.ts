/**
 * Database totals for /metrics that no capability's repository keeps: alarms ever raised, clips
 * deleted (by reason, with their bytes) and clips under a live legal hold. Totals from the
 * database are the same on every instance, so Prometheus may scrape any of them.
 */
import { sql } from 'kysely';
import type { Database } from '../connection.js';

export interface OperationsTotals {
  readonly alarmsRaised: number;
  readonly clipsDeleted: ReadonlyArray<{ reason: string; clips: number; bytes: number }>;
  readonly clipsHeld: number;
}

export const operationsTotals = async (database: Database, now: Date): Promise<OperationsTotals> => {
  const { db } = database;
  const alarms = await db
    .selectFrom('alarms')
    .select((e) => e.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  const deleted = await db
    .selectFrom('clip_deletions')
    .select([
      'reason',
      (e) => e.fn.countAll<number | string>().as('clips'),
      sql<number | string | null>`sum(sealed_bytes)`.as('bytes'),
    ])
    .groupBy('reason')
    .orderBy('reason')
    .execute();
  const held = await db
    .selectFrom('clip_holds')
    .select(sql<number | string>`count(distinct clip_id)`.as('n'))
    .where('released_at', 'is', null)
    .where('until', '>', now.toISOString())
    .executeTakeFirst();
  return {
    alarmsRaised: Number(alarms?.n ?? 0),
    clipsDeleted: deleted.map((d) => ({
      reason: d.reason,
      clips: Number(d.clips),
      bytes: Number(d.bytes ?? 0),
    })),
    clipsHeld: Number(held?.n ?? 0),
  };
};
