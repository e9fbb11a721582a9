import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_DATASET_LIMITS, DEFAULT_LIMITS } from '../../config';
import { seedBacktestPolicy } from './backtest-policy';
import { runBacktest } from './backtest-runner';
import { parseDataset } from './parse-dataset';

const fixture = fs.readFileSync(path.join(__dirname, 'fixtures', 'hand-worked.jsonl'));
const parse = (bytes: Uint8Array, fileName = 'rows.jsonl') =>
  parseDataset(bytes, { fileName, limits: DEFAULT_DATASET_LIMITS, requestLimits: DEFAULT_LIMITS }).rows;
const policy = seedBacktestPolicy();

/** The fixture `times` over, ids made unique: the figures scale by `times`. */
function repeated(times: number): Buffer {
  const lines = fixture.toString('utf8').trim().split('\n');
  const out: string[] = [];
  for (let i = 0; i < times; i += 1) {
    for (const line of lines) {
      const row = JSON.parse(line) as { id: string };
      out.push(JSON.stringify({ ...row, id: `${row.id}-${i}` }));
    }
  }
  return Buffer.from(out.join('\n'));
}

const withoutTiming = <T extends { seconds: number }>(report: T) => ({ ...report, seconds: 0 });

describe('runBacktest on the reference policy', () => {
  it('gives the figures worked out by hand for the ten-row fixture', async () => {
    const report = await runBacktest(policy, parse(fixture));
    expect(report.rows).toBe(10);
    // m1–m4, m7 hand off as labelled; m9 (labelled none) asks for a person.
    expect(report.handoffs).toBe(6);
    expect(report.handoffRate).toBeCloseTo(0.6);
    expect(report.byReason).toEqual({ billing_dispute: 2, cancellation: 1, customer_request: 2, security_incident: 1, none: 4 });
    expect(report.byExpected).toEqual({
      billing_dispute: { total: 3, matched: 2, recall: 2 / 3 },
      cancellation: { total: 1, matched: 1, recall: 1 },
      customer_request: { total: 1, matched: 1, recall: 1 },
      legal_threat: { total: 1, matched: 0, recall: 0 },
      security_incident: { total: 1, matched: 1, recall: 1 },
      none: { total: 3, matched: 2, recall: 2 / 3 },
    });
    // 5 of the 7 rows expecting an escalation got it; 1 of 3 "none" rows was handed off.
    expect(report.recall).toBeCloseTo(5 / 7);
    expect(report.falsePositiveRate).toBeCloseTo(1 / 3);
    expect(report.precision.customer_request).toEqual({ got: 2, correct: 1, precision: 0.5 });
    expect(report.precision.billing_dispute).toEqual({ got: 2, correct: 2, precision: 1 });
    expect(report.confusion.billing_dispute).toEqual({ billing_dispute: 2, none: 1 });
    expect(report.confusion.none).toEqual({ customer_request: 1, none: 2 });
    expect(report.falseNegatives.map((miss) => [miss.id, miss.expected, miss.got])).toEqual([
      ['m8', 'billing_dispute', 'none'],
      ['m10', 'legal_threat', 'none'],
    ]);
    const [falsePositive] = report.falsePositives;
    expect(falsePositive).toMatchObject({
      id: 'm9',
      line: 9,
      expected: 'none',
      got: 'customer_request',
      customerTexts: ['I want to speak to a real person right now'],
    });
    expect(falsePositive?.reasons[0]?.code).toBe('customer_request');
    expect(falsePositive?.path[0]).toBe('start');
    expect(falsePositive?.path[falsePositive.path.length - 1]).toBe(falsePositive?.reasons[0]?.nodeId);
    expect(report.warnings).toEqual([expect.stringContaining('"legal_threat" has no leaf in this policy')]);
    expect(report.warnings[0]).toContain('line 10');
  });

  it('reports the same figures with one worker thread and with a pool of two', async () => {
    const rows = parse(repeated(25));
    const progress: number[] = [];
    const one = await runBacktest(policy, rows, { workers: 1 });
    const pool = await runBacktest(policy, rows, { workers: 2, onProgress: (done) => progress.push(done) });
    expect(withoutTiming(pool)).toEqual(withoutTiming(one));
    expect(pool.rows).toBe(250);
    expect(pool.byExpected.billing_dispute).toEqual({ total: 75, matched: 50, recall: 2 / 3 });
    expect(pool.falsePositives).toHaveLength(25);
    expect(progress[progress.length - 1]).toBe(250);
    expect(progress).toHaveLength(3);
  });

  it('is cancelled by its signal', async () => {
    const controller = new AbortController();
    const run = runBacktest(policy, parse(repeated(40)), { workers: 1, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('decides turn by turn and records the first customer turn that hands off', async () => {
    const conversation = (id: string, texts: string[]) =>
      JSON.stringify({
        id,
        input: {
          customer: { id: 'c1', language: 'en' },
          messages: texts.flatMap((text, i) => [
            { speaker: 'CUSTOMER', text, at: `2026-05-01T10:0${i}:00Z` },
            { speaker: 'BOT', text: 'Let me check that for you.', at: `2026-05-01T10:0${i}:30Z`, confidence: 0.95 },
          ]),
        },
        expected: { action: 'HANDOFF', reasonCode: 'customer_request' },
      });
    const bytes = Buffer.from(
      [
        conversation('late', ['Where is my parcel?', 'It still has not arrived', 'Let me talk to a human please', 'hello?']),
        conversation('never', ['Where is my parcel?', 'Thanks, found it']),
      ].join('\n'),
    );
    const report = await runBacktest(policy, parse(bytes), { turnByTurn: true });
    expect(report.handoffTurns).toEqual({ 3: 1 });
    expect(report.byExpected.customer_request).toEqual({ total: 2, matched: 1, recall: 0.5 });
    expect(report.falseNegatives[0]).toMatchObject({ id: 'never', got: 'none', handoffTurn: null });
    // Whole conversations: the last message decides, and the request two turns earlier still counts.
    const whole = await runBacktest(policy, parse(bytes));
    expect(whole.handoffTurns).toEqual({});
    expect(whole.byExpected.customer_request?.matched).toBe(1);
  });
});
