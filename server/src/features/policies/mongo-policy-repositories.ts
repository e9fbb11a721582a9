/**
 * The policies feature over MongoDB: the repositories a unit of work writes through
 * (`store/mongo/mongo-unit-of-work.ts`) and the reads. No domain rule here:
 * `policy-transitions.ts` decides. Conditional writes filter on what the transaction read, and
 * the unique indexes (`mongo-policy-models.ts`) back the one-default and one-open-request rules
 * against concurrent writers. Versions are only ever inserted.
 */
import type { ClientSession } from 'mongoose';
import { insertOrDuplicate } from '../../store/mongo/insert-or-duplicate';
import type { MongoContext } from '../../store/mongo/mongo-context';
import { StaleWriteError } from '../../store/unit-of-work';
import {
  fromChangeRequestDocument,
  fromPolicyDocument,
  fromTestCaseDocument,
  fromVersionDocument,
  policyModels,
  toChangeRequestDocument,
  toPolicyDocument,
  toTestCaseDocument,
  toVersionDocument,
} from './mongo-policy-models';
import type { ChangeRequestRepository, PolicyReads, PolicyRepository, PolicyTestCaseRepository, VersionRepository } from './policy-repositories';
import type { PolicyHead } from './policy-store';

/** The repositories of one unit of work, bound to its session. */
export function mongoPolicyRepositories(ctx: MongoContext): (session: ClientSession) => {
  policies: PolicyRepository;
  versions: VersionRepository;
  changeRequests: ChangeRequestRepository;
  testCases: PolicyTestCaseRepository;
} {
  const { Policy, PolicyVersion, ChangeRequest, PolicyTestCase } = policyModels(ctx.connection);
  return (session: ClientSession) => ({
    policies: {
      find: async (id) => {
        const doc = await Policy.findById(id, null, { session }).lean();
        return doc ? fromPolicyDocument(doc) : null;
      },
      findDefaultId: async () => (await Policy.findOne({ isDefault: true }, { _id: 1 }, { session }).lean())?._id ?? null,
      insert: (policy) => insertOrDuplicate('policy', { _id: 'id' }, () => Policy.create([toPolicyDocument(policy)], { session })),
      update: async (next, expected) => {
        const filter = {
          _id: expected.id,
          'draft.revision': expected.draft.revision,
          activeVersion: expected.activeVersion,
          isDefault: expected.isDefault,
          requiredApprovals: expected.requiredApprovals,
        };
        const { _id, ...fields } = toPolicyDocument(next);
        const result = await Policy.updateOne(filter, { $set: fields }, { session, runValidators: true });
        if (result.matchedCount === 0) throw new StaleWriteError(`Policy '${_id}'`);
      },
    },
    versions: {
      find: async (policyId, version) => {
        const doc = await PolicyVersion.findOne({ policyId, version }, null, { session }).lean();
        return doc ? fromVersionDocument(doc) : null;
      },
      latestNumber: async (policyId) => (await PolicyVersion.findOne({ policyId }, { version: 1 }, { session }).sort({ version: -1 }).lean())?.version ?? 0,
      insert: (version) => insertOrDuplicate('version', { version: 'version' }, () => PolicyVersion.create([toVersionDocument(version)], { session })),
    },
    changeRequests: {
      find: async (id) => {
        const doc = await ChangeRequest.findById(id, null, { session }).lean();
        return doc ? fromChangeRequestDocument(doc) : null;
      },
      listOpen: async (policyId) =>
        (await ChangeRequest.find({ policyId, status: 'OPEN' }, null, { session }).sort({ createdAt: 1, _id: 1 }).lean()).map(fromChangeRequestDocument),
      insert: (request) =>
        insertOrDuplicate('changeRequest', { _id: 'id', policyId: 'openRequest' }, () => ChangeRequest.create([toChangeRequestDocument(request)], { session })),
      update: async (next, expected) => {
        const { _id, ...fields } = toChangeRequestDocument(next);
        const filter = { _id, status: expected.status, approvals: { $size: expected.approvals.length } };
        const result = await ChangeRequest.updateOne(filter, { $set: fields }, { session });
        if (result.matchedCount === 0) throw new StaleWriteError(`Change request '${_id}'`);
      },
    },
    testCases: {
      find: async (policyId, id) => {
        const doc = await PolicyTestCase.findOne({ policyId, testCaseId: id }, null, { session }).lean();
        return doc ? fromTestCaseDocument(doc) : null;
      },
      // A whole replacement, so an expectation left out this time is gone, not kept.
      save: async (policyId, testCase) => {
        await PolicyTestCase.replaceOne({ policyId, testCaseId: testCase.id }, toTestCaseDocument(policyId, testCase), {
          session,
          upsert: true,
          runValidators: true,
        });
      },
      remove: async (policyId, id) => {
        const removed = await PolicyTestCase.deleteOne({ policyId, testCaseId: id }, { session });
        if (removed.deletedCount === 0) throw new StaleWriteError(`Test case '${id}' of policy '${policyId}'`);
      },
    },
  });
}

/** The policies feature's reads. */
export function createMongoPolicyReads(ctx: MongoContext): PolicyReads {
  const { Policy, PolicyVersion, ChangeRequest, PolicyTestCase } = policyModels(ctx.connection);
  return {
    hasPolicies: async () => (await Policy.exists({})) !== null,
    listPolicies: async () => (await Policy.find().sort({ _id: 1 }).lean()).map(fromPolicyDocument),
    getPolicy: async (id) => {
      const doc = await Policy.findById(id).lean();
      return doc ? fromPolicyDocument(doc) : null;
    },
    getPolicyHead: async (id): Promise<PolicyHead | null> => {
      const policy = await Policy.findOne(id === null ? { isDefault: true } : { _id: id }, { name: 1, activeVersion: 1 }).lean();
      if (!policy) return null;
      const activeVersion = policy.activeVersion ?? null;
      // Versions never change, so this second read cannot disagree with the first.
      const active = activeVersion === null ? null : await PolicyVersion.findOne({ policyId: policy._id, version: activeVersion }, { contentHash: 1 }).lean();
      return { id: policy._id, name: policy.name, activeVersion, activeContentHash: active?.contentHash ?? null };
    },
    getVersion: async (policyId, version) => {
      const doc = await PolicyVersion.findOne({ policyId, version }).lean();
      return doc ? fromVersionDocument(doc) : null;
    },
    listVersions: async (policyId) => (await PolicyVersion.find({ policyId }).sort({ version: -1 }).lean()).map(fromVersionDocument),
    getChangeRequest: async (id) => {
      const doc = await ChangeRequest.findById(id).lean();
      return doc ? fromChangeRequestDocument(doc) : null;
    },
    listTestCases: async (policyId) => (await PolicyTestCase.find({ policyId }).sort({ testCaseId: 1 }).lean()).map(fromTestCaseDocument),
    listChangeRequests: async (policyId) => (await ChangeRequest.find({ policyId }).sort({ createdAt: -1, _id: -1 }).lean()).map(fromChangeRequestDocument),
  };
}
