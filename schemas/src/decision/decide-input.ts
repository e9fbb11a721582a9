/**
 * TypeScript shape of GraphQL `DecideHandoffInput` (see `schemas/graphql/decision.graphql`), as the server
 * hands it to `rules/` once GraphQL has checked types and the server its limits. Dates are
 * `Date` objects after scalar parsing.
 */
import type { Speaker } from './enums';

export interface MessageInput {
  speaker: Speaker;
  text: string;
  at?: Date | null;
  /** The bot's confidence in this reply, 0..1. */
  confidence?: number | null;
  /** The bot's NLU intent for this message (`billing.duplicate_charge`). */
  intent?: string | null;
  /** The bot's confidence in `intent`, 0..1. */
  intentConfidence?: number | null;
  /** The bot's sentiment score of a customer message, -1..1; it takes the place of Baton's own score. */
  sentiment?: number | null;
  /** Topics of the policy the bot found in a customer message (`security`); they add to Baton's own. */
  topics?: string[] | null;
  kbArticleIds?: string[] | null;
}

export interface CustomerInput {
  id: string;
  name?: string | null;
  email?: string | null;
  tier?: string | null;
  /** ISO 639-1 code. */
  language?: string | null;
  /** IANA time zone. */
  timezone?: string | null;
  lifetimeValue?: number | null;
  accountOwnerId?: string | null;
  attributes?: Record<string, unknown> | null;
}

export interface AttemptInput {
  action: string;
  result: string;
  at?: Date | null;
}

export interface DecideHandoffInput {
  conversationId: string;
  policyId?: string | null;
  channel?: string | null;
  customer: CustomerInput;
  messages: MessageInput[];
  attempts?: AttemptInput[] | null;
  pageContext?: Record<string, unknown> | null;
  attributes?: Record<string, unknown> | null;
  now?: Date | null;
  dryRun?: boolean | null;
}
