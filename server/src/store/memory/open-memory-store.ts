/**
 * The features whose services run on the unit of work, over memory: the policies feature and
 * API keys, with the audit log their changes append to. The same services
 * (`createPolicyStores`, `createApiKeyStore`) the SQLite and MongoDB adapters run, with no
 * database, so each feature's domain rules (four-eyes approvals, stale requests, the one default
 * policy, the last admin key) run in unit tests.
 */
import { createMemoryAuditLogStore, memoryAuditAppend, type AuditTable } from '../../features/audit/memory-audit-log';
import { emptyApiKeyTables, memoryApiKeyAccess, memoryApiKeyRepositories, type ApiKeyTables } from '../../features/auth/memory-api-key-repositories';
import { createApiKeyStore } from '../../features/auth/transactional-api-key-store';
import { emptyPolicyTables, memoryPolicyReads, memoryPolicyRepositories, type PolicyTables } from '../../features/policies/memory-policy-repositories';
import { createPolicyStores, type PolicyTransaction } from '../../features/policies/transactional-policy-stores';
import type { BatonStore, PolicyFeatureStores } from '../baton-store';
import type { Transaction } from '../unit-of-work';
import { createMemoryUnitOfWork, type MemoryUnitOfWork } from './memory-unit-of-work';

type Tables = PolicyTables & ApiKeyTables & AuditTable;
type MemoryTransaction = PolicyTransaction & Pick<Transaction, 'apiKeys'>;

/** The stores, with the unit of work under them for tests of the port itself. */
export interface MemoryStore extends PolicyFeatureStores, Pick<BatonStore, 'apiKeys'> {
  uow: MemoryUnitOfWork<Tables, MemoryTransaction>;
}

/** A new, empty store. */
export function openMemoryStore(): MemoryStore {
  const uow = createMemoryUnitOfWork<Tables, MemoryTransaction>({ ...emptyPolicyTables(), ...emptyApiKeyTables(), audit: [] }, (committed, queue) => ({
    ...memoryPolicyRepositories(committed, queue),
    ...memoryApiKeyRepositories(committed, queue),
    audit: memoryAuditAppend(queue),
  }));
  return {
    ...createPolicyStores(uow, memoryPolicyReads(uow.committed)),
    apiKeys: createApiKeyStore(uow, memoryApiKeyAccess(uow.committed)),
    auditLog: createMemoryAuditLogStore(() => uow.committed().audit),
    uow,
  };
}
