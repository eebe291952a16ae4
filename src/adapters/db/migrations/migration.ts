import type { Kysely } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/** A migration that knows the dialect (triggers and functions differ between SQLite and PostgreSQL). */
export interface Migration {
  up(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
}
