/**
 * Internal (tests only): backtest records as an import and a run make them: rows parsed from
 * JSONL by the dataset parser (dates as Date objects), datasets, and finished runs carrying the
 * report the runner builds for the reference policy, so stores are tested with real shapes.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BacktestRow } from '@baton/rules';
import { DEFAULT_DATASET_LIMITS, DEFAULT_LIMITS } from '../config';
import { seedBacktestPolicy } from '../features/backtest/backtest-policy';
import { runBacktest } from '../features/backtest/backtest-runner';
import type { BacktestRunRecord, DatasetRecord, StoredBacktestReport } from '../features/backtest/backtest-store';
import { parseDataset } from '../features/backtest/parse-dataset';

const parse = (text: string, fileName: string): BacktestRow[] =>
  parseDataset(Buffer.from(text), { fileName, limits: DEFAULT_DATASET_LIMITS, requestLimits: DEFAULT_LIMITS }).rows;

const CONVERSATIONS = [
  {
    id: 'c1',
    input: {
      channel: 'chat',
      customer: { id: 'cus-77', tier: 'pro', language: 'en' },
      messages: [
        { speaker: 'CUSTOMER', text: 'I was charged twice for order 1234 this month.', at: '2026-11-21T09:00:00Z' },
        { speaker: 'BOT', text: 'Here is the list of your invoices.', at: '2026-11-21T09:00:05Z', confidence: 0.82 },
      ],
      now: '2026-11-21T09:01:12Z',
    },
    expected: { reasonCode: 'billing_dispute' },
  },
  { id: 'c2', input: { messages: [{ speaker: 'CUSTOMER', text: 'What are your opening hours?' }] }, expected: { action: 'STAY' } },
  { id: 'c3', input: { messages: [{ speaker: 'CUSTOMER', text: 'hello there' }] } },
];

/** Three conversations: `c1` with timed messages, `now` and an expected reason; `c2` expected to stay, untimed; `c3` without an expectation. */
export function conversationRows(): BacktestRow[] {
  return parse(CONVERSATIONS.map((line) => JSON.stringify(line)).join('\n'), 'conversations.jsonl');
}

/** The ten labelled messages of `features/backtest/fixtures/hand-worked.jsonl`, `m1` to `m10`. */
export function messageRows(): BacktestRow[] {
  return parse(fs.readFileSync(path.join(__dirname, '..', 'features', 'backtest', 'fixtures', 'hand-worked.jsonl'), 'utf8'), 'hand-worked.jsonl');
}

/** A dataset record of `conversationRows()`, imported by `bk_admin0001`. */
export function datasetRecord(id: string, extra: Partial<DatasetRecord> = {}): DatasetRecord {
  return {
    id,
    name: `Dataset ${id}`,
    format: 'conversations',
    source: 'conversations.jsonl',
    rows: 3,
    expectations: { billing_dispute: 1, none: 1 },
    redactions: 2,
    warnings: ['1 row has no expectation'],
    createdAt: new Date('2026-03-01T09:00:00.000Z'),
    createdBy: 'bk_admin0001',
    ...extra,
  };
}

/** The reference policy's report on `messageRows()` as a run stores it (misses and their counts). */
export async function storedReport(): Promise<StoredBacktestReport> {
  const report = await runBacktest(seedBacktestPolicy(), messageRows(), { workers: 0 });
  return { ...report, falseNegativeCount: report.falseNegatives.length, falsePositiveCount: report.falsePositives.length };
}

/** A run of the reference policy that succeeded with `report` and was compared with version 1. */
export function runRecord(id: string, report: StoredBacktestReport | null, extra: Partial<BacktestRunRecord> = {}): BacktestRunRecord {
  const { ref } = seedBacktestPolicy();
  return {
    id,
    datasetId: 'ds-messages',
    datasetName: 'Hand-worked messages',
    policyId: ref.id,
    version: 2,
    contentHash: ref.contentHash,
    turnByTurn: false,
    status: 'succeeded',
    done: 10,
    total: 10,
    startedAt: new Date('2026-03-02T10:00:00.000Z'),
    finishedAt: new Date('2026-03-02T10:00:01.250Z'),
    startedBy: 'bk_admin0001',
    error: null,
    report,
    comparison: {
      version: 1,
      contentHash: ref.contentHash,
      changed: 1,
      byChange: { 'none → customer_request': 1 },
      changes: [
        { id: 'm9', line: 9, before: 'none', after: 'customer_request', expected: 'none', customerTexts: ['I want to speak to a real person right now'] },
      ],
    },
    gateFailures: null,
    ...extra,
  };
}
