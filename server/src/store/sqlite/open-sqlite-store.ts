/**
 * The embedded adapter: every feature store on one better-sqlite3 connection to
 * `<dataDir>/baton.sqlite`, its WAL checkpointed by a worker thread (`wal-checkpointer.ts`).
 */
import type Database from 'better-sqlite3';
import { createSqliteAuditLogStore } from '../../features/audit/sqlite-audit-log-store';
import { createSqliteApiKeyAccess, sqliteApiKeyRepositories } from '../../features/auth/sqlite-api-key-repositories';
import { createApiKeyStore } from '../../features/auth/transactional-api-key-store';
import { createSqliteBacktestAccess, sqliteBacktestRepositories } from '../../features/backtest/sqlite-backtest-repositories';
import { createBacktestStore } from '../../features/backtest/transactional-backtest-store';
import { createSqliteDecisionLogAccess, sqliteDecisionRepositories } from '../../features/decisions/sqlite-decision-log-store';
import { createDecisionLogStore } from '../../features/decisions/transactional-decision-log-store';
import { createSqliteDirectoryAccess, sqliteDirectoryRepositories } from '../../features/directory/sqlite-directory-repositories';
import { createDirectoryStore } from '../../features/directory/transactional-directory-store';
import { createSqliteHandoffAccess, sqliteHandoffRepositories } from '../../features/handoffs/sqlite-handoff-repositories';
import { createHandoffStore } from '../../features/handoffs/transactional-handoff-store';
import { createIdempotencyStore } from '../../features/idempotency/idempotency-store';
import { sqliteIdempotencyRepositories } from '../../features/idempotency/sqlite-idempotency-repositories';
import { createSqliteOutcomeAccess, sqliteOutcomeRepositories } from '../../features/outcomes/sqlite-outcome-repositories';
import { createOutcomeStore } from '../../features/outcomes/transactional-outcome-store';
import { createSqlitePolicyReads, sqlitePolicyRepositories } from '../../features/policies/sqlite-policy-repositories';
import { createSqliteWebhookOutbox, type SqliteHandoffOutbox } from '../../features/webhooks/sqlite-webhook-outbox';
import { createSqliteWebhookAccess, sqliteWebhookRepositories } from '../../features/webhooks/sqlite-webhook-repositories';
import { createWebhookStore } from '../../features/webhooks/transactional-webhook-store';
import type { BatonStore } from '../baton-store';
import { createPolicyStores } from '../../features/policies/transactional-policy-stores';
import { openDatabase } from './open-database';
import { createSqliteUnitOfWork, type SqliteRepositories } from './sqlite-unit-of-work';
import { startWalCheckpointer } from './wal-checkpointer';

/**
 * Every feature's repositories on `db`, as a unit of work writes through them. Handoff changes
 * append their webhook events to `outbox` in their own transactions (default: the webhooks
 * outbox on `db`; tests pass their own to see the changes).
 */
export function sqliteRepositories(db: Database.Database, outbox: SqliteHandoffOutbox = createSqliteWebhookOutbox(db)): SqliteRepositories {
  const policies = sqlitePolicyRepositories(db);
  const keys = sqliteApiKeyRepositories(db);
  const backtests = sqliteBacktestRepositories(db);
  const outcomes = sqliteOutcomeRepositories(db);
  const idempotency = sqliteIdempotencyRepositories(db);
  const webhooks = sqliteWebhookRepositories(db);
  const directory = sqliteDirectoryRepositories(db);
  const handoffs = sqliteHandoffRepositories(db, outbox);
  const decisions = sqliteDecisionRepositories(db);
  return (queue) => ({
    ...policies(queue),
    ...keys(queue),
    ...backtests(queue),
    ...outcomes(queue),
    ...idempotency(queue),
    ...webhooks(queue),
    ...directory(queue),
    ...handoffs(queue),
    ...decisions(queue),
  });
}

/**
 * Opens (creating and migrating when needed) the SQLite store in `dataDir`.
 * @throws when the directory or database file cannot be opened.
 */
export async function openSqliteStore(dataDir: string): Promise<BatonStore> {
  const db = openDatabase(dataDir);
  const checkpointer = startWalCheckpointer(db);
  const ping = db.prepare('SELECT 1');
  // One unit of work for the whole database: its units run one at a time across features.
  const uow = createSqliteUnitOfWork(db, sqliteRepositories(db));
  const { policies, changeRequests, policyTests } = createPolicyStores(uow, createSqlitePolicyReads(db));
  return {
    policies,
    changeRequests,
    policyTests,
    decisionLog: createDecisionLogStore(uow, createSqliteDecisionLogAccess(db)),
    apiKeys: createApiKeyStore(uow, createSqliteApiKeyAccess(db)),
    auditLog: createSqliteAuditLogStore(db),
    directory: createDirectoryStore(uow, createSqliteDirectoryAccess(db)),
    handoffs: createHandoffStore(uow, createSqliteHandoffAccess(db)),
    backtests: createBacktestStore(uow, createSqliteBacktestAccess(db)),
    outcomes: createOutcomeStore(uow, createSqliteOutcomeAccess(db)),
    idempotency: createIdempotencyStore(uow),
    webhooks: createWebhookStore(uow, createSqliteWebhookAccess(db)),
    isHealthy: () => {
      if (!db.open) return false;
      try {
        ping.get();
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      await checkpointer.stop();
      if (db.open) db.close();
    },
  };
}
