/**
 * The embedded adapter: every feature store on one better-sqlite3 connection to
 * `<dataDir>/baton.sqlite`.
 */
import { createSqliteAuditLogStore } from '../../features/audit/sqlite-audit-log-store';
import { createSqliteApiKeyStore } from '../../features/auth/sqlite-api-key-store';
import { createSqliteDecisionLogStore } from '../../features/decisions/sqlite-decision-log-store';
import { createSqliteDirectoryStore } from '../../features/directory/sqlite-directory-store';
import { createSqliteHandoffStore } from '../../features/handoffs/sqlite-handoff-store';
import { createSqliteChangeRequestStore } from '../../features/policies/sqlite-change-request-store';
import { createSqlitePolicyStore } from '../../features/policies/sqlite-policy-store';
import { createSqlitePolicyTestCaseStore } from '../../features/policies/sqlite-policy-test-case-store';
import type { BatonStore } from '../baton-store';
import { openDatabase } from './open-database';

/**
 * Opens (creating and migrating when needed) the SQLite store in `dataDir`.
 * @throws when the directory or database file cannot be opened.
 */
export async function openSqliteStore(dataDir: string): Promise<BatonStore> {
  const db = openDatabase(dataDir);
  const ping = db.prepare('SELECT 1');
  const policies = createSqlitePolicyStore(db);
  return {
    policies,
    changeRequests: createSqliteChangeRequestStore(db, policies),
    policyTests: createSqlitePolicyTestCaseStore(db),
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
