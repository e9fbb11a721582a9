/**
 * The core contract's enums as runtime lists, in the order `schemas/graphql/decision.graphql`
 * declares them (the SDL is their one declaration; `npm run codegen` generates the types).
 */
import { HandoffAction, Priority, Speaker, SupportTier, TriggerCategory } from '../generated/enums';

/** Who wrote a message. */
export const SPEAKERS: readonly Speaker[] = Object.values(Speaker);

/** What the bot should do now: hand off to a human, keep the conversation, or offer a callback. */
export const HANDOFF_ACTIONS: readonly HandoffAction[] = Object.values(HandoffAction);

/** Queue priority of a handoff, lowest first. */
export const PRIORITIES: readonly Priority[] = Object.values(Priority);

/** Who owns the resolution: the AI alone, the AI with a human's help, or a human. */
export const SUPPORT_TIERS: readonly SupportTier[] = Object.values(SupportTier);

/** The trigger families from the seed guides: content, behaviour, business rules, bot confidence, sentiment, explicit request. */
export const TRIGGER_CATEGORIES: readonly TriggerCategory[] = Object.values(TriggerCategory);

export type { HandoffAction, Priority, Speaker, SupportTier, TriggerCategory };
