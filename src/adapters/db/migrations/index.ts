import type { Kysely, Migration as KyselyMigration, MigrationProvider } from 'kysely';
import { m0001Foundation } from './0001-foundation.js';

export type Dialect = 'sqlite' | 'postgres';

/** A migration that knows the dialect (triggers and functions differ between SQLite and PostgreSQL). */
export interface Migration {
  up(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
}

/** Ordered list; names are permanent once released. Add new migrations at the end. */
export const MIGRATIONS: ReadonlyArray<readonly [string, Migration]> = [['0001-foundation', m0001Foundation]];

export const migrationProvider = (dialect: Dialect): MigrationProvider => ({
  getMigrations: () =>
    Promise.resolve(
      Object.fromEntries(
        MIGRATIONS.map(([name, m]): [string, KyselyMigration] => [name, { up: (db) => m.up(db, dialect) }]),
      ),
    ),
});
