/**
 * MongoDB collections of the policies feature, and the pure mappers between their documents and
 * the port's records (the store writes and reads through them; the migration bulk-copies with
 * them): `policies` (one document per policy, `_id` its id, the draft embedded),
 * `policy_versions` (immutable), `change_requests` (approvals embedded) and `policy_test_cases`.
 * Graphs, settings, compiled rules and test inputs are kept as the JSON they are, exactly as the
 * SQLite store returns them.
 */
import { HANDOFF_ACTIONS } from '@baton/schemas';
import { Schema, type Connection } from 'mongoose';
import { modelOn } from '../../store/mongo/mongo-context';
import { SHA256_HEX, asJson, jsonObject, refuseChanges, wholeNumber } from '../../store/mongo/schema-fields';
import { CHANGE_REQUEST_STATUSES, type ChangeRequestRecord } from './change-request-store';
import { POLICY_ID_MAX_LENGTH, POLICY_ID_PATTERN } from './policy-id';
import type { DraftRecord, PolicyRecord, VersionRecord } from './policy-store';
import type { PolicyTestCase } from './policy-test-case-store';

/** A `policies` document: the record with its id as `_id`. */
export type StoredPolicy = Omit<PolicyRecord, 'id'> & { _id: string };
/** A `policy_versions` document has exactly the record's fields (plus a generated `_id`). */
export type StoredVersion = VersionRecord;
/** A `change_requests` document: the record with its id as `_id`. */
export type StoredChangeRequest = Omit<ChangeRequestRecord, 'id'> & { _id: string };
/** A `policy_test_cases` document: the case with its policy, `id` stored as `testCaseId`. */
export type StoredTestCase = Omit<PolicyTestCase, 'id'> & { policyId: string; testCaseId: string };

const graphShape = {
  validator: (value: unknown): boolean =>
    value === null || (typeof value === 'object' && Array.isArray((value as { nodes?: unknown }).nodes) && Array.isArray((value as { edges?: unknown }).edges)),
  message: '{PATH} must be a graph: { nodes: [...], edges: [...] }.',
};
/** Same limit as the service's check and the SQLite CHECK (0 publishes at once). */
const MAX_REQUIRED_APPROVALS = 10;
const STRICT = { versionKey: false, minimize: false, strict: 'throw' } as const;

const draftSchema = new Schema<DraftRecord>(
  {
    revision: { type: Number, required: true, min: 1, validate: wholeNumber },
    graph: { type: Schema.Types.Mixed, required: true, validate: graphShape },
    settings: { type: Schema.Types.Mixed, required: true, validate: jsonObject },
    routing: { type: Schema.Types.Mixed, default: null, validate: graphShape },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, default: null },
  },
  { ...STRICT, _id: false },
);

export const policySchema = new Schema<StoredPolicy>(
  {
    _id: { type: String, required: true, match: POLICY_ID_PATTERN, maxlength: POLICY_ID_MAX_LENGTH },
    name: { type: String, required: true },
    description: { type: String, default: null },
    isDefault: { type: Boolean, required: true },
    activeVersion: { type: Number, default: null, min: 1, validate: wholeNumber },
    requiredApprovals: { type: Number, required: true, min: 0, max: MAX_REQUIRED_APPROVALS, validate: wholeNumber },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    draft: { type: draftSchema, required: true },
  },
  STRICT,
);
// getPolicyHead(null) finds the default by it; unique, so a second default is refused.
policySchema.index({ isDefault: 1 }, { name: 'one_default_policy', unique: true, partialFilterExpression: { isDefault: true } });

export const policyVersionSchema = new Schema<StoredVersion>(
  {
    policyId: { type: String, required: true },
    version: { type: Number, required: true, min: 1, validate: wholeNumber },
    contentHash: { type: String, required: true, match: SHA256_HEX },
    graph: { type: Schema.Types.Mixed, required: true, validate: graphShape },
    settings: { type: Schema.Types.Mixed, required: true, validate: jsonObject },
    routing: { type: Schema.Types.Mixed, default: null, validate: graphShape },
    compiledRules: { type: Schema.Types.Mixed, required: true },
    comment: { type: String, required: true },
    publishedAt: { type: Date, required: true },
    publishedBy: { type: String, default: null },
    parentVersion: { type: Number, default: null, min: 1, validate: wholeNumber },
  },
  STRICT,
);
// getVersion, listVersions (newest first), the next version number (highest + 1); unique, so
// two publishers racing cannot both append the same number.
policyVersionSchema.index({ policyId: 1, version: 1 }, { unique: true });

// Versions are immutable (VersionRecord): published once, then only read.
refuseChanges(policyVersionSchema, 'Policy versions are immutable: they are only ever inserted; publish a new version instead.');

const approvalSchema = new Schema(
  {
    approver: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { ...STRICT, _id: false },
);

export const changeRequestSchema = new Schema<StoredChangeRequest>(
  {
    _id: { type: String, required: true },
    policyId: { type: String, required: true },
    draftRevision: { type: Number, required: true, min: 1, validate: wholeNumber },
    contentHash: { type: String, required: true, match: SHA256_HEX },
    comment: { type: String, required: true },
    makeDefault: { type: Boolean, required: true },
    requiredApprovals: { type: Number, required: true, min: 0, max: MAX_REQUIRED_APPROVALS, validate: wholeNumber },
    status: { type: String, required: true, enum: CHANGE_REQUEST_STATUSES },
    author: { type: String, default: null },
    createdAt: { type: Date, required: true },
    closedAt: { type: Date, default: null },
    closedBy: { type: String, default: null },
    rejectionReason: { type: String, default: null },
    publishedVersion: { type: Number, default: null, min: 1, validate: wholeNumber },
    // Set on an activation request only (absent on publish requests).
    activateVersion: { type: Number, min: 1, validate: wholeNumber },
    approvals: { type: [approvalSchema], default: [] },
  },
  STRICT,
);
// listChangeRequests: a policy's requests, newest first.
changeRequestSchema.index({ policyId: 1, createdAt: -1, _id: -1 });
// openChangeRequest's "already open" check and saveDraft's marking of open requests as STALE;
// unique, so two requests opened at once cannot both stay open.
changeRequestSchema.index({ policyId: 1 }, { name: 'one_open_request_per_policy', unique: true, partialFilterExpression: { status: 'OPEN' } });

export const policyTestCaseSchema = new Schema<StoredTestCase>(
  {
    policyId: { type: String, required: true },
    testCaseId: { type: String, required: true },
    name: { type: String, required: true },
    input: { type: Schema.Types.Mixed, required: true, validate: jsonObject },
    expected: {
      action: { type: String, required: true, enum: HANDOFF_ACTIONS },
      reasonCode: { type: String },
      queue: { type: String },
    },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, default: null },
  },
  STRICT,
);
// listTestCases (ordered by id), and saving or removing one case of a policy; unique per policy.
policyTestCaseSchema.index({ policyId: 1, testCaseId: 1 }, { unique: true });

/** The policies feature's models on `connection`. */
export function policyModels(connection: Connection) {
  return {
    Policy: modelOn(connection, 'Policy', policySchema, 'policies'),
    PolicyVersion: modelOn(connection, 'PolicyVersion', policyVersionSchema, 'policy_versions'),
    ChangeRequest: modelOn(connection, 'ChangeRequest', changeRequestSchema, 'change_requests'),
    PolicyTestCase: modelOn(connection, 'PolicyTestCase', policyTestCaseSchema, 'policy_test_cases'),
  };
}

/** The embedded draft of a `policies` document (its JSON copied as stored). */
export const toDraftDocument = (draft: DraftRecord): DraftRecord => ({
  revision: draft.revision,
  graph: asJson(draft.graph),
  settings: asJson(draft.settings),
  routing: draft.routing === null ? null : asJson(draft.routing),
  updatedAt: draft.updatedAt,
  updatedBy: draft.updatedBy,
});

/** The `policies` document of `record` (its draft's JSON copied as stored). */
export function toPolicyDocument(record: PolicyRecord): StoredPolicy {
  return {
    _id: record.id,
    name: record.name,
    description: record.description,
    isDefault: record.isDefault,
    activeVersion: record.activeVersion,
    requiredApprovals: record.requiredApprovals,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    draft: toDraftDocument(record.draft),
  };
}

/** The record of a `policies` document read with `.lean()`. */
export function fromPolicyDocument(doc: StoredPolicy): PolicyRecord {
  const { draft } = doc;
  return {
    id: doc._id,
    name: doc.name,
    description: doc.description,
    isDefault: doc.isDefault,
    activeVersion: doc.activeVersion,
    requiredApprovals: doc.requiredApprovals,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    draft: {
      revision: draft.revision,
      graph: draft.graph,
      settings: draft.settings,
      routing: draft.routing,
      updatedAt: draft.updatedAt,
      updatedBy: draft.updatedBy,
    },
  };
}

/** The `policy_versions` document of `record`. */
export function toVersionDocument(record: VersionRecord): StoredVersion {
  return {
    policyId: record.policyId,
    version: record.version,
    contentHash: record.contentHash,
    graph: asJson(record.graph),
    settings: asJson(record.settings),
    routing: record.routing === null ? null : asJson(record.routing),
    compiledRules: asJson(record.compiledRules),
    comment: record.comment,
    publishedAt: record.publishedAt,
    publishedBy: record.publishedBy,
    parentVersion: record.parentVersion,
  };
}

/** The record of a `policy_versions` document (its generated `_id` left out). */
export function fromVersionDocument(doc: StoredVersion): VersionRecord {
  return {
    policyId: doc.policyId,
    version: doc.version,
    contentHash: doc.contentHash,
    graph: doc.graph,
    settings: doc.settings,
    routing: doc.routing,
    compiledRules: doc.compiledRules,
    comment: doc.comment,
    publishedAt: doc.publishedAt,
    publishedBy: doc.publishedBy,
    parentVersion: doc.parentVersion,
  };
}

/** The `change_requests` document of `record`. */
export function toChangeRequestDocument(record: ChangeRequestRecord): StoredChangeRequest {
  const { id, approvals, ...fields } = record;
  return { _id: id, ...fields, approvals: approvals.map(({ approver, at }) => ({ approver, at })) };
}

/** The record of a `change_requests` document; approvals in the order they were given. */
export function fromChangeRequestDocument(doc: StoredChangeRequest): ChangeRequestRecord {
  return {
    id: doc._id,
    policyId: doc.policyId,
    draftRevision: doc.draftRevision,
    contentHash: doc.contentHash,
    comment: doc.comment,
    makeDefault: doc.makeDefault,
    requiredApprovals: doc.requiredApprovals,
    status: doc.status,
    author: doc.author,
    createdAt: doc.createdAt,
    closedAt: doc.closedAt,
    closedBy: doc.closedBy,
    rejectionReason: doc.rejectionReason,
    publishedVersion: doc.publishedVersion,
    approvals: doc.approvals.map(({ approver, at }) => ({ approver, at })),
    ...(doc.activateVersion === null || doc.activateVersion === undefined ? {} : { activateVersion: doc.activateVersion }),
  };
}

/** The `policy_test_cases` document of `testCase` in policy `policyId`. */
export function toTestCaseDocument(policyId: string, testCase: PolicyTestCase): StoredTestCase {
  return {
    policyId,
    testCaseId: testCase.id,
    name: testCase.name,
    input: asJson(testCase.input),
    expected: asJson(testCase.expected),
    updatedAt: testCase.updatedAt,
    updatedBy: testCase.updatedBy,
  };
}

/** The test case of a `policy_test_cases` document; `reasonCode` and `queue` only when stored. */
export function fromTestCaseDocument(doc: StoredTestCase): PolicyTestCase {
  const { action, reasonCode, queue } = doc.expected;
  return {
    id: doc.testCaseId,
    name: doc.name,
    input: doc.input,
    expected: { action, ...(reasonCode === undefined ? {} : { reasonCode }), ...(queue === undefined ? {} : { queue }) },
    updatedAt: doc.updatedAt,
    updatedBy: doc.updatedBy,
  };
}
