/**
 * MongoDB collections of the directory: `queues` and `agents`, one document per queue or agent
 * (`_id` is its id). An agent document holds its profile and its presence: capacity and
 * conversations in progress are per-channel numbers on the same document, so a load change is
 * one update conditional on the load read (`mongo-directory-repositories.ts`). Every channel is
 * stored, 0 when the agent takes none, so that condition matches a number on every channel.
 */
import {
  AGENT_STATUSES,
  CHANNELS,
  SENIORITIES,
  WEEKDAYS,
  type Agent,
  type AgentStatus,
  type ChannelCounts,
  type OpeningInterval,
  type Queue,
  type Seniority,
  type WeeklySchedule,
} from '@baton/schemas';
import { Schema, type Connection, type InferRawDocTypeFromSchema } from 'mongoose';
import { modelOn } from '../../store/mongo/mongo-context';
import { wholeNumber } from '../../store/mongo/schema-fields';

const CLOCK_TIME = /^(?:[01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/;
const LANGUAGE = /^[a-z]{2}$/;
const options = { _id: false, strict: 'throw' } as const;
const proficiency = { type: Number, min: 1, max: 10, validate: wholeNumber };
const count = { type: Number, required: true, min: 0, validate: wholeNumber };

const intervalSchema = new Schema(
  {
    day: { type: String, required: true, enum: WEEKDAYS },
    open: { type: String, required: true, match: CLOCK_TIME },
    close: { type: String, required: true, match: CLOCK_TIME },
  },
  options,
);

const scheduleSchema = new Schema(
  {
    timeZone: { type: String, required: true },
    weekly: { type: [intervalSchema], required: true },
    holidays: { type: [new Schema({ date: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ }, name: { type: String } }, options)], required: true },
  },
  options,
);

/** One number per channel of `CHANNELS`. */
const channelCountsSchema = new Schema({ chat: count, email: count, voice: count }, options);

export const queueSchema = new Schema(
  {
    _id: { type: String, required: true, match: /^[a-z][a-z0-9_-]*$/ },
    name: { type: String, required: true },
    requiredSkills: { type: [new Schema({ skill: { type: String, required: true }, minProficiency: proficiency }, options)], required: true },
    languages: { type: [{ type: String, match: LANGUAGE }], required: true },
    // Null: always open.
    hours: { type: scheduleSchema },
    priority: { type: Number, required: true, min: 1, max: 10, validate: wholeNumber },
    fallbackQueueId: { type: String },
    maxWaitSeconds: { type: Number, required: true, min: 0, validate: wholeNumber },
    averageHandleSeconds: { type: Number, required: true, min: 1, validate: wholeNumber },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, strict: 'throw' },
);
// listQueues and getQueue read by `_id`, which MongoDB always indexes.

const uniqueSkills = (skills: readonly { skill: string }[]): boolean => new Set(skills.map((s) => s.skill)).size === skills.length;

export const agentSchema = new Schema(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    skills: {
      type: [new Schema({ skill: { type: String, required: true }, proficiency: { ...proficiency, required: true } }, options)],
      required: true,
      validate: { validator: uniqueSkills, message: 'an agent lists each skill once' },
    },
    languages: { type: [{ type: String, match: LANGUAGE }], required: true },
    timeZone: { type: String, required: true },
    workingHours: { type: [intervalSchema], required: true },
    seniority: { type: String, required: true, enum: SENIORITIES },
    deescalationTrained: { type: Boolean, required: true },
    /** Most concurrent conversations per channel. */
    capacity: { type: channelCountsSchema, required: true },
    /** Conversations in progress per channel (may exceed capacity when the agent reports so). */
    active: { type: channelCountsSchema, required: true },
    accountIds: { type: [String], required: true },
    status: { type: String, required: true, enum: AGENT_STATUSES },
    // Null: never assigned.
    lastAssignedAt: { type: Date },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, strict: 'throw' },
);
// listAgents, getAgent and reservations read or update by `_id`, which MongoDB always indexes.

export type QueueDocument = InferRawDocTypeFromSchema<typeof queueSchema>;
export type AgentDocument = InferRawDocTypeFromSchema<typeof agentSchema>;

/** When a document was created and last changed (kept by the store, not part of the port's records). */
export interface DocumentTimes {
  createdAt: Date;
  updatedAt: Date;
}

/** The document storing `queue`. */
export function toQueueDocument(queue: Queue, times: DocumentTimes): QueueDocument {
  return {
    _id: queue.id,
    name: queue.name,
    requiredSkills: queue.requiredSkills.map((r) => ({ ...r })),
    languages: [...queue.languages],
    hours: queue.hours,
    priority: queue.priority,
    fallbackQueueId: queue.fallbackQueueId,
    maxWaitSeconds: queue.maxWaitSeconds,
    averageHandleSeconds: queue.averageHandleSeconds,
    ...times,
  };
}

const interval = (i: { day: string; open: string; close: string }): OpeningInterval => ({ day: i.day as OpeningInterval['day'], open: i.open, close: i.close });

/** The queue a document holds; optional fields absent in storage stay absent. */
export function fromQueueDocument(doc: QueueDocument): Queue {
  const hours = doc.hours ?? null;
  return {
    id: doc._id,
    name: doc.name,
    requiredSkills: doc.requiredSkills.map(({ skill, minProficiency }) => (typeof minProficiency === 'number' ? { skill, minProficiency } : { skill })),
    languages: [...doc.languages],
    hours:
      hours === null
        ? null
        : ({
            timeZone: hours.timeZone,
            weekly: hours.weekly.map(interval),
            holidays: hours.holidays.map(({ date, name }) => (typeof name === 'string' ? { date, name } : { date })),
          } satisfies WeeklySchedule),
    priority: doc.priority,
    fallbackQueueId: doc.fallbackQueueId ?? null,
    maxWaitSeconds: doc.maxWaitSeconds,
    averageHandleSeconds: doc.averageHandleSeconds,
  };
}

/** Every channel's count, 0 where `counts` has none. */
export const allChannels = (counts: ChannelCounts): Record<(typeof CHANNELS)[number], number> =>
  Object.fromEntries(CHANNELS.map((channel) => [channel, counts[channel] ?? 0])) as Record<(typeof CHANNELS)[number], number>;

/** Only the channels with a positive count, as the SQLite store reports them. */
const positiveChannels = (counts: Partial<Record<(typeof CHANNELS)[number], number>>): ChannelCounts => {
  const result: ChannelCounts = {};
  for (const channel of CHANNELS) {
    const n = counts[channel] ?? 0;
    if (n > 0) result[channel] = n;
  }
  return result;
};

/** Skills in the order the SQLite store returns them: by name. */
const bySkill = (a: { skill: string }, b: { skill: string }): number => (a.skill < b.skill ? -1 : a.skill > b.skill ? 1 : 0);

/** The document storing `agent` (profile and presence). */
export function toAgentDocument(agent: Agent, times: DocumentTimes): AgentDocument {
  return {
    _id: agent.id,
    name: agent.name,
    skills: agent.skills.map(({ skill, proficiency }) => ({ skill, proficiency })).sort(bySkill),
    languages: [...agent.languages],
    timeZone: agent.timeZone,
    workingHours: agent.workingHours.map(interval),
    seniority: agent.seniority,
    deescalationTrained: agent.deescalationTrained,
    capacity: allChannels(agent.capacity),
    active: allChannels(agent.activeConversations),
    accountIds: [...agent.accountIds],
    status: agent.status,
    lastAssignedAt: agent.lastAssignedAt,
    ...times,
  };
}

/** The agent a document holds; channels with no capacity or no conversations are left out. */
export function fromAgentDocument(doc: AgentDocument): Agent {
  return {
    id: doc._id,
    name: doc.name,
    skills: doc.skills.map(({ skill, proficiency }) => ({ skill, proficiency })),
    languages: [...doc.languages],
    timeZone: doc.timeZone,
    workingHours: doc.workingHours.map(interval),
    seniority: doc.seniority as Seniority,
    deescalationTrained: doc.deescalationTrained,
    capacity: positiveChannels(doc.capacity),
    accountIds: [...doc.accountIds],
    status: doc.status as AgentStatus,
    activeConversations: positiveChannels(doc.active),
    lastAssignedAt: doc.lastAssignedAt ?? null,
  };
}

/** The directory models on `connection`. */
export function directoryModels(connection: Connection) {
  return {
    Queue: modelOn(connection, 'Queue', queueSchema, 'queues'),
    Agent: modelOn(connection, 'Agent', agentSchema, 'agents'),
  };
}
