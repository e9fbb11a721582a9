/**
 * `PolicyStore` over MongoDB. Every change runs in one majority-write transaction with its
 * audit event. Concurrent writers conflict on the policy document (a publish updates it only
 * at the draft revision and active version it checked), so the driver retries the later one,
 * which then sees the new state and gets CONFLICT. Versions are only ever inserted.
 */
import type { ClientSession } from 'mongoose';
import type { BatonError } from '../../baton-error';
import { duplicateKeyAs } from '../../store/mongo/duplicate-key-as';
import type { MongoContext } from '../../store/mongo/mongo-context';
import type { Actor, AuditEventInput } from '../audit/audit-event';
import { appendMongoAuditEvent } from '../audit/mongo-audit-append';
import { fromPolicyDocument, fromVersionDocument, policyModels, toDraftDocument, toPolicyDocument, toVersionDocument } from './mongo-policy-models';
import { policyNotFound } from './policy-errors';
import {
  PUBLISH_AGAIN,
  SAVE_AGAIN,
  activeVersionMoved,
  draftMovedOn,
  policyIdTaken,
  versionAlreadyActive,
  versionNotFound,
} from './policy-store-errors';
import type { NewVersion, PolicyHead, PolicyRecord, PolicyStore, VersionRecord } from './policy-store';

/** The MongoDB policy store plus the publish step other MongoDB stores run inside their own transactions. */
export interface MongoPolicyStore extends PolicyStore {
  /**
   * `publishVersion` inside `session`'s transaction (approving a change request publishes in
   * the approval's transaction). Same checks and errors as `publishVersion`.
   */
  publishInTransaction(session: ClientSession, version: NewVersion): Promise<VersionRecord>;
  /** The CONFLICT for a publish whose version number a concurrent publish took (its duplicate-key error, after the abort). */
  publishRaced(version: NewVersion): Promise<BatonError>;
}

/** Creates the MongoDB policy store; `ensureAuditHead` must have run on the connection. */
export function createMongoPolicyStore(ctx: MongoContext): MongoPolicyStore {
  const { Policy, PolicyVersion, ChangeRequest } = policyModels(ctx.connection);
  const audit = (session: ClientSession, input: AuditEventInput) => appendMongoAuditEvent(ctx.connection, session, input);

  const getPolicy = async (id: string, session: ClientSession | null = null): Promise<PolicyRecord | null> => {
    const doc = await Policy.findById(id, null, { session }).lean();
    return doc ? fromPolicyDocument(doc) : null;
  };

  const requirePolicy = async (id: string, session: ClientSession): Promise<PolicyRecord> => {
    const policy = await getPolicy(id, session);
    if (!policy) throw policyNotFound(id);
    return policy;
  };

  const latestVersion = async (policyId: string, session: ClientSession): Promise<number> => {
    const latest = await PolicyVersion.findOne({ policyId }, { version: 1 }, { session }).sort({ version: -1 }).lean();
    return latest?.version ?? 0;
  };

  const staleRevision = async (policyId: string, next: string, session: ClientSession): Promise<never> => {
    throw draftMovedOn(policyId, (await requirePolicy(policyId, session)).draft.revision, next);
  };

  const publishRaced = async (version: NewVersion): Promise<BatonError> =>
    activeVersionMoved(version.policyId, (await getPolicy(version.policyId))?.activeVersion ?? null, version.expectedActiveVersion);

  const makeDefault = async (session: ClientSession, id: string, at: Date, actor: Actor): Promise<void> => {
    const previous = await Policy.findOne({ isDefault: true }, { _id: 1 }, { session }).lean();
    if (previous?._id === id) return;
    // Clear first: the unique index on the default flag holds after every statement.
    await Policy.updateMany({ isDefault: true, _id: { $ne: id } }, { $set: { isDefault: false, updatedAt: at } }, { session });
    await Policy.updateOne({ _id: id, isDefault: false }, { $set: { isDefault: true, updatedAt: at } }, { session });
    await audit(session, { actor, action: 'policy.setDefault', targetType: 'policy', targetId: id, before: { defaultPolicy: previous?._id ?? null }, after: { defaultPolicy: id }, at });
  };

  const publishInTransaction = async (session: ClientSession, version: NewVersion): Promise<VersionRecord> => {
    const { policyId, at, actor } = version;
    const policy = await getPolicy(policyId, session);
    if (!policy || policy.draft.revision !== version.draftRevision) return staleRevision(policyId, PUBLISH_AGAIN, session);
    const active = policy.activeVersion;
    if (active !== version.expectedActiveVersion) throw activeVersionMoved(policyId, active, version.expectedActiveVersion);
    const next = (await latestVersion(policyId, session)) + 1;
    // Conditional on what was checked: a concurrent publish or activation makes this a write
    // conflict, and the driver's retry then fails the checks above.
    const moved = await Policy.updateOne(
      { _id: policyId, 'draft.revision': version.draftRevision, activeVersion: active },
      { $set: { activeVersion: next, updatedAt: at } },
      { session },
    );
    if (moved.matchedCount === 0) throw activeVersionMoved(policyId, active, version.expectedActiveVersion);
    const record: VersionRecord = {
      policyId,
      version: next,
      contentHash: version.contentHash,
      graph: version.graph,
      settings: version.settings,
      routing: version.routing,
      compiledRules: version.compiledRules,
      comment: version.comment,
      publishedAt: at,
      publishedBy: actor.keyId,
      parentVersion: active,
    };
    const stored = toVersionDocument(record);
    await PolicyVersion.create([stored], { session });
    await audit(session, {
      actor,
      action: 'policy.publish',
      targetType: 'policy',
      targetId: policyId,
      before: { activeVersion: active },
      after: { activeVersion: next, contentHash: version.contentHash, draftRevision: version.draftRevision, comment: version.comment },
      at,
    });
    if (version.makeDefault) await makeDefault(session, policyId, at, actor);
    return fromVersionDocument(stored);
  };

  return {
    hasPolicies: async () => (await Policy.exists({})) !== null,
    listPolicies: async () => (await Policy.find().sort({ _id: 1 }).lean()).map(fromPolicyDocument),
    getPolicy: (id) => getPolicy(id),

    getPolicyHead: async (id): Promise<PolicyHead | null> => {
      const policy = await Policy.findOne(id === null ? { isDefault: true } : { _id: id }, { name: 1, activeVersion: 1 }).lean();
      if (!policy) return null;
      const activeVersion = policy.activeVersion ?? null;
      // Versions never change, so this second read cannot disagree with the first.
      const active = activeVersion === null ? null : await PolicyVersion.findOne({ policyId: policy._id, version: activeVersion }, { contentHash: 1 }).lean();
      return { id: policy._id, name: policy.name, activeVersion, activeContentHash: active?.contentHash ?? null };
    },

    createPolicy: (policy) =>
      ctx
        .transaction(async (session) => {
          if (await Policy.exists({ _id: policy.id }).session(session)) throw policyIdTaken(policy.id);
          const { at, actor } = policy;
          const record: PolicyRecord = {
            id: policy.id,
            name: policy.name,
            description: policy.description,
            isDefault: false,
            activeVersion: null,
            requiredApprovals: 0,
            createdAt: at,
            updatedAt: at,
            draft: { revision: 1, graph: policy.graph, settings: policy.settings, routing: policy.routing, updatedAt: at, updatedBy: actor.keyId },
          };
          await Policy.create([toPolicyDocument(record)], { session });
          await audit(session, { actor, action: 'policy.create', targetType: 'policy', targetId: policy.id, after: { name: policy.name, draftRevision: 1 }, at });
          if (policy.makeDefault || !(await Policy.exists({ isDefault: true }).session(session))) await makeDefault(session, policy.id, at, actor);
          return requirePolicy(policy.id, session);
        })
        .catch(duplicateKeyAs('_id', () => policyIdTaken(policy.id))),

    saveDraft: (update) =>
      ctx.transaction(async (session) => {
        const { policyId, baseRevision, at, actor } = update;
        const draft = toDraftDocument({ revision: baseRevision + 1, graph: update.graph, settings: update.settings, routing: update.routing, updatedAt: at, updatedBy: actor.keyId });
        const saved = await Policy.updateOne({ _id: policyId, 'draft.revision': baseRevision }, { $set: { draft, updatedAt: at } }, { session, runValidators: true });
        if (saved.matchedCount === 0) return staleRevision(policyId, SAVE_AGAIN, session);
        await audit(session, {
          actor,
          action: 'policy.draft.save',
          targetType: 'policy',
          targetId: policyId,
          before: { draftRevision: baseRevision },
          after: { draftRevision: baseRevision + 1 },
          at,
        });
        // Four eyes: approvals were given to the draft as it was, so they lapse when it changes.
        for (const { _id } of await ChangeRequest.find({ policyId, status: 'OPEN' }, { _id: 1 }, { session }).lean()) {
          await ChangeRequest.updateOne({ _id }, { $set: { status: 'STALE', closedAt: at, closedBy: actor.keyId } }, { session });
          await audit(session, { actor, action: 'changeRequest.stale', targetType: 'changeRequest', targetId: _id, before: { status: 'OPEN' }, after: { status: 'STALE' }, at });
        }
        return (await requirePolicy(policyId, session)).draft;
      }),

    publishVersion: (version) => ctx.transaction((session) => publishInTransaction(session, version)).catch(duplicateKeyAs('version', () => publishRaced(version))),
    publishInTransaction,
    publishRaced,

    activateVersion: ({ policyId, version, comment, at, actor }) =>
      ctx.transaction(async (session) => {
        const policy = await requirePolicy(policyId, session);
        const target = await PolicyVersion.findOne({ policyId, version }, { contentHash: 1 }, { session }).lean();
        if (!target) throw versionNotFound(policyId, version, await latestVersion(policyId, session));
        if (policy.activeVersion === version) throw versionAlreadyActive(policyId, version);
        await Policy.updateOne({ _id: policyId }, { $set: { activeVersion: version, updatedAt: at } }, { session });
        await audit(session, {
          actor,
          action: 'policy.activate',
          targetType: 'policy',
          targetId: policyId,
          before: { activeVersion: policy.activeVersion },
          after: { activeVersion: version, contentHash: target.contentHash, comment },
          at,
        });
        return requirePolicy(policyId, session);
      }),

    setRequiredApprovals: (policyId, count, at, actor) =>
      ctx.transaction(async (session) => {
        const policy = await requirePolicy(policyId, session);
        if (policy.requiredApprovals === count) return policy;
        await Policy.updateOne({ _id: policyId }, { $set: { requiredApprovals: count, updatedAt: at } }, { session, runValidators: true });
        await audit(session, { actor, action: 'policy.requiredApprovals', targetType: 'policy', targetId: policyId, before: { requiredApprovals: policy.requiredApprovals }, after: { requiredApprovals: count }, at });
        return requirePolicy(policyId, session);
      }),

    getVersion: async (policyId, version) => {
      const doc = await PolicyVersion.findOne({ policyId, version }).lean();
      return doc ? fromVersionDocument(doc) : null;
    },
    listVersions: async (policyId) => (await PolicyVersion.find({ policyId }).sort({ version: -1 }).lean()).map(fromVersionDocument),

    setDefaultPolicy: (policyId, at, actor) =>
      ctx.transaction(async (session) => {
        await requirePolicy(policyId, session);
        await makeDefault(session, policyId, at, actor);
      }),
  };
}
