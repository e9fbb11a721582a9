/**
 * Internal: a Piscina worker of the backtest pool. It prepares the policy once, from the
 * serialisable document and compiled rules in `workerData`, then evaluates chunks of rows.
 */
import { workerData } from 'node:worker_threads';
import { preparePolicy, type BacktestRowResult } from '@baton/rules';
import type { BacktestPolicy, ChunkTask } from './backtest-runner';
import { evaluateChunk } from './evaluate-chunk';

const policy = workerData as BacktestPolicy;
const prepared = preparePolicy(policy.document, policy.compiled);

/** The pool calls this with each task. */
export default function run(task: ChunkTask): Promise<BacktestRowResult[]> {
  return evaluateChunk(prepared, policy.ref, task);
}
