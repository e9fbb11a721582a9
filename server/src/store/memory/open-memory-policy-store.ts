/**
 * The policies feature over the in-memory unit of work: the same services
 * (`createPolicyStores`) the SQLite and MongoDB adapters run, with no database, so the feature's
 * domain rules (four-eyes approvals, stale requests, the one default policy) run in unit tests.
 */
import { createMemoryAuditLogStore } from '../../features/audit/memory-audit-log';
import { emptyPolicyTables, memoryPolicyReads, memoryPolicyRepositories, type PolicyTables } from '../../features/policies/memory-policy-repositories';
import type { PolicyReads } from '../../features/policies/policy-repositories';
import { createPolicyStores, type PolicyTransaction } from '../../features/policies/transactional-policy-stores';
import type { PolicyFeatureStores } from '../baton-store';
import { createMemoryUnitOfWork, type MemoryUnitOfWork } from './memory-unit-of-work';

/** The feature's stores, with the unit of work and reads under them for tests of the port itself. */
export interface MemoryPolicyStore extends PolicyFeatureStores {
  uow: MemoryUnitOfWork<PolicyTables, PolicyTransaction>;
  reads: PolicyReads;
}

/** A new, empty store. */
export function openMemoryPolicyStore(): MemoryPolicyStore {
  const uow = createMemoryUnitOfWork(emptyPolicyTables(), memoryPolicyRepositories);
  const reads = memoryPolicyReads(uow.committed);
  return { ...createPolicyStores(uow, reads), auditLog: createMemoryAuditLogStore(() => uow.committed().audit), uow, reads };
}
