/**
 * The policies feature over better-sqlite3: rows to records and back, the repositories a unit of
 * work writes through (`store/sqlite/sqlite-unit-of-work.ts`), and the reads. No domain rule
 * here: `policy-transitions.ts` decides. Published versions are only ever INSERTed (and triggers
 * refuse UPDATE/DELETE).
 */
import type Database from 'better-sqlite3';
import type { PolicyGraph, RoutingGraph, TriggerSettings } from '@baton/schemas';
import { insertOrDuplicate, type QueueWrite } from '../../store/sqlite/sqlite-unit-of-work';
import { StaleWriteError } from '../../store/unit-of-work';
import type { ChangeRequestRecord, ChangeRequestStatus } from './change-request-store';
import type { ChangeRequestRepository, PolicyReads, PolicyRepository, PolicyTestCaseRepository, VersionRepository } from './policy-repositories';
import type { PolicyHead, PolicyRecord, VersionRecord } from './policy-store';
import type { ExpectedOutcome, PolicyTestCase } from './policy-test-case-store';

/** A `policies` row (the policy and its draft). */
export interface PolicyRow {
  id: string;
  name: string;
  description: string | null;
  is_default: number;
  active_version: number | null;
  required_approvals: number;
  created_at: string;
  updated_at: string;
  draft_revision: number;
  draft_graph: string;
  draft_settings: string;
  draft_routing: string | null;
  draft_updated_at: string;
  draft_updated_by: string | null;
}

/** A `policy_versions` row. */
export interface VersionRow {
  policy_id: string;
  version: number;
  content_hash: string;
  graph: string;
  settings: string;
  routing: string | null;
  compiled_rules: string;
  comment: string;
  published_at: string;
  published_by: string | null;
  parent_version: number | null;
}

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

interface HeadRow {
  id: string;
  name: string;
  active_version: number | null;
  content_hash: string | null;
}

const parseRouting = (text: string | null): RoutingGraph | null => (text === null ? null : (JSON.parse(text) as RoutingGraph));
const routingText = (routing: RoutingGraph | null): string | null => (routing === null ? null : JSON.stringify(routing));

/** Maps a `policies` row to the port record (JSON columns parsed, times as `Date`s). */
export function toPolicy(row: PolicyRow): PolicyRecord {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    isDefault: row.is_default === 1,
    activeVersion: row.active_version,
    requiredApprovals: row.required_approvals,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    draft: {
      revision: row.draft_revision,
      graph: JSON.parse(row.draft_graph) as PolicyGraph,
      settings: JSON.parse(row.draft_settings) as TriggerSettings,
      routing: parseRouting(row.draft_routing),
      updatedAt: new Date(row.draft_updated_at),
      updatedBy: row.draft_updated_by,
    },
  };
}

/** Maps a `policy_versions` row to the port record. */
export function toVersion(row: VersionRow): VersionRecord {
  return {
    policyId: row.policy_id,
    version: row.version,
    contentHash: row.content_hash,
    graph: JSON.parse(row.graph) as PolicyGraph,
    settings: JSON.parse(row.settings) as TriggerSettings,
    routing: parseRouting(row.routing),
    compiledRules: JSON.parse(row.compiled_rules) as unknown,
    comment: row.comment,
    publishedAt: new Date(row.published_at),
    publishedBy: row.published_by,
    parentVersion: row.parent_version,
  };
}

/** A `change_requests` row. */
export interface RequestRow {
  id: string;
  policy_id: string;
  draft_revision: number;
  content_hash: string;
  comment: string;
  make_default: number;
  required_approvals: number;
  status: ChangeRequestStatus;
  author: string | null;
  created_at: string;
  closed_at: string | null;
  closed_by: string | null;
  rejection_reason: string | null;
  published_version: number | null;
  /** Migration 10; absent in rows read before it ran. */
  activate_version?: number | null;
}

/** A `change_request_approvals` row without its request id. */
export interface ApprovalRow {
  approver: string;
  approved_at: string;
}

/** Maps a `change_requests` row and its approvals (oldest first) to the port record. */
export function toChangeRequest(row: RequestRow, approvals: readonly ApprovalRow[]): ChangeRequestRecord {
  return {
    id: row.id,
    policyId: row.policy_id,
    draftRevision: row.draft_revision,
    contentHash: row.content_hash,
    comment: row.comment,
    makeDefault: row.make_default === 1,
    requiredApprovals: row.required_approvals,
    status: row.status,
    author: row.author,
    createdAt: new Date(row.created_at),
    closedAt: row.closed_at === null ? null : new Date(row.closed_at),
    closedBy: row.closed_by,
    rejectionReason: row.rejection_reason,
    publishedVersion: row.published_version,
    approvals: approvals.map((a) => ({ approver: a.approver, at: new Date(a.approved_at) })),
    ...(row.activate_version === null || row.activate_version === undefined ? {} : { activateVersion: row.activate_version }),
  };
}

interface HeadRow {
  id: string;
  name: string;
  active_version: number | null;
  content_hash: string | null;
}

const HEAD_SELECT = `SELECT p.id, p.name, p.active_version, v.content_hash FROM policies p
  LEFT JOIN policy_versions v ON v.policy_id = p.id AND v.version = p.active_version`;

const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());

/** The named parameters of a `policies` row written from `policy`. */
function policyParams(policy: PolicyRecord): Record<string, unknown> {
  const { draft } = policy;
  return {
    id: policy.id,
    name: policy.name,
    description: policy.description,
    isDefault: policy.isDefault ? 1 : 0,
    activeVersion: policy.activeVersion,
    requiredApprovals: policy.requiredApprovals,
    createdAt: iso(policy.createdAt),
    updatedAt: iso(policy.updatedAt),
    draftRevision: draft.revision,
    draftGraph: JSON.stringify(draft.graph),
    draftSettings: JSON.stringify(draft.settings),
    draftRouting: routingText(draft.routing),
    draftUpdatedAt: iso(draft.updatedAt),
    draftUpdatedBy: draft.updatedBy,
  };
}

/** The policies feature's statements on `db`, prepared once. */
function statements(db: Database.Database) {
  return {
    any: db.prepare('SELECT 1 FROM policies LIMIT 1'),
    list: db.prepare('SELECT * FROM policies ORDER BY id'),
    get: db.prepare('SELECT * FROM policies WHERE id = ?'),
    headById: db.prepare(`${HEAD_SELECT} WHERE p.id = ?`),
    headDefault: db.prepare(`${HEAD_SELECT} WHERE p.is_default = 1`),
    defaultId: db.prepare('SELECT id FROM policies WHERE is_default = 1'),
    insert: db.prepare(`INSERT INTO policies (id, name, description, is_default, active_version, required_approvals, created_at, updated_at,
      draft_revision, draft_graph, draft_settings, draft_routing, draft_updated_at, draft_updated_by)
      VALUES (@id, @name, @description, @isDefault, @activeVersion, @requiredApprovals, @createdAt, @updatedAt,
      @draftRevision, @draftGraph, @draftSettings, @draftRouting, @draftUpdatedAt, @draftUpdatedBy)`),
    update: db.prepare(`UPDATE policies SET name = @name, description = @description, is_default = @isDefault, active_version = @activeVersion,
      required_approvals = @requiredApprovals, updated_at = @updatedAt, draft_revision = @draftRevision, draft_graph = @draftGraph,
      draft_settings = @draftSettings, draft_routing = @draftRouting, draft_updated_at = @draftUpdatedAt, draft_updated_by = @draftUpdatedBy
      WHERE id = @id AND draft_revision = @expectedRevision AND active_version IS @expectedActive AND is_default = @expectedDefault
      AND required_approvals = @expectedApprovals`),
    latest: db.prepare('SELECT COALESCE(MAX(version), 0) AS latest FROM policy_versions WHERE policy_id = ?'),
    insertVersion: db.prepare(`INSERT INTO policy_versions (policy_id, version, content_hash, graph, settings,
      routing, compiled_rules, comment, published_at, published_by, parent_version)
      VALUES (@policyId, @version, @contentHash, @graph, @settings, @routing, @compiledRules, @comment, @at, @actor, @parentVersion)`),
    getVersion: db.prepare('SELECT * FROM policy_versions WHERE policy_id = ? AND version = ?'),
    listVersions: db.prepare('SELECT * FROM policy_versions WHERE policy_id = ? ORDER BY version DESC'),
    getRequest: db.prepare('SELECT * FROM change_requests WHERE id = ?'),
    listRequests: db.prepare('SELECT * FROM change_requests WHERE policy_id = ? ORDER BY created_at DESC, id DESC'),
    openRequests: db.prepare(`SELECT * FROM change_requests WHERE policy_id = ? AND status = 'OPEN' ORDER BY created_at, id`),
    approvals: db.prepare('SELECT approver, approved_at FROM change_request_approvals WHERE request_id = ? ORDER BY approved_at, approver'),
    insertRequest: db.prepare(`INSERT INTO change_requests (id, policy_id, draft_revision, content_hash, comment, make_default, required_approvals,
      status, author, created_at, closed_at, closed_by, rejection_reason, published_version, activate_version)
      VALUES (@id, @policyId, @draftRevision, @contentHash, @comment, @makeDefault, @requiredApprovals,
      @status, @author, @createdAt, @closedAt, @closedBy, @rejectionReason, @publishedVersion, @activateVersion)`),
    updateRequest: db.prepare(`UPDATE change_requests SET status = @status, closed_at = @closedAt, closed_by = @closedBy,
      rejection_reason = @rejectionReason, published_version = @publishedVersion
      WHERE id = @id AND status = @expectedStatus AND (SELECT COUNT(*) FROM change_request_approvals WHERE request_id = @id) = @expectedApprovals`),
    approve: db.prepare('INSERT INTO change_request_approvals (request_id, approver, approved_at) VALUES (?, ?, ?)'),
    listCases: db.prepare('SELECT * FROM policy_test_cases WHERE policy_id = ? ORDER BY id'),
    getCase: db.prepare('SELECT * FROM policy_test_cases WHERE policy_id = ? AND id = ?'),
    saveCase: db.prepare(`INSERT INTO policy_test_cases (policy_id, id, name, input, expected, updated_at, updated_by)
      VALUES (@policyId, @id, @name, @input, @expected, @at, @actor)
      ON CONFLICT (policy_id, id) DO UPDATE SET name = excluded.name, input = excluded.input, expected = excluded.expected,
        updated_at = excluded.updated_at, updated_by = excluded.updated_by`),
    removeCase: db.prepare('DELETE FROM policy_test_cases WHERE policy_id = ? AND id = ?'),
  };
}

type Statements = ReturnType<typeof statements>;

function readRequest(stmt: Statements, row: RequestRow): ChangeRequestRecord {
  return toChangeRequest(row, stmt.approvals.all(row.id) as ApprovalRow[]);
}

function readPolicy(stmt: Statements, id: string): PolicyRecord | null {
  const row = stmt.get.get(id) as PolicyRow | undefined;
  return row ? toPolicy(row) : null;
}

function readVersion(stmt: Statements, policyId: string, version: number): VersionRecord | null {
  const row = stmt.getVersion.get(policyId, version) as VersionRow | undefined;
  return row ? toVersion(row) : null;
}

/** The repositories of one unit of work: reads run now, writes go to `queue`. */
export function sqlitePolicyRepositories(db: Database.Database): (queue: QueueWrite) => {
  policies: PolicyRepository;
  versions: VersionRepository;
  changeRequests: ChangeRequestRepository;
  testCases: PolicyTestCaseRepository;
} {
  const stmt = statements(db);
  return (queue) => ({
    policies: {
      find: async (id) => readPolicy(stmt, id),
      findDefaultId: async () => (stmt.defaultId.get() as { id: string } | undefined)?.id ?? null,
      insert: async (policy) => queue(() => insertOrDuplicate('policy', 'id', () => stmt.insert.run(policyParams(policy)))),
      update: async (next, expected) =>
        queue(() => {
          const result = stmt.update.run({
            ...policyParams(next),
            expectedRevision: expected.draft.revision,
            expectedActive: expected.activeVersion,
            expectedDefault: expected.isDefault ? 1 : 0,
            expectedApprovals: expected.requiredApprovals,
          });
          if (result.changes === 0) throw new StaleWriteError(`Policy '${next.id}'`);
        }),
    },
    versions: {
      find: async (policyId, version) => readVersion(stmt, policyId, version),
      latestNumber: async (policyId) => (stmt.latest.get(policyId) as { latest: number }).latest,
      insert: async (version) =>
        queue(() =>
          insertOrDuplicate('version', 'version', () =>
            stmt.insertVersion.run({
              policyId: version.policyId,
              version: version.version,
              contentHash: version.contentHash,
              graph: JSON.stringify(version.graph),
              settings: JSON.stringify(version.settings),
              routing: routingText(version.routing),
              compiledRules: JSON.stringify(version.compiledRules),
              comment: version.comment,
              at: version.publishedAt.toISOString(),
              actor: version.publishedBy,
              parentVersion: version.parentVersion,
            }),
          ),
        ),
    },
    changeRequests: {
      find: async (id) => {
        const row = stmt.getRequest.get(id) as RequestRow | undefined;
        return row ? readRequest(stmt, row) : null;
      },
      listOpen: async (policyId) => (stmt.openRequests.all(policyId) as RequestRow[]).map((row) => readRequest(stmt, row)),
      insert: async (request) =>
        queue(() =>
          insertOrDuplicate('changeRequest', 'id', () => {
            stmt.insertRequest.run(requestParams(request));
            for (const a of request.approvals) stmt.approve.run(request.id, a.approver, a.at.toISOString());
          }),
        ),
      update: async (next, expected) =>
        queue(() => {
          const result = stmt.updateRequest.run({ ...requestParams(next), expectedStatus: expected.status, expectedApprovals: expected.approvals.length });
          if (result.changes === 0) throw new StaleWriteError(`Change request '${next.id}'`);
          for (const a of next.approvals.slice(expected.approvals.length)) stmt.approve.run(next.id, a.approver, a.at.toISOString());
        }),
    },
    testCases: {
      find: async (policyId, id) => {
        const row = stmt.getCase.get(policyId, id) as CaseRow | undefined;
        return row ? toCase(row) : null;
      },
      save: async (policyId, testCase) =>
        queue(() =>
          stmt.saveCase.run({
            policyId,
            id: testCase.id,
            name: testCase.name,
            input: JSON.stringify(testCase.input),
            expected: JSON.stringify(testCase.expected),
            at: testCase.updatedAt.toISOString(),
            actor: testCase.updatedBy,
          }),
        ),
      remove: async (policyId, id) =>
        queue(() => {
          if (stmt.removeCase.run(policyId, id).changes === 0) throw new StaleWriteError(`Test case '${id}' of policy '${policyId}'`);
        }),
    },
  });
}

function requestParams(request: ChangeRequestRecord): Record<string, unknown> {
  return {
    id: request.id,
    policyId: request.policyId,
    draftRevision: request.draftRevision,
    contentHash: request.contentHash,
    comment: request.comment,
    makeDefault: request.makeDefault ? 1 : 0,
    requiredApprovals: request.requiredApprovals,
    status: request.status,
    author: request.author,
    createdAt: iso(request.createdAt),
    closedAt: iso(request.closedAt),
    closedBy: request.closedBy,
    rejectionReason: request.rejectionReason,
    publishedVersion: request.publishedVersion,
    activateVersion: request.activateVersion ?? null,
  };
}

/** The policies feature's reads on `db`. */
export function createSqlitePolicyReads(db: Database.Database): PolicyReads {
  const stmt = statements(db);
  return {
    hasPolicies: async () => stmt.any.get() !== undefined,
    listPolicies: async () => (stmt.list.all() as PolicyRow[]).map(toPolicy),
    getPolicy: async (id) => readPolicy(stmt, id),
    getPolicyHead: async (id): Promise<PolicyHead | null> => {
      const row = (id === null ? stmt.headDefault.get() : stmt.headById.get(id)) as HeadRow | undefined;
      return row ? { id: row.id, name: row.name, activeVersion: row.active_version, activeContentHash: row.content_hash } : null;
    },
    getVersion: async (policyId, version) => readVersion(stmt, policyId, version),
    listVersions: async (policyId) => (stmt.listVersions.all(policyId) as VersionRow[]).map(toVersion),
    getChangeRequest: async (id) => {
      const row = stmt.getRequest.get(id) as RequestRow | undefined;
      return row ? readRequest(stmt, row) : null;
    },
    listChangeRequests: async (policyId) => (stmt.listRequests.all(policyId) as RequestRow[]).map((row) => readRequest(stmt, row)),
    listTestCases: async (policyId) => (stmt.listCases.all(policyId) as CaseRow[]).map(toCase),
  };
}
