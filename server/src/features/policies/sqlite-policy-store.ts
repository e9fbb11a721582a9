/**
 * `PolicyStore` over better-sqlite3. Statements are prepared once; multi-step writes run in one
 * transaction. Published versions are only ever INSERTed (and triggers refuse UPDATE/DELETE).
 */
import type Database from 'better-sqlite3';
import type { PolicyGraph, RoutingGraph, TriggerSettings } from '@baton/schemas';
import { conflict, notFound } from '../../baton-error';
import type {
  DraftRecord,
  DraftUpdate,
  NewPolicy,
  NewVersion,
  PolicyHead,
  PolicyRecord,
  PolicyStore,
  VersionRecord,
} from './policy-store';

interface PolicyRow {
  id: string;
  name: string;
  description: string | null;
  is_default: number;
  active_version: number | null;
  created_at: string;
  updated_at: string;
  draft_revision: number;
  draft_graph: string;
  draft_settings: string;
  draft_routing: string | null;
  draft_updated_at: string;
  draft_updated_by: string | null;
}

interface VersionRow {
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
}

interface HeadRow {
  id: string;
  name: string;
  active_version: number | null;
  content_hash: string | null;
}

const parseRouting = (text: string | null): RoutingGraph | null => (text === null ? null : (JSON.parse(text) as RoutingGraph));
const routingText = (routing: RoutingGraph | null): string | null => (routing === null ? null : JSON.stringify(routing));

function toPolicy(row: PolicyRow): PolicyRecord {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    isDefault: row.is_default === 1,
    activeVersion: row.active_version,
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

function toVersion(row: VersionRow): VersionRecord {
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
  };
}

const HEAD_SELECT = `SELECT p.id, p.name, p.active_version, v.content_hash FROM policies p
  LEFT JOIN policy_versions v ON v.policy_id = p.id AND v.version = p.active_version`;

/** Creates the SQLite policy store on an open, migrated database. */
export function createSqlitePolicyStore(db: Database.Database): PolicyStore {
  const stmt = {
    any: db.prepare('SELECT 1 FROM policies LIMIT 1'),
    list: db.prepare('SELECT * FROM policies ORDER BY id'),
    get: db.prepare('SELECT * FROM policies WHERE id = ?'),
    headById: db.prepare(`${HEAD_SELECT} WHERE p.id = ?`),
    headDefault: db.prepare(`${HEAD_SELECT} WHERE p.is_default = 1`),
    hasDefault: db.prepare('SELECT 1 FROM policies WHERE is_default = 1'),
    insert: db.prepare(`INSERT INTO policies (id, name, description, is_default, active_version, created_at, updated_at,
      draft_revision, draft_graph, draft_settings, draft_routing, draft_updated_at, draft_updated_by)
      VALUES (@id, @name, @description, 0, NULL, @at, @at, 1, @graph, @settings, @routing, @at, @actor)`),
    clearDefault: db.prepare('UPDATE policies SET is_default = 0, updated_at = @at WHERE is_default = 1 AND id <> @id'),
    setDefault: db.prepare('UPDATE policies SET is_default = 1, updated_at = @at WHERE id = @id AND is_default = 0'),
    saveDraft: db.prepare(`UPDATE policies SET draft_revision = draft_revision + 1, draft_graph = @graph,
      draft_settings = @settings, draft_routing = @routing, draft_updated_at = @at, draft_updated_by = @actor, updated_at = @at
      WHERE id = @policyId AND draft_revision = @baseRevision`),
    revision: db.prepare('SELECT draft_revision FROM policies WHERE id = ?'),
    nextVersion: db.prepare('SELECT COALESCE(MAX(version), 0) + 1 AS next FROM policy_versions WHERE policy_id = ?'),
    insertVersion: db.prepare(`INSERT INTO policy_versions (policy_id, version, content_hash, graph, settings,
      routing, compiled_rules, comment, published_at, published_by)
      VALUES (@policyId, @version, @contentHash, @graph, @settings, @routing, @compiledRules, @comment, @at, @actor)`),
    activate: db.prepare('UPDATE policies SET active_version = @version, updated_at = @at WHERE id = @policyId'),
    getVersion: db.prepare('SELECT * FROM policy_versions WHERE policy_id = ? AND version = ?'),
    listVersions: db.prepare('SELECT * FROM policy_versions WHERE policy_id = ? ORDER BY version DESC'),
  };

  const getPolicy = (id: string): PolicyRecord | null => {
    const row = stmt.get.get(id) as PolicyRow | undefined;
    return row ? toPolicy(row) : null;
  };

  const makeDefault = (id: string, at: string): void => {
    stmt.clearDefault.run({ id, at });
    stmt.setDefault.run({ id, at });
  };

  const create = db.transaction((policy: NewPolicy): PolicyRecord => {
    if (stmt.get.get(policy.id)) throw conflict(`A policy with id '${policy.id}' already exists; choose another id.`, { policyId: policy.id });
    const at = policy.at.toISOString();
    stmt.insert.run({
      id: policy.id,
      name: policy.name,
      description: policy.description,
      at,
      graph: JSON.stringify(policy.graph),
      settings: JSON.stringify(policy.settings),
      routing: routingText(policy.routing),
      actor: policy.actor,
    });
    if (policy.makeDefault || !stmt.hasDefault.get()) makeDefault(policy.id, at);
    return getPolicy(policy.id) as PolicyRecord;
  });

  const staleRevision = (policyId: string, action: string): never => {
    const row = stmt.revision.get(policyId) as { draft_revision: number } | undefined;
    if (!row) throw notFound(`Policy '${policyId}' does not exist; list policies with the policies query.`, { policyId });
    throw conflict(
      `The draft of '${policyId}' is at revision ${row.draft_revision}; ${action}`,
      { policyId, currentRevision: row.draft_revision },
    );
  };

  const save = db.transaction((update: DraftUpdate): DraftRecord => {
    const result = stmt.saveDraft.run({
      policyId: update.policyId,
      baseRevision: update.baseRevision,
      graph: JSON.stringify(update.graph),
      settings: JSON.stringify(update.settings),
      routing: routingText(update.routing),
      at: update.at.toISOString(),
      actor: update.actor,
    });
    if (result.changes === 0) {
      staleRevision(update.policyId, `reload it, reapply your change and save with baseRevision set to that revision.`);
    }
    return (getPolicy(update.policyId) as PolicyRecord).draft;
  });

  const publish = db.transaction((version: NewVersion): VersionRecord => {
    const row = stmt.revision.get(version.policyId) as { draft_revision: number } | undefined;
    if (!row || row.draft_revision !== version.draftRevision) {
      staleRevision(version.policyId, 'it changed while publishing; review the new draft and publish again.');
    }
    const next = (stmt.nextVersion.get(version.policyId) as { next: number }).next;
    const at = version.at.toISOString();
    stmt.insertVersion.run({
      policyId: version.policyId,
      version: next,
      contentHash: version.contentHash,
      graph: JSON.stringify(version.graph),
      settings: JSON.stringify(version.settings),
      routing: routingText(version.routing),
      compiledRules: JSON.stringify(version.compiledRules),
      comment: version.comment,
      at,
      actor: version.actor,
    });
    stmt.activate.run({ policyId: version.policyId, version: next, at });
    return toVersion(stmt.getVersion.get(version.policyId, next) as VersionRow);
  });

  const setDefault = db.transaction((policyId: string, at: Date): void => {
    if (!stmt.get.get(policyId)) throw notFound(`Policy '${policyId}' does not exist; list policies with the policies query.`, { policyId });
    makeDefault(policyId, at.toISOString());
  });

  return {
    hasPolicies: async () => stmt.any.get() !== undefined,
    listPolicies: async () => (stmt.list.all() as PolicyRow[]).map(toPolicy),
    getPolicy: async (id) => getPolicy(id),
    getPolicyHead: async (id): Promise<PolicyHead | null> => {
      const row = (id === null ? stmt.headDefault.get() : stmt.headById.get(id)) as HeadRow | undefined;
      if (!row) return null;
      return { id: row.id, name: row.name, activeVersion: row.active_version, activeContentHash: row.content_hash };
    },
    createPolicy: async (policy) => create(policy),
    saveDraft: async (update) => save(update),
    publishVersion: async (version) => publish(version),
    getVersion: async (policyId, version) => {
      const row = stmt.getVersion.get(policyId, version) as VersionRow | undefined;
      return row ? toVersion(row) : null;
    },
    listVersions: async (policyId) => (stmt.listVersions.all(policyId) as VersionRow[]).map(toVersion),
    setDefaultPolicy: async (policyId, at) => setDefault(policyId, at),
  };
}
