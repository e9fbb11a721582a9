import { describeChangeRequestStoreContract } from '../../features/policies/change-request-store.contract';
import { describePolicyStoreContract } from '../../features/policies/policy-store.contract';
import { describePolicyTestCaseStoreContract } from '../../features/policies/policy-test-case-store.contract';
import { describeUnitOfWorkContract } from '../unit-of-work.contract';
import { openMemoryPolicyStore, type MemoryPolicyStore } from './open-memory-policy-store';

// The policies feature's contract, domain rules included, with no database under it: what the
// SQLite and MongoDB adapters add is persistence, which their own runs of the contract cover.
describe('in-memory policies store contract', () => {
  let current: MemoryPolicyStore = openMemoryPolicyStore();
  beforeEach(() => {
    current = openMemoryPolicyStore();
  });
  const store = () => current;
  describePolicyStoreContract(store);
  describeChangeRequestStoreContract(store);
  describePolicyTestCaseStoreContract(store);
});

describeUnitOfWorkContract('in-memory', async () => {
  const store = openMemoryPolicyStore();
  return { uow: store.uow, policies: store.policies, auditLog: store.auditLog, close: async () => undefined };
});
