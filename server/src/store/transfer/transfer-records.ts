/**
 * The neutral record format a store migration copies: the storage port's own record types,
 * plus the few stored fields the port does not expose (directory timestamps, a test case's
 * policy, the agents a queued handoff waits for, a dataset row's dataset and place). Every id, time, revision, sequence number
 * and hash is carried as stored, so a copy is indistinguishable from the original.
 */
import type { Agent, Queue } from '@baton/schemas';
import type { BacktestRow } from '@baton/rules';
import type { AuditEvent } from '../../features/audit/audit-event';
import type { ApiKeyRecord } from '../../features/auth/api-key-store';
import type { BacktestGate, BacktestRunRecord, DatasetRecord } from '../../features/backtest/backtest-store';
import type { StoredDecision } from '../../features/decisions/decision-log-store';
import type { AssignmentRecord } from '../../features/handoffs/handoff-store';
import type { OutcomeRecord } from '../../features/outcomes/outcome-store';
import type { ChangeRequestRecord } from '../../features/policies/change-request-store';
import type { PolicyRecord, VersionRecord } from '../../features/policies/policy-store';
import type { PolicyTestCase } from '../../features/policies/policy-test-case-store';
import type { WebhookDeliveryRecord, WebhookEndpointRecord, WebhookEventRecord } from '../../features/webhooks/webhook-store';

/** When a directory entry was created and last changed (stored, not part of the routing model). */
export interface Timestamps {
  createdAt: Date;
  updatedAt: Date;
}

export type QueueTransfer = Queue & Timestamps;

/** Profile, presence and load (`activeConversations`) of an agent, with its timestamps. */
export type AgentTransfer = Agent & Timestamps;

export type TestCaseTransfer = PolicyTestCase & { policyId: string };

/**
 * A committed handoff. `position` is left out (it is derived from the other queued handoffs);
 * `candidates` are the agents who may take it while it is open, in routing order (empty once it ended).
 */
export type AssignmentTransfer = Omit<AssignmentRecord, 'position'> & { candidates: string[] };

/** One row of a dataset at its 0-based place (rows are read back in line order by it). */
export interface DatasetRowTransfer {
  datasetId: string;
  position: number;
  row: BacktestRow;
}

/** A policy's publish gates, in the order set (never empty: a policy without gates has no record). */
export interface BacktestGatesTransfer {
  policyId: string;
  gates: BacktestGate[];
}

/** Record type of each collection. */
export interface TransferRecords {
  apiKeys: ApiKeyRecord;
  queues: QueueTransfer;
  agents: AgentTransfer;
  policies: PolicyRecord;
  policyVersions: VersionRecord;
  /** With their approvals. */
  changeRequests: ChangeRequestRecord;
  policyTestCases: TestCaseTransfer;
  datasets: DatasetRecord;
  datasetRows: DatasetRowTransfer;
  backtestGates: BacktestGatesTransfer;
  /** Finished runs, with their reports. */
  backtestRuns: BacktestRunRecord;
  assignments: AssignmentTransfer;
  decisions: StoredDecision;
  /** Outcomes of conversations, with when each field's value was true. */
  outcomes: OutcomeRecord;
  /** With every signing secret (a rotation's previous one included), so receivers keep verifying. */
  webhookEndpoints: WebhookEndpointRecord;
  /** The outbox: each event as it happened, with the body sent once built. */
  webhookEvents: WebhookEventRecord;
  /** The delivery log, owed deliveries included (a server on the copy goes on delivering them). */
  webhookDeliveries: WebhookDeliveryRecord;
  auditLog: AuditEvent;
}

export type TransferCollection = keyof TransferRecords;

/**
 * Every collection in copy order: what a record refers to is copied before it (queues before
 * agents and assignments, policies before their versions, requests and test cases, datasets
 * before their rows, the gates and the runs on them, decisions before their outcomes, webhook events before
 * their deliveries), and the audit log last, since its events describe everything else. Idempotency keys are
 * not copied: they live a day (BATON_IDEMPOTENCY_TTL_SECONDS) and only answer retries in flight.
 */
export const TRANSFER_COLLECTIONS: readonly TransferCollection[] = [
  'apiKeys',
  'queues',
  'agents',
  'policies',
  'policyVersions',
  'changeRequests',
  'policyTestCases',
  'datasets',
  'datasetRows',
  'backtestGates',
  'backtestRuns',
  'assignments',
  'decisions',
  'outcomes',
  'webhookEndpoints',
  'webhookEvents',
  'webhookDeliveries',
  'auditLog',
];

/**
 * A record's identity in messages, e.g. `policyVersions support-default v2`, `auditLog #17`,
 * `datasetRows ds-1/c1`.
 */
export function recordName<C extends TransferCollection>(collection: C, record: TransferRecords[C]): string {
  const r = record as TransferRecords[TransferCollection];
  if ('sequence' in r) return `${collection} #${r.sequence}`;
  // Events and deliveries name a decision too; their own id is the one that is unique.
  if (collection === 'webhookEvents' || collection === 'webhookDeliveries') return `${collection} ${(r as WebhookEventRecord | WebhookDeliveryRecord).id}`;
  if ('publishedAt' in r) return `${collection} ${r.policyId} v${r.version}`;
  if ('row' in r) return `${collection} ${r.datasetId}/${r.row.id}`;
  if ('gates' in r) return `${collection} ${r.policyId}`;
  if ('fieldTimes' in r) return `${collection} ${r.kind}/${r.conversationId}`;
  if ('decisionId' in r) return `${collection} ${r.decisionId}`;
  if ('expected' in r) return `${collection} ${r.policyId}/${r.id}`;
  return `${collection} ${r.id}`;
}
