/** SDL of policy management: policies, drafts, versions, validation, publishing. */
export const policyTypeDefs = /* GraphQL */ `
"A problem found in a policy graph. nodeId points at the node to fix."
type Diagnostic {
  code: String!
  severity: Severity!
  message: String!
  nodeId: ID
  edgeId: ID
}

type ValidationResult { valid: Boolean!, diagnostics: [Diagnostic!]! }

type PolicyDraft {
  "Increments on every save; pass it back as baseRevision."
  revision: Int!
  graph: JSON!
  settings: JSON!
  "The routing graph (start, condition, switch and route nodes); null when handoffs go to the queue on their leaf."
  routing: JSON
  updatedAt: DateTime!
  updatedBy: String
  validation: ValidationResult!
}

"An immutable published version."
type PolicyVersion {
  version: Int!
  "sha256 of the canonical JSON of graph and settings."
  contentHash: String!
  graph: JSON!
  settings: JSON!
  routing: JSON
  "The json-rules-engine rules and shared conditions that run for this version."
  compiledRules: JSON!
  comment: String!
  publishedAt: DateTime!
  publishedBy: String
}

type Policy {
  id: ID!
  name: String!
  description: String
  isDefault: Boolean!
  activeVersion: PolicyVersion
  draft: PolicyDraft!
  versions: [PolicyVersion!]!
  createdAt: DateTime!
  updatedAt: DateTime!
}

input CreatePolicyInput {
  "Lower-case slug, e.g. support-eu. Generated from the name when omitted."
  id: ID
  name: String!
  description: String
  "Initial draft graph; a start node leading to a stay leaf when omitted."
  graph: JSON
  "Initial trigger settings; the default lexicons and thresholds when omitted."
  settings: JSON
  "Initial routing graph; none when omitted."
  routing: JSON
  "Make this the default policy. Only allowed while no published default exists (the first policy); otherwise publish with makeDefault."
  makeDefault: Boolean
}

extend type Query {
  policies: [Policy!]!
  policy(id: ID!): Policy
  "Validate a graph (and optional trigger settings) without saving anything."
  validatePolicyGraph(graph: JSON!, settings: JSON, routing: JSON): ValidationResult!
}

type Mutation {
  createPolicy(input: CreatePolicyInput!): Policy!
  "Save the draft. CONFLICT when baseRevision is not the current revision. routing omitted keeps the current routing graph; null removes it."
  savePolicyDraft(policyId: ID!, graph: JSON!, settings: JSON, routing: JSON, baseRevision: Int!): PolicyDraft!
  "Publish the draft as a new immutable version and make it active, or, when the policy requires approvals, open a change request. Refused while the graph has errors (INVALID_POLICY) or a test case fails (POLICY_TESTS_FAILED). makeDefault also makes it the policy used when decideHandoff names none."
  publishPolicy(policyId: ID!, comment: String!, makeDefault: Boolean): PublishResult!
  "Make a published policy the one decideHandoff uses when the input names none."
  setDefaultPolicy(policyId: ID!): Policy!
}
`;
