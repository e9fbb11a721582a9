/**
 * The decision log over better-sqlite3: the repository a unit of work appends through (a batch
 * is one transaction at its commit), the reads and the retention purge. A trigger refuses
 * UPDATEs so logged decisions stay as they were. Queries page by keyset on (evaluated_at, id),
 * which the filter indexes of migration 6 end with.
 */
import type Database from 'better-sqlite3';
import { insertOrDuplicate, type QueueWrite } from '../../store/sqlite/sqlite-unit-of-work';
import type { HandoffAction, Priority, SupportTier, TriggerReason } from '@baton/schemas';
import type { DecisionFilter, DecisionLogAccess, DecisionPageQuery, DecisionRepository, StoredDecision } from './decision-log-store';

/** A `decision_log` row. */
export interface DecisionRow {
  id: string;
  evaluated_at: string;
  logged_at: string;
  policy_id: string;
  policy_version: number;
  content_hash: string;
  conversation_id: string;
  input: string;
  facts: string;
  action: string;
  reason_code: string | null;
  reasons: string;
  queue: string | null;
  priority: string;
  tier: string;
  latency_ms: number;
}

/** Rows deleted per statement by retention, so a large purge never holds the write lock for long. */
const PURGE_CHUNK = 5_000;

/** Maps a `decision_log` row to the stored decision. */
export function toStored(row: DecisionRow): StoredDecision {
  return {
    decisionId: row.id,
    evaluatedAt: new Date(row.evaluated_at),
    loggedAt: new Date(row.logged_at),
    policyId: row.policy_id,
    policyVersion: row.policy_version,
    contentHash: row.content_hash,
    conversationId: row.conversation_id,
    input: JSON.parse(row.input) as Record<string, unknown>,
    facts: JSON.parse(row.facts) as Record<string, unknown>,
    outcome: {
      action: row.action as HandoffAction,
      reasonCode: row.reason_code,
      reasons: JSON.parse(row.reasons) as TriggerReason[],
      queue: row.queue,
      priority: row.priority as Priority,
      tier: row.tier as SupportTier,
    },
    latencyMs: row.latency_ms,
  };
}

/** Equality filters: filter field → column. */
const EQUALS: [keyof DecisionFilter, string][] = [
  ['policyId', 'policy_id'],
  ['policyVersion', 'policy_version'],
  ['conversationId', 'conversation_id'],
  ['action', 'action'],
  ['reasonCode', 'reason_code'],
  ['queue', 'queue'],
  // Virtual columns of the facts (migration 8).
  ['channel', 'channel'],
  ['language', 'language'],
];

/** The WHERE clause and its named parameters for one page query. */
function whereOf({ filter, after }: DecisionPageQuery): { sql: string; params: Record<string, unknown> } {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  for (const [field, column] of EQUALS) {
    if (filter[field] === undefined) continue;
    clauses.push(`${column} = @${field}`);
    params[field] = filter[field];
  }
  if (filter.from) {
    clauses.push('evaluated_at >= @from');
    params.from = filter.from.toISOString();
  }
  if (filter.to) {
    clauses.push('evaluated_at < @to');
    params.to = filter.to.toISOString();
  }
  if (after) {
    clauses.push('(evaluated_at < @afterAt OR (evaluated_at = @afterAt AND id < @afterId))');
    params.afterAt = after.evaluatedAt.toISOString();
    params.afterId = after.decisionId;
  }
  return { sql: clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`, params };
}

/** The repository of one unit of work: appends go to `queue`, so a batch is one transaction at its commit. */
export function sqliteDecisionRepositories(db: Database.Database): (queue: QueueWrite) => { decisions: DecisionRepository } {
  const insert = db.prepare(`INSERT INTO decision_log (id, evaluated_at, logged_at, policy_id, policy_version, content_hash,
    conversation_id, input, facts, action, reason_code, reasons, queue, priority, tier, latency_ms)
    VALUES (@id, @evaluatedAt, @loggedAt, @policyId, @policyVersion, @contentHash, @conversationId, @input, @facts,
    @action, @reasonCode, @reasons, @queue, @priority, @tier, @latencyMs)`);
  return (queue) => ({
    decisions: {
      insert: async (records) =>
        queue(() => {
          for (const record of records) {
            const json = record.serialised;
            const row = {
              id: record.decisionId,
              evaluatedAt: record.evaluatedAt.toISOString(),
              loggedAt: record.loggedAt.toISOString(),
              policyId: record.policyId,
              policyVersion: record.policyVersion,
              contentHash: record.contentHash,
              conversationId: record.conversationId,
              input: json.input,
              facts: json.facts,
              action: record.outcome.action,
              reasonCode: record.outcome.reasonCode,
              reasons: json.reasons,
              queue: record.outcome.queue,
              priority: record.outcome.priority,
              tier: record.outcome.tier,
              latencyMs: record.latencyMs,
            };
            insertOrDuplicate(`Decision '${record.decisionId}'`, 'decisionId', () => insert.run(row));
          }
        }),
    },
  });
}

/** The decision log's reads and retention purge on an open, migrated database. */
export function createSqliteDecisionLogAccess(db: Database.Database): DecisionLogAccess {
  const get = db.prepare('SELECT * FROM decision_log WHERE id = ?');
  const count = db.prepare('SELECT COUNT(*) AS n FROM decision_log');
  const tiers = db.prepare(`SELECT DISTINCT tier FROM (
    SELECT json_extract(facts, '$.customerTier') AS tier FROM decision_log ORDER BY evaluated_at DESC LIMIT ?
  ) WHERE typeof(tier) = 'text' AND tier <> '' ORDER BY tier`);
  const purgeChunk = db.prepare('DELETE FROM decision_log WHERE rowid IN (SELECT rowid FROM decision_log WHERE logged_at < ? LIMIT ?)');
  // One statement per combination of filters actually used (at most 2^11), prepared on first use.
  const pageStatements = new Map<string, Database.Statement>();

  return {
    getDecision: async (decisionId) => {
      const row = get.get(decisionId) as DecisionRow | undefined;
      return row ? toStored(row) : null;
    },
    queryDecisions: async (query) => {
      const { sql, params } = whereOf(query);
      const text = `SELECT * FROM decision_log ${sql} ORDER BY evaluated_at DESC, id DESC LIMIT @limit`;
      let statement = pageStatements.get(text);
      if (!statement) {
        statement = db.prepare(text);
        pageStatements.set(text, statement);
      }
      // One row more than asked says whether another page follows.
      const rows = statement.all({ ...params, limit: query.first + 1 }) as DecisionRow[];
      return { decisions: rows.slice(0, query.first).map(toStored), hasNextPage: rows.length > query.first };
    },
    countDecisions: async () => (count.get() as { n: number }).n,
    recentCustomerTiers: async (limit) => (tiers.all(limit) as { tier: string }[]).map((row) => row.tier),
    purgeDecisionsLoggedBefore: async (cutoff) => {
      const at = cutoff.toISOString();
      let total = 0;
      for (;;) {
        const { changes } = purgeChunk.run(at, PURGE_CHUNK);
        total += changes;
        if (changes < PURGE_CHUNK) return total;
        // better-sqlite3 is synchronous: let requests run between chunks.
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  };
}
