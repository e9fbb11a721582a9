/**
 * The unit of work over better-sqlite3. better-sqlite3 transactions are synchronous, while a
 * unit of work awaits between its reads; holding a SQLite transaction open across those awaits
 * would let any other request's writes on the same connection join it (and roll back with it).
 * So a unit of work reads committed state, queues its writes, and applies them in one
 * synchronous transaction at the end. Units of work run one at a time, so what one read cannot
 * change before its writes commit: serialisable, as SQLite's single writer is anyway.
 */
import type Database from 'better-sqlite3';
import { createSqliteAuditAppender } from '../../features/audit/sqlite-audit-append';
import { DuplicateKeyError, type Transaction, type UnitOfWork } from '../unit-of-work';

/** Queues one write of the current unit of work; it runs at commit, inside the transaction. */
export type QueueWrite = (write: () => void) => void;

/** The repositories of a transaction, given where their writes go. */
export type SqliteRepositories = (queue: QueueWrite) => Omit<Transaction, 'audit'>;

/** Runs `insert`, turning a primary-key or unique violation into {@link DuplicateKeyError}. */
export function insertOrDuplicate(record: string, key: string, insert: () => void): void {
  try {
    insert();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') throw new DuplicateKeyError(record, key);
    throw error;
  }
}

/** Creates the unit of work on an open, migrated database. */
export function createSqliteUnitOfWork(db: Database.Database, repositories: SqliteRepositories): UnitOfWork {
  const appendAudit = createSqliteAuditAppender(db);
  let last: Promise<unknown> = Promise.resolve();

  const run = async <T>(work: (tx: Transaction) => Promise<T>): Promise<T> => {
    const writes: (() => void)[] = [];
    const queue: QueueWrite = (write) => writes.push(write);
    const tx: Transaction = {
      ...repositories(queue),
      audit: { append: async (...events) => events.forEach((event) => queue(() => appendAudit(event))) },
    };
    const result = await work(tx);
    db.transaction(() => writes.forEach((write) => write()))();
    return result;
  };

  return {
    transaction: (work) => {
      const result = last.then(() => run(work));
      last = result.catch(() => undefined);
      return result;
    },
  };
}
