import mongoose from 'mongoose';
import { silentLogger } from '../../logger';
import { mongoTestTarget } from './mongo-test-target';
import { assembleMongoStore, openMongoStore } from './open-mongo-store';

describe('MongoDB store assembly (no server)', () => {
  const connection = mongoose.createConnection();
  const store = assembleMongoStore(connection, { logger: silentLogger, retentionDays: 30 });
  afterAll(() => connection.close());

  it('registers a model for every collection of the storage port', () => {
    const collections = Object.values(connection.models)
      .map((model) => model.collection.collectionName)
      .sort();
    expect(collections).toEqual([
      'agents',
      'api_keys',
      'assignments',
      'audit_head',
      'audit_log',
      'backtest_gates',
      'backtest_runs',
      'change_requests',
      'conversation_outcomes',
      'dataset_rows',
      'datasets',
      'decision_log',
      'idempotency_keys',
      'policies',
      'policy_test_cases',
      'policy_versions',
      'queues',
      'webhook_deliveries',
      'webhook_endpoints',
      'webhook_events',
    ]);
  });

  it('declares indexes on every collection that is queried by more than its id', () => {
    const withoutSecondary = Object.values(connection.models)
      .filter((model) => model.schema.indexes().length === 0)
      .map((model) => model.collection.collectionName)
      .sort();
    // The audit head is one document read by id; queues and agents are read by id or whole
    // (the directory snapshot), in id order, which the _id index serves; webhook events (the
    // outbox's payloads) are read by the ids their deliveries name.
    expect(withoutSecondary).toEqual(['agents', 'audit_head', 'queues', 'webhook_events']);
  });

  it('lets MongoDB delete expired idempotency keys itself (a TTL index on expiresAt)', () => {
    const model = Object.values(connection.models).find((m) => m.collection.collectionName === 'idempotency_keys');
    expect(model?.schema.indexes()).toContainEqual([{ expiresAt: 1 }, expect.objectContaining({ expireAfterSeconds: 0 })]);
  });

  it('turns retention into a TTL index on the decision log', () => {
    const decisionLog = Object.values(connection.models).find((model) => model.collection.collectionName === 'decision_log');
    const ttl = decisionLog?.schema.indexes().find(([, options]) => options.expireAfterSeconds !== undefined);
    expect(ttl?.[1].expireAfterSeconds).toBe(30 * 86_400);
  });

  it('reports unhealthy while not connected and offers a change feed', () => {
    expect(store.isHealthy()).toBe(false);
    expect(typeof store.watchPolicyChanges).toBe('function');
  });
});

describe('which MongoDB the contract suite uses', () => {
  it('prefers MONGODB_URI, then MONGOMS_SYSTEM_BINARY, else skips with the reason', () => {
    expect(mongoTestTarget({ MONGODB_URI: 'mongodb://db/?replicaSet=rs0', MONGOMS_SYSTEM_BINARY: '/usr/bin/mongod' })).toEqual({
      kind: 'uri',
      uri: 'mongodb://db/?replicaSet=rs0',
    });
    expect(mongoTestTarget({ MONGOMS_SYSTEM_BINARY: '/usr/bin/mongod' })).toEqual({ kind: 'binary', binary: '/usr/bin/mongod' });
    const skip = mongoTestTarget({ MONGODB_URI: '  ' });
    expect(skip.kind).toBe('skip');
    expect(skip.kind === 'skip' && skip.reason).toMatch(/MONGODB_URI .* MONGOMS_SYSTEM_BINARY/);
  });
});

describe('opening a MongoDB store', () => {
  it('fails with a message naming MONGODB_URI, without the password, when no server answers', async () => {
    const failure = openMongoStore('mongodb://baton:s3cret@127.0.0.1:1/baton', { logger: silentLogger, serverSelectionTimeoutMs: 300 });
    await expect(failure).rejects.toThrow(/Cannot open the MongoDB store at mongodb:\/\/\*\*\*@127\.0\.0\.1:1\/baton: .*MONGODB_URI/);
    await expect(failure).rejects.not.toThrow(/s3cret/);
  });
});
