import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../schema.js';

/** Repositories take the executor (the database or an open transaction) in their constructor. */
export type Executor = Kysely<DB> | Transaction<DB>;

export const bool = (n: number): boolean => n !== 0;
export const int = (b: boolean): number => (b ? 1 : 0);

/** The first row a query finds, as its domain type; undefined when there is none. */
export const firstAs = async <Row, T>(
  query: { executeTakeFirst(): Promise<Row | undefined> },
  to: (r: Row) => T,
): Promise<T | undefined> => {
  const r = await query.executeTakeFirst();
  return r === undefined ? undefined : to(r);
};
