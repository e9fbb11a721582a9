/**
 * The GraphQL enums of the core contract, declared once. Each is a readonly tuple (for JSON
 * Schema and runtime checks) plus the union type derived from it.
 */

export const SPEAKERS = ['CUSTOMER', 'BOT', 'AGENT', 'SYSTEM'] as const;
/** Who wrote a message. */
export type Speaker = (typeof SPEAKERS)[number];

export const HANDOFF_ACTIONS = ['HANDOFF', 'STAY', 'CALLBACK'] as const;
/** What the bot should do now: hand off to a human, keep the conversation, or offer a callback. */
export type HandoffAction = (typeof HANDOFF_ACTIONS)[number];

export const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
/** Queue priority of a handoff, lowest first. */
export type Priority = (typeof PRIORITIES)[number];

export const SUPPORT_TIERS = ['AI_RESOLVED', 'AI_ASSISTED', 'HUMAN_LED'] as const;
/** Who owns the resolution: the AI alone, the AI with a human's help, or a human. */
export type SupportTier = (typeof SUPPORT_TIERS)[number];

export const TRIGGER_CATEGORIES = [
  'CONTENT',
  'BEHAVIOR',
  'BUSINESS',
  'CONFIDENCE',
  'SENTIMENT',
  'CUSTOMER_REQUEST',
] as const;
/** The trigger families from the seed guides: content, behaviour, business rules, bot confidence, sentiment, explicit request. */
export type TriggerCategory = (typeof TRIGGER_CATEGORIES)[number];
