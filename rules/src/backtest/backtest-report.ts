/**
 * The backtest report: figures an ops lead reads before a policy change goes live, computed
 * from row results alone so one worker and a pool give the same report. Definitions follow the
 * usual classification terms: per expected reason, recall = rows that got exactly that reason /
 * rows expected to; per reason got, precision = rows expected to get it / rows that got it (over
 * rows with an expectation); false-positive rate = handoffs (or callbacks) / rows expected to
 * stay (`none`). Halo's pre-launch bar ("less than 10% false positives and zero false negatives",
 * seed 001) is what `--min-recall` and `--max-false-positives` gate.
 */
import { STAY_KEY, type BacktestMissDetail, type BacktestRowResult } from './backtest-types';
import { buildSentimentCheck, type SentimentCheck } from './sentiment-check';

/** Rows and handoffs (HANDOFF or CALLBACK) of one slice. */
export interface SliceCount {
  rows: number;
  handoffs: number;
}

/** Per expected key: rows expected, rows that got exactly it, and their ratio (0..1). */
export interface ExpectedCount {
  total: number;
  matched: number;
  recall: number;
}

/** Per reason got (among rows with an expectation): how many got it, how many were expected to, their ratio (0..1). */
export interface PrecisionCount {
  got: number;
  correct: number;
  precision: number;
}

/** A row whose expectation was missed. */
export interface BacktestMiss extends BacktestMissDetail {
  id: string;
  line: number;
  language: string;
  expected: string;
  got: string;
  /** Turn by turn: the customer turn of the first handoff. */
  handoffTurn: number | null;
}

export interface BacktestReport {
  /** Rows evaluated. */
  rows: number;
  /** Wall-clock duration of the run, seconds. */
  seconds: number;
  turnByTurn: boolean;
  /** Rows that got HANDOFF or CALLBACK, and that over `rows` (0..1). */
  handoffs: number;
  handoffRate: number;
  byAction: Record<string, number>;
  /** Rows per primary outcome: the reason code of the leaf reached, `none` for STAY. */
  byReason: Record<string, number>;
  byLanguage: Record<string, SliceCount>;
  /** Keyed by channel, `(none)` for rows without one. */
  byChannel: Record<string, SliceCount>;
  /** Rows that carry an expectation. */
  expectedRows: number;
  byExpected: Record<string, ExpectedCount>;
  /** Matched / total over rows expecting something other than `none`; null when there are none. */
  recall: number | null;
  /** Handoffs / total over `none` rows; null when there are none. */
  falsePositiveRate: number | null;
  precision: Record<string, PrecisionCount>;
  /** confusion[expected][got] = rows. */
  confusion: Record<string, Record<string, number>>;
  /** Rows expecting a reason (or an action) that they did not get, in file order. */
  falseNegatives: BacktestMiss[];
  /** `none` rows that were handed off, in file order. */
  falsePositives: BacktestMiss[];
  /** Turn by turn: rows per customer turn of the first handoff. */
  handoffTurns: Record<string, number>;
  /** Problems with the dataset that are not errors, e.g. an expected reason the policy has no leaf for. */
  warnings: string[];
  /** Rows labelled with a sentiment: how many of each label read negative; null without such rows. */
  sentiment: SentimentCheck | null;
}

const ratio = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

function bumpSlice(slices: Record<string, SliceCount>, key: string, handoff: boolean): void {
  const slice = (slices[key] ??= { rows: 0, handoffs: 0 });
  slice.rows += 1;
  if (handoff) slice.handoffs += 1;
}

/** Keys sorted for stable output: `none` last, the rest alphabetically. */
function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  const keys = Object.keys(record).sort((a, b) => (a === STAY_KEY ? 1 : b === STAY_KEY ? -1 : a.localeCompare(b)));
  return Object.fromEntries(keys.map((key) => [key, record[key] as T]));
}

function missOf(result: BacktestRowResult): BacktestMiss {
  const miss = result.miss ?? { customerTexts: [], reasons: [], path: [] };
  return {
    id: result.id,
    line: result.line,
    language: result.language,
    expected: result.expected ?? '',
    got: result.got,
    handoffTurn: result.handoffTurn,
    ...miss,
  };
}

const MAX_LINES_IN_WARNING = 5;

function unknownReasonWarnings(results: readonly BacktestRowResult[], reasonCodes: ReadonlySet<string>): string[] {
  const lines = new Map<string, number[]>();
  for (const result of results) {
    const key = result.expected;
    if (key === null || key === STAY_KEY || key.includes(':') || reasonCodes.has(key)) continue;
    lines.set(key, [...(lines.get(key) ?? []), result.line]);
  }
  return [...lines].map(([code, at]) => {
    const shown = at.slice(0, MAX_LINES_IN_WARNING).join(', ') + (at.length > MAX_LINES_IN_WARNING ? `, … (${at.length} rows)` : '');
    return `Expected reason "${code}" has no leaf in this policy, so its rows can never match (line ${shown}); add a leaf with that reason code or fix the label.`;
  });
}

/**
 * Aggregates row results (in any order; they are sorted by line first).
 * @param reasonCodes the reason codes of the policy's leaves, to warn about expectations it can never meet
 * @param seconds wall-clock duration of the run
 */
export function buildBacktestReport(
  results: readonly BacktestRowResult[],
  options: { reasonCodes: ReadonlySet<string>; seconds: number; turnByTurn: boolean },
): BacktestReport {
  const rows = [...results].sort((a, b) => a.line - b.line);
  const byAction: Record<string, number> = {};
  const byReason: Record<string, number> = {};
  const byLanguage: Record<string, SliceCount> = {};
  const byChannel: Record<string, SliceCount> = {};
  const byExpected: Record<string, ExpectedCount> = {};
  const precision: Record<string, PrecisionCount> = {};
  const confusion: Record<string, Record<string, number>> = {};
  const handoffTurns: Record<string, number> = {};
  const falseNegatives: BacktestMiss[] = [];
  const falsePositives: BacktestMiss[] = [];
  let handoffs = 0;
  let expectedRows = 0;
  for (const row of rows) {
    const handoff = row.action !== 'STAY';
    if (handoff) handoffs += 1;
    bump(byAction, row.action);
    bump(byReason, row.got);
    bumpSlice(byLanguage, row.language, handoff);
    bumpSlice(byChannel, row.channel ?? '(none)', handoff);
    if (row.handoffTurn !== null) bump(handoffTurns, String(row.handoffTurn));
    if (row.expected === null) continue;
    expectedRows += 1;
    const expected = (byExpected[row.expected] ??= { total: 0, matched: 0, recall: 0 });
    expected.total += 1;
    if (row.matched) expected.matched += 1;
    const got = (precision[row.got] ??= { got: 0, correct: 0, precision: 0 });
    got.got += 1;
    if (row.got === row.expected) got.correct += 1;
    bump((confusion[row.expected] ??= {}), row.got);
    if (row.matched) continue;
    if (row.expected === STAY_KEY) falsePositives.push(missOf(row));
    else falseNegatives.push(missOf(row));
  }
  for (const count of Object.values(byExpected)) count.recall = ratio(count.matched, count.total);
  for (const count of Object.values(precision)) count.precision = ratio(count.correct, count.got);
  const escalations = Object.entries(byExpected).filter(([key]) => key !== STAY_KEY);
  const escalationTotal = escalations.reduce((sum, [, count]) => sum + count.total, 0);
  const stays = byExpected[STAY_KEY];
  return {
    rows: rows.length,
    seconds: options.seconds,
    turnByTurn: options.turnByTurn,
    handoffs,
    handoffRate: ratio(handoffs, rows.length),
    byAction: sortedRecord(byAction),
    byReason: sortedRecord(byReason),
    byLanguage: sortedRecord(byLanguage),
    byChannel: sortedRecord(byChannel),
    expectedRows,
    byExpected: sortedRecord(byExpected),
    recall:
      escalationTotal === 0
        ? null
        : ratio(
            escalations.reduce((sum, [, count]) => sum + count.matched, 0),
            escalationTotal,
          ),
    falsePositiveRate: stays ? ratio(stays.total - stays.matched, stays.total) : null,
    precision: sortedRecord(precision),
    confusion: sortedRecord(Object.fromEntries(Object.entries(confusion).map(([key, row]) => [key, sortedRecord(row)]))),
    falseNegatives,
    falsePositives,
    handoffTurns,
    warnings: unknownReasonWarnings(rows, options.reasonCodes),
    sentiment: buildSentimentCheck(rows),
  };
}
