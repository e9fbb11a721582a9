import { makeTempDir, removeTempDirs } from '../../test-support/temp-dir';
import { createPolicyStores } from '../../features/policies/transactional-policy-stores';
import { createSqlitePolicyReads } from '../../features/policies/sqlite-policy-repositories';
import { createSqliteAuditLogStore } from '../../features/audit/sqlite-audit-log-store';
import { created, describeUnitOfWorkContract } from '../unit-of-work.contract';
import { openDatabase } from './open-database';
import { sqliteRepositories } from './open-sqlite-store';
import { createSqliteUnitOfWork } from './sqlite-unit-of-work';

afterAll(removeTempDirs);

function setup() {
  const db = openDatabase(makeTempDir());
  const uow = createSqliteUnitOfWork(db, sqliteRepositories(db));
  const reads = createSqlitePolicyReads(db);
  const auditCount = () => (db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
  return { db, uow, reads, auditCount, record: created };
}

describeUnitOfWorkContract('SQLite', async () => {
  const { db, uow, reads } = setup();
  return { uow, policies: createPolicyStores(uow, reads).policies, auditLog: createSqliteAuditLogStore(db), close: async () => void db.close() };
});

describe('SQLite unit of work', () => {
  it('runs units one at a time, so a unit reads what the one before it committed', async () => {
    const { uow, record } = setup();
    const seen: (string | null)[] = [];
    const insertIfNoDefault = (id: string) =>
      uow.transaction(async (tx) => {
        const current = await tx.policies.findDefaultId();
        seen.push(current);
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (current === null) await tx.policies.insert({ ...record(id).record, isDefault: true });
      });
    await Promise.all([insertIfNoDefault('a'), insertIfNoDefault('b')]);
    expect(seen).toEqual([null, 'a']);
  });

  it('keeps a write made on the connection outside the unit while the unit awaits, even when the unit fails', async () => {
    const { db, uow, auditCount } = setup();
    const failing = uow.transaction(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error('fails late');
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    db.prepare(`INSERT INTO roles (name, description) VALUES ('observer', 'written meanwhile')`).run();
    await expect(failing).rejects.toThrow('fails late');
    expect(db.prepare(`SELECT name FROM roles WHERE name = 'observer'`).get()).toEqual({ name: 'observer' });
    expect(auditCount()).toBe(0);
  });
});
