/**
 * An agent of the directory: skills, languages, hours, seniority, capacity per channel, and
 * (separately, because it changes all day) presence and load.
 */
import { Type, type Static } from '@sinclair/typebox';
import { AgentStatus, Channel as GraphQLChannel, Seniority } from '../generated/enums';
import { stringEnum } from '../policy/string-enum';
import { OpeningIntervalSchema } from './weekly-schedule';

/**
 * Channels capacity is counted on, as stored: `enum Channel` in lower case. A decision's channel
 * maps onto one of them (`web_chat` → chat).
 */
export type Channel = Lowercase<GraphQLChannel>;
export const CHANNELS: readonly Channel[] = Object.values(GraphQLChannel).map((channel) => channel.toLowerCase() as Channel);

export const AGENT_STATUSES: readonly AgentStatus[] = Object.values(AgentStatus);
export const SENIORITIES: readonly Seniority[] = Object.values(Seniority);
export type { AgentStatus, Seniority };

export const AgentSkillSchema = Type.Object(
  { skill: Type.String({ minLength: 1, maxLength: 64 }), proficiency: Type.Integer({ minimum: 1, maximum: 10 }) },
  { additionalProperties: false },
);

const ConversationCount = Type.Integer({ minimum: 0, maximum: 1000 });

/** Conversations per channel, e.g. `{ chat: 3, email: 10 }`. */
export const ChannelCountsSchema = Type.Partial(
  // Every channel is a key: CHANNELS lists each value of the enum.
  Type.Object(Object.fromEntries(CHANNELS.map((channel) => [channel, ConversationCount])) as Record<Channel, typeof ConversationCount>),
  { additionalProperties: false },
);

export const AgentProfileSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$', maxLength: 100 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    skills: Type.Array(AgentSkillSchema, { maxItems: 50 }),
    /** ISO 639-1 codes. */
    languages: Type.Array(Type.String({ pattern: '^[a-z]{2}$' }), { maxItems: 20 }),
    /** IANA time zone of the working hours. */
    timeZone: Type.String({ minLength: 1, maxLength: 64 }),
    /** Weekly working hours in `timeZone`; empty: no fixed hours (available whenever online). */
    workingHours: Type.Array(OpeningIntervalSchema, { maxItems: 100 }),
    seniority: stringEnum(SENIORITIES),
    /** Trained to calm upset customers; counts as senior for `senior` agent filters. */
    deescalationTrained: Type.Boolean(),
    /** Most concurrent conversations per channel; a channel left out takes none. */
    capacity: ChannelCountsSchema,
    /** Customer ids whose account this agent owns (besides `customer.accountOwnerId` naming the agent). */
    accountIds: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 5000 }),
  },
  { additionalProperties: false },
);

/** What changes all day: status and conversations in progress per channel. */
export const AgentPresenceSchema = Type.Object(
  {
    status: stringEnum(AGENT_STATUSES),
    activeConversations: ChannelCountsSchema,
    /** When the agent last got a conversation; null: never. */
    lastAssignedAt: Type.Union([Type.Unsafe<Date>({ type: 'string', format: 'date-time' }), Type.Null()]),
  },
  { additionalProperties: false },
);

export type AgentSkill = Static<typeof AgentSkillSchema>;
export type ChannelCounts = Static<typeof ChannelCountsSchema>;
/** The profile ops edit with upsertAgent. */
export type AgentProfile = Static<typeof AgentProfileSchema>;
export type AgentPresence = Static<typeof AgentPresenceSchema>;
/** Profile plus presence: everything routing knows about an agent. */
export type Agent = AgentProfile & AgentPresence;
