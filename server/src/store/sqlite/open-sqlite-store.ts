/**
 * The embedded adapter: every feature store on one better-sqlite3 connection to
 * `<dataDir>/baton.sqlite`.
 */
import { createSqliteAuditLogStore } from '../../features/audit/sqlite-audit-log-store';
import { createSqliteApiKeyAccess, sqliteApiKeyRepositories } from '../../features/auth/sqlite-api-key-repositories';
import { createApiKeyStore } from '../../features/auth/transactional-api-key-store';
import { createSqliteBacktestAccess, sqliteBacktestRepositories } from '../../features/backtest/sqlite-backtest-repositories';
import { createBacktestStore } from '../../features/backtest/transactional-backtest-store';
import { createSqliteDecisionLogStore } from '../../features/decisions/sqlite-decision-log-store';
import { createSqliteDirectoryAccess, sqliteDirectoryRepositories } from '../../features/directory/sqlite-directory-repositories';
import { createDirectoryStore } from '../../features/directory/transactional-directory-store';
import { createSqliteHandoffStore } from '../../features/handoffs/sqlite-handoff-store';
import { createIdempotencyStore } from '../../features/idempotency/idempotency-store';
import { sqliteIdempotencyRepositories } from '../../features/idempotency/sqlite-idempotency-repositories';
import { createSqliteOutcomeAccess, sqliteOutcomeRepositories } from '../../features/outcomes/sqlite-outcome-repositories';
import { createOutcomeStore } from '../../features/outcomes/transactional-outcome-store';
import { createSqlitePolicyReads, sqlitePolicyRepositories } from '../../features/policies/sqlite-policy-repositories';
import { createSqliteWebhookOutbox } from '../../features/webhooks/sqlite-webhook-outbox';
import { createSqliteWebhookAccess, sqliteWebhookRepositories } from '../../features/webhooks/sqlite-webhook-repositories';
import { createWebhookStore } from '../../features/webhooks/transactional-webhook-store';
import type { BatonStore } from '../baton-store';
import { createPolicyStores } from '../../features/policies/transactional-policy-stores';
import { openDatabase } from './open-database';
import { createSqliteUnitOfWork } from './sqlite-unit-of-work';

/**
 * Opens (creating and migrating when needed) the SQLite store in `dataDir`.
 * @throws when the directory or database file cannot be opened.
 */
export async function openSqliteStore(dataDir: string): Promise<BatonStore> {
  const db = openDatabase(dataDir);
  const ping = db.prepare('SELECT 1');
  // One unit of work for the whole database: its units run one at a time across features.
  const policyRepositories = sqlitePolicyRepositories(db);
  const keyRepositories = sqliteApiKeyRepositories(db);
  const backtestRepositories = sqliteBacktestRepositories(db);
  const outcomeRepositories = sqliteOutcomeRepositories(db);
  const idempotencyRepositories = sqliteIdempotencyRepositories(db);
  const webhookRepositories = sqliteWebhookRepositories(db);
  // Handoff changes append their webhook events in their own transactions.
  const outbox = createSqliteWebhookOutbox(db);
  const directoryRepositories = sqliteDirectoryRepositories(db, outbox);
  const uow = createSqliteUnitOfWork(db, (queue) => ({
    ...policyRepositories(queue),
    ...keyRepositories(queue),
    ...backtestRepositories(queue),
    ...outcomeRepositories(queue),
    ...idempotencyRepositories(queue),
    ...webhookRepositories(queue),
    ...directoryRepositories(queue),
  }));
  const { policies, changeRequests, policyTests } = createPolicyStores(uow, createSqlitePolicyReads(db));
  return {
    policies,
    changeRequests,
    policyTests,
    decisionLog: createSqliteDecisionLogStore(db),
    apiKeys: createApiKeyStore(uow, createSqliteApiKeyAccess(db)),
    auditLog: createSqliteAuditLogStore(db),
    directory: createDirectoryStore(uow, createSqliteDirectoryAccess(db)),
    handoffs: createSqliteHandoffStore(db, outbox),
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
      if (db.open) db.close();
    },
  };
}
