/**
 * The KPI aggregates over MongoDB: one aggregation pipeline per source, each a `$match` on an
 * indexed range (decision log: `evaluatedAt`, `outcome.action`; outcomes: `kind`, `decidedAt`)
 * followed by `$group` stages, returning the same counts as the SQLite queries
 * (`sqlite-kpi-queries.ts`). Buckets are local dates from `$dateTrunc` / `$dateToString` in the
 * plan's zone (MongoDB 5.0 or later). No formula here: `kpi-formulas.ts` computes the figures.
 */
import type { Connection } from 'mongoose';
import type { BucketPlan } from './kpi-buckets';
import type {
  AiOutcomeGroup,
  DurationCount,
  HandoffGroup,
  HandoffOutcomeGroup,
  KpiAggregates,
  KpiFilter,
  KpiQuery,
  OutcomeKind,
  ReasonFeedback,
  VerdictMonth,
} from './outcome-store';

const WEEK_MS = 7 * 86_400_000;
/** Aggregations may spill to disk: a million decisions grouped by conversation exceed the 100 MB stage limit. */
const OPTIONS = { allowDiskUse: true };

/** The local date (`YYYY-MM-DD`) of the bucket holding a date field. */
function bucketOf(field: string, plan: BucketPlan): object {
  const date = plan.unit === 'WEEK' ? { $dateTrunc: { date: field, unit: 'week', timezone: plan.timeZone, startOfWeek: 'monday' } } : field;
  return { $dateToString: { format: '%Y-%m-%d', date, timezone: plan.timeZone } };
}

/** Whole seconds from `from` to `to` (date expressions), never negative. */
const secondsBetween = (from: string, to: string): object => ({ $max: [0, { $round: [{ $divide: [{ $subtract: [to, from] }, 1000] }, 0] }] });
const given = (field: string): object => ({ $ne: [{ $ifNull: [field, null] }, null] });
const countIf = (condition: object): object => ({ $sum: { $cond: [condition, 1, 0] } });

/** Equality on each dimension the filter sets, under the given field paths. */
function dimensions(
  filter: KpiFilter,
  paths: Record<'policyId' | 'policyVersion' | 'channel' | 'language' | 'reasonCode' | 'queueId', string>,
  handoff: boolean,
) {
  const match: Record<string, unknown> = {};
  const keys = ['policyId', 'policyVersion', 'channel', 'language', ...(handoff ? (['reasonCode', 'queueId'] as const) : [])] as const;
  for (const key of keys) {
    const value = filter[key];
    if (value !== undefined && value !== null) match[paths[key]] = value;
  }
  return match;
}

const DECISION_PATHS = {
  policyId: 'policyId',
  policyVersion: 'policyVersion',
  channel: 'facts.channel',
  language: 'facts.language',
  reasonCode: 'outcome.reasonCode',
  queueId: 'outcome.queue',
};
const OUTCOME_PATHS = {
  policyId: 'policyId',
  policyVersion: 'policyVersion',
  channel: 'channel',
  language: 'language',
  reasonCode: 'reasonCode',
  queueId: 'queue',
};

/** The `$match` of outcomes of `kind` whose decision is in the filter (reason and queue for handoffs only). */
export function outcomeMatch(filter: KpiFilter, kind: OutcomeKind): Record<string, unknown> {
  return { kind, decidedAt: { $gte: filter.from, $lt: filter.to }, ...dimensions(filter, OUTCOME_PATHS, kind === 'HANDOFF') };
}

type Keyed<K, V> = { _id: K } & V;

/** The aggregation pipelines on `connection` (run once the store is open). */
export function createMongoKpiPipelines(connection: Connection) {
  // The driver's collections (mongoose models type pipelines more narrowly than MongoDB accepts them).
  const collection = (name: string) => {
    if (!connection.db) throw new Error('The MongoDB store is not connected.');
    return connection.db.collection(name);
  };
  const decisionLog = () => collection('decision_log');
  const outcomeDocs = () => collection('conversation_outcomes');

  const conversations = async ({ filter, plan }: KpiQuery): Promise<KpiAggregates['conversations']> => {
    const rows = await decisionLog()
      .aggregate<Keyed<string, { conversations: number }>>(
        [
          { $match: { evaluatedAt: { $gte: filter.from, $lt: filter.to }, ...dimensions(filter, DECISION_PATHS, false) } },
          { $group: { _id: '$conversationId', firstAt: { $min: '$evaluatedAt' } } },
          { $group: { _id: bucketOf('$firstAt', plan), conversations: { $sum: 1 } } },
        ],
        OPTIONS,
      )
      .toArray();
    return rows.map((r) => ({ bucket: r._id, conversations: r.conversations }));
  };

  const handoffs = async ({ filter, plan }: KpiQuery): Promise<{ groups: HandoffGroup[]; waits: DurationCount[] }> => {
    type ReasonRow = Keyed<{ bucket: string; reasonCode: string | null }, Omit<HandoffGroup, 'bucket' | 'reasonCode'>>;
    type WaitRow = Keyed<{ bucket: string; seconds: number }, { count: number }>;
    const [facets] = await decisionLog()
      .aggregate<{ reasons: ReasonRow[]; waits: WaitRow[] }>(
        [
          { $match: { 'outcome.action': 'HANDOFF', evaluatedAt: { $gte: filter.from, $lt: filter.to }, ...dimensions(filter, DECISION_PATHS, true) } },
          // Each conversation at its first HANDOFF decision in range.
          { $sort: { conversationId: 1, evaluatedAt: 1 } },
          {
            $group: {
              _id: '$conversationId',
              at: { $first: '$evaluatedAt' },
              reasonCode: { $first: '$outcome.reasonCode' },
              customerId: { $first: '$input.customer.id' },
              sentiment: { $first: '$facts.sentimentLatest' },
            },
          },
          {
            $lookup: {
              from: 'decision_log',
              let: { customerId: '$customerId', at: '$at', conversationId: '$_id' },
              pipeline: [
                {
                  $match: {
                    'outcome.action': 'HANDOFF',
                    $expr: {
                      $and: [
                        { $eq: ['$input.customer.id', '$$customerId'] },
                        { $lt: ['$evaluatedAt', '$$at'] },
                        { $gte: ['$evaluatedAt', { $subtract: ['$$at', WEEK_MS] }] },
                        { $ne: ['$conversationId', '$$conversationId'] },
                      ],
                    },
                  },
                },
                { $limit: 1 },
                { $project: { _id: 1 } },
              ],
              as: 'earlier',
            },
          },
          {
            $lookup: {
              from: 'assignments',
              localField: '_id',
              foreignField: 'conversationId',
              pipeline: [{ $match: { assignedAt: { $type: 'date' } } }, { $group: { _id: null, assignedAt: { $min: '$assignedAt' } } }],
              as: 'assigned',
            },
          },
          {
            $project: {
              bucket: bucketOf('$at', plan),
              reasonCode: 1,
              sentiment: 1,
              repeat: { $cond: [{ $gt: [{ $size: '$earlier' }, 0] }, 1, 0] },
              waitSeconds: {
                $let: {
                  vars: { assignedAt: { $first: '$assigned.assignedAt' } },
                  in: { $cond: [{ $eq: [{ $type: '$$assignedAt' }, 'date'] }, secondsBetween('$at', '$$assignedAt'), null] },
                },
              },
            },
          },
          {
            $facet: {
              reasons: [
                {
                  $group: {
                    _id: { bucket: '$bucket', reasonCode: '$reasonCode' },
                    handoffs: { $sum: 1 },
                    repeats: { $sum: '$repeat' },
                    sentimentSum: { $sum: { $cond: [{ $isNumber: '$sentiment' }, '$sentiment', 0] } },
                    sentimentCount: countIf({ $isNumber: '$sentiment' }),
                  },
                },
              ],
              waits: [
                { $match: { waitSeconds: { $type: 'number' } } },
                { $group: { _id: { bucket: '$bucket', seconds: '$waitSeconds' }, count: { $sum: 1 } } },
              ],
            },
          },
        ],
        OPTIONS,
      )
      .toArray();
    return {
      groups: (facets?.reasons ?? []).map(({ _id, ...sums }) => ({ bucket: _id.bucket, reasonCode: _id.reasonCode ?? '', ...sums })),
      waits: (facets?.waits ?? []).map((r) => ({ bucket: r._id.bucket, seconds: r._id.seconds, count: r.count })),
    };
  };

  const outcomes = async ({ filter, plan }: KpiQuery) => {
    type ReasonRow = Keyed<{ bucket: string; reasonCode: string | null }, Omit<HandoffOutcomeGroup, 'bucket' | 'reasonCode'>>;
    type DurationRow = Keyed<{ bucket: string; seconds: number }, { count: number }>;
    type MonthRow = Keyed<{ month: string; reasonCode: string }, { verdicts: number; yes: number }>;
    const durations = (field: string) => [
      { $match: { [field]: { $type: 'date' } } },
      { $group: { _id: { bucket: '$bucket', seconds: secondsBetween('$decidedAt', `$${field}`) }, count: { $sum: 1 } } },
    ];
    const [facets] = await outcomeDocs()
      .aggregate<{ reasons: ReasonRow[]; firstResponses: DurationRow[]; resolutionTimes: DurationRow[]; months: MonthRow[] }>(
        [
          { $match: outcomeMatch(filter, 'HANDOFF') },
          { $addFields: { bucket: bucketOf('$decidedAt', plan) } },
          {
            $facet: {
              reasons: [
                {
                  $group: {
                    _id: { bucket: '$bucket', reasonCode: '$reasonCode' },
                    outcomes: { $sum: 1 },
                    resolutions: countIf(given('$resolution')),
                    resolved: countIf({ $eq: ['$resolution', 'RESOLVED'] }),
                    unresolved: countIf({ $eq: ['$resolution', 'UNRESOLVED'] }),
                    transferred: countIf({ $eq: ['$resolution', 'TRANSFERRED'] }),
                    abandoned: countIf({ $eq: ['$resolution', 'ABANDONED'] }),
                    resolvedNotReopened: countIf({ $and: [{ $eq: ['$resolution', 'RESOLVED'] }, { $ne: ['$reopened', true] }] }),
                    reopened: countIf({ $eq: ['$reopened', true] }),
                    csatSum: { $sum: '$csat' },
                    csatCount: countIf({ $isNumber: '$csat' }),
                    verdicts: countIf(given('$agentVerdict')),
                    yes: countIf({ $eq: ['$agentVerdict', 'YES'] }),
                    corrections: countIf({ $and: [given('$correctedReasonCode'), { $ne: ['$correctedReasonCode', '$reasonCode'] }] }),
                  },
                },
              ],
              firstResponses: durations('firstAgentResponseAt'),
              resolutionTimes: durations('resolvedAt'),
              months: [
                { $match: { agentVerdict: { $type: 'string' }, reasonCode: { $type: 'string' } } },
                {
                  $group: {
                    _id: { month: { $dateToString: { format: '%Y-%m', date: '$decidedAt', timezone: plan.timeZone } }, reasonCode: '$reasonCode' },
                    verdicts: { $sum: 1 },
                    yes: countIf({ $eq: ['$agentVerdict', 'YES'] }),
                  },
                },
              ],
            },
          },
        ],
        OPTIONS,
      )
      .toArray();
    const duration = (rows: DurationRow[] = []): DurationCount[] => rows.map((r) => ({ bucket: r._id.bucket, seconds: r._id.seconds, count: r.count }));
    return {
      handoffOutcomes: (facets?.reasons ?? []).map(({ _id, ...sums }): HandoffOutcomeGroup => ({
        bucket: _id.bucket,
        reasonCode: _id.reasonCode ?? '',
        ...sums,
      })),
      firstResponses: duration(facets?.firstResponses),
      resolutionTimes: duration(facets?.resolutionTimes),
      verdictMonths: (facets?.months ?? []).map((r): VerdictMonth => ({ month: r._id.month, reasonCode: r._id.reasonCode, verdicts: r.verdicts, yes: r.yes })),
    };
  };

  const aiOutcomes = async ({ filter, plan }: KpiQuery): Promise<AiOutcomeGroup[]> => {
    const rows = await outcomeDocs()
      .aggregate<Keyed<string, Omit<AiOutcomeGroup, 'bucket'>>>([
        { $match: outcomeMatch(filter, 'AI_ONLY') },
        {
          $group: {
            _id: bucketOf('$decidedAt', plan),
            outcomes: { $sum: 1 },
            aiKnown: countIf(given('$resolvedByAi')),
            aiResolved: countIf({ $eq: ['$resolvedByAi', true] }),
            csatSum: { $sum: '$csat' },
            csatCount: countIf({ $isNumber: '$csat' }),
          },
        },
      ])
      .toArray();
    return rows.map(({ _id, ...sums }) => ({ bucket: _id, ...sums }));
  };

  return {
    async aggregates(query: KpiQuery): Promise<KpiAggregates> {
      const [conversationRows, handoffRows, outcomeRows, aiRows] = await Promise.all([
        conversations(query),
        handoffs(query),
        outcomes(query),
        aiOutcomes(query),
      ]);
      return {
        conversations: conversationRows,
        handoffs: handoffRows.groups,
        assignmentWaits: handoffRows.waits,
        handoffOutcomes: outcomeRows.handoffOutcomes,
        firstResponses: outcomeRows.firstResponses,
        resolutionTimes: outcomeRows.resolutionTimes,
        aiOutcomes: aiRows,
        verdictMonths: outcomeRows.verdictMonths,
      };
    },

    async reasonFeedback(filter: KpiFilter): Promise<ReasonFeedback> {
      const match = outcomeMatch(filter, 'HANDOFF');
      const [verdicts, corrections] = await Promise.all([
        outcomeDocs()
          .aggregate<Keyed<string, { verdicts: number; yes: number }>>([
            { $match: { $and: [match, { agentVerdict: { $type: 'string' }, reasonCode: { $type: 'string' } }] } },
            { $group: { _id: '$reasonCode', verdicts: { $sum: 1 }, yes: countIf({ $eq: ['$agentVerdict', 'YES'] }) } },
          ])
          .toArray(),
        outcomeDocs()
          .aggregate<Keyed<{ reasonCode: string; correctedReasonCode: string }, { count: number }>>([
            {
              $match: {
                $and: [match, { correctedReasonCode: { $type: 'string' }, reasonCode: { $type: 'string' } }],
                $expr: { $ne: ['$correctedReasonCode', '$reasonCode'] },
              },
            },
            { $group: { _id: { reasonCode: '$reasonCode', correctedReasonCode: '$correctedReasonCode' }, count: { $sum: 1 } } },
          ])
          .toArray(),
      ]);
      return {
        verdicts: verdicts.map((v) => ({ reasonCode: v._id, verdicts: v.verdicts, yes: v.yes })),
        corrections: corrections.map((c) => ({ ...c._id, count: c.count })),
      };
    },
  };
}
