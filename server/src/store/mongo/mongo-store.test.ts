import { silentLogger } from '../../logger';
import { defineStoreContractTests } from '../store-contract';
import { describeUnitOfWorkContract } from '../unit-of-work.contract';
import { describeWithMongo } from './mongo-test-target';
import { openMongoStore } from './open-mongo-store';

describeWithMongo('MongoDB store contract', (uri) => {
  let run = 0;
  // A fresh database per test, dropped when the test closes its store. An unreachable server
  // fails every test (server selection times out): a set MONGODB_URI is never skipped.
  const open = async () => {
    run += 1;
    const store = await openMongoStore(uri(), { logger: silentLogger, dbName: `baton_contract_${process.pid}_${run}`, serverSelectionTimeoutMs: 5000 });
    return {
      ...store,
      close: async () => {
        if (store.isHealthy()) await store.connection.dropDatabase();
        await store.close();
      },
    };
  };
  defineStoreContractTests('mongodb', open);
  describeUnitOfWorkContract('mongodb', open);
});
