/**
 * The storage port for changes: a unit of work over plain repositories. A service reads what it
 * needs through `tx`, decides (pure code, no database), and hands the records to write and the
 * audit events to `tx`; the adapter commits them together or not at all. Domain rules (who may
 * approve, what goes stale, which policy is the default) live in services, never in adapters.
 *
 * Features move onto this port one at a time; the policies feature (policies, versions, change
 * requests, test cases), API keys, backtest datasets and gates, outcomes, webhook endpoints, the
 * directory, handoffs and the decision log's appends are on it.
 */
import type { AuditEventInput } from '../features/audit/audit-event';
import type { ApiKeyRepository } from '../features/auth/api-key-repositories';
import type { BacktestGateRepository, DatasetRepository } from '../features/backtest/backtest-store';
import type { DecisionRepository } from '../features/decisions/decision-log-store';
import type { AgentRepository, QueueRepository } from '../features/directory/directory-store';
import type { HandoffOutbox, HandoffRepository } from '../features/handoffs/handoff-store';
import type { IdempotencyRepository } from '../features/idempotency/idempotency-store';
import type { OutcomeRepository } from '../features/outcomes/outcome-store';
import type { ChangeRequestRepository, PolicyRepository, PolicyTestCaseRepository, VersionRepository } from '../features/policies/policy-repositories';
import type { WebhookDeliveryRepository, WebhookEndpointRepository } from '../features/webhooks/webhook-store';

/** The audit log as a transaction sees it: events appended in order, committed with the change. */
export interface AuditAppend {
  append(...events: AuditEventInput[]): Promise<void>;
}

/**
 * What a unit of work can touch. Reads see committed state; a transaction never relies on
 * reading back its own writes (the SQLite adapter applies them only at commit).
 */
export interface Transaction {
  readonly policies: PolicyRepository;
  readonly versions: VersionRepository;
  readonly changeRequests: ChangeRequestRepository;
  readonly testCases: PolicyTestCaseRepository;
  readonly apiKeys: ApiKeyRepository;
  readonly datasets: DatasetRepository;
  readonly backtestGates: BacktestGateRepository;
  readonly outcomes: OutcomeRepository;
  readonly idempotencyKeys: IdempotencyRepository;
  readonly webhookEndpoints: WebhookEndpointRepository;
  readonly webhookDeliveries: WebhookDeliveryRepository;
  readonly queues: QueueRepository;
  readonly agents: AgentRepository;
  /** Committed handoffs (assignments): started, stepped, and taken by an agent's free capacity. */
  readonly handoffs: HandoffRepository;
  /** The webhooks outbox: every handoff change appends its events here, in the change's own transaction. */
  readonly handoffOutbox: HandoffOutbox;
  /** The decision log: batches of decisions appended. */
  readonly decisions: DecisionRepository;
  readonly audit: AuditAppend;
}

/**
 * Runs units of work over `Tx`: the whole {@link Transaction} for an adapter, or the slice one
 * feature's service needs (e.g. `PolicyTransaction`), so a test adapter implements only that slice.
 */
export interface UnitOfWork<Tx = Transaction> {
  /**
   * Runs `work` and commits everything it wrote, with its audit events, atomically. `work` may
   * run more than once (MongoDB retries transient write conflicts), so it must keep no state
   * across attempts and touch storage only through `tx`.
   * @throws whatever `work` throws (nothing is written); {@link StaleWriteError} when a
   *   conditional write found the record changed; {@link DuplicateKeyError} on a taken key.
   */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}

/** A conditional write found its record no longer as it was read: another writer got there first. */
export class StaleWriteError extends Error {
  constructor(readonly record: string) {
    super(`${record} changed during the transaction.`);
    this.name = 'StaleWriteError';
  }
}

/** An insert hit a unique key another record holds (a concurrent writer, or a check skipped). */
export class DuplicateKeyError extends Error {
  /** `key`: the record's unique field that clashed, e.g. `id`, `version`, `openRequest`. */
  constructor(
    readonly record: string,
    readonly key: string,
  ) {
    super(`${record}: ${key} is taken.`);
    this.name = 'DuplicateKeyError';
  }
}

/**
 * A `catch` handler that rethrows a storage-level conflict of kind `kind` (with `key`, for a
 * duplicate) as the domain's own error, built by `error()` from a fresh read; anything else
 * unchanged. A concurrent writer that the storage caught, rather than the check, so gets the same
 * CONFLICT the check gives.
 */
export function conflictAs(
  kind: typeof StaleWriteError | typeof DuplicateKeyError,
  error: () => Promise<Error>,
  key?: string,
): (thrown: unknown) => Promise<never> {
  return async (thrown) => {
    const matches = thrown instanceof kind && (key === undefined || (thrown instanceof DuplicateKeyError && thrown.key === key));
    throw matches ? await error() : thrown;
  };
}
