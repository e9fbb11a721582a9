/** SDL of policy governance (issue 5): version lineage, rollback, four-eyes approvals, policy test cases. */
export const policyGovernanceTypeDefs = /* GraphQL */ `
enum ChangeRequestStatus { OPEN PUBLISHED REJECTED STALE }

type Approval { "Key id of the approving publisher." approver: ID!, at: DateTime! }

"A request to publish a draft revision, awaiting approvals from publishers other than its author."
type ChangeRequest {
  id: ID!
  policyId: ID!
  draftRevision: Int!
  "Content hash the published version will have."
  contentHash: String!
  comment: String!
  makeDefault: Boolean!
  requiredApprovals: Int!
  approvals: [Approval!]!
  "STALE: the draft was edited after the request was opened, so its approvals no longer count."
  status: ChangeRequestStatus!
  "Key id of whoever asked to publish."
  author: ID
  createdAt: DateTime!
  closedAt: DateTime
  closedBy: ID
  rejectionReason: String
  publishedVersion: Int
}

"What publishPolicy did: version when published at once; changeRequest when the policy requires approvals."
type PublishResult { version: PolicyVersion, changeRequest: ChangeRequest }

"An approval; version is set when this approval published the draft."
type ApprovalResult { changeRequest: ChangeRequest!, version: PolicyVersion }

"What a test case expects. reasonCode is checked when given; queue when the field is present (null: no queue)."
input ExpectedOutcomeInput { action: HandoffAction!, reasonCode: String, queue: String }
type ExpectedOutcome { action: HandoffAction!, reasonCode: String, queue: String }

input PolicyTestCaseInput {
  "Lower-case slug, unique within the policy, e.g. refund-angry-es. Saving an existing id replaces that case."
  id: ID!
  name: String!
  "The conversation, exactly as a bot would send it to decideHandoff (policyId is ignored)."
  input: DecideHandoffInput!
  expected: ExpectedOutcomeInput!
}

type PolicyTestCase {
  id: ID!
  name: String!
  "The DecideHandoffInput as JSON."
  input: JSON!
  expected: ExpectedOutcome!
  updatedAt: DateTime!
  updatedBy: ID
}

"What the policy decided; queue is the queue on the leaf reached (null for STAY)."
type ActualOutcome { action: HandoffAction!, reasonCode: String!, queue: String }

type PolicyTestResult {
  testCase: PolicyTestCase!
  passed: Boolean!
  "Null when the case could not be evaluated."
  actual: ActualOutcome
  "One sentence per mismatch; empty when passed."
  failures: [String!]!
}

type PolicyTestRun {
  "The version run; null for the draft."
  version: Int
  passed: Int!
  failed: Int!
  results: [PolicyTestResult!]!
}

extend type PolicyVersion {
  "The version that was active when this one was published; null for the first."
  parentVersion: Int
}

extend type Policy {
  "Approvals a publish needs from publishers other than its author; 0 publishes at once."
  requiredApprovals: Int!
  testCases: [PolicyTestCase!]!
  "Newest first."
  changeRequests: [ChangeRequest!]!
}

extend type Query {
  "Published versions, newest first. NOT_FOUND for an unknown policy."
  policyVersions(policyId: ID!): [PolicyVersion!]!
  "Null when the policy has no such version."
  policyVersion(policyId: ID!, version: Int!): PolicyVersion
  changeRequest(id: ID!): ChangeRequest
  "Runs the policy's test cases on a version, or on the draft when version is omitted."
  runPolicyTests(policyId: ID!, version: Int): PolicyTestRun!
}

extend type Mutation {
  "Rollback or roll forward: the next decision uses this version. NOT_FOUND for a version that does not exist."
  activatePolicyVersion(policyId: ID!, version: Int!, comment: String!): Policy!
  "Approve as a publisher other than the author; the last approval needed publishes the draft."
  approveChangeRequest(id: ID!): ApprovalResult!
  rejectChangeRequest(id: ID!, reason: String!): ChangeRequest!
  "0 to 10; 0 publishes at once."
  setRequiredApprovals(policyId: ID!, count: Int!): Policy!
  savePolicyTestCase(policyId: ID!, input: PolicyTestCaseInput!): PolicyTestCase!
  "True when removed; NOT_FOUND for an unknown case."
  removePolicyTestCase(policyId: ID!, id: ID!): Boolean!
}
`;
