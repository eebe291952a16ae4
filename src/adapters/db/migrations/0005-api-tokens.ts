import { sql, type Kysely } from 'kysely';
import type { Dialect, Migration } from './migration.js';

/**
 * API tokens get an expiry and the reason they ended (revoked, or with their owner's password
 * or account). Tokens made before expiries existed get the default lifetime from now, so no
 * script stops at the upgrade but none lives for ever.
 */
const LEGACY_LIFETIME_DAYS = 90;

export const m0005ApiTokens: Migration = {
  async up(db: Kysely<unknown>, _dialect: Dialect) {
    await db.schema.alterTable('api_tokens').addColumn('expires_at', 'text').execute();
    await db.schema.alterTable('api_tokens').addColumn('ended_reason', 'text').execute();
    const until = new Date(Date.now() + LEGACY_LIFETIME_DAYS * 86_400_000).toISOString();
    await sql`UPDATE api_tokens SET expires_at = ${until} WHERE expires_at IS NULL`.execute(db);
    await sql`UPDATE api_tokens SET ended_reason = 'revoked' WHERE revoked_at IS NOT NULL`.execute(db);
    await db.schema.createIndex('api_tokens_user_idx').on('api_tokens').column('user_id').execute();
  },
};
