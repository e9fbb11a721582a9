/**
 * Runs a backtest: every row decided by `@baton/rules` `evaluateRow` (the `decideHandoff` code
 * path, as a dry run), on a Piscina pool of worker threads so every core works, then one report.
 * Results do not depend on the number of workers: rows are evaluated independently and the
 * report sorts them by line.
 */
import { setMaxListeners } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Piscina from 'piscina';
import { isLeaf, type PolicyDocument, type PolicyRef } from '@baton/schemas';
import { evaluateChunk } from './evaluate-chunk';
import { buildBacktestReport, preparePolicy, type BacktestReport, type BacktestRow, type BacktestRowResult, type CompiledPolicy } from '@baton/rules';

/** The policy a backtest runs: what a worker needs to prepare it, all serialisable. */
export interface BacktestPolicy {
  document: PolicyDocument;
  compiled: CompiledPolicy;
  /** Version 0 for a draft. */
  ref: PolicyRef;
}

/** One unit of work sent to a worker. */
export interface ChunkTask {
  rows: BacktestRow[];
  turnByTurn: boolean;
  defaultNow: Date;
}

export interface BacktestRunOptions {
  /** Worker threads; 0 evaluates in this thread. Default: one per core. */
  workers?: number;
  /** Evaluate after every customer message (see `evaluateRow`). */
  turnByTurn?: boolean;
  /** Called after each finished chunk with rows done and rows in all. */
  onProgress?: (done: number, total: number) => void;
  /** Cancels the run: pending chunks are dropped and the promise rejects with an AbortError. */
  signal?: AbortSignal;
  /** Clock for rows without `now` or message times (default: 2026-01-01T00:00:00Z, so reruns agree). */
  defaultNow?: Date;
}

/** Rows per task: big enough that messaging is cheap next to deciding (~1 ms a row). */
const CHUNK_ROWS = 100;
const DEFAULT_NOW = new Date('2026-01-01T00:00:00Z');

/**
 * The worker's compiled file. Tests run this module from `src/` through swc, where no compiled
 * worker sits beside it, so they use the build of `dist/` (`npm test` builds first).
 */
function workerFile(): string {
  const here = path.extname(__filename) === '.ts' ? __dirname.replace(`${path.sep}src${path.sep}`, `${path.sep}dist${path.sep}`) : __dirname;
  return path.join(here, 'backtest-worker.js');
}

function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

function abortError(): Error {
  return Object.assign(new Error('The backtest was cancelled.'), { name: 'AbortError' });
}

async function evaluateHere(policy: BacktestPolicy, chunks: ChunkTask[], progress: (rows: number) => void, signal?: AbortSignal): Promise<BacktestRowResult[]> {
  const prepared = preparePolicy(policy.document, policy.compiled);
  const results: BacktestRowResult[] = [];
  for (const chunk of chunks) {
    if (signal?.aborted) throw abortError();
    results.push(...(await evaluateChunk(prepared, policy.ref, chunk)));
    progress(chunk.rows.length);
  }
  return results;
}

async function evaluateInPool(
  policy: BacktestPolicy,
  chunks: ChunkTask[],
  workers: number,
  progress: (rows: number) => void,
  signal?: AbortSignal,
): Promise<BacktestRowResult[]> {
  const pool = new Piscina({ filename: workerFile(), workerData: policy, minThreads: workers, maxThreads: workers });
  // Every queued task listens for the abort: one local signal per run, allowed that many listeners, relays the caller's.
  const cancel = new AbortController();
  setMaxListeners(chunks.length + 1, cancel.signal);
  const relay = () => cancel.abort();
  signal?.addEventListener('abort', relay, { once: true });
  try {
    const parts = await Promise.all(
      chunks.map(async (chunk) => {
        const results = (await pool.run(chunk, { signal: cancel.signal })) as BacktestRowResult[];
        progress(chunk.rows.length);
        return results;
      }),
    );
    return parts.flat();
  } catch (error) {
    if (signal?.aborted) throw abortError();
    throw error;
  } finally {
    signal?.removeEventListener('abort', relay);
    await pool.destroy();
  }
}

/**
 * Evaluates `rows` under `policy`, one result per row in line order.
 * @throws AbortError when `options.signal` aborts; whatever a decision throws (a compiler bug)
 */
export async function evaluateRows(policy: BacktestPolicy, rows: readonly BacktestRow[], options: BacktestRunOptions = {}): Promise<BacktestRowResult[]> {
  const turnByTurn = options.turnByTurn ?? false;
  const defaultNow = options.defaultNow ?? DEFAULT_NOW;
  const chunks = chunksOf(rows, CHUNK_ROWS).map((chunk): ChunkTask => ({ rows: chunk, turnByTurn, defaultNow }));
  // Starting threads costs more than a single chunk takes.
  const workers = chunks.length > 1 ? Math.min(options.workers ?? os.availableParallelism(), chunks.length) : 0;
  let done = 0;
  const progress = (count: number) => {
    done += count;
    options.onProgress?.(done, rows.length);
  };
  if (options.signal?.aborted) throw abortError();
  const results =
    workers > 0 ? await evaluateInPool(policy, chunks, workers, progress, options.signal) : await evaluateHere(policy, chunks, progress, options.signal);
  return results.sort((a, b) => a.line - b.line);
}

/** The report of `results` under `policy`, whose leaves say which expected reasons it can meet. */
export function reportOf(policy: BacktestPolicy, results: readonly BacktestRowResult[], seconds: number, turnByTurn: boolean): BacktestReport {
  const reasonCodes = new Set(policy.document.graph.nodes.filter(isLeaf).map((node) => node.data.reasonCode));
  return buildBacktestReport(results, { reasonCodes, seconds, turnByTurn });
}

/**
 * Evaluates `rows` under `policy` and reports.
 * @throws AbortError when `options.signal` aborts; whatever a decision throws (a compiler bug)
 */
export async function runBacktest(policy: BacktestPolicy, rows: readonly BacktestRow[], options: BacktestRunOptions = {}): Promise<BacktestReport> {
  const started = performance.now();
  const results = await evaluateRows(policy, rows, options);
  return reportOf(policy, results, (performance.now() - started) / 1000, options.turnByTurn ?? false);
}
