/** Internal: one chunk of rows decided in order, by a worker thread or, for small runs, in the caller's thread. */
import { evaluateRow, type BacktestRowResult, type PreparedPolicy } from '@baton/rules';
import type { PolicyRef } from '@baton/schemas';
import type { ChunkTask } from './backtest-runner';

export async function evaluateChunk(prepared: PreparedPolicy, policy: PolicyRef, task: ChunkTask): Promise<BacktestRowResult[]> {
  const results: BacktestRowResult[] = [];
  for (const row of task.rows) results.push(await evaluateRow(prepared, row, { policy, turnByTurn: task.turnByTurn, defaultNow: task.defaultNow }));
  return results;
}
