/**
 * The production adapter: every feature store on one mongoose connection to a MongoDB replica
 * set (transactions and change streams need one; a single-node set is enough). Indexes are
 * never built behind the server's back (`autoIndex` off): start-up runs `syncIndexes` once,
 * which creates the declared indexes, rebuilds changed ones (e.g. the decision log's TTL when
 * `BATON_DECISION_RETENTION_DAYS` changes) and drops undeclared ones.
 */
import mongoose, { type Connection } from 'mongoose';
import { ensureAuditHead } from '../../features/audit/mongo-audit-append';
import { createMongoAuditLogStore } from '../../features/audit/mongo-audit-log-store';
import { createMongoApiKeyAccess, mongoApiKeyRepositories } from '../../features/auth/mongo-api-key-repositories';
import { createApiKeyStore } from '../../features/auth/transactional-api-key-store';
import { createMongoBacktestAccess, mongoBacktestRepositories } from '../../features/backtest/mongo-backtest-repositories';
import { createBacktestStore } from '../../features/backtest/transactional-backtest-store';
import { createMongoDecisionLogAccess, mongoDecisionRepositories } from '../../features/decisions/mongo-decision-log-store';
import { createDecisionLogStore } from '../../features/decisions/transactional-decision-log-store';
import { createMongoDirectoryAccess, mongoDirectoryRepositories } from '../../features/directory/mongo-directory-repositories';
import { createDirectoryStore } from '../../features/directory/transactional-directory-store';
import { createMongoHandoffAccess, mongoHandoffRepositories } from '../../features/handoffs/mongo-handoff-repositories';
import { createHandoffStore } from '../../features/handoffs/transactional-handoff-store';
import { upgradeLegacyAssignments } from '../../features/handoffs/mongo-handoff-models';
import { createIdempotencyStore } from '../../features/idempotency/idempotency-store';
import { mongoIdempotencyRepositories } from '../../features/idempotency/mongo-idempotency-repositories';
import { createMongoOutcomeAccess, mongoOutcomeRepositories } from '../../features/outcomes/mongo-outcome-repositories';
import { createOutcomeStore } from '../../features/outcomes/transactional-outcome-store';
import { createMongoPolicyReads, mongoPolicyRepositories } from '../../features/policies/mongo-policy-repositories';
import { createMongoWebhookAccess, createMongoWebhookOutbox, mongoWebhookRepositories } from '../../features/webhooks/mongo-webhook-repositories';
import { createWebhookStore } from '../../features/webhooks/transactional-webhook-store';
import type { Logger } from '../../logger';
import type { BatonStore } from '../baton-store';
import { createMongoContext } from './mongo-context';
import { createPolicyStores } from '../../features/policies/transactional-policy-stores';
import { watchMongoPolicyChanges } from './mongo-policy-changes';
import type { UnitOfWork } from '../unit-of-work';
import { createMongoUnitOfWork } from './mongo-unit-of-work';

export interface MongoStoreOptions {
  logger: Logger;
  /** Decision log retention in days (`BATON_DECISION_RETENTION_DAYS`); unset keeps decisions forever. */
  retentionDays?: number;
  /** Database to use instead of the one named in the URI (tests use one per run). */
  dbName?: string;
  /** How long to look for a reachable server before failing, ms (default 10,000). */
  serverSelectionTimeoutMs?: number;
}

/** A MongoDB store; `connection` is for the migration command and tests. */
export interface MongoBatonStore extends BatonStore {
  readonly connection: Connection;
  /** The unit of work the feature stores run on, for the unit-of-work contract tests. */
  readonly uow: UnitOfWork;
}

/**
 * Builds the store on `connection` without any I/O: each feature store registers its models
 * on creation, so afterwards `connection.modelNames()` lists every collection Baton uses.
 */
export function assembleMongoStore(connection: Connection, options: Pick<MongoStoreOptions, 'logger' | 'retentionDays'>): MongoBatonStore {
  const ctx = createMongoContext(connection);
  const policyRepositories = mongoPolicyRepositories(ctx);
  const keyRepositories = mongoApiKeyRepositories(ctx);
  const backtestRepositories = mongoBacktestRepositories(ctx);
  const outcomeRepositories = mongoOutcomeRepositories(ctx);
  const idempotencyRepositories = mongoIdempotencyRepositories(ctx);
  const webhookRepositories = mongoWebhookRepositories(ctx);
  const directoryRepositories = mongoDirectoryRepositories(ctx);
  // Handoff changes append their webhook events in their own transactions.
  const handoffRepositories = mongoHandoffRepositories(ctx, createMongoWebhookOutbox(ctx));
  const decisionOptions = { retentionDays: options.retentionDays };
  const decisionRepositories = mongoDecisionRepositories(ctx, decisionOptions);
  const uow = createMongoUnitOfWork(ctx, (session) => ({
    ...policyRepositories(session),
    ...keyRepositories(session),
    ...backtestRepositories(session),
    ...outcomeRepositories(session),
    ...idempotencyRepositories(session),
    ...webhookRepositories(session),
    ...directoryRepositories(session),
    ...handoffRepositories(session),
    ...decisionRepositories(session),
  }));
  const { policies, changeRequests, policyTests } = createPolicyStores(uow, createMongoPolicyReads(ctx));
  return {
    connection,
    uow,
    policies,
    changeRequests,
    policyTests,
    decisionLog: createDecisionLogStore(uow, createMongoDecisionLogAccess(ctx, decisionOptions)),
    apiKeys: createApiKeyStore(uow, createMongoApiKeyAccess(ctx)),
    auditLog: createMongoAuditLogStore(ctx),
    directory: createDirectoryStore(uow, createMongoDirectoryAccess(ctx)),
    handoffs: createHandoffStore(uow, createMongoHandoffAccess(ctx)),
    backtests: createBacktestStore(uow, createMongoBacktestAccess(ctx)),
    outcomes: createOutcomeStore(uow, createMongoOutcomeAccess(ctx)),
    idempotency: createIdempotencyStore(uow),
    webhooks: createWebhookStore(uow, createMongoWebhookAccess(ctx)),
    watchPolicyChanges: watchMongoPolicyChanges(connection, options.logger),
    isHealthy: () => connection.readyState === mongoose.ConnectionStates.connected,
    close: async () => {
      if (connection.readyState !== mongoose.ConnectionStates.disconnected) await connection.close();
    },
  };
}

/**
 * Connects to `uri`, assembles the store, syncs every model's indexes, makes sure the audit
 * log's head document exists and brings handoffs of older servers up to date.
 * @throws when no server answers within the selection timeout, the credentials are refused, or
 *   an index cannot be built (e.g. duplicate values under a new unique index).
 */
export async function openMongoStore(uri: string, options: MongoStoreOptions): Promise<MongoBatonStore> {
  const connection = mongoose.createConnection(uri, {
    autoIndex: false,
    autoCreate: false,
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMs ?? 10_000,
    ...(options.dbName ? { dbName: options.dbName } : {}),
  });
  try {
    await connection.asPromise();
    const store = assembleMongoStore(connection, options);
    await connection.syncIndexes();
    await ensureAuditHead(connection);
    await upgradeLegacyAssignments(connection);
    return store;
  } catch (error) {
    await connection.close().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Cannot open the MongoDB store at ${withoutCredentials(uri)}: ${reason}. Check that the URI (MONGODB_URI for the server) ` +
        'names a running replica set (a single node started with --replSet and initiated is enough) that can be reached from here.',
    );
  }
}

/** `uri` with any `user:password@` replaced, for messages and logs. */
export function withoutCredentials(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//***@');
}
