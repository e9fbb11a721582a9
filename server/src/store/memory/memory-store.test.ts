import { describeUnitOfWorkContract } from '../unit-of-work.contract';
import { defineStoreContractTests } from '../store-contract';
import { openMemoryStore } from './open-memory-store';

// Every feature's contract, domain rules included, with no database under it: what the SQLite
// and MongoDB adapters add is persistence, which their own runs of the same contract cover.
defineStoreContractTests('in-memory', async () => openMemoryStore());

describeUnitOfWorkContract('in-memory', async () => {
  const store = openMemoryStore();
  return { uow: store.uow, policies: store.policies, auditLog: store.auditLog, close: async () => undefined };
});
