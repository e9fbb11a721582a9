/** SDL of the decision log for auditors: read, list (filtered, paged) and replay logged decisions. */
export const decisionLogTypeDefs = /* GraphQL */ `
"What a decision decided, in the terms replay compares."
type DecisionOutcome {
  action: HandoffAction!
  "Reason code of the leaf reached. Null only for a STAY logged before reason codes were stored."
  reasonCode: String
  "Codes of the reasons: the branch taken first, then every other trigger that fired."
  reasonCodes: [String!]!
  priority: Priority!
  tier: SupportTier!
  "Null when STAY."
  queue: ID
}

"One logged decision (never a dry run). input is the request as redacted before storage; facts are what the rules saw."
type LoggedDecision {
  decisionId: ID!
  "The evaluation clock the decision used (input.now or server time)."
  evaluatedAt: DateTime!
  "When Baton logged it; retention counts from here."
  loggedAt: DateTime!
  policyId: ID!
  policyVersion: Int!
  contentHash: String!
  conversationId: ID!
  input: JSON!
  facts: JSON!
  outcome: DecisionOutcome!
  reasons: [TriggerReason!]!
  "Time to resolve the policy and decide, in milliseconds."
  latencyMs: Float!
}

"Every field given must match. from is inclusive, to exclusive, both on evaluatedAt."
input DecisionFilter {
  policyId: ID
  policyVersion: Int
  conversationId: ID
  action: HandoffAction
  "The primary reason code (the leaf reached), e.g. billing_dispute or ai_resolving."
  reasonCode: String
  queue: ID
  from: DateTime
  to: DateTime
}

type DecisionConnection { nodes: [LoggedDecision!]!, pageInfo: PageInfo! }

"A logged decision's stored facts evaluated again by the rules (and routing graph) of the version that made it. The queue compared is the routing graph's first target (or the leaf's queue): agent availability at decision time is not replayed."
type DecisionReplay {
  decisionId: ID!
  policyId: ID!
  policyVersion: Int!
  contentHash: String!
  original: DecisionOutcome!
  "Null when the replay could not run (the stored facts are incomplete or the version stored under that number has another hash); differences says why."
  replayed: DecisionOutcome
  identical: Boolean!
  "One line per differing field, e.g. action: HANDOFF → STAY."
  differences: [String!]!
}

extend type Query {
  "A logged decision, including one still queued for writing; null for an unknown id."
  decision(id: ID!): LoggedDecision
  "Logged decisions, newest first by evaluatedAt. first is 1..500; pass pageInfo.endCursor as after for the next page."
  decisions(filter: DecisionFilter, first: Int = 50, after: String): DecisionConnection!
  "Re-evaluates the decision's stored facts on the version that made it and compares the outcomes. NOT_FOUND for an unknown id."
  replayDecision(id: ID!): DecisionReplay!
}
`;
