/**
 * The embedded adapter: every feature store on one better-sqlite3 connection to
 * `<dataDir>/baton.sqlite`.
 */
import { createSqliteAuditLogStore } from '../../features/audit/sqlite-audit-log-store';
import { createSqliteApiKeyStore } from '../../features/auth/sqlite-api-key-store';
import { createSqliteDecisionLogStore } from '../../features/decisions/sqlite-decision-log-store';
import { createSqliteDirectoryStore } from '../../features/directory/sqlite-directory-store';
import { createSqliteHandoffStore } from '../../features/handoffs/sqlite-handoff-store';
import { createSqlitePolicyReads, sqlitePolicyRepositories } from '../../features/policies/sqlite-policy-repositories';
import type { BatonStore } from '../baton-store';
import { createPolicyStores } from '../../features/policies/transactional-policy-stores';
import { openDatabase } from './open-database';
import { createSqliteUnitOfWork } from './sqlite-unit-of-work';

/**
 * Opens (creating and migrating when needed) the SQLite store in `dataDir`.
 * @throws when the directory or database file cannot be opened.
 */
export async function openSqliteStore(dataDir: string): Promise<BatonStore> {
  const db = openDatabase(dataDir);
  const ping = db.prepare('SELECT 1');
  const { policies, changeRequests, policyTests } = createPolicyStores(createSqliteUnitOfWork(db, sqlitePolicyRepositories(db)), createSqlitePolicyReads(db));
  return {
    policies,
    changeRequests,
    policyTests,
    decisionLog: createSqliteDecisionLogStore(db),
    apiKeys: createSqliteApiKeyStore(db),
    auditLog: createSqliteAuditLogStore(db),
    directory: createSqliteDirectoryStore(db),
    handoffs: createSqliteHandoffStore(db),
    isHealthy: () => {
      if (!db.open) return false;
      try {
        ping.get();
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      if (db.open) db.close();
    },
  };
}
