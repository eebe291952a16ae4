import type { Kysely } from 'kysely';
import type { Dialect, Migration } from './migration.js';

/**
 * The letters sent to a resident about their request (issue 12 §1, docs/rights.md "Letters"):
 * 0014 made the table; sending now records each letter, and which form went out (pdf or text)
 * belongs to the record. Rows from before (none were written) read as pdf.
 */
export const m0017RequestLetterFormat: Migration = {
  async up(db: Kysely<unknown>, _dialect: Dialect) {
    await db.schema
      .alterTable('subject_request_letters')
      .addColumn('format', 'text', (c) => c.notNull().defaultTo('pdf'))
      .execute();
  },
};
