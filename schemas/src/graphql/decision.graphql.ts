/** SDL of the core decision contract (DESIGN.md): scalars, enums, decideHandoff and its types. */
export const decisionTypeDefs = /* GraphQL */ `
scalar DateTime
scalar JSON

enum Speaker { CUSTOMER BOT AGENT SYSTEM }
enum HandoffAction { HANDOFF STAY CALLBACK }
enum Priority { LOW NORMAL HIGH URGENT }
enum SupportTier { AI_RESOLVED AI_ASSISTED HUMAN_LED }
enum TriggerCategory { CONTENT BEHAVIOR BUSINESS CONFIDENCE SENTIMENT CUSTOMER_REQUEST }
enum Severity { ERROR WARNING }

"Cursor pagination of a list: pass endCursor as after to get the next page."
type PageInfo { endCursor: String, hasNextPage: Boolean! }

"One message of the conversation, oldest first. confidence is the bot's own 0..1 score for a BOT message."
input MessageInput {
  speaker: Speaker!
  text: String!
  at: DateTime
  confidence: Float
  "The bot's NLU intent for this message; the policy's botSignals map intents to topics or to a request for a person."
  intent: String
  "The bot's confidence in intent, 0..1; below the policy's minIntentConfidence (default 0.7) the intent is ignored."
  intentConfidence: Float
  "The bot's own sentiment score of a CUSTOMER message, -1..1; it replaces Baton's score for that message."
  sentiment: Float
  "Topics of the policy (e.g. security, billing_dispute) the bot found in a CUSTOMER message; they add to Baton's own detection."
  topics: [String!]
  kbArticleIds: [String!]
}

input CustomerInput {
  id: ID!
  name: String
  email: String
  "Free-form tier, e.g. free, pro, vip, enterprise (case-insensitive)."
  tier: String
  "ISO 639-1 language code, used when the messages are too short to detect one."
  language: String
  "IANA time zone, e.g. Europe/Madrid."
  timezone: String
  lifetimeValue: Float
  accountOwnerId: ID
  attributes: JSON
}

input AttemptInput { action: String!, result: String!, at: DateTime }

input DecideHandoffInput {
  conversationId: ID!
  "Default: the policy marked default."
  policyId: ID
  channel: String
  customer: CustomerInput!
  messages: [MessageInput!]!
  attempts: [AttemptInput!]
  pageContext: JSON
  "Integration-specific facts, usable in conditions as the attributes fact."
  attributes: JSON
  "Evaluation clock; defaults to server time."
  now: DateTime
  "Evaluate without logging or reserving capacity."
  dryRun: Boolean
}

type TriggerReason {
  code: String!
  category: TriggerCategory!
  description: String!
  evidence: [String!]!
  nodeId: ID
}

type RoutingTarget {
  queueId: ID!
  queueName: String!
  agentId: ID
  requiredSkills: [String!]!
  language: String
  estimatedWaitSeconds: Int
  fallbackUsed: Boolean!
  explanation: [String!]!
  agentName: String
  "Agents considered for the target taken: the best scored, then the excluded with why."
  candidates: [RoutingCandidate!]!
  "When the queue opens again (a CALLBACK because it is closed)."
  nextOpeningAt: DateTime
  "The route node of the policy's routing graph that gave the targets."
  routeNodeId: ID
}

"A message of the conversation; index is its 0-based position in input.messages; text is redacted."
type TranscriptEntry { index: Int!, speaker: Speaker!, text: String!, at: DateTime }

type IssueSummary { category: String!, subcategory: String, evidence: [String!]! }

type CustomerSnapshot {
  id: ID!
  name: String
  email: String
  tier: String
  language: String!
  timezone: String
  lifetimeValue: Float
  accountOwnerId: ID
  attributes: JSON!
  "E.g. VIP, ENTERPRISE, HIGH_VALUE, REPEAT_ESCALATION."
  flags: [String!]!
  previousEscalations: Int
}

"A trigger that fired and the message that fired it (when one did)."
type FiredTrigger {
  code: String!
  category: TriggerCategory!
  description: String!
  messageIndex: Int
  at: DateTime
  excerpt: String
}

type SentimentPoint {
  messageIndex: Int!
  "Time from the first message, m:ss."
  offset: String!
  offsetSeconds: Float!
  "-1..1"
  score: Float!
  "positive, neutral, frustrated or angry"
  label: String!
}

type SentimentTrajectory {
  points: [SentimentPoint!]!
  "One line, e.g. neutral at 0:00, frustrated at 3:14, angry at 5:08."
  reading: String!
}

type AiAssessment {
  lastConfidence: Float
  lowestConfidence: Float
  lowConfidenceStreak: Int!
  hedgingSeen: Boolean!
  kbArticleIds: [String!]!
}

type AttemptSummary {
  action: String!
  result: String!
  at: DateTime
  succeeded: Boolean!
  "reported (input.attempts) or detected (in a bot message)"
  source: String!
}

"What the human receives: enough to pick up the conversation without asking the customer to repeat anything. Sensitive data is masked."
type ContextPackage {
  "One line, at most 200 characters: what the customer wants, what the AI tried, why it escalated."
  summary: String!
  issue: IssueSummary!
  customer: CustomerSnapshot!
  triggers: [FiredTrigger!]!
  sentimentTrajectory: SentimentTrajectory!
  aiAssessment: AiAssessment!
  attempts: [AttemptSummary!]!
  transcript: [TranscriptEntry!]!
  "The customer's substantive messages and the bot's attempted answers, at most ten."
  condensedTranscript: [TranscriptEntry!]!
  "From the policy's recommendedActions for the reason codes that fired."
  recommendedActions: [String!]!
  "The human's first line, in the customer's language."
  suggestedGreeting: String!
  pageContext: JSON
  "The package rendered as a helpdesk internal note."
  markdown: String!
}

type PolicyRef { id: ID!, name: String!, version: Int!, contentHash: String! }

"One graph node as evaluation saw it, in evaluation order; nodes off the taken path come last with evaluated false."
type TraceStep {
  nodeId: ID!
  kind: String!
  description: String!
  fact: String
  factValue: JSON
  result: String!
  evaluated: Boolean!
}

type HandoffDecision {
  decisionId: ID!
  action: HandoffAction!
  "Reason code of the leaf reached: the primary reason's code, or the stay leaf's (e.g. ai_resolving)."
  reasonCode: String!
  "Primary (the branch taken) first, then every other trigger that fired."
  reasons: [TriggerReason!]!
  priority: Priority!
  tier: SupportTier!
  "Null when STAY."
  routing: RoutingTarget
  context: ContextPackage!
  "What the bot says to the customer now; null when STAY."
  customerMessage: String
  policy: PolicyRef!
  "The facts the rules saw."
  signals: JSON!
  trace: [TraceStep!]!
  evaluatedAt: DateTime!
}

type Query {
  "Pure evaluation, logged unless dryRun; reserves nothing, so bots may call it every turn."
  decideHandoff(input: DecideHandoffInput!): HandoffDecision!
}
`;
