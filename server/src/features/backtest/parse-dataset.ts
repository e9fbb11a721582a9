/**
 * A backtest dataset file (JSONL conversations, JSONL messages or CSV; see `parse-jsonl.ts` and
 * `parse-csv.ts`) as rows, all or nothing: every line is checked, and any problem refuses the
 * whole file with the line of each problem.
 */
import type { BacktestRow } from '@baton/rules';
import type { DatasetLimits, RequestLimits } from '../../config';
import { DatasetError, ProblemList } from './dataset-problems';
import { parseCsvDataset } from './parse-csv';
import { jsonlFormatOf, parseJsonlLine, type JsonlFormat } from './parse-jsonl';
import { decodeUtf8, numberedLines } from './read-lines';

/** The three dataset formats. */
export type DatasetFormat = JsonlFormat | 'csv';

export interface ParsedDataset {
  format: DatasetFormat;
  rows: BacktestRow[];
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function firstJsonlFormat(first: string): JsonlFormat | 'csv' {
  try {
    return jsonlFormatOf(JSON.parse(first)) ?? 'csv';
  } catch {
    return 'csv';
  }
}

/**
 * Parses a dataset file. The format comes from the name (`.csv`) or else the first line (a JSON
 * object with `input` or `text`; anything else is read as CSV).
 * @throws DatasetError listing up to 20 problems, each with its line
 */
export function parseDataset(bytes: Uint8Array, options: { fileName: string; limits: DatasetLimits; requestLimits: RequestLimits }): ParsedDataset {
  const problems = new ProblemList();
  if (bytes.length > options.limits.maxBytes) {
    problems.add(
      0,
      `The file is ${megabytes(bytes.length)}; the limit is ${megabytes(options.limits.maxBytes)} (BATON_BACKTEST_MAX_BYTES). Split it into smaller datasets.`,
    );
    problems.throwIfAny();
  }
  const text = decodeUtf8(bytes, problems);
  problems.throwIfAny();
  const lines = numberedLines(text ?? '');
  if (lines.length === 0) throw new DatasetError([{ line: 0, message: 'The file is empty; give one conversation or message per line.' }]);
  const format: DatasetFormat = /\.csv$/i.test(options.fileName) ? 'csv' : firstJsonlFormat(lines[0]?.text ?? '');
  let rows: BacktestRow[] = [];
  if (format === 'csv') {
    rows = parseCsvDataset(text ?? '', options.requestLimits, problems) ?? [];
  } else {
    for (const { line, text: lineText } of lines) {
      if (problems.full) break;
      const row = parseJsonlLine(lineText, line, format, options.requestLimits, problems);
      if (row) rows.push(row);
    }
  }
  const seen = new Map<string, number>();
  for (const row of rows) {
    const earlier = seen.get(row.id);
    if (earlier !== undefined) problems.add(row.line, `id "${row.id}" was already used on line ${earlier}; ids must be unique in a dataset.`);
    seen.set(row.id, row.line);
  }
  if (rows.length > options.limits.maxRows) {
    problems.add(
      0,
      `The file holds ${rows.length} conversations; the limit is ${options.limits.maxRows} (BATON_BACKTEST_MAX_ROWS). Split it into smaller datasets.`,
    );
  }
  problems.throwIfAny();
  return { format, rows };
}
