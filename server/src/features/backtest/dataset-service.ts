/**
 * Datasets: import a file (validated line by line, redacted, all or nothing), build one from the
 * decision log, list, read, delete. Stored through the backtest store; every change audited.
 */
import { randomUUID } from 'node:crypto';
import { expectationKey, type BacktestExpectation, type BacktestRow } from '@baton/rules';
import { badInput } from '../../baton-error';
import type { DatasetLimits, RequestLimits } from '../../config';
import type { Actor } from '../audit/audit-event';
import type { DecisionLogStore, DecisionPosition, StoredDecision } from '../decisions/decision-log-store';
import type { BacktestStore, DatasetFormat, DatasetRecord } from './backtest-store';
import { coerceDecideInput } from './coerce-decide-input';
import { DatasetError, describeProblem } from './dataset-problems';
import { parseDataset } from './parse-dataset';
import { redactRows } from './redact-rows';

export interface DatasetServiceDeps {
  store: BacktestStore;
  decisionLog: Pick<DecisionLogStore, 'queryDecisions'>;
  /** Writes the decisions still queued, so a dataset built now includes them. */
  flushDecisionLog: () => Promise<void>;
  limits: RequestLimits;
  datasetLimits: DatasetLimits;
  clock?: () => Date;
}

/** A file to import. */
export interface DatasetFile {
  name: string;
  fileName: string;
  bytes: Uint8Array;
}

/** Which logged decisions become a dataset. */
export interface DecisionSelection {
  name: string;
  /** 1..366. */
  days: number;
  policyId?: string | null;
  /** A primary reason code, or `none` for decisions that stayed. */
  reasonCode?: string | null;
  channel?: string | null;
  /** Keep each decision's outcome as the row's expectation (default true). */
  expectRecordedOutcome?: boolean | null;
}

const NAME_MAX = 200;
const MAX_DAYS = 366;
const DAY_MS = 24 * 60 * 60 * 1000;
const PAGE = 500;

function requireName(name: string): string {
  const text = name.trim();
  if (text === '') throw badInput('The dataset name is empty; give it a name people recognise.', { field: 'name' });
  if (text.length > NAME_MAX) throw badInput(`The dataset name has ${text.length} characters; the limit is ${NAME_MAX}.`, { field: 'name' });
  return text;
}

function expectationsOf(rows: readonly BacktestRow[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) {
    const key = expectationKey(row.expected);
    if (key !== null) counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** The format a parsed file had, as stored. */
const FORMATS: Record<string, DatasetFormat> = { conversations: 'conversations', messages: 'messages', csv: 'csv' };

export class DatasetService {
  private readonly clock: () => Date;

  constructor(private readonly deps: DatasetServiceDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  list(): Promise<DatasetRecord[]> {
    return this.deps.store.listDatasets();
  }

  get(id: string): Promise<DatasetRecord | null> {
    return this.deps.store.findDataset(id);
  }

  row(datasetId: string, rowId: string): Promise<BacktestRow | null> {
    return this.deps.store.datasetRow(datasetId, rowId);
  }

  /**
   * Parses, redacts and stores a dataset file.
   * @throws BAD_USER_INPUT with `problems` (`{ line, message }[]`, line 0 for the whole file) when
   *   any line is bad, the name is empty, or the file is over the limits; nothing is stored then.
   */
  async import(file: DatasetFile, actor: Actor): Promise<DatasetRecord> {
    const name = requireName(file.name);
    let parsed;
    try {
      parsed = parseDataset(file.bytes, { fileName: file.fileName, limits: this.deps.datasetLimits, requestLimits: this.deps.limits });
    } catch (error) {
      if (!(error instanceof DatasetError)) throw error;
      const shown = error.problems.slice(0, 3).map(describeProblem).join('; ');
      const more = error.problems.length > 3 ? ` (and ${error.problems.length - 3} more in extensions.problems)` : '';
      throw badInput(`${file.fileName} cannot be imported, nothing was stored: ${shown}${more}. Fix the file and import it again.`, {
        problems: error.problems,
      });
    }
    return this.store(name, FORMATS[parsed.format] ?? 'conversations', file.fileName, parsed.rows, [], actor);
  }

  /**
   * Turns the decisions of the last `days` days into a dataset: one row per conversation, its
   * latest decision's input (already redacted by the decision log), expecting what was decided
   * unless `expectRecordedOutcome` is false.
   * @throws BAD_USER_INPUT (days out of range, empty name, no decision matches)
   */
  async fromDecisions(selection: DecisionSelection, actor: Actor): Promise<DatasetRecord> {
    const name = requireName(selection.name);
    if (!Number.isInteger(selection.days) || selection.days < 1 || selection.days > MAX_DAYS) {
      throw badInput(`days must be a whole number from 1 to ${MAX_DAYS}; got ${selection.days}.`, { field: 'days' });
    }
    const now = this.clock();
    const from = new Date(now.getTime() - selection.days * DAY_MS);
    const stayed = selection.reasonCode === 'none';
    const filter = {
      from,
      ...(selection.policyId ? { policyId: selection.policyId } : {}),
      ...(stayed ? { action: 'STAY' as const } : selection.reasonCode ? { reasonCode: selection.reasonCode } : {}),
    };
    await this.deps.flushDecisionLog();
    const rows: BacktestRow[] = [];
    const seen = new Set<string>();
    const skipped: string[] = [];
    let after: DecisionPosition | undefined;
    for (;;) {
      const page = await this.deps.decisionLog.queryDecisions({ filter, first: PAGE, ...(after ? { after } : {}) });
      for (const decision of page.decisions) {
        // Newest first, so the first decision seen of a conversation is its latest: the whole conversation so far.
        if (seen.has(decision.conversationId) || (selection.channel && decision.input.channel !== selection.channel)) continue;
        seen.add(decision.conversationId);
        const row = this.rowOf(decision, rows.length + 1, selection.expectRecordedOutcome ?? true);
        if ('problem' in row) skipped.push(row.problem);
        else rows.push(row);
      }
      const last = page.decisions.at(-1);
      if (!page.hasNextPage || !last || rows.length >= this.deps.datasetLimits.maxRows) break;
      after = { evaluatedAt: last.evaluatedAt, decisionId: last.decisionId };
    }
    const kept = rows.slice(0, this.deps.datasetLimits.maxRows);
    if (kept.length === 0) throw badInput(`No logged decision matches (${this.describe(selection)}); widen the filter or the number of days.`);
    const warnings = skipped.slice(0, 20);
    if (rows.length > kept.length) warnings.push(`Only the newest ${kept.length} conversations were kept (BATON_BACKTEST_MAX_ROWS).`);
    return this.store(name, 'decision_log', this.describe(selection), kept, warnings, actor);
  }

  /**
   * Stores logged decisions as a dataset, one row per decision (its input as the log stored it,
   * already redacted), each expecting what its item says: e.g. agents' feedback on handoffs.
   * Decisions the request limits refuse are skipped with a warning; only the first
   * `BATON_BACKTEST_MAX_ROWS` are kept.
   * @param source what the rows are, shown as the dataset's source
   * @throws BAD_USER_INPUT (empty name, no usable decision)
   */
  async fromLoggedDecisions(
    name: string,
    source: string,
    items: readonly { decision: StoredDecision; expected: BacktestExpectation | null }[],
    actor: Actor,
  ): Promise<DatasetRecord> {
    const datasetName = requireName(name);
    const rows: BacktestRow[] = [];
    const skipped: string[] = [];
    for (const { decision, expected } of items.slice(0, this.deps.datasetLimits.maxRows)) {
      const coerced = coerceDecideInput(decision.input, this.deps.limits);
      if ('problems' in coerced) skipped.push(`Decision ${decision.decisionId} was skipped: ${coerced.problems[0]}`);
      else rows.push({ id: decision.conversationId, line: rows.length + 1, input: coerced.input, expected });
    }
    if (rows.length === 0) throw badInput(`No logged decision can become a row (${source}); nothing was stored.`);
    const warnings = skipped.slice(0, 20);
    if (items.length > this.deps.datasetLimits.maxRows)
      warnings.push(`Only the first ${this.deps.datasetLimits.maxRows} conversations were kept (BATON_BACKTEST_MAX_ROWS).`);
    return this.store(datasetName, 'decision_log', source, rows, warnings, actor);
  }

  /** @throws NOT_FOUND; CONFLICT while a publish gate names it */
  remove(id: string, actor: Actor): Promise<DatasetRecord> {
    return this.deps.store.removeDataset(id, this.clock(), actor);
  }

  private rowOf(decision: StoredDecision, line: number, expectOutcome: boolean): BacktestRow | { problem: string } {
    const coerced = coerceDecideInput(decision.input, this.deps.limits);
    if ('problems' in coerced) return { problem: `Decision ${decision.decisionId} was skipped: ${coerced.problems[0]}` };
    const { outcome } = decision;
    const expected = expectOutcome
      ? outcome.action === 'STAY'
        ? { action: 'STAY' as const }
        : { action: outcome.action, reasonCode: outcome.reasonCode ?? undefined }
      : null;
    return { id: decision.conversationId, line, input: coerced.input, expected };
  }

  private describe(selection: DecisionSelection): string {
    const parts = [`decisions of the last ${selection.days} day${selection.days === 1 ? '' : 's'}`];
    if (selection.policyId) parts.push(`policy ${selection.policyId}`);
    if (selection.reasonCode) parts.push(`reason ${selection.reasonCode}`);
    if (selection.channel) parts.push(`channel ${selection.channel}`);
    return parts.join(', ');
  }

  private async store(
    name: string,
    format: DatasetFormat,
    source: string,
    parsedRows: BacktestRow[],
    warnings: string[],
    actor: Actor,
  ): Promise<DatasetRecord> {
    const { rows, redactions } = redactRows(parsedRows);
    const dataset: DatasetRecord = {
      id: randomUUID(),
      name,
      format,
      source,
      rows: rows.length,
      expectations: expectationsOf(rows),
      redactions,
      warnings,
      createdAt: this.clock(),
      createdBy: actor.keyId,
    };
    await this.deps.store.insertDataset(dataset, rows, actor);
    return dataset;
  }
}
