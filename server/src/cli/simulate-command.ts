/**
 * `npm run simulate`: the backtest on the command line, CI-friendly like `opa test`. Reads a
 * dataset file, runs a policy version or draft of the embedded store over it (or the reference
 * policy with `--seed`), prints the report, and exits 1 when a threshold fails. `simulate.ts`
 * runs it on the process; tests call it directly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { failedGates, type BacktestGates } from '@baton/rules';
import { isBatonError } from '../baton-error';
import { ConfigError, DEFAULT_DATASET_LIMITS, loadConfig } from '../config';
import { resolveBacktestPolicy, seedBacktestPolicy } from '../features/backtest/backtest-policy';
import { runBacktest, type BacktestPolicy } from '../features/backtest/backtest-runner';
import { DatasetError } from '../features/backtest/dataset-problems';
import { describePolicy, formatBacktestReport } from '../features/backtest/format-backtest-report';
import { parseDataset } from '../features/backtest/parse-dataset';
import { DATABASE_FILE } from '../store/sqlite/open-database';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store';

/** Exit codes, as `--help` lists them. */
export const SIMULATE_EXIT = { passed: 0, thresholdFailed: 1, usage: 2 } as const;

export const SIMULATE_HELP = `Usage: npm run simulate -- --data FILE [options]

Runs a policy over a dataset of past conversations, as decideHandoff would decide each (a dry
run: nothing is logged or reserved), and reports the handoff rate, outcomes per reason, language
and channel, and where rows carry expectations: recall per expected reason, false positives on
"none" rows, precision, the confusion matrix and the misses with their evidence.

  --data FILE                 the dataset: JSONL, one conversation per line
                              {"id", "input": {DecideHandoffInput fields}, "expected": {"action", "reasonCode", "queueId"}};
                              JSONL, one customer message per line
                              {"id", "lang", "text", "expected": "<reason code>" | "none"};
                              or CSV with columns conversation_id, speaker, text [, at, expected_reason, language, channel]
  --policy ID                 the policy (default: the default policy)
  --version N                 a published version (default: the active one)
  --draft                     the policy's saved draft instead of a version
  --seed                      the reference policy as a fresh store has it, without reading BATON_DATA_DIR
  --turn-by-turn              decide after every customer message, as a bot calling each turn
                              would, and keep the first handoff
  --json                      print one JSON object (the whole report) instead of text
  --min-recall R              fail when any expected reason, or all together, has recall below R (0..1)
  --max-false-positives R     fail when more than R (0..1) of the "none" rows are handed off
  --workers N                 worker threads (default: one per core)
  --show N                    misses listed in the text report (default 10)
  --help                      this text

The policy is read from the embedded store in BATON_DATA_DIR (default .baton; start the server
once with npm start to create it). Dataset limits: BATON_BACKTEST_MAX_ROWS (default 50,000) and
BATON_BACKTEST_MAX_BYTES (default 50 MiB). Relative paths are resolved against the directory the
command was started from. A progress bar is drawn on stderr when it is a terminal.

Exit codes: 0 done (and every threshold met); 1 a threshold failed; 2 bad arguments, an
unreadable or invalid dataset, or no such policy or version.`;

/** Where the command writes and reads its environment. */
export interface SimulateIo {
  out(text: string): void;
  err(text: string): void;
  /** Redraws the progress line; absent when stderr is no terminal. */
  progress?(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
}

interface SimulateArgs {
  data: string;
  policyId: string | null;
  version: number | null;
  draft: boolean;
  seed: boolean;
  turnByTurn: boolean;
  json: boolean;
  gates: BacktestGates;
  workers?: number;
  show: number;
}

class UsageError extends Error {}

function ratioOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0 || number > 1)
    throw new UsageError(`${name} must be a number from 0 to 1 (e.g. 0.9), got "${value}".`);
  return number;
}

function wholeOption(value: string | undefined, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) < min) throw new UsageError(`${name} must be a whole number of at least ${min}, got "${value}".`);
  return Number(value);
}

function parse(argv: readonly string[]): SimulateArgs | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        data: { type: 'string' },
        policy: { type: 'string' },
        version: { type: 'string' },
        draft: { type: 'boolean' },
        seed: { type: 'boolean' },
        'turn-by-turn': { type: 'boolean' },
        json: { type: 'boolean' },
        'min-recall': { type: 'string' },
        'max-false-positives': { type: 'string' },
        workers: { type: 'string' },
        show: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';
  if (!values.data) throw new UsageError('Give the dataset with --data FILE.');
  const version = wholeOption(values.version, '--version', 1) ?? null;
  if (values.draft && version !== null) throw new UsageError('Give --version or --draft, not both.');
  if (values.seed && (values.draft || values.policy)) throw new UsageError('--seed runs the reference policy; it cannot be combined with --policy or --draft.');
  return {
    data: values.data,
    policyId: values.policy ?? null,
    version,
    draft: values.draft ?? false,
    seed: values.seed ?? false,
    turnByTurn: values['turn-by-turn'] ?? false,
    json: values.json ?? false,
    gates: {
      minRecall: ratioOption(values['min-recall'], '--min-recall'),
      maxFalsePositiveRate: ratioOption(values['max-false-positives'], '--max-false-positives'),
    },
    workers: wholeOption(values.workers, '--workers', 0),
    show: wholeOption(values.show, '--show', 0) ?? 10,
  };
}

async function policyOf(args: SimulateArgs, dataDir: string): Promise<BacktestPolicy> {
  if (args.seed) {
    if (args.version !== null && args.version !== 1) throw new UsageError('--seed has version 1 only.');
    return seedBacktestPolicy();
  }
  if (!fs.existsSync(path.join(dataDir, DATABASE_FILE))) {
    throw new UsageError(
      `No Baton store in ${dataDir} (BATON_DATA_DIR). Start the server once (npm start) to create it, point BATON_DATA_DIR at yours, or pass --seed for the reference policy.`,
    );
  }
  const store = await openSqliteStore(dataDir);
  try {
    return await resolveBacktestPolicy(store.policies, { policyId: args.policyId, version: args.version, draft: args.draft });
  } finally {
    await store.close();
  }
}

function progressBar(done: number, total: number): string {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.floor((done / Math.max(total, 1)) * 100)}% ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} rows`;
}

/**
 * Runs the backtest the arguments describe and prints its report.
 * @returns the exit code (see `SIMULATE_EXIT`); never throws for bad input
 */
export async function runSimulateCommand(argv: readonly string[], io: SimulateIo): Promise<number> {
  try {
    const args = parse(argv);
    if (args === 'help') {
      io.out(SIMULATE_HELP);
      return SIMULATE_EXIT.passed;
    }
    const config = loadConfig(io.env, io.cwd);
    const file = path.resolve(io.cwd, args.data);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (error) {
      throw new UsageError(`Cannot read the dataset ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
    }
    const dataset = parseDataset(bytes, { fileName: file, limits: config.backtest ?? DEFAULT_DATASET_LIMITS, requestLimits: config.limits });
    const policy = await policyOf(args, config.dataDir);
    const report = await runBacktest(policy, dataset.rows, {
      workers: args.workers,
      turnByTurn: args.turnByTurn,
      onProgress: io.progress ? (done, total) => io.progress?.(progressBar(done, total)) : undefined,
    });
    const failures = failedGates(report, args.gates);
    if (args.json) {
      io.out(
        JSON.stringify({ policy: policy.ref, dataset: { file: path.basename(file), format: dataset.format }, ...report, gates: { ...args.gates, failures } }),
      );
    } else {
      io.out(formatBacktestReport(report, { policy: policy.ref, dataset: `${path.basename(file)} (${dataset.format})`, show: args.show }));
      if (args.gates.minRecall !== undefined || args.gates.maxFalsePositiveRate !== undefined) {
        io.out(failures.length === 0 ? '\nThresholds: passed.' : `\nThresholds failed:\n${failures.map((failure) => `  ${failure}`).join('\n')}`);
      }
    }
    if (failures.length > 0) io.err(`simulate: ${describePolicy(policy.ref)} failed ${failures.length} threshold${failures.length === 1 ? '' : 's'}.`);
    return failures.length === 0 ? SIMULATE_EXIT.passed : SIMULATE_EXIT.thresholdFailed;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || isBatonError(error)) {
      io.err(`simulate: ${error.message}`);
      if (error instanceof UsageError) io.err('Run with --help for the arguments.');
      return SIMULATE_EXIT.usage;
    }
    if (error instanceof DatasetError) {
      io.err(
        `simulate: the dataset cannot be used; nothing was evaluated:\n${error.message
          .split('\n')
          .map((line) => `  ${line}`)
          .join('\n')}`,
      );
      return SIMULATE_EXIT.usage;
    }
    throw error;
  }
}
