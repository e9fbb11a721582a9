/**
 * The whole storage port the server runs on: one object per feature store plus lifecycle.
 * `openSqliteStore` is the embedded adapter; a MongoDB adapter implements the same interface
 * and passes the same `defineStoreContractTests`.
 */
import type { AuditLogStore } from '../features/audit/audit-log-store';
import type { ApiKeyStore } from '../features/auth/api-key-store';
import type { BacktestStore } from '../features/backtest/backtest-store';
import type { DecisionLogStore } from '../features/decisions/decision-log-store';
import type { DirectoryStore } from '../features/directory/directory-store';
import type { HandoffStore } from '../features/handoffs/handoff-store';
import type { IdempotencyStore } from '../features/idempotency/idempotency-store';
import type { OutcomeStore } from '../features/outcomes/outcome-store';
import type { ChangeRequestStore } from '../features/policies/change-request-store';
import type { PolicyStore } from '../features/policies/policy-store';
import type { PolicyTestCaseStore } from '../features/policies/policy-test-case-store';
import type { WebhookStore } from '../features/webhooks/webhook-store';

/**
 * Subscribes `listener` to policy changes made through any server sharing the store (publish,
 * activation, default, creation; spurious calls are allowed, e.g. for a draft save). Returns the
 * unsubscribe function, which resolves once no further call can happen. The listener runs
 * synchronously and must not throw.
 */
export type WatchPolicyChanges = (listener: () => void) => () => Promise<void>;

export interface BatonStore {
  readonly policies: PolicyStore;
  readonly changeRequests: ChangeRequestStore;
  readonly policyTests: PolicyTestCaseStore;
  readonly decisionLog: DecisionLogStore;
  readonly apiKeys: ApiKeyStore;
  readonly auditLog: AuditLogStore;
  readonly directory: DirectoryStore;
  readonly handoffs: HandoffStore;
  readonly backtests: BacktestStore;
  /** Outcomes of conversations (after a handoff, or kept by the AI) and the KPI aggregates. */
  readonly outcomes: OutcomeStore;
  /** `Idempotency-Key`s of safe retries and the answers they replay. */
  readonly idempotency: IdempotencyStore;
  /** Webhook endpoints, the outbox the handoff changes append to, and the delivery log. */
  readonly webhooks: WebhookStore;
  /**
   * Push notification of policy changes, for stores that have them (MongoDB change streams).
   * Optional: without it each server's policy head cache relies on polling alone.
   */
  readonly watchPolicyChanges?: WatchPolicyChanges;
  /** True while the store is open and answers a trivial query (`GET /healthz`). */
  isHealthy(): boolean;
  /** Closes the connection; later calls fail. Idempotent. */
  close(): Promise<void>;
}

/** The stores of the policies feature and the audit log its changes append to. */
export type PolicyFeatureStores = Pick<BatonStore, 'policies' | 'changeRequests' | 'policyTests' | 'auditLog'>;
