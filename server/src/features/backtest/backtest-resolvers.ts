/**
 * GraphQL resolvers of datasets, backtest runs and publish gates: argument plumbing and the
 * report's records turned into the SDL's lists; logic in DatasetService and BacktestService.
 */
import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { MAX_LISTED_RUNS } from './backtest-service';
import type { BacktestStatus, DatasetFormat } from './backtest-store';

const entries = <T>(record: Record<string, T>): [string, T][] => Object.entries(record);
const counts = (record: Record<string, number>) => entries(record).map(([key, count]) => ({ key, count }));

const FORMATS: Record<string, DatasetFormat> = { CONVERSATIONS: 'conversations', MESSAGES: 'messages', CSV: 'csv', DECISION_LOG: 'decision_log' };
const STATUSES: Record<string, BacktestStatus> = { RUNNING: 'running', SUCCEEDED: 'succeeded', FAILED: 'failed', CANCELLED: 'cancelled' };

export const backtestResolvers: Resolvers = {
  DatasetFormat: FORMATS,
  BacktestStatus: STATUSES,
  Query: {
    datasets: (_parent, _args, { datasets }) => datasets.list(),
    dataset: (_parent, { id }, { datasets }) => datasets.get(id),
    backtestRun: (_parent, { id }, { backtests }) => backtests.get(id),
    backtestRuns: (_parent, { datasetId, policyId, first }, { backtests }) => backtests.list({ datasetId, policyId, limit: first }),
    backtestGates: (_parent, { policyId }, { backtests }) => backtests.gates(policyId),
  },
  Mutation: {
    importDataset: (_parent, { input }, { datasets, principal }) =>
      datasets.import({ name: input.name, fileName: input.fileName, bytes: Buffer.from(input.content, 'utf8') }, principal),
    createDatasetFromDecisions: (_parent, { input }, { datasets, principal }) => datasets.fromDecisions(input, principal),
    deleteDataset: (_parent, { id }, { datasets, principal }) => datasets.remove(id, principal),
    startBacktest: (_parent, { input }, { backtests, principal }) => {
      const { graph, settings, routing, ...rest } = input;
      return backtests.start({ ...rest, unsaved: { graph, settings, routing } }, principal);
    },
    cancelBacktest: (_parent, { id }, { backtests }) => backtests.cancel(id),
    setBacktestGates: (_parent, { policyId, gates }, { backtests, principal }) => backtests.setGates(policyId, gates, principal),
  },
  Dataset: {
    expectations: (dataset) => counts(dataset.expectations),
    row: async (dataset, { id }, { datasets }) => {
      const row = await datasets.row(dataset.id, id);
      return row ? { id: row.id, line: row.line, input: row.input, expected: row.expected ?? null } : null;
    },
  },
  BacktestReport: {
    byAction: (report) => counts(report.byAction),
    byReason: (report) => counts(report.byReason),
    byLanguage: (report) => entries(report.byLanguage).map(([key, slice]) => ({ key, ...slice })),
    byChannel: (report) => entries(report.byChannel).map(([key, slice]) => ({ key, ...slice })),
    byExpected: (report) => entries(report.byExpected).map(([key, count]) => ({ key, ...count })),
    precision: (report) => entries(report.precision).map(([key, count]) => ({ key, ...count })),
    confusion: (report) => entries(report.confusion).flatMap(([expected, row]) => entries(row).map(([got, rows]) => ({ expected, got, rows }))),
    handoffTurns: (report) => counts(report.handoffTurns),
    json: (report) => report,
  },
  BacktestComparison: {
    byChange: (comparison) => counts(comparison.byChange),
  },
  BacktestRun: {
    gateFailures: (run) => run.gateFailures ?? [],
  },
  ChangeRequest: {
    // The newest gate run per dataset: the check that let this draft through (earlier ones may predate a gate change).
    backtests: async (request, _args, { backtests }) => {
      const runs = await backtests.list({ policyId: request.policyId, contentHash: request.contentHash, gateRuns: true, limit: MAX_LISTED_RUNS });
      return runs.filter((run, i) => runs.findIndex((other) => other.datasetId === run.datasetId) === i);
    },
  },
};
