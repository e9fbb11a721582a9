/**
 * The decision log storage port. Entries are append-only and hold enough to replay a decision:
 * the input (redacted), the evaluation time, the policy version and content hash, the facts
 * and the outcome. Inputs are stored redacted (card numbers, passwords, codes, ids masked).
 */
import type { HandoffAction, Priority, SupportTier, TriggerReason } from '@baton/schemas';

/** What the rules decided, in the form auditors query it by. */
export interface LoggedOutcome {
  action: HandoffAction;
  reasons: TriggerReason[];
  /** Routing queue id; null when the bot keeps the conversation. */
  queue: string | null;
  priority: Priority;
  tier: SupportTier;
}

/** One decision as the service hands it to the store. */
export interface DecisionLogEntry {
  decisionId: string;
  /** The evaluation clock the decision used (`input.now` or server time). */
  evaluatedAt: Date;
  policyId: string;
  policyVersion: number;
  contentHash: string;
  conversationId: string;
  /** The input after GraphQL coercion; stored as JSON (dates become ISO strings). */
  input: unknown;
  /** The facts the rules saw (`HandoffDecision.signals`). */
  facts: Record<string, unknown>;
  outcome: LoggedOutcome;
  /** Wall time to resolve the policy and decide, in milliseconds. */
  latencyMs: number;
}

/** An entry read back: `input` is the JSON that was stored. */
export interface StoredDecision extends Omit<DecisionLogEntry, 'input'> {
  input: Record<string, unknown>;
}

export interface DecisionLogStore {
  /** Appends all entries atomically (one transaction). @throws on a duplicate decision id. */
  appendDecisions(entries: readonly DecisionLogEntry[]): Promise<void>;
  getDecision(decisionId: string): Promise<StoredDecision | null>;
  /** Newest first, at most `limit`, optionally for one conversation. */
  listDecisions(query: { conversationId?: string; limit: number }): Promise<StoredDecision[]>;
  countDecisions(): Promise<number>;
}
