/** SDL of the directory (queues, agents, presence) and of committing handoffs (assignments). */
export const directoryTypeDefs = /* GraphQL */ `
enum Weekday { MON TUE WED THU FRI SAT SUN }
enum AgentStatus { ONLINE AWAY OFFLINE }
enum Seniority { JUNIOR REGULAR SENIOR }
"Channels capacity is counted on; a decision's channel maps onto one (web_chat, whatsapp, sms, in_app → chat; phone → voice)."
enum Channel { CHAT EMAIL VOICE }
enum AssignmentStatus { ASSIGNED QUEUED RELEASED }

"Open from open to close (HH:MM, close exclusive, 24:00 = midnight) on day, local time of the schedule's zone."
type OpeningInterval { day: Weekday!, open: String!, close: String! }
input OpeningIntervalInput { day: Weekday!, open: String!, close: String! }
"A local date (YYYY-MM-DD) on which the queue is closed all day."
type Holiday { date: String!, name: String }
input HolidayInput { date: String!, name: String }
type WeeklySchedule { timeZone: String!, weekly: [OpeningInterval!]!, holidays: [Holiday!]! }
input WeeklyScheduleInput { "IANA time zone, e.g. Europe/Madrid." timeZone: String!, weekly: [OpeningIntervalInput!]!, holidays: [HolidayInput!] }

type SkillRequirement { skill: String!, minProficiency: Int }
input SkillRequirementInput { skill: String!, "1..10, default 1." minProficiency: Int }
type AgentSkill { skill: String!, "1..10" proficiency: Int! }
input AgentSkillInput { skill: String!, "1..10" proficiency: Int! }
type ChannelCount { channel: Channel!, count: Int! }
input ChannelCountInput { channel: Channel!, count: Int! }

type Queue {
  id: ID!
  name: String!
  requiredSkills: [SkillRequirement!]!
  "ISO 639-1 codes served; empty: any."
  languages: [String!]!
  "Business hours; null: always open."
  hours: WeeklySchedule
  "1..10; queued handoffs of higher-priority queues are served first."
  priority: Int!
  fallbackQueueId: ID
  maxWaitSeconds: Int!
  averageHandleSeconds: Int!
  "Whether the queue is open now (server clock)."
  openNow: Boolean!
  "Next opening time when closed now."
  nextOpeningAt: DateTime
  "Handoffs waiting for an agent."
  waiting: Int!
}

input QueueInput {
  "Lower-case slug, e.g. billing."
  id: ID!
  name: String!
  requiredSkills: [SkillRequirementInput!]
  languages: [String!]
  "Omit or null: always open."
  hours: WeeklyScheduleInput
  "1..10, default 5."
  priority: Int
  fallbackQueueId: ID
  "Default 300."
  maxWaitSeconds: Int
  "Default 600."
  averageHandleSeconds: Int
}

type Agent {
  id: ID!
  name: String!
  skills: [AgentSkill!]!
  languages: [String!]!
  timeZone: String!
  "In timeZone; empty: no fixed hours."
  workingHours: [OpeningInterval!]!
  seniority: Seniority!
  deescalationTrained: Boolean!
  capacity: [ChannelCount!]!
  accountIds: [ID!]!
  status: AgentStatus!
  activeConversations: [ChannelCount!]!
  lastAssignedAt: DateTime
  "Queues whose required skills and languages this agent meets."
  queueIds: [ID!]!
}

input AgentInput {
  id: ID!
  name: String!
  skills: [AgentSkillInput!]
  languages: [String!]
  "IANA time zone, e.g. America/Sao_Paulo."
  timeZone: String!
  workingHours: [OpeningIntervalInput!]
  "Default REGULAR."
  seniority: Seniority
  deescalationTrained: Boolean
  "Most concurrent conversations per channel; a channel left out takes none."
  capacity: [ChannelCountInput!]!
  "Customer ids whose accounts the agent owns."
  accountIds: [ID!]
}

"A committed handoff: the agent reserved for it, or its place in the queue."
type Assignment {
  decisionId: ID!
  conversationId: ID!
  status: AssignmentStatus!
  queueId: ID!
  "Null while queued."
  agentId: ID
  channel: Channel!
  "1-based place among the handoffs waiting for the queue; null unless queued."
  position: Int
  "Expected wait, seconds (Erlang C); 0 when an agent is assigned."
  estimatedWaitSeconds: Int
  fallbackUsed: Boolean!
  createdAt: DateTime!
  assignedAt: DateTime
  releasedAt: DateTime
  explanation: [String!]!
}

"One named term of an agent's score: points = weight × value."
type ScoreFactor { name: String!, "0..1" value: Float!, weight: Float!, points: Float!, note: String! }

type RoutingCandidate {
  agentId: ID!
  agentName: String!
  "0..1; null when excluded."
  score: Float
  "account owner or helped this customer last: preferred agents come first whatever their score."
  preference: String
  factors: [ScoreFactor!]!
  "Why the agent cannot take this conversation; null when eligible."
  excluded: String
  chosen: Boolean!
}

extend type Query {
  queues: [Queue!]!
  queue(id: ID!): Queue
  "Every agent, or those serving queueId."
  agents(queueId: ID): [Agent!]!
  agent(id: ID!): Agent
  assignment(decisionId: ID!): Assignment
}

extend type Mutation {
  "Create or replace a queue. BAD_USER_INPUT for invalid hours, zones, skills or an unknown fallback queue."
  upsertQueue(input: QueueInput!): Queue!
  "Create or replace an agent's profile (presence is kept). BAD_USER_INPUT for invalid skills, zones, hours or capacity."
  upsertAgent(input: AgentInput!): Agent!
  "Remove an agent. NOT_FOUND for an unknown id; CONFLICT while the agent has assigned handoffs."
  removeAgent(id: ID!): Agent!
  "Set an agent's status and, when given, the conversations in progress per channel. Freed capacity takes queued handoffs."
  setAgentPresence(agentId: ID!, status: AgentStatus!, activeConversations: [ChannelCountInput!]): Agent!
  "Commit a HANDOFF decision: reserve one unit of an agent's capacity atomically, or queue it with a wait estimate. Idempotent per decision."
  startHandoff(decisionId: ID!): Assignment!
  "Free the agent's capacity when the human is done; the next queued handoff the agent can take gets it."
  releaseAssignment(decisionId: ID!): Assignment!
}
`;
