/**
 * Internal: each transfer collection in MongoDB, through the feature models and their
 * record-document mappers (so a copied document is what the MongoDB stores write and read).
 * Pages walk a unique key in ascending order: the string `_id` where the record's id is the
 * document's, the sequence number for the audit log, the generated ObjectId otherwise.
 */
import { Types, type Connection } from 'mongoose';
import { auditModels, fromAuditEventDocument, toAuditEventDocument } from '../../features/audit/mongo-audit-models';
import { apiKeyModels, fromApiKeyDocument, toApiKeyDocument } from '../../features/auth/mongo-api-key-models';
import {
  backtestModels,
  fromBacktestGatesDocument,
  fromBacktestRunDocument,
  fromDatasetDocument,
  fromDatasetRowDocument,
  toBacktestGatesDocument,
  toBacktestRunDocument,
  toDatasetDocument,
  toDatasetRowDocument,
  type BacktestGatesDocument,
  type DatasetRowDocument,
} from '../../features/backtest/mongo-backtest-models';
import type { DecisionLogRecord, StoredDecision } from '../../features/decisions/decision-log-store';
import { decisionLogModels, fromDecisionDocument, toDecisionDocument } from '../../features/decisions/mongo-decision-log-models';
import {
  directoryModels,
  fromAgentDocument,
  fromQueueDocument,
  toAgentDocument,
  toQueueDocument,
  type AgentDocument,
  type QueueDocument,
} from '../../features/directory/mongo-directory-models';
import { fromAssignmentDocument, handoffModels, toAssignmentDocument, type AssignmentDocument } from '../../features/handoffs/mongo-handoff-models';
import { fromOutcomeDocument, outcomeModels, toOutcomeDocument } from '../../features/outcomes/mongo-outcome-models';
import {
  fromChangeRequestDocument,
  fromPolicyDocument,
  fromTestCaseDocument,
  fromVersionDocument,
  policyModels,
  toChangeRequestDocument,
  toPolicyDocument,
  toTestCaseDocument,
  toVersionDocument,
  type StoredTestCase,
} from '../../features/policies/mongo-policy-models';
import {
  fromDeliveryDocument,
  fromEndpointDocument,
  fromEventDocument,
  toDeliveryDocument,
  toEndpointDocument,
  toEventDocument,
  webhookModels,
} from '../../features/webhooks/mongo-webhook-models';
import { messageOf } from './migration-error';
import type { TransferCollection, TransferRecords } from './transfer-records';

/** One collection as the migration uses it. */
export interface MongoCollection<C extends TransferCollection> {
  /** The document `record` is stored as (the feature's mapper). */
  toDocument(record: TransferRecords[C]): object;
  /** The record a document read with `.lean()` holds (the feature's mapper). */
  fromDocument(doc: unknown): TransferRecords[C];
  /** Checks a record's document against the schema without a server: null when it would be stored, else why not. */
  validate(record: TransferRecords[C]): Promise<string | null>;
  count(): Promise<number>;
  /** Up to `limit` records after the cursor, and the cursor of the last one (null when fewer came back). */
  page(after: string | null, limit: number): Promise<{ records: TransferRecords[C][]; next: string | null }>;
  /** Validates every document against the schema, then inserts them in order. */
  insert(records: readonly TransferRecords[C][]): Promise<void>;
}

export type MongoCollections = { readonly [C in TransferCollection]: MongoCollection<C> };

/**
 * The part of a mongoose model a migration uses. Documents come back untyped: each collection's
 * mapper names the document type it reads, as the feature store does.
 */
interface TransferModel {
  new (doc: object): { validate(): Promise<unknown> };
  countDocuments(filter: object): { exec(): Promise<number> };
  find(filter: object): { sort(sort: Record<string, 1>): { limit(limit: number): { lean(): { exec(): Promise<unknown> } } } };
  insertMany(docs: object[], options: { ordered: boolean }): Promise<unknown>;
}

/** How a collection's pages are keyed: the field, a cursor to a value, a document to a cursor. */
interface PageKey {
  field: string;
  parse(cursor: string): unknown;
  format(doc: Record<string, unknown>): string;
}

const stringId: PageKey = { field: '_id', parse: (cursor) => cursor, format: (doc) => String(doc._id) };
const objectId: PageKey = { field: '_id', parse: (cursor) => new Types.ObjectId(cursor), format: (doc) => (doc._id as Types.ObjectId).toHexString() };
const sequence: PageKey = { field: 'sequence', parse: Number, format: (doc) => String(doc.sequence) };

function collectionOf<C extends TransferCollection, D>(
  model: TransferModel,
  key: PageKey,
  toDocument: (record: TransferRecords[C]) => object,
  fromDocument: (doc: D) => TransferRecords[C],
): MongoCollection<C> {
  return {
    toDocument,
    fromDocument: (doc) => fromDocument(doc as D),
    validate: async (record) => {
      try {
        await new model(toDocument(record)).validate();
        return null;
      } catch (error) {
        return messageOf(error);
      }
    },
    count: () => model.countDocuments({}).exec(),
    page: async (after, limit) => {
      const filter = after === null ? {} : { [key.field]: { $gt: key.parse(after) } };
      const docs = (await model
        .find(filter)
        .sort({ [key.field]: 1 })
        .limit(limit)
        .lean()
        .exec()) as (D & Record<string, unknown>)[];
      const last = docs.at(-1);
      return { records: docs.map(fromDocument), next: docs.length === limit && last ? key.format(last) : null };
    },
    insert: async (records) => {
      await model.insertMany(records.map(toDocument), { ordered: true });
    },
  };
}

/**
 * The document of a logged decision. A STAY logged before reason codes were stored (SQLite
 * schema version 6) has a null one, which the port's write type does not allow but the
 * document schema keeps, exactly as stored.
 */
const legacyDecisionDocument = (decision: StoredDecision) => toDecisionDocument(decision as DecisionLogRecord);

/**
 * Every collection on `connection`. The decision log model has no retention here: nothing may
 * expire while a copy is counted; the server declares `BATON_DECISION_RETENTION_DAYS` at start-up.
 */
export function mongoTransferCollections(connection: Connection): MongoCollections {
  const { ApiKey } = apiKeyModels(connection);
  const { Queue, Agent } = directoryModels(connection);
  const { Policy, PolicyVersion, ChangeRequest, PolicyTestCase } = policyModels(connection);
  const { Dataset, DatasetRow, BacktestGates, BacktestRun } = backtestModels(connection);
  const { Assignment } = handoffModels(connection);
  const { DecisionLogEntry } = decisionLogModels(connection, {});
  const { Outcome } = outcomeModels(connection);
  const { AuditEvent } = auditModels(connection);
  const webhooks = webhookModels(connection);
  const times = (r: { createdAt: Date; updatedAt: Date }) => ({ createdAt: r.createdAt, updatedAt: r.updatedAt });
  return {
    apiKeys: collectionOf(ApiKey, stringId, toApiKeyDocument, fromApiKeyDocument),
    queues: collectionOf(
      Queue,
      stringId,
      (q) => toQueueDocument(q, times(q)),
      (doc: QueueDocument) => ({ ...fromQueueDocument(doc), ...times(doc) }),
    ),
    agents: collectionOf(
      Agent,
      stringId,
      (a) => toAgentDocument(a, times(a)),
      (doc: AgentDocument) => ({ ...fromAgentDocument(doc), ...times(doc) }),
    ),
    policies: collectionOf(Policy, stringId, toPolicyDocument, fromPolicyDocument),
    policyVersions: collectionOf(PolicyVersion, objectId, toVersionDocument, fromVersionDocument),
    changeRequests: collectionOf(ChangeRequest, stringId, toChangeRequestDocument, fromChangeRequestDocument),
    policyTestCases: collectionOf(
      PolicyTestCase,
      objectId,
      (c) => toTestCaseDocument(c.policyId, c),
      (doc: StoredTestCase) => ({ policyId: doc.policyId, ...fromTestCaseDocument(doc) }),
    ),
    datasets: collectionOf(Dataset, stringId, toDatasetDocument, fromDatasetDocument),
    datasetRows: collectionOf(
      DatasetRow,
      objectId,
      (r) => toDatasetRowDocument(r.datasetId, r.position, r.row),
      (doc: DatasetRowDocument) => ({ datasetId: doc.datasetId, position: doc.position, row: fromDatasetRowDocument(doc) }),
    ),
    backtestGates: collectionOf(
      BacktestGates,
      stringId,
      (g) => toBacktestGatesDocument(g.policyId, g.gates),
      (doc: BacktestGatesDocument) => ({ policyId: doc._id, gates: fromBacktestGatesDocument(doc) }),
    ),
    backtestRuns: collectionOf(BacktestRun, stringId, toBacktestRunDocument, fromBacktestRunDocument),
    assignments: collectionOf(
      Assignment,
      stringId,
      ({ candidates, ...a }) => toAssignmentDocument({ ...a, position: null }, candidates),
      (doc: AssignmentDocument) => {
        const { position: _derived, ...assignment } = fromAssignmentDocument(doc, null);
        return { ...assignment, candidates: [...doc.candidates] };
      },
    ),
    decisions: collectionOf(DecisionLogEntry, stringId, legacyDecisionDocument, fromDecisionDocument),
    outcomes: collectionOf(Outcome, stringId, toOutcomeDocument, fromOutcomeDocument),
    webhookEndpoints: collectionOf(webhooks.Endpoint, stringId, toEndpointDocument, fromEndpointDocument),
    webhookEvents: collectionOf(webhooks.Event, stringId, toEventDocument, fromEventDocument),
    webhookDeliveries: collectionOf(webhooks.Delivery, stringId, toDeliveryDocument, fromDeliveryDocument),
    auditLog: collectionOf(AuditEvent, sequence, toAuditEventDocument, fromAuditEventDocument),
  };
}
