/**
 * The features whose services run on the unit of work, over memory: the policies feature, API
 * keys, the directory, handoffs and webhooks, the decision log, backtest datasets and gates,
 * outcomes (with the KPI aggregates) and idempotency keys, with the audit log their changes append
 * to. The same services (`createPolicyStores`, `createApiKeyStore`, `createDirectoryStore`, ...)
 * the SQLite and MongoDB adapters run, with no database, so each feature's domain rules (four-eyes
 * approvals, stale requests, the one default policy, the last admin key, capacity never
 * overbooked, queued handoffs served in order, one delivery per subscribed endpoint, a dataset
 * kept while a gate names it, an outcome merged once, a key claimed once) run in unit tests.
 */
import { createMemoryAuditLogStore, memoryAuditAppend, type AuditTable } from '../../features/audit/memory-audit-log';
import { emptyApiKeyTables, memoryApiKeyAccess, memoryApiKeyRepositories, type ApiKeyTables } from '../../features/auth/memory-api-key-repositories';
import { createApiKeyStore } from '../../features/auth/transactional-api-key-store';
import {
  emptyBacktestTables,
  memoryBacktestAccess,
  memoryBacktestRepositories,
  type BacktestTables,
} from '../../features/backtest/memory-backtest-repositories';
import { createBacktestStore, type BacktestTransaction } from '../../features/backtest/transactional-backtest-store';
import {
  emptyDecisionTables,
  memoryDecisionLogAccess,
  memoryDecisionRepositories,
  type DecisionTables,
} from '../../features/decisions/memory-decision-log-store';
import { createDecisionLogStore, type DecisionLogTransaction } from '../../features/decisions/transactional-decision-log-store';
import {
  emptyDirectoryTables,
  memoryDirectoryAccess,
  memoryDirectoryRepositories,
  type DirectoryTables,
} from '../../features/directory/memory-directory-repositories';
import { createDirectoryStore, type DirectoryTransaction } from '../../features/directory/transactional-directory-store';
import { emptyHandoffTables, memoryHandoffAccess, memoryHandoffRepositories, type HandoffTables } from '../../features/handoffs/memory-handoff-repositories';
import { createHandoffStore, type HandoffTransaction } from '../../features/handoffs/transactional-handoff-store';
import { createIdempotencyStore, type IdempotencyTransaction } from '../../features/idempotency/idempotency-store';
import { emptyIdempotencyTables, memoryIdempotencyRepositories, type IdempotencyTables } from '../../features/idempotency/memory-idempotency-repositories';
import { emptyOutcomeTables, memoryOutcomeAccess, memoryOutcomeRepositories, type OutcomeTables } from '../../features/outcomes/memory-outcome-repositories';
import { createOutcomeStore, type OutcomeTransaction } from '../../features/outcomes/transactional-outcome-store';
import { emptyPolicyTables, memoryPolicyReads, memoryPolicyRepositories, type PolicyTables } from '../../features/policies/memory-policy-repositories';
import { createPolicyStores, type PolicyTransaction } from '../../features/policies/transactional-policy-stores';
import {
  emptyWebhookTables,
  memoryWebhookAccess,
  memoryWebhookOutbox,
  memoryWebhookRepositories,
  type WebhookTables,
} from '../../features/webhooks/memory-webhook-repositories';
import { createWebhookStore, type WebhookTransaction } from '../../features/webhooks/transactional-webhook-store';
import type { BatonStore } from '../baton-store';
import type { Transaction } from '../unit-of-work';
import { createMemoryUnitOfWork, type MemoryUnitOfWork } from './memory-unit-of-work';

type Tables = PolicyTables &
  ApiKeyTables &
  AuditTable &
  DirectoryTables &
  HandoffTables &
  WebhookTables &
  DecisionTables &
  BacktestTables &
  OutcomeTables &
  IdempotencyTables;
type MemoryTransaction = PolicyTransaction &
  Pick<Transaction, 'apiKeys'> &
  DirectoryTransaction &
  HandoffTransaction &
  WebhookTransaction &
  DecisionLogTransaction &
  BacktestTransaction &
  OutcomeTransaction &
  IdempotencyTransaction;

/** The whole store port, with the unit of work under it for tests of the port itself. */
export interface MemoryStore extends BatonStore {
  uow: MemoryUnitOfWork<Tables, MemoryTransaction>;
}

/** A new, empty store: healthy until closed; closing keeps the tables, as nothing reads them after. */
export function openMemoryStore(): MemoryStore {
  let open = true;
  const tables: Tables = {
    ...emptyPolicyTables(),
    ...emptyApiKeyTables(),
    ...emptyDirectoryTables(),
    ...emptyHandoffTables(),
    ...emptyWebhookTables(),
    ...emptyDecisionTables(),
    ...emptyBacktestTables(),
    ...emptyOutcomeTables(),
    ...emptyIdempotencyTables(),
    audit: [],
  };
  const uow = createMemoryUnitOfWork<Tables, MemoryTransaction>(tables, (committed, queue) => ({
    ...memoryPolicyRepositories(committed, queue),
    ...memoryApiKeyRepositories(committed, queue),
    ...memoryDirectoryRepositories(committed, queue),
    // Handoff changes append their webhook events in their own commits.
    ...memoryHandoffRepositories(committed, queue, memoryWebhookOutbox),
    ...memoryWebhookRepositories(committed, queue),
    ...memoryDecisionRepositories(queue),
    ...memoryBacktestRepositories(committed, queue),
    ...memoryOutcomeRepositories(committed, queue),
    ...memoryIdempotencyRepositories(committed, queue),
    audit: memoryAuditAppend(queue),
  }));
  return {
    ...createPolicyStores(uow, memoryPolicyReads(uow.committed)),
    apiKeys: createApiKeyStore(uow, memoryApiKeyAccess(uow.committed)),
    directory: createDirectoryStore(uow, memoryDirectoryAccess(uow.committed)),
    handoffs: createHandoffStore(uow, memoryHandoffAccess(uow.committed)),
    webhooks: createWebhookStore(uow, memoryWebhookAccess(uow.committed)),
    decisionLog: createDecisionLogStore(uow, memoryDecisionLogAccess(uow.committed)),
    backtests: createBacktestStore(uow, memoryBacktestAccess(uow.committed)),
    // The KPIs measure assignment waits from the handoffs' assignment times.
    outcomes: createOutcomeStore(
      uow,
      memoryOutcomeAccess(uow.committed, () => uow.committed().handoffs.values()),
    ),
    idempotency: createIdempotencyStore(uow),
    auditLog: createMemoryAuditLogStore(() => uow.committed().audit),
    isHealthy: () => open,
    close: async () => {
      open = false;
    },
    uow,
  };
}
