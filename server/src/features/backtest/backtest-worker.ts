/**
 * Internal: a Piscina worker of the backtest pool. It prepares the policy once, from the
 * serialisable document and compiled rules in `workerData`, then evaluates chunks of rows.
 */
import { workerData } from 'node:worker_threads';
import { evaluateRow, preparePolicy, type BacktestRow, type BacktestRowResult } from '@baton/rules';
import type { BacktestPolicy, ChunkTask } from './backtest-runner';

const policy = workerData as BacktestPolicy;
const prepared = preparePolicy(policy.document, policy.compiled);

/** Evaluates one chunk; the pool calls this with each task. */
export default async function evaluateChunk(task: ChunkTask): Promise<BacktestRowResult[]> {
  const results: BacktestRowResult[] = [];
  for (const row of task.rows as BacktestRow[]) {
    results.push(await evaluateRow(prepared, row, { policy: policy.ref, turnByTurn: task.turnByTurn, defaultNow: task.defaultNow }));
  }
  return results;
}
