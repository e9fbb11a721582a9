import type { MongoMemoryReplSet } from 'mongodb-memory-server-core';
import { silentLogger } from '../../logger';
import { defineStoreContractTests } from '../store-contract';
import { mongoTestTarget } from './mongo-test-target';
import { openMongoStore } from './open-mongo-store';

const target = mongoTestTarget(process.env);

if (target.kind === 'skip') {
  // One line in the run's output, and one skipped test in its counts: never a silent pass.
  process.stderr.write(`MongoDB store contract skipped: ${target.reason}.\n`);
  describe('mongodb store contract', () => {
    it.skip(`skipped: ${target.reason}`, () => undefined);
  });
} else {
  let uri = target.kind === 'uri' ? target.uri : '';
  let replSet: MongoMemoryReplSet | undefined;
  beforeAll(async () => {
    if (target.kind === 'binary') {
      const { MongoMemoryReplSet } = await import('mongodb-memory-server-core');
      replSet = await MongoMemoryReplSet.create({ replSet: { count: 1, storageEngine: 'wiredTiger' }, binary: { systemBinary: target.binary } });
      uri = replSet.getUri();
    }
  }, 120_000);
  afterAll(async () => {
    await replSet?.stop();
  });

  let run = 0;
  // A fresh database per test, dropped when the test closes its store. An unreachable server
  // fails every test (server selection times out): a set MONGODB_URI is never skipped.
  defineStoreContractTests('mongodb', async () => {
    run += 1;
    const store = await openMongoStore(uri, { logger: silentLogger, dbName: `baton_contract_${process.pid}_${run}`, serverSelectionTimeoutMs: 5000 });
    return {
      ...store,
      close: async () => {
        if (store.isHealthy()) await store.connection.dropDatabase();
        await store.close();
      },
    };
  });
}
