/**
 * `PolicyStore` over better-sqlite3. Statements are prepared once; multi-step writes run in one
 * transaction with their audit event. Published versions are only ever INSERTed (and triggers
 * refuse UPDATE/DELETE).
 */
import type Database from 'better-sqlite3';
import type { PolicyGraph, RoutingGraph, TriggerSettings } from '@baton/schemas';
import { badInput, conflict, notFound } from '../../baton-error';
import type { Actor } from '../audit/audit-event';
import { createSqliteAuditAppender } from '../audit/sqlite-audit-append';
import { policyNotFound } from './policy-errors';
import type {
  Activation,
  DraftRecord,
  DraftUpdate,
  NewPolicy,
  NewVersion,
  PolicyHead,
  PolicyRecord,
  PolicyStore,
  VersionRecord,
} from './policy-store';

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

const HEAD_SELECT = `SELECT p.id, p.name, p.active_version, v.content_hash FROM policies p
  LEFT JOIN policy_versions v ON v.policy_id = p.id AND v.version = p.active_version`;

/** The SQLite policy store plus the publish step other SQLite stores run inside their own transactions. */
export interface SqlitePolicyStore extends PolicyStore {
  /** Synchronous `publishVersion`, to nest in another transaction (approving a change request). */
  publishInTransaction(version: NewVersion): VersionRecord;
}

/** Creates the SQLite policy store on an open, migrated database. */
export function createSqlitePolicyStore(db: Database.Database): SqlitePolicyStore {
  const audit = createSqliteAuditAppender(db);
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
      routing, compiled_rules, comment, published_at, published_by, parent_version)
      VALUES (@policyId, @version, @contentHash, @graph, @settings, @routing, @compiledRules, @comment, @at, @actor, @parentVersion)`),
    staleRequests: db.prepare(`SELECT id FROM change_requests WHERE policy_id = ? AND status = 'OPEN'`),
    markStale: db.prepare(`UPDATE change_requests SET status = 'STALE', closed_at = @at, closed_by = @actor WHERE id = @id`),
    setApprovals: db.prepare('UPDATE policies SET required_approvals = @count, updated_at = @at WHERE id = @policyId'),
    activate: db.prepare('UPDATE policies SET active_version = @version, updated_at = @at WHERE id = @policyId'),
    getVersion: db.prepare('SELECT * FROM policy_versions WHERE policy_id = ? AND version = ?'),
    listVersions: db.prepare('SELECT * FROM policy_versions WHERE policy_id = ? ORDER BY version DESC'),
  };

  const getPolicy = (id: string): PolicyRecord | null => {
    const row = stmt.get.get(id) as PolicyRow | undefined;
    return row ? toPolicy(row) : null;
  };

  const requirePolicy = (policyId: string): PolicyRecord => {
    const policy = getPolicy(policyId);
    if (!policy) throw policyNotFound(policyId);
    return policy;
  };

  const makeDefault = (id: string, at: Date, actor: Actor): void => {
    const previous = stmt.headDefault.get() as HeadRow | undefined;
    if (previous?.id === id) return;
    stmt.clearDefault.run({ id, at: at.toISOString() });
    stmt.setDefault.run({ id, at: at.toISOString() });
    audit({ actor, action: 'policy.setDefault', targetType: 'policy', targetId: id, before: { defaultPolicy: previous?.id ?? null }, after: { defaultPolicy: id }, at });
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
      actor: policy.actor.keyId,
    });
    audit({ actor: policy.actor, action: 'policy.create', targetType: 'policy', targetId: policy.id, after: { name: policy.name, draftRevision: 1 }, at: policy.at });
    if (policy.makeDefault || !stmt.hasDefault.get()) makeDefault(policy.id, policy.at, policy.actor);
    return getPolicy(policy.id) as PolicyRecord;
  });

  const staleRevision = (policyId: string, action: string): never => {
    const row = stmt.revision.get(policyId) as { draft_revision: number } | undefined;
    if (!row) throw policyNotFound(policyId);
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
      actor: update.actor.keyId,
    });
    if (result.changes === 0) {
      staleRevision(update.policyId, `reload it, reapply your change and save with baseRevision set to that revision.`);
    }
    audit({
      actor: update.actor,
      action: 'policy.draft.save',
      targetType: 'policy',
      targetId: update.policyId,
      before: { draftRevision: update.baseRevision },
      after: { draftRevision: update.baseRevision + 1 },
      at: update.at,
    });
    // Four eyes: approvals were given to the draft as it was, so they lapse when it changes.
    for (const { id } of stmt.staleRequests.all(update.policyId) as { id: string }[]) {
      stmt.markStale.run({ id, at: update.at.toISOString(), actor: update.actor.keyId });
      audit({ actor: update.actor, action: 'changeRequest.stale', targetType: 'changeRequest', targetId: id, before: { status: 'OPEN' }, after: { status: 'STALE' }, at: update.at });
    }
    return (getPolicy(update.policyId) as PolicyRecord).draft;
  });

  const publish = db.transaction((version: NewVersion): VersionRecord => {
    const row = stmt.revision.get(version.policyId) as { draft_revision: number } | undefined;
    if (!row || row.draft_revision !== version.draftRevision) {
      staleRevision(version.policyId, 'it changed while publishing; review the new draft and publish again.');
    }
    const active = requirePolicy(version.policyId).activeVersion;
    if (active !== version.expectedActiveVersion) {
      throw conflict(
        `Policy '${version.policyId}' changed while publishing: version ${active ?? 'none'} is active now, not ${version.expectedActiveVersion ?? 'none'}. ` +
          'Someone else published or activated a version; review it and publish again if still needed.',
        { policyId: version.policyId, activeVersion: active },
      );
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
      actor: version.actor.keyId,
      parentVersion: active,
    });
    stmt.activate.run({ policyId: version.policyId, version: next, at });
    audit({
      actor: version.actor,
      action: 'policy.publish',
      targetType: 'policy',
      targetId: version.policyId,
      before: { activeVersion: active },
      after: { activeVersion: next, contentHash: version.contentHash, draftRevision: version.draftRevision, comment: version.comment },
      at: version.at,
    });
    if (version.makeDefault) makeDefault(version.policyId, version.at, version.actor);
    return toVersion(stmt.getVersion.get(version.policyId, next) as VersionRow);
  });

  const setDefault = db.transaction((policyId: string, at: Date, actor: Actor): void => {
    requirePolicy(policyId);
    makeDefault(policyId, at, actor);
  });

  const activateVersion = db.transaction((activation: Activation): PolicyRecord => {
    const { policyId, version, at, actor, comment } = activation;
    const policy = requirePolicy(policyId);
    const target = stmt.getVersion.get(policyId, version) as VersionRow | undefined;
    if (!target) {
      const latest = (stmt.nextVersion.get(policyId) as { next: number }).next - 1;
      throw notFound(
        `Policy '${policyId}' has no version ${version}; ${latest === 0 ? 'nothing is published yet' : `its versions are 1 to ${latest}`} (policyVersions lists them).`,
        { policyId, version },
      );
    }
    if (policy.activeVersion === version) throw badInput(`Version ${version} of '${policyId}' is already active; nothing to do.`, { policyId, version });
    stmt.activate.run({ policyId, version, at: at.toISOString() });
    audit({
      actor,
      action: 'policy.activate',
      targetType: 'policy',
      targetId: policyId,
      before: { activeVersion: policy.activeVersion },
      after: { activeVersion: version, contentHash: target.content_hash, comment },
      at,
    });
    return requirePolicy(policyId);
  });

  const setRequiredApprovals = db.transaction((policyId: string, count: number, at: Date, actor: Actor): PolicyRecord => {
    const policy = requirePolicy(policyId);
    if (policy.requiredApprovals === count) return policy;
    stmt.setApprovals.run({ policyId, count, at: at.toISOString() });
    audit({ actor, action: 'policy.requiredApprovals', targetType: 'policy', targetId: policyId, before: { requiredApprovals: policy.requiredApprovals }, after: { requiredApprovals: count }, at });
    return requirePolicy(policyId);
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
    publishInTransaction: (version) => publish(version),
    activateVersion: async (activation) => activateVersion(activation),
    setRequiredApprovals: async (policyId, count, at, actor) => setRequiredApprovals(policyId, count, at, actor),
    getVersion: async (policyId, version) => {
      const row = stmt.getVersion.get(policyId, version) as VersionRow | undefined;
      return row ? toVersion(row) : null;
    },
    listVersions: async (policyId) => (stmt.listVersions.all(policyId) as VersionRow[]).map(toVersion),
    setDefaultPolicy: async (policyId, at, actor) => setDefault(policyId, at, actor),
  };
}
