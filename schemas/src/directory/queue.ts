/**
 * A queue of the directory: where handoffs wait for an agent. Agents serve a queue when they
 * have its required skills (at the minimum proficiency) and speak one of its languages.
 */
import { Type, type Static } from '@sinclair/typebox';
import { SkillRequirementSchema } from '../policy/routing-graph';
import { WeeklyScheduleSchema } from './weekly-schedule';

export const QueueSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z][a-z0-9_-]*$', maxLength: 100 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    requiredSkills: Type.Array(SkillRequirementSchema, { maxItems: 20 }),
    /** ISO 639-1 codes the queue serves; empty: any language. */
    languages: Type.Array(Type.String({ pattern: '^[a-z]{2}$' }), { maxItems: 50 }),
    /** Business hours; null: always open. */
    hours: Type.Union([WeeklyScheduleSchema, Type.Null()]),
    /** 1 (lowest) to 10: queued handoffs of higher-priority queues are served first. */
    priority: Type.Integer({ minimum: 1, maximum: 10 }),
    /** Where handoffs go when every target is over its maximum wait; null: none. */
    fallbackQueueId: Type.Union([Type.String(), Type.Null()]),
    /** Longest acceptable wait, seconds. */
    maxWaitSeconds: Type.Integer({ minimum: 0, maximum: 604_800 }),
    /** Average handle time of one conversation, seconds (the Erlang C service time). */
    averageHandleSeconds: Type.Integer({ minimum: 1, maximum: 604_800 }),
  },
  { additionalProperties: false },
);

/** A queue as stored and routed to. */
export type Queue = Static<typeof QueueSchema>;
