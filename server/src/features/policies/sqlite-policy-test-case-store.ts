/** `PolicyTestCaseStore` over better-sqlite3. */
import type Database from 'better-sqlite3';
import { notFound } from '../../baton-error';
import type { Actor } from '../audit/audit-event';
import { createSqliteAuditAppender } from '../audit/sqlite-audit-append';
import type { ExpectedOutcome, PolicyTestCase, PolicyTestCaseStore } from './policy-test-case-store';
import { policyNotFound } from './policy-errors';

/** A `policy_test_cases` row without its policy id. */
export interface CaseRow {
  id: string;
  name: string;
  input: string;
  expected: string;
  updated_at: string;
  updated_by: string | null;
}

/** Maps a `policy_test_cases` row to the port record. */
export const toCase = (row: CaseRow): PolicyTestCase => ({
  id: row.id,
  name: row.name,
  input: JSON.parse(row.input) as Record<string, unknown>,
  expected: JSON.parse(row.expected) as ExpectedOutcome,
  updatedAt: new Date(row.updated_at),
  updatedBy: row.updated_by,
});

/** Creates the SQLite policy test case store on an open, migrated database. */
export function createSqlitePolicyTestCaseStore(db: Database.Database): PolicyTestCaseStore {
  const audit = createSqliteAuditAppender(db);
  const stmt = {
    policy: db.prepare('SELECT 1 FROM policies WHERE id = ?'),
    list: db.prepare('SELECT * FROM policy_test_cases WHERE policy_id = ? ORDER BY id'),
    get: db.prepare('SELECT * FROM policy_test_cases WHERE policy_id = ? AND id = ?'),
    upsert: db.prepare(`INSERT INTO policy_test_cases (policy_id, id, name, input, expected, updated_at, updated_by)
      VALUES (@policyId, @id, @name, @input, @expected, @at, @actor)
      ON CONFLICT (policy_id, id) DO UPDATE SET name = excluded.name, input = excluded.input, expected = excluded.expected,
        updated_at = excluded.updated_at, updated_by = excluded.updated_by`),
    remove: db.prepare('DELETE FROM policy_test_cases WHERE policy_id = ? AND id = ?'),
  };
  const requirePolicy = (policyId: string): void => {
    if (!stmt.policy.get(policyId)) throw policyNotFound(policyId);
  };

  const save = db.transaction((policyId: string, testCase: Omit<PolicyTestCase, 'updatedAt' | 'updatedBy'>, at: Date, actor: Actor): PolicyTestCase => {
    requirePolicy(policyId);
    const before = stmt.get.get(policyId, testCase.id) as CaseRow | undefined;
    stmt.upsert.run({
      policyId,
      id: testCase.id,
      name: testCase.name,
      input: JSON.stringify(testCase.input),
      expected: JSON.stringify(testCase.expected),
      at: at.toISOString(),
      actor: actor.keyId,
    });
    audit({
      actor,
      action: 'policyTestCase.save',
      targetType: 'policy',
      targetId: policyId,
      before: before ? { testCase: before.id, expected: JSON.parse(before.expected) as unknown } : undefined,
      after: { testCase: testCase.id, name: testCase.name, expected: testCase.expected },
      at,
    });
    return toCase(stmt.get.get(policyId, testCase.id) as CaseRow);
  });

  const remove = db.transaction((policyId: string, id: string, at: Date, actor: Actor): void => {
    requirePolicy(policyId);
    if (stmt.remove.run(policyId, id).changes === 0) {
      throw notFound(`Policy '${policyId}' has no test case '${id}'; list them with policy { testCases }.`, { policyId, testCaseId: id });
    }
    audit({ actor, action: 'policyTestCase.remove', targetType: 'policy', targetId: policyId, before: { testCase: id }, at });
  });

  return {
    listTestCases: async (policyId) => (stmt.list.all(policyId) as CaseRow[]).map(toCase),
    saveTestCase: async (policyId, testCase, at, actor) => save(policyId, testCase, at, actor),
    removeTestCase: async (policyId, id, at, actor) => remove(policyId, id, at, actor),
  };
}
