/**
 * The outcomes feature over better-sqlite3: rows to records, the repository a unit of work
 * writes through (`store/sqlite/sqlite-unit-of-work.ts`) and the reads, the KPI aggregates among
 * them (`sqlite-kpi-queries.ts`). No rule here: `outcome-transitions.ts` decides.
 */
import type Database from 'better-sqlite3';
import type { QueueWrite } from '../../store/sqlite/sqlite-unit-of-work';
import type {
  AgentVerdict,
  HandoffResolution,
  OutcomeAccess,
  OutcomeField,
  OutcomeKind,
  OutcomeRecord,
  OutcomeRepository,
  OutcomeSelection,
} from './outcome-store';
import { createSqliteKpiQueries, dimensionsSql } from './sqlite-kpi-queries';

/** A `conversation_outcomes` row as better-sqlite3 returns it. */
export interface OutcomeRow {
  conversation_id: string;
  kind: OutcomeKind;
  decision_id: string;
  decided_at: string;
  policy_id: string;
  policy_version: number;
  reason_code: string | null;
  queue: string | null;
  channel: string | null;
  language: string | null;
  first_response_at: string | null;
  resolution: HandoffResolution | null;
  resolved_at: string | null;
  csat: number | null;
  verdict: AgentVerdict | null;
  corrected_reason: string | null;
  reopened: number | null;
  resolved_by_ai: number | null;
  field_times: string;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}

const date = (text: string | null): Date | null => (text === null ? null : new Date(text));
const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());
const flag = (value: number | null): boolean | null => (value === null ? null : value === 1);
const bit = (value: boolean | null): number | null => (value === null ? null : value ? 1 : 0);

/** The outcome a row holds (the store migration reads with it too). */
export function toOutcome(row: OutcomeRow): OutcomeRecord {
  const times = JSON.parse(row.field_times) as Partial<Record<OutcomeField, string>>;
  return {
    conversationId: row.conversation_id,
    kind: row.kind,
    decisionId: row.decision_id,
    decidedAt: new Date(row.decided_at),
    policyId: row.policy_id,
    policyVersion: row.policy_version,
    reasonCode: row.reason_code,
    queue: row.queue,
    channel: row.channel,
    language: row.language,
    firstAgentResponseAt: date(row.first_response_at),
    resolution: row.resolution,
    resolvedAt: date(row.resolved_at),
    csat: row.csat,
    agentVerdict: row.verdict,
    correctedReasonCode: row.corrected_reason,
    reopened: flag(row.reopened),
    resolvedByAi: flag(row.resolved_by_ai),
    fieldTimes: Object.fromEntries(Object.entries(times).map(([field, at]) => [field, new Date(at as string)])),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    updatedBy: row.updated_by,
  };
}

/** The named parameters of a record's row (`INSERT_OUTCOME`). */
export function outcomeParams(record: OutcomeRecord): Record<string, unknown> {
  return {
    conversationId: record.conversationId,
    kind: record.kind,
    decisionId: record.decisionId,
    decidedAt: record.decidedAt.toISOString(),
    policyId: record.policyId,
    policyVersion: record.policyVersion,
    reasonCode: record.reasonCode,
    queue: record.queue,
    channel: record.channel,
    language: record.language,
    firstResponseAt: iso(record.firstAgentResponseAt),
    resolution: record.resolution,
    resolvedAt: iso(record.resolvedAt),
    csat: record.csat,
    verdict: record.agentVerdict,
    correctedReason: record.correctedReasonCode,
    reopened: bit(record.reopened),
    resolvedByAi: bit(record.resolvedByAi),
    fieldTimes: JSON.stringify(record.fieldTimes),
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    updatedBy: record.updatedBy,
  };
}

/** Inserts one outcome row from `outcomeParams`. */
export const INSERT_OUTCOME = `INSERT INTO conversation_outcomes (conversation_id, kind, decision_id, decided_at, policy_id, policy_version,
  reason_code, queue, channel, language, first_response_at, resolution, resolved_at, csat, verdict, corrected_reason, reopened,
  resolved_by_ai, field_times, created_at, updated_at, updated_by) VALUES (@conversationId, @kind, @decisionId, @decidedAt, @policyId,
  @policyVersion, @reasonCode, @queue, @channel, @language, @firstResponseAt, @resolution, @resolvedAt, @csat, @verdict, @correctedReason,
  @reopened, @resolvedByAi, @fieldTimes, @createdAt, @updatedAt, @updatedBy)`;

function statements(db: Database.Database) {
  return {
    find: db.prepare('SELECT * FROM conversation_outcomes WHERE conversation_id = ? AND kind = ?'),
    save: db.prepare(`${INSERT_OUTCOME} ON CONFLICT (conversation_id, kind) DO UPDATE SET decision_id = excluded.decision_id,
      decided_at = excluded.decided_at, policy_id = excluded.policy_id, policy_version = excluded.policy_version,
      reason_code = excluded.reason_code, queue = excluded.queue, channel = excluded.channel, language = excluded.language,
      first_response_at = excluded.first_response_at, resolution = excluded.resolution, resolved_at = excluded.resolved_at,
      csat = excluded.csat, verdict = excluded.verdict, corrected_reason = excluded.corrected_reason, reopened = excluded.reopened,
      resolved_by_ai = excluded.resolved_by_ai, field_times = excluded.field_times, updated_at = excluded.updated_at,
      updated_by = excluded.updated_by`),
  };
}

/** The repository of one unit of work: reads run now, writes go to `queue`. */
export function sqliteOutcomeRepositories(db: Database.Database): (queue: QueueWrite) => { outcomes: OutcomeRepository } {
  const stmt = statements(db);
  return (queue) => ({
    outcomes: {
      find: async (conversationId, kind) => {
        const row = stmt.find.get(conversationId, kind) as OutcomeRow | undefined;
        return row ? toOutcome(row) : null;
      },
      save: async (record) => queue(() => void stmt.save.run(outcomeParams(record))),
    },
  });
}

/** The WHERE clause of a selection of outcomes (the same dimensions KPIs filter on). */
function selectionSql(selection: OutcomeSelection): { sql: string; params: Record<string, unknown> } {
  const { sql, params } = dimensionsSql(selection.filter, { handoff: selection.kind === 'HANDOFF' });
  const clauses = ['kind = @kind', 'decided_at >= @from', 'decided_at < @to', ...sql];
  const all: Record<string, unknown> = { ...params, kind: selection.kind, from: selection.filter.from.toISOString(), to: selection.filter.to.toISOString() };
  if (selection.resolution) {
    clauses.push('resolution = @resolution');
    all.resolution = selection.resolution;
  }
  if (selection.verdict) {
    clauses.push('verdict = @verdict');
    all.verdict = selection.verdict;
  }
  if (selection.correctedReasonCode) {
    clauses.push('corrected_reason = @correctedReason', '(reason_code IS NULL OR corrected_reason <> reason_code)');
    all.correctedReason = selection.correctedReasonCode;
  }
  return { sql: clauses.join(' AND '), params: all };
}

/** The outcomes feature's reads on `db`. */
export function createSqliteOutcomeAccess(db: Database.Database): OutcomeAccess {
  const stmt = statements(db);
  const kpis = createSqliteKpiQueries(db);
  const listStatements = new Map<string, Database.Statement>();
  return {
    findOutcome: async (conversationId, kind) => {
      const row = stmt.find.get(conversationId, kind) as OutcomeRow | undefined;
      return row ? toOutcome(row) : null;
    },
    kpiAggregates: async (query) => kpis.aggregates(query),
    reasonFeedback: async (filter) => kpis.reasonFeedback(filter),
    listOutcomes: async (selection, limit) => {
      const { sql, params } = selectionSql(selection);
      const text = `SELECT * FROM conversation_outcomes WHERE ${sql} ORDER BY decided_at DESC, conversation_id DESC LIMIT @limit`;
      let statement = listStatements.get(text);
      if (!statement) listStatements.set(text, (statement = db.prepare(text)));
      return (statement.all({ ...params, limit }) as OutcomeRow[]).map(toOutcome);
    },
  };
}
