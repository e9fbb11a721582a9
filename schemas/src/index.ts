export { SPEAKERS, HANDOFF_ACTIONS, PRIORITIES, SUPPORT_TIERS, TRIGGER_CATEGORIES } from './decision/enums';
export type { Speaker, HandoffAction, Priority, SupportTier, TriggerCategory } from './decision/enums';
export { BatonErrorCode } from './errors';
export { FACT_CATALOG, isFactName } from './facts/fact-catalog';
export type { FactType, FactSpec, FactName, Facts, FactValueByType } from './facts/fact-catalog';
export { OPERATORS, OPERATORS_BY_FACT_TYPE, OPERATOR_SYMBOLS } from './facts/operators';
export { CUSTOMER_TIERS, FACT_DOMAINS, DOMAIN_NOUNS, lexiconLanguages, valueDomains, knownValuesOf, fitOfValue } from './facts/value-domains';
export type { ValueDomain, DomainSources, DomainFit } from './facts/value-domains';
export type { Operator } from './facts/operators';
export { ConditionTestSchema, FactTestSchema, isFactTest } from './policy/condition-test';
export { LANGUAGE_NAMES } from './facts/language-names';
export { BUILT_IN_MESSAGE_LANGUAGES, isBuiltInMessageLanguage, messageSourceFor, describeFallback } from './policy/customer-message-fallback';
export type { BuiltInMessageLanguage, MessageSource } from './policy/customer-message-fallback';
export type { ConditionTest, FactTest, ConditionValue } from './policy/condition-test';
export {
  NODE_KINDS,
  PolicyGraphSchema,
  PolicyNodeSchema,
  PolicyEdgeSchema,
  StartNodeSchema,
  ConditionNodeSchema,
  SwitchNodeSchema,
  DecisionTableNodeSchema,
  HandoffNodeSchema,
  StayNodeSchema,
  CallbackNodeSchema,
  isLeaf,
} from './policy/policy-graph';
export type {
  NodeKind,
  PolicyGraph,
  PolicyNode,
  PolicyEdge,
  StartNode,
  ConditionNode,
  SwitchNode,
  SwitchCase,
  DecisionTableNode,
  DecisionTableColumn,
  DecisionTableCell,
  DecisionTableRow,
  HandoffNode,
  StayNode,
  CallbackNode,
  LeafNode,
  MessageTemplates,
} from './policy/policy-graph';
export { TriggerSettingsSchema, ThresholdsSchema } from './policy/trigger-settings';
export type { TriggerSettings, Thresholds, TopicLexicon, Concept, Phrases, BotSignals } from './policy/trigger-settings';
export { WaitingRoomSettingsSchema, DEFAULT_WAITING_ROOM, WAITING_ROOM_PLACEHOLDERS } from './policy/waiting-room';
export type { WaitingRoomSettings, ResolvedWaitingRoomSettings } from './policy/waiting-room';
export {
  RoutingGraphSchema,
  RoutingNodeSchema,
  RouteNodeSchema,
  RouteTargetSchema,
  AgentFilterSchema,
  SkillRequirementSchema,
  ROUTING_FACT_CATALOG,
  isRoutingFactName,
} from './policy/routing-graph';
export type { RoutingGraph, RoutingNode, RouteNode, RouteTarget, AgentFilter, SkillRequirement, RoutingFactName } from './policy/routing-graph';
export { WEEKDAYS, WeeklyScheduleSchema, OpeningIntervalSchema, HolidaySchema } from './directory/weekly-schedule';
export type { Weekday, WeeklySchedule, OpeningInterval, Holiday } from './directory/weekly-schedule';
export { QueueSchema } from './directory/queue';
export type { Queue } from './directory/queue';
export { CHANNELS, AGENT_STATUSES, SENIORITIES, AgentProfileSchema, AgentPresenceSchema, AgentSkillSchema, ChannelCountsSchema } from './directory/agent';
export type { Channel, AgentStatus, Seniority, AgentSkill, ChannelCounts, AgentProfile, AgentPresence, Agent } from './directory/agent';
export type { DirectorySnapshot } from './directory/directory-snapshot';
export type { ScoreFactor, RoutingCandidate } from './directory/routing-result';
export { PolicyDocumentSchema } from './policy/policy-document';
export type { PolicyDocument } from './policy/policy-document';
export type { DecideHandoffInput, MessageInput, CustomerInput, AttemptInput } from './decision/decide-input';
export { decideInputFromJson } from './decision/decide-input-json';
export type { DecideHandoffInputJson, JsonDates } from './decision/decide-input-json';
export type { HandoffDecision, TriggerReason, TraceStep, RoutingTarget, PolicyRef } from './decision/handoff-decision';
export { ContextPackageSchema, TranscriptEntrySchema, SENTIMENT_LABELS } from './decision/context-package';
export type { ContextPackage, TranscriptEntry, SentimentLabel } from './decision/context-package';
export { typeDefs } from './generated/type-defs';
export { AssignmentStatus, ChangeRequestStatus, Role, Severity } from './generated/enums';
