/**
 * The outcomes feature in memory, for unit tests of its service: one record per conversation and
 * kind, saved as `sqlite-outcome-repositories.ts` upserts it (the first save's `createdAt` kept),
 * the outcome lists in the same order and the KPI aggregates (`memory-kpi-queries.ts`) over the
 * decision log and the handoffs. No rule here: `outcome-transitions.ts` decides.
 */
import type { DecisionTables } from '../decisions/memory-decision-log-store';
import { byCodeUnit, type QueueMemoryWrite } from '../../store/memory/memory-unit-of-work';
import { inKpiFilter, memoryKpiQueries, type KpiSources } from './memory-kpi-queries';
import type { OutcomeAccess, OutcomeKind, OutcomeRecord, OutcomeSelection } from './outcome-store';
import type { OutcomeTransaction } from './transactional-outcome-store';

/** The outcomes, by `outcomeKey(conversationId, kind)`. */
export type OutcomeTables = { outcomes: Map<string, OutcomeRecord> };

/** Empty tables. */
export function emptyOutcomeTables(): OutcomeTables {
  return { outcomes: new Map() };
}

const outcomeKey = (conversationId: string, kind: OutcomeKind) => JSON.stringify([conversationId, kind]);
const copy = (record: OutcomeRecord | undefined): OutcomeRecord | null => (record === undefined ? null : structuredClone(record));

/** The repository of one unit of work: reads from `committed`, writes through `queue`. */
export function memoryOutcomeRepositories(committed: OutcomeTables, queue: QueueMemoryWrite<OutcomeTables>): Omit<OutcomeTransaction, 'audit'> {
  return {
    outcomes: {
      find: async (conversationId, kind) => copy(committed.outcomes.get(outcomeKey(conversationId, kind))),
      save: async (record) =>
        queue((next) => {
          const key = outcomeKey(record.conversationId, record.kind);
          const stored = next.outcomes.get(key);
          // SQLite's upsert leaves created_at as first saved.
          next.outcomes.set(key, stored ? { ...structuredClone(record), createdAt: stored.createdAt } : structuredClone(record));
        }),
    },
  };
}

function selected(record: OutcomeRecord, { filter, kind, resolution, verdict, correctedReasonCode }: OutcomeSelection): boolean {
  return (
    record.kind === kind &&
    inKpiFilter(record.decidedAt, record, filter, { handoff: kind === 'HANDOFF' }) &&
    (!resolution || record.resolution === resolution) &&
    (!verdict || record.agentVerdict === verdict) &&
    (!correctedReasonCode || (record.correctedReasonCode === correctedReasonCode && (record.reasonCode === null || record.reasonCode !== correctedReasonCode)))
  );
}

/** Newest decision first, then conversation id, descending. */
const newestFirst = (a: OutcomeRecord, b: OutcomeRecord) => b.decidedAt.getTime() - a.decidedAt.getTime() || byCodeUnit(b.conversationId, a.conversationId);

/**
 * The reads over `tables()`, the committed tables (the decision log's among them, for the KPIs);
 * `assignments()` gives the handoffs' assignment times the KPIs measure waits to.
 */
export function memoryOutcomeAccess(tables: () => OutcomeTables & DecisionTables, assignments: () => KpiSources['assignments']): OutcomeAccess {
  const kpis = memoryKpiQueries(() => ({ decisions: tables().decisions.values(), outcomes: tables().outcomes.values(), assignments: assignments() }));
  return {
    ...kpis,
    findOutcome: async (conversationId, kind) => copy(tables().outcomes.get(outcomeKey(conversationId, kind))),
    listOutcomes: async (selection, limit) =>
      [...tables().outcomes.values()]
        .filter((record) => selected(record, selection))
        .sort(newestFirst)
        .slice(0, limit)
        .map((record) => structuredClone(record)),
  };
}
