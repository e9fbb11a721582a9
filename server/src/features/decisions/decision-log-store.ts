/**
 * The decision log storage port. Entries are append-only and hold enough to replay a decision:
 * the input (redacted), the evaluation time, the policy version and content hash, the facts
 * and the outcome. Inputs are stored redacted (card numbers, passwords, codes, ids masked).
 * The only deletion is retention (`purgeDecisionsLoggedBefore`). Appends go through the unit of
 * work (`store/unit-of-work.ts`, `tx.decisions`); adapters (`sqlite-decision-log-store.ts`,
 * `mongo-decision-log-store.ts`) only persist and read; both run `decision-log-store.contract.ts`.
 */
import type { HandoffAction, Priority, SupportTier, TriggerReason } from '@baton/schemas';

/** What the rules decided, in the form auditors query it by. */
export interface LoggedOutcome {
  action: HandoffAction;
  /** Reason code of the leaf reached (`HandoffDecision.reasonCode`). */
  reasonCode: string;
  reasons: TriggerReason[];
  /** Routing queue id; null when the bot keeps the conversation. */
  queue: string | null;
  priority: Priority;
  tier: SupportTier;
}

/** One decision as the service hands it to the log writer. */
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

/** The JSON columns of a record, serialised once, when the writer accepts it. */
export interface SerialisedDecision {
  input: string;
  facts: string;
  reasons: string;
}

/**
 * What the store appends: an entry stamped with the server time the writer accepted it
 * (retention counts from it). `serialised` is set by the writer (`DecisionLog.enqueue`), which
 * serialises and checks each entry when it accepts it, so a flush never meets a value it cannot
 * write; records built elsewhere (tests, migration) leave it out and the store serialises them.
 */
export interface DecisionLogRecord extends DecisionLogEntry {
  loggedAt: Date;
  serialised?: SerialisedDecision;
}

/** Largest serialised record (input, facts and reasons together), in UTF-16 code units: well under MongoDB's 16 MB document limit. */
export const MAX_SERIALISED_DECISION_CHARS = 8 * 1024 * 1024;

/**
 * The record's JSON columns, serialised now.
 * @throws Error when a value cannot be written as JSON (a cycle, a BigInt, nesting deeper than
 *   the stack), is not the JSON object (or list) the column holds, or the whole is larger than
 *   `MAX_SERIALISED_DECISION_CHARS`
 */
export function serialiseDecision(entry: Pick<DecisionLogEntry, 'input' | 'facts' | 'outcome'>): SerialisedDecision {
  const column = (value: unknown, name: string, list: boolean): string => {
    const json = JSON.stringify(value) as string | undefined;
    if (json === undefined || (list ? json[0] !== '[' : json[0] !== '{')) throw new Error(`The decision's ${name} is not a JSON ${list ? 'list' : 'object'}.`);
    return json;
  };
  const serialised = {
    input: column(entry.input, 'input', false),
    facts: column(entry.facts, 'facts', false),
    reasons: column(entry.outcome.reasons, 'reasons', true),
  };
  const size = serialised.input.length + serialised.facts.length + serialised.reasons.length;
  if (size > MAX_SERIALISED_DECISION_CHARS)
    throw new Error(`The decision is ${size} characters as JSON; the log takes at most ${MAX_SERIALISED_DECISION_CHARS}.`);
  return serialised;
}

/** A record read back: `input` is the JSON that was stored. */
export interface StoredDecision extends Omit<DecisionLogRecord, 'input' | 'outcome' | 'serialised'> {
  input: Record<string, unknown>;
  /** `reasonCode` is null only for a STAY logged before reason codes were stored (schema version 6). */
  outcome: Omit<LoggedOutcome, 'reasonCode'> & { reasonCode: string | null };
}

/** Every field given must match; `from` is inclusive and `to` exclusive, both on the evaluation time. */
export interface DecisionFilter {
  policyId?: string;
  policyVersion?: number;
  conversationId?: string;
  action?: HandoffAction;
  /** The primary reason code (the leaf reached). */
  reasonCode?: string;
  queue?: string;
  /** The `channel` fact (lower-case). */
  channel?: string;
  /** The `language` fact (ISO 639-1). */
  language?: string;
  from?: Date;
  to?: Date;
}

/** Where a page ends in the newest-first order (evaluation time, then decision id, both descending). */
export interface DecisionPosition {
  evaluatedAt: Date;
  decisionId: string;
}

export interface DecisionPageQuery {
  filter: DecisionFilter;
  /** Page size, at least 1 (the service caps it). */
  first: number;
  /** Start strictly after this position. */
  after?: DecisionPosition;
}

export interface DecisionPage {
  decisions: StoredDecision[];
  hasNextPage: boolean;
}

/** A record as the repository stores it: its JSON columns serialised (by the writer, or by `appendDecisions`). */
export type SerialisedDecisionRecord = DecisionLogRecord & { serialised: SerialisedDecision };

/** The decision log inside a transaction: append only. */
export interface DecisionRepository {
  /** Appends `records` in order. @throws DuplicateKeyError (`decisionId`) on a decision id already logged */
  insert(records: readonly SerialisedDecisionRecord[]): Promise<void>;
}

/** The decision log as the service uses it; appends go through the unit of work (`transactional-decision-log-store.ts`). */
export interface DecisionLogStore extends DecisionLogAccess {
  /**
   * Appends all records atomically (one transaction); an empty batch writes nothing.
   * @throws Error when a record cannot be serialised (see {@link serialiseDecision}), nothing written;
   *   DuplicateKeyError on a decision id already logged, nothing written
   */
  appendDecisions(records: readonly DecisionLogRecord[]): Promise<void>;
}

/** Reads, and retention, outside a transaction. */
export interface DecisionLogAccess {
  getDecision(decisionId: string): Promise<StoredDecision | null>;
  /** Newest first (evaluation time, then id, descending), filtered, one page at a time. */
  queryDecisions(query: DecisionPageQuery): Promise<DecisionPage>;
  countDecisions(): Promise<number>;
  /**
   * The distinct non-empty `customerTier` facts of the newest `limit` decisions (by evaluation
   * time), sorted: the tiers the integrations actually send, for the editor's pick lists.
   */
  recentCustomerTiers(limit: number): Promise<string[]>;
  /**
   * Retention: deletes the decisions logged strictly before `cutoff` and nothing else.
   * @returns how many were deleted
   */
  purgeDecisionsLoggedBefore(cutoff: Date): Promise<number>;
}
