/**
 * The KPI aggregates over better-sqlite3: GROUP BY queries over the covering indexes of migration 8,
 * returning counts per bucket (and reason, and whole second of duration). No formula here:
 * `kpi-formulas.ts` turns the counts into figures. A decision's bucket is its local date, computed
 * in SQL from the plan's offset segments exactly as `kpi-buckets.ts` computes it.
 *
 * Conversations are counted once, at their first decision in range, by reading the conversation-
 * ordered index `decision_log_kpi_conversation` (each group's first entry is its first decision: no
 * sort); handed-off conversations likewise at their first HANDOFF decision (`decision_log_kpi_handoff`,
 * partial). The indexes are named (`INDEXED BY`) so the plan never falls back to reading rows.
 */
import type Database from 'better-sqlite3';
import type { BucketPlan, OffsetSegment } from './kpi-buckets';
import type {
  AiOutcomeGroup,
  DurationCount,
  HandoffGroup,
  HandoffOutcomeGroup,
  KpiAggregates,
  KpiFilter,
  KpiQuery,
  ReasonFeedback,
  VerdictMonth,
} from './outcome-store';

/** Prepared statements kept at most (texts differ with the filters used and the zone's offsets). */
const MAX_STATEMENTS = 256;

/** `date(column)` shifted by `seconds`, as SQL. */
function shifted(column: string, seconds: number): string {
  return `date(${column}, '${seconds < 0 ? '-' : '+'}${Math.abs(seconds)} seconds')`;
}

/** The local date (`YYYY-MM-DD`) of an ISO time column under the plan's offsets. Literals only come from dates and integers. */
export function localDateSql(column: string, segments: readonly OffsetSegment[]): string {
  const last = segments[segments.length - 1];
  if (!last) return `date(${column})`;
  if (segments.length === 1) return shifted(column, last.offsetSeconds);
  const whens = segments
    .filter((s) => s.until !== null)
    .map((s) => `WHEN ${column} < '${(s.until as Date).toISOString()}' THEN ${shifted(column, s.offsetSeconds)}`);
  return `CASE ${whens.join(' ')} ELSE ${shifted(column, last.offsetSeconds)} END`;
}

/** The bucket label of an ISO time column: its local date, or the Monday on or before it. */
export function bucketSql(column: string, plan: BucketPlan): string {
  const local = localDateSql(column, plan.segments);
  return plan.unit === 'WEEK' ? `date(${local}, '-6 days', 'weekday 1')` : local;
}

/** Whole seconds from `from` to `to` (ISO time columns), never negative. */
function secondsSql(from: string, to: string): string {
  return `MAX(0, CAST(ROUND((julianday(${to}) - julianday(${from})) * 86400) AS INTEGER))`;
}

const countIf = (condition: string): string => `COUNT(CASE WHEN ${condition} THEN 1 END)`;

/**
 * The filter's dimensions as SQL clauses (each starting with AND) on columns of the same names in
 * `decision_log` and `conversation_outcomes`; `handoff` adds the reason and queue, which narrow
 * handoff figures only.
 */
export function dimensionsSql(filter: KpiFilter, { handoff }: { handoff: boolean }): { sql: string[]; params: Record<string, unknown> } {
  const sql: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (value: unknown, column: string, name: string): void => {
    if (value === undefined || value === null) return;
    sql.push(`${column} = @${name}`);
    params[name] = value;
  };
  add(filter.policyId, 'policy_id', 'policyId');
  add(filter.policyVersion, 'policy_version', 'policyVersion');
  add(filter.channel, 'channel', 'channel');
  add(filter.language, 'language', 'language');
  if (handoff) {
    add(filter.reasonCode, 'reason_code', 'reasonCode');
    add(filter.queueId, 'queue', 'queueId');
  }
  return { sql, params };
}

const and = (clauses: readonly string[]): string => clauses.map((c) => ` AND ${c}`).join('');

/** Lets requests waiting on the event loop run between two synchronous statements. */
const yieldToRequests = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A row of the handoff outcomes statement: `part` says which grouping it belongs to. */
interface OutcomeRow {
  part: 'reason' | 'first_response' | 'resolution_time' | 'month';
  /** The bucket label; the month (`YYYY-MM`) for `month`. */
  bucket: string;
  reason_code: string | null;
  seconds: number | null;
  n: number;
  resolutions: number;
  resolved: number;
  unresolved: number;
  transferred: number;
  abandoned: number;
  resolved_not_reopened: number;
  reopened: number;
  csat_sum: number;
  csat_count: number;
  verdicts: number;
  yes: number;
  corrections: number;
}

interface WaitOrReasonRow {
  part: 'reason' | 'wait';
  bucket: string;
  reason_code: string | null;
  seconds: number | null;
  n: number;
  repeats: number;
  sentiment_sum: number;
  sentiment_count: number;
}

/** The aggregate queries on `db`; statements are prepared on first use and cached per text. */
export function createSqliteKpiQueries(db: Database.Database) {
  const cache = new Map<string, Database.Statement>();
  const run = <T>(text: string, params: Record<string, unknown>): T[] => {
    let statement = cache.get(text);
    if (!statement) {
      if (cache.size >= MAX_STATEMENTS) cache.clear();
      cache.set(text, (statement = db.prepare(text)));
    }
    return statement.all(params) as T[];
  };

  const conversations = ({ filter, plan }: KpiQuery, range: Record<string, unknown>) => {
    const dims = dimensionsSql(filter, { handoff: false });
    return run<{ bucket: string; conversations: number }>(
      `SELECT ${bucketSql('first_at', plan)} AS bucket, COUNT(*) AS conversations FROM (
        SELECT conversation_id, MIN(evaluated_at) AS first_at FROM decision_log INDEXED BY decision_log_kpi_conversation
        WHERE evaluated_at >= @from AND evaluated_at < @to${and(dims.sql)} GROUP BY conversation_id
      ) GROUP BY bucket`,
      { ...range, ...dims.params },
    );
  };

  const handoffs = ({ filter, plan }: KpiQuery, range: Record<string, unknown>): { groups: HandoffGroup[]; waits: DurationCount[] } => {
    const dims = dimensionsSql(filter, { handoff: true });
    // The columns besides MIN(evaluated_at) come from the row holding the minimum: the first HANDOFF decision.
    const rows = run<WaitOrReasonRow>(
      `WITH h AS MATERIALIZED (
        SELECT conversation_id, MIN(evaluated_at) AS at, reason_code, customer_id, sentiment
        FROM decision_log INDEXED BY decision_log_kpi_handoff
        WHERE action = 'HANDOFF' AND evaluated_at >= @from AND evaluated_at < @to${and(dims.sql)} GROUP BY conversation_id
      ), hb AS MATERIALIZED (
        SELECT ${bucketSql('h.at', plan)} AS bucket, h.reason_code, h.sentiment, h.at,
          EXISTS (SELECT 1 FROM decision_log p INDEXED BY decision_log_customer_handoff
            WHERE p.action = 'HANDOFF' AND p.customer_id = h.customer_id AND p.evaluated_at < h.at
              AND p.evaluated_at >= strftime('%Y-%m-%dT%H:%M:%fZ', h.at, '-7 days') AND p.conversation_id <> h.conversation_id) AS repeat,
          (SELECT MIN(a.assigned_at) FROM handoff_assignments a WHERE a.conversation_id = h.conversation_id) AS assigned_at
        FROM h
      )
      SELECT 'reason' AS part, bucket, reason_code, NULL AS seconds, COUNT(*) AS n, SUM(repeat) AS repeats,
        TOTAL(sentiment) AS sentiment_sum, COUNT(sentiment) AS sentiment_count
      FROM hb GROUP BY bucket, reason_code
      UNION ALL
      SELECT 'wait', bucket, NULL, ${secondsSql('at', 'assigned_at')} AS seconds, COUNT(*), 0, 0, 0
      FROM hb WHERE assigned_at IS NOT NULL GROUP BY bucket, seconds`,
      { ...range, ...dims.params },
    );
    return {
      groups: rows
        .filter((r) => r.part === 'reason')
        .map((r) => ({
          bucket: r.bucket,
          reasonCode: r.reason_code ?? '',
          handoffs: r.n,
          repeats: r.repeats,
          sentimentSum: r.sentiment_sum,
          sentimentCount: r.sentiment_count,
        })),
      waits: rows.filter((r) => r.part === 'wait').map((r) => ({ bucket: r.bucket, seconds: r.seconds ?? 0, count: r.n })),
    };
  };

  /** The WHERE clause of outcomes of `kind` decided in range. */
  const outcomesWhere = (filter: KpiFilter, kind: 'HANDOFF' | 'AI_ONLY', extra: string[] = []) => {
    const dims = dimensionsSql(filter, { handoff: kind === 'HANDOFF' });
    return { sql: `WHERE kind = '${kind}' AND decided_at >= @from AND decided_at < @to${and(dims.sql)}${and(extra)}`, params: dims.params };
  };

  /** Handoff outcomes in one pass: counts per bucket and reason, durations per bucket, verdicts per month and reason. */
  const handoffOutcomes = ({ filter, plan }: KpiQuery, range: Record<string, unknown>) => {
    const where = outcomesWhere(filter, 'HANDOFF');
    const bucket = plan.unit === 'WEEK' ? `date(local, '-6 days', 'weekday 1')` : 'local';
    const none = (count: number) => Array.from({ length: count }, () => '0').join(', ');
    const rows = run<OutcomeRow>(
      `WITH o AS MATERIALIZED (
        SELECT ${localDateSql('decided_at', plan.segments)} AS local, * FROM conversation_outcomes INDEXED BY conversation_outcomes_decided ${where.sql}
      )
      SELECT 'reason' AS part, ${bucket} AS bucket, reason_code, NULL AS seconds, COUNT(*) AS n,
        COUNT(resolution) AS resolutions, ${countIf(`resolution = 'RESOLVED'`)} AS resolved, ${countIf(`resolution = 'UNRESOLVED'`)} AS unresolved,
        ${countIf(`resolution = 'TRANSFERRED'`)} AS transferred, ${countIf(`resolution = 'ABANDONED'`)} AS abandoned,
        ${countIf(`resolution = 'RESOLVED' AND reopened IS NOT 1`)} AS resolved_not_reopened, ${countIf('reopened = 1')} AS reopened,
        TOTAL(csat) AS csat_sum, COUNT(csat) AS csat_count, COUNT(verdict) AS verdicts, ${countIf(`verdict = 'YES'`)} AS yes,
        ${countIf('corrected_reason IS NOT NULL AND (reason_code IS NULL OR corrected_reason <> reason_code)')} AS corrections
      FROM o GROUP BY 2, reason_code
      UNION ALL
      SELECT 'first_response', ${bucket}, NULL, ${secondsSql('decided_at', 'first_response_at')}, COUNT(*), ${none(12)}
      FROM o WHERE first_response_at IS NOT NULL GROUP BY 2, 4
      UNION ALL
      SELECT 'resolution_time', ${bucket}, NULL, ${secondsSql('decided_at', 'resolved_at')}, COUNT(*), ${none(12)}
      FROM o WHERE resolved_at IS NOT NULL GROUP BY 2, 4
      UNION ALL
      SELECT 'month', substr(local, 1, 7), reason_code, NULL, COUNT(*), ${none(10)}, ${countIf(`verdict = 'YES'`)}, 0
      FROM o WHERE verdict IS NOT NULL AND reason_code IS NOT NULL GROUP BY 2, reason_code`,
      { ...range, ...where.params },
    );
    const durations = (part: OutcomeRow['part']): DurationCount[] =>
      rows.filter((r) => r.part === part).map((r) => ({ bucket: r.bucket, seconds: r.seconds ?? 0, count: r.n }));
    return {
      groups: rows
        .filter((r) => r.part === 'reason')
        .map((r): HandoffOutcomeGroup => ({
          bucket: r.bucket,
          reasonCode: r.reason_code ?? '',
          outcomes: r.n,
          resolutions: r.resolutions,
          resolved: r.resolved,
          unresolved: r.unresolved,
          transferred: r.transferred,
          abandoned: r.abandoned,
          resolvedNotReopened: r.resolved_not_reopened,
          reopened: r.reopened,
          csatSum: r.csat_sum,
          csatCount: r.csat_count,
          verdicts: r.verdicts,
          yes: r.yes,
          corrections: r.corrections,
        })),
      firstResponses: durations('first_response'),
      resolutionTimes: durations('resolution_time'),
      verdictMonths: rows
        .filter((r) => r.part === 'month')
        .map((r): VerdictMonth => ({ month: r.bucket, reasonCode: r.reason_code ?? '', verdicts: r.n, yes: r.yes })),
    };
  };

  const aiOutcomes = ({ filter, plan }: KpiQuery, range: Record<string, unknown>): AiOutcomeGroup[] => {
    const where = outcomesWhere(filter, 'AI_ONLY');
    return run<AiOutcomeGroup>(
      `SELECT ${bucketSql('decided_at', plan)} AS bucket, COUNT(*) AS outcomes, COUNT(resolved_by_ai) AS aiKnown,
        ${countIf('resolved_by_ai = 1')} AS aiResolved, TOTAL(csat) AS csatSum, COUNT(csat) AS csatCount
      FROM conversation_outcomes INDEXED BY conversation_outcomes_decided ${where.sql} GROUP BY bucket`,
      { ...range, ...where.params },
    );
  };

  const rangeOf = (filter: KpiFilter) => ({ from: filter.from.toISOString(), to: filter.to.toISOString() });

  return {
    /**
     * Four statements of at most a few hundred milliseconds each over a million decisions;
     * better-sqlite3 is synchronous, so requests (decisions) run between them.
     */
    async aggregates(query: KpiQuery): Promise<KpiAggregates> {
      const range = rangeOf(query.filter);
      const conversationRows = conversations(query, range);
      await yieldToRequests();
      const handoffRows = handoffs(query, range);
      await yieldToRequests();
      const outcomes = handoffOutcomes(query, range);
      await yieldToRequests();
      return {
        conversations: conversationRows,
        handoffs: handoffRows.groups,
        assignmentWaits: handoffRows.waits,
        handoffOutcomes: outcomes.groups,
        firstResponses: outcomes.firstResponses,
        resolutionTimes: outcomes.resolutionTimes,
        aiOutcomes: aiOutcomes(query, range),
        verdictMonths: outcomes.verdictMonths,
      };
    },

    reasonFeedback(filter: KpiFilter): ReasonFeedback {
      const range = rangeOf(filter);
      const verdictWhere = outcomesWhere(filter, 'HANDOFF', ['verdict IS NOT NULL', 'reason_code IS NOT NULL']);
      const correctionWhere = outcomesWhere(filter, 'HANDOFF', ['corrected_reason IS NOT NULL', 'reason_code IS NOT NULL', 'corrected_reason <> reason_code']);
      return {
        verdicts: run<ReasonFeedback['verdicts'][number]>(
          `SELECT reason_code AS reasonCode, COUNT(*) AS verdicts, ${countIf(`verdict = 'YES'`)} AS yes
          FROM conversation_outcomes ${verdictWhere.sql} GROUP BY reason_code`,
          { ...range, ...verdictWhere.params },
        ),
        corrections: run<ReasonFeedback['corrections'][number]>(
          `SELECT reason_code AS reasonCode, corrected_reason AS correctedReasonCode, COUNT(*) AS count
          FROM conversation_outcomes ${correctionWhere.sql} GROUP BY reason_code, corrected_reason`,
          { ...range, ...correctionWhere.params },
        ),
      };
    },
  };
}
