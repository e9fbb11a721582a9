/**
 * The policies feature's MongoDB schemas and mappers, without a MongoDB server: validation,
 * mapping of real records both ways, declared indexes, and the immutability of versions.
 */
import { Mongoose } from 'mongoose';
import { removeTempDirs } from '../../test-support/temp-dir';
import { storedRecords, type StoredRecords } from '../../test-support/stored-records';
import { invalidPaths } from '../../test-support/invalid-paths';
import {
  changeRequestSchema,
  fromChangeRequestDocument,
  fromPolicyDocument,
  fromTestCaseDocument,
  fromVersionDocument,
  policyModels,
  policySchema,
  policyTestCaseSchema,
  policyVersionSchema,
  toChangeRequestDocument,
  toPolicyDocument,
  toTestCaseDocument,
  toVersionDocument,
} from './mongo-policy-models';

// A connection that never connects: models validate and run middleware, and any command that
// would reach a server fails at once instead of waiting in mongoose's buffer.
const mongoose = new Mongoose();
mongoose.set('bufferCommands', false);
mongoose.set('autoIndex', false);
mongoose.set('autoCreate', false);
const { Policy, PolicyVersion, ChangeRequest, PolicyTestCase } = policyModels(mongoose.createConnection());

let records: StoredRecords;
beforeAll(async () => {
  records = await storedRecords();
});
afterAll(removeTempDirs);

/** The paths `document` fails validation on; empty when valid. */
/** `document` read back from the model: cast, defaults applied, as MongoDB would return it. */
function throughModel<T>(model: new (document: T) => { toObject(options: { versionKey: false }): unknown }, document: T): T {
  return new model(document).toObject({ versionKey: false }) as T;
}

describe('policy documents', () => {
  it('accept every real record and map back to it unchanged', async () => {
    expect(records.policies.map((p) => p.id)).toEqual(['support-default', 'support-eu']);
    for (const record of records.policies) {
      const document = toPolicyDocument(record);
      expect(await invalidPaths(new Policy(document))).toEqual([]);
      expect(fromPolicyDocument(document)).toStrictEqual(record);
      expect(fromPolicyDocument(throughModel(Policy, document))).toStrictEqual(record);
    }
  });

  it.each([
    ['a missing name', { name: undefined }, ['name']],
    ['an id that is not a slug', { _id: 'Support EU' }, ['_id']],
    ['more than 10 required approvals', { requiredApprovals: 11 }, ['requiredApprovals']],
    ['a fractional approval count', { requiredApprovals: 1.5 }, ['requiredApprovals']],
    ['active version 0', { activeVersion: 0 }, ['activeVersion']],
    ['no default flag', { isDefault: undefined }, ['isDefault']],
    ['no creation time', { createdAt: undefined }, ['createdAt']],
  ])('refuse %s', async (_name, change, paths) => {
    const [record] = records.policies;
    expect(await invalidPaths(new Policy({ ...toPolicyDocument(record!), ...change }))).toEqual(paths);
  });

  it.each([
    ['revision 0', { revision: 0 }, ['draft.revision']],
    ['a graph without nodes and edges', { graph: { start: 'start' } }, ['draft.graph']],
    ['no graph', { graph: undefined }, ['draft.graph']],
    ['settings that are not an object', { settings: ['topics'] }, ['draft.settings']],
    ['a routing graph without edges', { routing: { nodes: [] } }, ['draft.routing']],
  ])('refuse a draft with %s', async (_name, change, paths) => {
    const document = toPolicyDocument(records.policies[0]!);
    expect(await invalidPaths(new Policy({ ...document, draft: { ...document.draft, ...change } }))).toEqual(paths);
  });

  it('refuse fields the schema does not name', () => {
    expect(() => new Policy({ ...toPolicyDocument(records.policies[0]!), activeContentHash: 'x' })).toThrow(/not in schema/);
  });
});

describe('version documents', () => {
  it('accept every real version and map back to it unchanged', async () => {
    expect(records.versions.map((v) => [v.policyId, v.version, v.parentVersion])).toEqual([
      ['support-default', 2, 1],
      ['support-default', 1, null],
    ]);
    for (const record of records.versions) {
      const document = toVersionDocument(record);
      expect(await invalidPaths(new PolicyVersion(document))).toEqual([]);
      expect(fromVersionDocument(document)).toStrictEqual(record);
      expect(fromVersionDocument(throughModel(PolicyVersion, document))).toStrictEqual(record);
    }
  });

  it.each([
    ['a content hash that is not sha256 hex', { contentHash: 'not-a-hash' }, ['contentHash']],
    ['an upper-case content hash', { contentHash: 'AB'.repeat(32) }, ['contentHash']],
    ['a short content hash', { contentHash: 'ab'.repeat(31) }, ['contentHash']],
    ['version 0', { version: 0 }, ['version']],
    ['a fractional version', { version: 2.5 }, ['version']],
    ['parent version 0', { parentVersion: 0 }, ['parentVersion']],
    ['no compiled rules', { compiledRules: undefined }, ['compiledRules']],
    ['no comment', { comment: undefined }, ['comment']],
    ['no policy', { policyId: undefined }, ['policyId']],
    ['no publication time', { publishedAt: undefined }, ['publishedAt']],
  ])('refuse %s', async (_name, change, paths) => {
    expect(await invalidPaths(new PolicyVersion({ ...toVersionDocument(records.versions[0]!), ...change }))).toEqual(paths);
  });

  it('refuse every way of changing or deleting a version, and let inserts through', async () => {
    const immutable = /Policy versions are immutable/;
    const document = toVersionDocument(records.versions[0]!);
    const filter = { policyId: document.policyId, version: document.version };
    await expect(PolicyVersion.updateOne(filter, { $set: { comment: 'rewritten' } })).rejects.toThrow(immutable);
    await expect(PolicyVersion.updateMany(filter, { $set: { comment: 'rewritten' } })).rejects.toThrow(immutable);
    await expect(PolicyVersion.findOneAndUpdate(filter, { $set: { comment: 'rewritten' } })).rejects.toThrow(immutable);
    await expect(PolicyVersion.replaceOne(filter, document)).rejects.toThrow(immutable);
    await expect(PolicyVersion.findOneAndReplace(filter, document)).rejects.toThrow(immutable);
    await expect(PolicyVersion.deleteOne(filter)).rejects.toThrow(immutable);
    await expect(PolicyVersion.deleteMany({})).rejects.toThrow(immutable);
    await expect(PolicyVersion.findOneAndDelete(filter)).rejects.toThrow(immutable);
    await expect(PolicyVersion.bulkWrite([{ insertOne: { document } }, { deleteOne: { filter } }])).rejects.toThrow(immutable);
    const loaded = PolicyVersion.hydrate({ ...document, _id: '665f1b2c3d4e5f6a7b8c9d0e' });
    loaded.comment = 'rewritten';
    await expect(loaded.save()).rejects.toThrow(immutable);
    await expect(loaded.updateOne({ $set: { comment: 'rewritten' } })).rejects.toThrow(immutable);
    await expect(loaded.deleteOne()).rejects.toThrow(immutable);
    // Inserts pass the guard and fail only for want of a server here.
    await expect(new PolicyVersion(document).save()).rejects.toThrow(/initial connection/);
    await expect(PolicyVersion.bulkWrite([{ insertOne: { document } }])).rejects.toThrow(/initial connection/);
  });
});

describe('change request documents', () => {
  it('accept every real request and map back to it unchanged', async () => {
    expect(records.changeRequests.map((r) => [r.id, r.status, r.approvals.length])).toEqual([
      ['cr-published', 'PUBLISHED', 1],
      ['cr-rejected', 'REJECTED', 0],
    ]);
    for (const record of records.changeRequests) {
      const document = toChangeRequestDocument(record);
      expect(await invalidPaths(new ChangeRequest(document))).toEqual([]);
      expect(fromChangeRequestDocument(document)).toStrictEqual(record);
      expect(fromChangeRequestDocument(throughModel(ChangeRequest, document))).toStrictEqual(record);
    }
  });

  it.each([
    ['an unknown status', { status: 'MERGED' }, ['status']],
    ['a content hash that is not sha256 hex', { contentHash: 'z'.repeat(64) }, ['contentHash']],
    ['negative required approvals', { requiredApprovals: -1 }, ['requiredApprovals']],
    ['no draft revision', { draftRevision: undefined }, ['draftRevision']],
    ['an approval without its approver', { approvals: [{ at: new Date() }] }, ['approvals.0.approver']],
    ['published version 0', { publishedVersion: 0 }, ['publishedVersion']],
  ])('refuse %s', async (_name, change, paths) => {
    expect(await invalidPaths(new ChangeRequest({ ...toChangeRequestDocument(records.changeRequests[0]!), ...change }))).toEqual(paths);
  });
});

describe('test case documents', () => {
  it('accept every real test case and map back to it unchanged, expectations left out staying out', async () => {
    expect(records.testCases.map((c) => c.id)).toEqual(['sample-1', 'sample-2', 'sample-3', 'stays']);
    for (const record of records.testCases) {
      const document = toTestCaseDocument('support-default', record);
      expect(await invalidPaths(new PolicyTestCase(document))).toEqual([]);
      expect(fromTestCaseDocument(document)).toStrictEqual(record);
      expect(fromTestCaseDocument(throughModel(PolicyTestCase, document))).toStrictEqual(record);
    }
    expect(Object.keys(fromTestCaseDocument(toTestCaseDocument('p', records.testCases[3]!)).expected)).toEqual(['action']);
  });

  it('keep member names MongoDB treats specially inside the conversation as they are', () => {
    const input = { conversationId: 'c', attributes: { 'plan.tier': 'pro', $source: 'widget' } };
    const testCase = { ...records.testCases[0]!, input };
    expect(fromTestCaseDocument(throughModel(PolicyTestCase, toTestCaseDocument('p', testCase))).input).toStrictEqual(input);
  });

  it.each([
    ['an unknown action', { expected: { action: 'ESCALATE' } }, ['expected.action']],
    ['no expected action', { expected: { reasonCode: 'x' } }, ['expected.action']],
    ['an input that is not an object', { input: ['hello'] }, ['input']],
    ['no test case id', { testCaseId: undefined }, ['testCaseId']],
    ['no policy', { policyId: undefined }, ['policyId']],
  ])('refuse %s', async (_name, change, paths) => {
    expect(await invalidPaths(new PolicyTestCase({ ...toTestCaseDocument('p', records.testCases[0]!), ...change }))).toEqual(paths);
  });
});

describe('declared indexes', () => {
  it('serve each query of the stores', () => {
    expect(policySchema.indexes()).toEqual([[{ isDefault: 1 }, { name: 'one_default_policy', unique: true, partialFilterExpression: { isDefault: true } }]]);
    expect(policyVersionSchema.indexes()).toEqual([[{ policyId: 1, version: 1 }, { unique: true }]]);
    expect(changeRequestSchema.indexes()).toEqual([
      [{ policyId: 1, createdAt: -1, _id: -1 }, {}],
      [{ policyId: 1 }, { name: 'one_open_request_per_policy', unique: true, partialFilterExpression: { status: 'OPEN' } }],
    ]);
    expect(policyTestCaseSchema.indexes()).toEqual([[{ policyId: 1, testCaseId: 1 }, { unique: true }]]);
  });

  it('keep the collection names other parts of Baton rely on', () => {
    expect([Policy, PolicyVersion, ChangeRequest, PolicyTestCase].map((m) => m.collection.collectionName)).toEqual([
      'policies',
      'policy_versions',
      'change_requests',
      'policy_test_cases',
    ]);
  });
});
