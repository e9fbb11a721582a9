/**
 * `DecisionLogStore` over better-sqlite3: one multi-row transaction per batch; a trigger
 * refuses UPDATEs so logged decisions stay as they were.
 */
import type Database from 'better-sqlite3';
import type { HandoffAction, Priority, SupportTier, TriggerReason } from '@baton/schemas';
import type { DecisionLogEntry, DecisionLogStore, StoredDecision } from './decision-log-store';

interface DecisionRow {
  id: string;
  evaluated_at: string;
  policy_id: string;
  policy_version: number;
  content_hash: string;
  conversation_id: string;
  input: string;
  facts: string;
  action: string;
  reasons: string;
  queue: string | null;
  priority: string;
  tier: string;
  latency_ms: number;
}

function toStored(row: DecisionRow): StoredDecision {
  return {
    decisionId: row.id,
    evaluatedAt: new Date(row.evaluated_at),
    policyId: row.policy_id,
    policyVersion: row.policy_version,
    contentHash: row.content_hash,
    conversationId: row.conversation_id,
    input: JSON.parse(row.input) as Record<string, unknown>,
    facts: JSON.parse(row.facts) as Record<string, unknown>,
    outcome: {
      action: row.action as HandoffAction,
      reasons: JSON.parse(row.reasons) as TriggerReason[],
      queue: row.queue,
      priority: row.priority as Priority,
      tier: row.tier as SupportTier,
    },
    latencyMs: row.latency_ms,
  };
}

/** Creates the SQLite decision log store on an open, migrated database. */
export function createSqliteDecisionLogStore(db: Database.Database): DecisionLogStore {
  const insert = db.prepare(`INSERT INTO decision_log (id, evaluated_at, policy_id, policy_version, content_hash,
    conversation_id, input, facts, action, reasons, queue, priority, tier, latency_ms)
    VALUES (@id, @evaluatedAt, @policyId, @policyVersion, @contentHash, @conversationId, @input, @facts,
    @action, @reasons, @queue, @priority, @tier, @latencyMs)`);
  const get = db.prepare('SELECT * FROM decision_log WHERE id = ?');
  const list = db.prepare('SELECT * FROM decision_log ORDER BY evaluated_at DESC, rowid DESC LIMIT ?');
  const listByConversation = db.prepare(
    'SELECT * FROM decision_log WHERE conversation_id = ? ORDER BY evaluated_at DESC, rowid DESC LIMIT ?',
  );
  const count = db.prepare('SELECT COUNT(*) AS n FROM decision_log');

  const appendAll = db.transaction((entries: readonly DecisionLogEntry[]) => {
    for (const entry of entries) {
      insert.run({
        id: entry.decisionId,
        evaluatedAt: entry.evaluatedAt.toISOString(),
        policyId: entry.policyId,
        policyVersion: entry.policyVersion,
        contentHash: entry.contentHash,
        conversationId: entry.conversationId,
        input: JSON.stringify(entry.input),
        facts: JSON.stringify(entry.facts),
        action: entry.outcome.action,
        reasons: JSON.stringify(entry.outcome.reasons),
        queue: entry.outcome.queue,
        priority: entry.outcome.priority,
        tier: entry.outcome.tier,
        latencyMs: entry.latencyMs,
      });
    }
  });

  return {
    appendDecisions: async (entries) => appendAll(entries),
    getDecision: async (decisionId) => {
      const row = get.get(decisionId) as DecisionRow | undefined;
      return row ? toStored(row) : null;
    },
    listDecisions: async ({ conversationId, limit }) => {
      const rows = conversationId === undefined ? list.all(limit) : listByConversation.all(conversationId, limit);
      return (rows as DecisionRow[]).map(toStored);
    },
    countDecisions: async () => (count.get() as { n: number }).n,
  };
}
