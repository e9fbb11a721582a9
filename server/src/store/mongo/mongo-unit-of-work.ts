/**
 * The unit of work over MongoDB: one snapshot-read, majority-write transaction per unit
 * (`MongoContext.transaction`), the repositories bound to its session, audit events appended in
 * the same transaction. The driver retries the whole unit on a write conflict with a concurrent
 * one, which then reads the other's committed result.
 */
import type { ClientSession } from 'mongoose';
import { appendMongoAuditEvent } from '../../features/audit/mongo-audit-append';
import type { Transaction, UnitOfWork } from '../unit-of-work';
import type { MongoContext } from './mongo-context';

/** The repositories of a transaction, bound to its session. */
export type MongoRepositories = (session: ClientSession) => Omit<Transaction, 'audit'>;

/** Creates the unit of work; `ensureAuditHead` must have run on the connection. */
export function createMongoUnitOfWork(ctx: MongoContext, repositories: MongoRepositories): UnitOfWork {
  return {
    transaction: (work) =>
      ctx.transaction((session) =>
        work({
          ...repositories(session),
          audit: {
            append: async (...events) => {
              for (const event of events) await appendMongoAuditEvent(ctx.connection, session, event);
            },
          },
        }),
      ),
  };
}
