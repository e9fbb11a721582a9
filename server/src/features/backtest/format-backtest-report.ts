/**
 * The backtest report as text for a terminal or a CI log: outcomes, recall per expected reason,
 * false positives, precision, the confusion matrix, how labelled sentiment reads, the first
 * misses with their evidence, and warnings. Figures are the report's; this only lays them out.
 */
import { STAY_KEY, type BacktestMiss, type BacktestReport, type SentimentCount } from '@baton/rules';
import type { PolicyRef } from '@baton/schemas';

const count = (n: number): string => n.toLocaleString('en-US');
const percent = (value: number | null): string => (value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`);
const MAX_TEXT = 140;

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT - 1)}…` : flat;
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => `  ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ')}`.trimEnd();
  return [line(header), ...rows.map(line)];
}

function missLines(title: string, misses: readonly BacktestMiss[], show: number): string[] {
  if (misses.length === 0) return [];
  if (show === 0) return ['', `${title}: ${count(misses.length)} (list them with --show N or --json)`];
  const lines = [``, `${title} (${count(misses.length)}${misses.length > show ? `; the first ${show}` : ''}):`];
  for (const miss of misses.slice(0, show)) {
    const turn = miss.handoffTurn !== null ? ` at turn ${miss.handoffTurn}` : '';
    lines.push(`  line ${miss.line} [${miss.language}] ${miss.id}: expected ${miss.expected}, got ${miss.got}${turn}`);
    lines.push(`    "${clip(miss.customerTexts[miss.customerTexts.length - 1] ?? '')}"`);
    // A quote of the message says more than the fact's value ("topics = [...]").
    const evidence = miss.reasons[0]?.evidence.find((item) => item.includes('message')) ?? miss.reasons[0]?.evidence[0];
    if (evidence) lines.push(`    evidence: ${clip(evidence)}`);
  }
  return lines;
}

/** Describes what ran: `support-default v1 (2d8daf43)` or `support-default draft (…)`. */
export function describePolicy(ref: PolicyRef): string {
  return `${ref.id} ${ref.version === 0 ? 'draft' : `v${ref.version}`} (${ref.contentHash.slice(0, 8)})`;
}

/**
 * @param show how many false negatives and false positives to list
 */
export function formatBacktestReport(report: BacktestReport, options: { policy: PolicyRef; dataset: string; show: number }): string {
  const lines: string[] = [];
  const mode = report.turnByTurn ? ', turn by turn' : '';
  lines.push(`Backtest of ${describePolicy(options.policy)} on ${options.dataset}: ${count(report.rows)} rows in ${report.seconds.toFixed(1)} s${mode}`);
  lines.push('');
  lines.push(`Handoff rate: ${percent(report.handoffRate)} (${count(report.handoffs)} of ${count(report.rows)})`);
  lines.push(
    `  by outcome: ${Object.entries(report.byReason)
      .map(([key, n]) => `${key} ${count(n)}`)
      .join(' · ')}`,
  );
  const languages = Object.entries(report.byLanguage);
  if (languages.length > 1 || Object.keys(report.byChannel).length > 1) {
    lines.push(`  by language: ${languages.map(([key, slice]) => `${key} ${percent(slice.handoffs / slice.rows)} of ${count(slice.rows)}`).join(' · ')}`);
    lines.push(
      `  by channel: ${Object.entries(report.byChannel)
        .map(([key, slice]) => `${key} ${percent(slice.handoffs / slice.rows)} of ${count(slice.rows)}`)
        .join(' · ')}`,
    );
  }
  const turns = Object.entries(report.handoffTurns);
  if (turns.length > 0) lines.push(`  first handoff at customer turn: ${turns.map(([turn, n]) => `${turn}: ${count(n)}`).join(' · ')}`);
  if (report.expectedRows > 0) {
    lines.push('');
    const rows = Object.entries(report.byExpected).map(([key, c]) => [
      key,
      count(c.total),
      count(c.matched),
      key === STAY_KEY ? `${percent(c.recall)} stayed` : percent(c.recall),
    ]);
    lines.push(...table(['expected', 'rows', 'matched', 'recall'], rows));
    lines.push('');
    lines.push(`Recall over every expected escalation: ${percent(report.recall)}`);
    const stays = report.byExpected[STAY_KEY];
    lines.push(
      `False positives on "none" rows: ${percent(report.falsePositiveRate)}${stays ? ` (${count(stays.total - stays.matched)} of ${count(stays.total)})` : ''}`,
    );
    const precision = Object.entries(report.precision).filter(([key]) => key !== STAY_KEY);
    if (precision.length > 0)
      lines.push(`Precision per reason: ${precision.map(([key, c]) => `${key} ${percent(c.precision)} (${count(c.correct)} of ${count(c.got)})`).join(' · ')}`);
    const columns = [...new Set(Object.values(report.confusion).flatMap((row) => Object.keys(row)))].sort((a, b) =>
      a === STAY_KEY ? 1 : b === STAY_KEY ? -1 : a.localeCompare(b),
    );
    lines.push('');
    lines.push('Confusion (rows: expected, columns: got)');
    lines.push(
      ...table(
        ['', ...columns],
        Object.entries(report.confusion).map(([key, row]) => [key, ...columns.map((column) => count(row[column] ?? 0))]),
      ),
    );
  }
  if (report.sentiment) {
    const { threshold, byLanguage } = report.sentiment;
    lines.push('', `Sentiment: messages that read negative (latest customer message at or below ${threshold})`);
    const cell = (c: SentimentCount) => `${percent(c.total === 0 ? null : c.share)} (${count(c.negative)}/${count(c.total)})`;
    lines.push(
      ...table(
        ['language', 'negative', 'neutral', 'positive'],
        Object.entries(byLanguage).map(([language, c]) => [language, cell(c.negative), cell(c.neutral), cell(c.positive)]),
      ),
    );
  }
  lines.push(...missLines('False negatives', report.falseNegatives, options.show));
  lines.push(...missLines('False positives', report.falsePositives, options.show));
  if (report.warnings.length > 0) lines.push('', 'Warnings:', ...report.warnings.map((warning) => `  ${warning}`));
  return lines.join('\n');
}
