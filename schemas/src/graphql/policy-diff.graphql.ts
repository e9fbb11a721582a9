/** SDL of `policyDiff`: the structural difference between two versions of a policy, or a version and the draft. */
export const policyDiffTypeDefs = /* GraphQL */ `
"One changed value. path is dotted from the node, edge or settings root (data.test.value, position.x, thresholds.lowConfidence, recommendedActions.billing_dispute[0]); before or after is null when the value was or is absent."
type FieldChange { path: String!, before: JSON, after: JSON }

"A node added, removed or changed. before/after are the whole node (null on the side where it does not exist)."
type NodeChange {
  id: ID!
  kind: String!
  label: String
  before: JSON
  after: JSON
  "Changed fields other than the canvas position; empty for added and removed nodes."
  fields: [FieldChange!]!
  "Changed canvas position (layout only, no effect on decisions)."
  layout: [FieldChange!]!
}

"An edge added, removed or rewired (an output of a node that now leads elsewhere)."
type EdgeChange {
  id: ID!
  source: ID!
  target: ID!
  sourceHandle: String
  before: JSON
  after: JSON
  "Changed fields (target, id, sourceHandle); empty for added and removed edges."
  fields: [FieldChange!]!
}

type GraphDiff {
  nodesAdded: [NodeChange!]!
  nodesRemoved: [NodeChange!]!
  "Nodes whose kind, label or data changed."
  nodesChanged: [NodeChange!]!
  "Nodes that only moved on the canvas."
  nodesMoved: [NodeChange!]!
  edgesAdded: [EdgeChange!]!
  edgesRemoved: [EdgeChange!]!
  edgesChanged: [EdgeChange!]!
}

"Phrases added to and removed from one lexicon list (topics.<topic>.phrases, humanRequest.phrases, humanRequest.negations, hedging) in one language. Reordering is not a change."
type PhraseListChange { list: String!, topic: String, language: String!, added: [String!]!, removed: [String!]! }

type SettingsDiff {
  "Thresholds, topic descriptions, recommended actions, redaction patterns."
  fields: [FieldChange!]!
  phrases: [PhraseListChange!]!
  topicsAdded: [String!]!
  topicsRemoved: [String!]!
}

type PolicyDiff {
  policyId: ID!
  from: Int!
  "Null: the current draft."
  to: Int
  fromContentHash: String!
  "For the draft, the hash it would get if published as it is."
  toContentHash: String!
  "The escalation graph."
  graph: GraphDiff!
  "The routing graph; one absent on a side counts as empty there (all its nodes added or removed)."
  routing: GraphDiff!
  settings: SettingsDiff!
  "Nothing changed, layout included."
  unchanged: Boolean!
  "Only node positions changed."
  layoutOnly: Boolean!
  "One paragraph, e.g. Version 3 → draft: 1 node changed (c_low_confidence: data.test.value 0.4 → 0.5), 2 edges added; settings: 3 phrases added to topic billing_dispute (es)."
  summary: String!
}

extend type Query {
  "What changed from version from to version to (either direction), or to the current draft when to is omitted or null."
  policyDiff(policyId: ID!, from: Int!, to: Int): PolicyDiff!
}
`;
