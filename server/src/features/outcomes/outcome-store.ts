/**
 * What the outcomes feature stores and reads: one record per conversation and kind (what happened
 * after a handoff, or to a conversation the AI kept), changed through the unit of work
 * (`store/unit-of-work.ts`) with its audit event, and the aggregate reads the KPIs are computed
 * from (`kpi-formulas.ts`). Adapters only group and count; every rule and formula lives in
 * `outcome-transitions.ts` and `kpi-formulas.ts`.
 */
import type { AuditEventInput } from '../audit/audit-event';
import type { BucketPlan } from './kpi-buckets';

/** Which outcome of a conversation (the SDL's `OutcomeKind`). */
export type OutcomeKind = 'HANDOFF' | 'AI_ONLY';
/** How a handed-off conversation ended (the SDL's `HandoffResolution`). */
export type HandoffResolution = 'RESOLVED' | 'UNRESOLVED' | 'TRANSFERRED' | 'ABANDONED';
/** "Could the AI have resolved this?" (the SDL's `AgentVerdict`). */
export type AgentVerdict = 'YES' | 'NO' | 'UNSURE';

export const OUTCOME_KINDS: readonly OutcomeKind[] = ['HANDOFF', 'AI_ONLY'];
export const RESOLUTIONS: readonly HandoffResolution[] = ['RESOLVED', 'UNRESOLVED', 'TRANSFERRED', 'ABANDONED'];
export const VERDICTS: readonly AgentVerdict[] = ['YES', 'NO', 'UNSURE'];

/**
 * The decision an outcome is measured from, with the dimensions KPIs filter on copied from it
 * (decisions never change, so the copies never go stale).
 */
export interface OutcomeAnchor {
  conversationId: string;
  decisionId: string;
  /** The decision's `evaluatedAt`: every duration starts here, and KPIs bucket the outcome by it. */
  decidedAt: Date;
  policyId: string;
  policyVersion: number;
  /** The decision's primary reason code. */
  reasonCode: string | null;
  queue: string | null;
  /** The decision's `channel` fact; null when it had none. */
  channel: string | null;
  /** The decision's `language` fact; null when it had none. */
  language: string | null;
}

/** The values an outcome carries; null while unknown. */
export interface OutcomeValues {
  firstAgentResponseAt: Date | null;
  resolution: HandoffResolution | null;
  resolvedAt: Date | null;
  /** 1..5. */
  csat: number | null;
  agentVerdict: AgentVerdict | null;
  correctedReasonCode: string | null;
  reopened: boolean | null;
  resolvedByAi: boolean | null;
}

export type OutcomeField = keyof OutcomeValues;

export const OUTCOME_FIELDS: readonly OutcomeField[] = [
  'firstAgentResponseAt',
  'resolution',
  'resolvedAt',
  'csat',
  'agentVerdict',
  'correctedReasonCode',
  'reopened',
  'resolvedByAi',
];

/** One conversation's outcome of one kind, every update merged (`mergeOutcome`). */
export interface OutcomeRecord extends OutcomeAnchor, OutcomeValues {
  kind: OutcomeKind;
  /** When each set field's value was true at the helpdesk (the update's `occurredAt`): a later update wins. */
  fieldTimes: Partial<Record<OutcomeField, Date>>;
  createdAt: Date;
  updatedAt: Date;
  /** Key id of the last update; null for the system. */
  updatedBy: string | null;
}

/** Outcomes, inside a transaction. */
export interface OutcomeRepository {
  find(conversationId: string, kind: OutcomeKind): Promise<OutcomeRecord | null>;
  /** Inserts or replaces the record of its conversation and kind. */
  save(record: OutcomeRecord): Promise<void>;
}

/** Which decisions and outcomes KPIs count: evaluation time in [from, to), and every dimension given. */
export interface KpiFilter {
  from: Date;
  to: Date;
  policyId?: string | null;
  policyVersion?: number | null;
  /** Narrows handoff figures only (see the SDL's `KpiFilter`). */
  reasonCode?: string | null;
  /** Narrows handoff figures only. */
  queueId?: string | null;
  channel?: string | null;
  language?: string | null;
}

/** A count per whole second of duration, in one bucket (percentiles are taken from these). */
export interface DurationCount {
  bucket: string;
  seconds: number;
  count: number;
}

/** Handed-off conversations of one bucket and reason (each at its first HANDOFF decision in range). */
export interface HandoffGroup {
  bucket: string;
  reasonCode: string;
  handoffs: number;
  /** Of them, handed off in another conversation of the same customer in the 7 days before. */
  repeats: number;
  sentimentSum: number;
  sentimentCount: number;
}

/** Recorded handoff outcomes of one bucket and (decision) reason. */
export interface HandoffOutcomeGroup {
  bucket: string;
  reasonCode: string;
  outcomes: number;
  resolutions: number;
  resolved: number;
  unresolved: number;
  transferred: number;
  abandoned: number;
  /** Resolved and not reopened. */
  resolvedNotReopened: number;
  reopened: number;
  csatSum: number;
  csatCount: number;
  verdicts: number;
  yes: number;
  /** Corrected to a reason other than the decision's. */
  corrections: number;
}

/** Recorded AI-only outcomes of one bucket. */
export interface AiOutcomeGroup {
  bucket: string;
  outcomes: number;
  /** Outcomes that say whether the AI resolved it. */
  aiKnown: number;
  aiResolved: number;
  csatSum: number;
  csatCount: number;
}

/** Verdicts on one reason's handoffs in one local month (`YYYY-MM`). */
export interface VerdictMonth {
  month: string;
  reasonCode: string;
  verdicts: number;
  yes: number;
}

/** What the adapters count for `handoffKpis`; bucket keys are the local dates of `BucketPlan` (`kpi-buckets.ts`). */
export interface KpiAggregates {
  /** Conversations, each in the bucket of its first decision in range. */
  conversations: { bucket: string; conversations: number }[];
  handoffs: HandoffGroup[];
  /** From the handoff decision to the conversation's first assignment (`assignedAt`). */
  assignmentWaits: DurationCount[];
  handoffOutcomes: HandoffOutcomeGroup[];
  firstResponses: DurationCount[];
  resolutionTimes: DurationCount[];
  aiOutcomes: AiOutcomeGroup[];
  verdictMonths: VerdictMonth[];
}

/** One aggregate read: the filter and how to bucket. */
export interface KpiQuery {
  filter: KpiFilter;
  plan: BucketPlan;
}

/** Agents' feedback per reason over a filter, for suggestions. */
export interface ReasonFeedback {
  verdicts: { reasonCode: string; verdicts: number; yes: number }[];
  corrections: { reasonCode: string; correctedReasonCode: string; count: number }[];
}

/** Which recorded outcomes to list: in the filter (on the decision), of a kind, optionally narrowed. */
export interface OutcomeSelection {
  filter: KpiFilter;
  kind: OutcomeKind;
  resolution?: HandoffResolution | null;
  verdict?: AgentVerdict | null;
  /** Only outcomes whose decision reason was corrected to this one. */
  correctedReasonCode?: string | null;
}

/** Reads, including the KPI aggregates. */
export interface OutcomeAccess {
  findOutcome(conversationId: string, kind: OutcomeKind): Promise<OutcomeRecord | null>;
  kpiAggregates(query: KpiQuery): Promise<KpiAggregates>;
  reasonFeedback(filter: KpiFilter): Promise<ReasonFeedback>;
  /** Newest decision first (then conversation id, descending), at most `limit`. */
  listOutcomes(selection: OutcomeSelection, limit: number): Promise<OutcomeRecord[]>;
}

/**
 * A merge the service asks the store to commit: given what is stored, the record to store and
 * its audit event, or null when nothing would change (`existing` is then returned as it is).
 */
export type OutcomeChange = (existing: OutcomeRecord | null) => { record: OutcomeRecord; event: AuditEventInput } | null;

/** The outcomes feature's storage as services use it. */
export interface OutcomeStore extends OutcomeAccess {
  /**
   * Reads the stored outcome of the conversation and kind, merges with `change` and stores the
   * result with its audit event in one unit of work; an unchanged record writes nothing.
   * @throws whatever `change` throws (nothing written)
   */
  recordOutcome(conversationId: string, kind: OutcomeKind, change: OutcomeChange): Promise<OutcomeRecord>;
}
