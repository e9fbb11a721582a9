import { describeApiKeyStoreContract } from '../../features/auth/api-key-store.contract';
import { describeChangeRequestStoreContract } from '../../features/policies/change-request-store.contract';
import { describePolicyStoreContract } from '../../features/policies/policy-store.contract';
import { describePolicyTestCaseStoreContract } from '../../features/policies/policy-test-case-store.contract';
import { describeUnitOfWorkContract } from '../unit-of-work.contract';
import { openMemoryStore, type MemoryStore } from './open-memory-store';

// The contracts of the features on the unit of work, domain rules included, with no database
// under them: what the SQLite and MongoDB adapters add is persistence, which their own runs of
// the same contracts cover.
describe('in-memory store contract', () => {
  let current: MemoryStore = openMemoryStore();
  beforeEach(() => {
    current = openMemoryStore();
  });
  const store = () => current;
  describePolicyStoreContract(store);
  describeChangeRequestStoreContract(store);
  describePolicyTestCaseStoreContract(store);
  describeApiKeyStoreContract(store);
});

describeUnitOfWorkContract('in-memory', async () => {
  const store = openMemoryStore();
  return { uow: store.uow, policies: store.policies, auditLog: store.auditLog, close: async () => undefined };
});
