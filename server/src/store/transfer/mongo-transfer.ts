/**
 * MongoDB as a migration target: the production store opened as the server opens it (every
 * declared index synced, so unique ones guard the copy), documents written through the feature
 * models (schema validation on every insert), and the audit head document moved with each page
 * of events so the next append continues the copied chain.
 */
import { AUDIT_HEAD_ID, auditModels } from '../../features/audit/mongo-audit-models';
import { backtestModels } from '../../features/backtest/mongo-backtest-models';
import { directoryModels } from '../../features/directory/mongo-directory-models';
import { handoffModels } from '../../features/handoffs/mongo-handoff-models';
import { policyModels } from '../../features/policies/mongo-policy-models';
import { silentLogger } from '../../logger';
import { MAJORITY } from '../mongo/mongo-context';
import { openMongoStore, type MongoBatonStore } from '../mongo/open-mongo-store';
import { MigrationError, messageOf } from './migration-error';
import { mongoTransferCollections } from './mongo-transfer-collections';
import type { TransferTarget } from './transfer-port';
import { recordName } from './transfer-records';

/** How long to look for a reachable primary before giving up, ms. */
const SERVER_SELECTION_TIMEOUT_MS = 10_000;

/** The part of a model a reference check uses. */
interface Distinct {
  distinct(field: string): { exec(): Promise<unknown[]> };
}

/** Values of `field` in `from` that are not `_id`s of `to` (distinct values: as many as policies or queues). */
async function dangling(from: Distinct, field: string, to: Distinct): Promise<unknown[]> {
  const known = new Set(await to.distinct('_id').exec());
  return (await from.distinct(field).exec()).filter((value) => value !== null && value !== undefined && !known.has(value));
}

/**
 * The target over an open MongoDB store; `close` closes the store.
 * @param label where it is, for messages (no password)
 */
export function mongoTransferTarget(store: MongoBatonStore, label: string): TransferTarget {
  const { connection } = store;
  const collections = mongoTransferCollections(connection);
  const { AuditEvent, AuditHead } = auditModels(connection);
  const lastEvent = async () => AuditEvent.findOne({}, { sequence: 1, hash: 1 }).sort({ sequence: -1 }).lean().exec();
  return {
    label,
    auditLog: store.auditLog,
    count: (collection) => collections[collection].count(),
    readPage: (collection, after, limit) => collections[collection].page(after, limit),
    auditHead: async () => {
      const last = await lastEvent();
      return last ? { sequence: last.sequence, hash: last.hash } : null;
    },
    validate: async (collection, records) => {
      const target = collections[collection];
      const problems: string[] = [];
      for (const record of records) {
        const problem = await target.validate(record);
        if (problem !== null) problems.push(`${recordName(collection, record)}: ${problem}`);
      }
      return problems;
    },
    write: async (collection, records) => {
      await collections[collection].insert(records);
      // Events are copied in sequence order: the head follows the last one written.
      const last = collection === 'auditLog' ? records.at(-1) : undefined;
      if (last && 'sequence' in last) {
        await AuditHead.updateOne({ _id: AUDIT_HEAD_ID }, { $set: { sequence: last.sequence, hash: last.hash } }, { upsert: true, writeConcern: MAJORITY });
      }
    },
    checkIntegrity: async () => {
      const problems: string[] = [];
      const head = await AuditHead.findById(AUDIT_HEAD_ID).lean().exec();
      const last = await lastEvent();
      if (last && (head?.sequence !== last.sequence || head.hash !== last.hash)) {
        problems.push(
          `The audit head document is at ${head ? `#${head.sequence}` : 'nothing'}, not at the last event #${last.sequence}: the next append would fork the chain.`,
        );
      }
      const { Policy, PolicyVersion, ChangeRequest, PolicyTestCase } = policyModels(connection);
      const { Queue } = directoryModels(connection);
      const { Assignment } = handoffModels(connection);
      const { Dataset, DatasetRow } = backtestModels(connection);
      // What the SQLite schema's foreign keys guard, checked once over the copy.
      const references: [string, Distinct, string, Distinct, string][] = [
        ['policy_versions', PolicyVersion, 'policyId', Policy, 'policies'],
        ['change_requests', ChangeRequest, 'policyId', Policy, 'policies'],
        ['policy_test_cases', PolicyTestCase, 'policyId', Policy, 'policies'],
        ['assignments', Assignment, 'queueId', Queue, 'queues'],
        ['queues', Queue, 'fallbackQueueId', Queue, 'queues'],
        ['dataset_rows', DatasetRow, 'datasetId', Dataset, 'datasets'],
      ];
      for (const [fromName, from, field, to, toName] of references) {
        const missing = await dangling(from, field, to);
        if (missing.length > 0) problems.push(`${fromName}.${field} refers to ${toName} that do not exist: ${missing.join(', ')}.`);
      }
      return problems;
    },
    close: () => store.close(),
  };
}

/**
 * Opens the MongoDB store at `uri` as the server does (indexes synced, no decision retention:
 * nothing may expire while the copy is counted; the server declares its own at start-up).
 * @param uri a URI `parseStoreLocation` accepted
 * @throws MigrationError (`target`) when no server answers within 10 s, authentication fails or
 *   an index cannot be built.
 */
export async function openMongoTransferTarget(uri: string, label: string): Promise<TransferTarget> {
  try {
    return mongoTransferTarget(await openMongoStore(uri, { logger: silentLogger, serverSelectionTimeoutMs: SERVER_SELECTION_TIMEOUT_MS }), label);
  } catch (error) {
    throw new MigrationError('target', messageOf(error));
  }
}
