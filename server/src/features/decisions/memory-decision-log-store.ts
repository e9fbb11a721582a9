/**
 * The decision log in memory, for unit tests of its services and of the KPIs read from it: the
 * same unique decision id, newest-first keyset pages, filters and retention as
 * `sqlite-decision-log-store.ts`. Entries are kept as read back (their JSON columns parsed), so
 * what a test reads is what the stored adapters return.
 */
import { byCodeUnit, insertUnique, type QueueMemoryWrite } from '../../store/memory/memory-unit-of-work';
import type { DecisionFilter, DecisionLogAccess, DecisionPosition, SerialisedDecisionRecord, StoredDecision } from './decision-log-store';
import type { DecisionLogTransaction } from './transactional-decision-log-store';

/** The logged decisions, by id. */
export type DecisionTables = { decisions: Map<string, StoredDecision> };

/** Empty tables. */
export function emptyDecisionTables(): DecisionTables {
  return { decisions: new Map() };
}

/** The record as the stored adapters read it back: its columns, the JSON ones parsed from the writer's text. */
function stored(record: SerialisedDecisionRecord): StoredDecision {
  const { action, reasonCode, queue, priority, tier } = record.outcome;
  return {
    decisionId: record.decisionId,
    evaluatedAt: new Date(record.evaluatedAt),
    loggedAt: new Date(record.loggedAt),
    policyId: record.policyId,
    policyVersion: record.policyVersion,
    contentHash: record.contentHash,
    conversationId: record.conversationId,
    input: JSON.parse(record.serialised.input) as Record<string, unknown>,
    facts: JSON.parse(record.serialised.facts) as Record<string, unknown>,
    outcome: { action, reasonCode, reasons: JSON.parse(record.serialised.reasons) as StoredDecision['outcome']['reasons'], queue, priority, tier },
    latencyMs: record.latencyMs,
  };
}

/** Newest first: evaluation time, then id, both descending (the keyset order of every adapter). */
export const newestFirst = (a: DecisionPosition, b: DecisionPosition): number =>
  b.evaluatedAt.getTime() - a.evaluatedAt.getTime() || byCodeUnit(b.decisionId, a.decisionId);

/** The equality filters and the value each compares (`channel` and `language` are facts, as SQLite's virtual columns). */
const EQUALS: [keyof DecisionFilter, (d: StoredDecision) => unknown][] = [
  ['policyId', (d) => d.policyId],
  ['policyVersion', (d) => d.policyVersion],
  ['conversationId', (d) => d.conversationId],
  ['action', (d) => d.outcome.action],
  ['reasonCode', (d) => d.outcome.reasonCode],
  ['queue', (d) => d.outcome.queue],
  ['channel', (d) => d.facts.channel],
  ['language', (d) => d.facts.language],
];

function matches(decision: StoredDecision, filter: DecisionFilter, after: DecisionPosition | undefined): boolean {
  const at = decision.evaluatedAt.getTime();
  return (
    EQUALS.every(([field, value]) => filter[field] === undefined || value(decision) === filter[field]) &&
    (filter.from === undefined || at >= filter.from.getTime()) &&
    (filter.to === undefined || at < filter.to.getTime()) &&
    // Strictly after the position in the newest-first order.
    (after === undefined || newestFirst(decision, after) > 0)
  );
}

/** The repository of one unit of work: a batch is appended at commit, all of it or, on a taken id, none. */
export function memoryDecisionRepositories(queue: QueueMemoryWrite<DecisionTables>): DecisionLogTransaction {
  return {
    decisions: {
      insert: async (records) =>
        queue((next) => {
          for (const record of records) insertUnique(next.decisions, record.decisionId, stored(record), `Decision '${record.decisionId}'`, 'decisionId');
        }),
    },
  };
}

/** The reads over `tables()`, the committed tables; retention deletes from them directly, outside a unit of work as in every adapter. */
export function memoryDecisionLogAccess(tables: () => DecisionTables): DecisionLogAccess {
  const newest = () => [...tables().decisions.values()].sort(newestFirst);
  return {
    getDecision: async (decisionId) => {
      const decision = tables().decisions.get(decisionId);
      return decision ? structuredClone(decision) : null;
    },
    queryDecisions: async ({ filter, first, after }) => {
      const page = newest().filter((d) => matches(d, filter, after));
      return { decisions: structuredClone(page.slice(0, first)), hasNextPage: page.length > first };
    },
    countDecisions: async () => tables().decisions.size,
    recentCustomerTiers: async (limit) => {
      const tiers = newest()
        .slice(0, limit)
        .map((d) => d.facts.customerTier)
        .filter((tier): tier is string => typeof tier === 'string' && tier !== '');
      return [...new Set(tiers)].sort(byCodeUnit);
    },
    purgeDecisionsLoggedBefore: async (cutoff) => {
      const { decisions } = tables();
      let purged = 0;
      for (const [id, decision] of decisions) {
        if (decision.loggedAt.getTime() < cutoff.getTime() && decisions.delete(id)) purged += 1;
      }
      return purged;
    },
  };
}
