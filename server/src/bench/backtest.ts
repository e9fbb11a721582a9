/**
 * Internal (`npm run bench`): backtest throughput on synthetic datasets, against issue 12's bars
 * (10,000 one-message rows in under 20 s; 1,000 ten-turn conversations turn by turn in under
 * 30 s, on a 2-core machine). Rows are built from a few sentences written for this benchmark
 * (none from `shared/eval`), varied by a number so no two rows are equal.
 */
import { performance } from 'node:perf_hooks';
import type { BacktestRow } from '@baton/rules';
import type { DecideHandoffInput, MessageInput } from '@baton/schemas';
import { seedBacktestPolicy } from '../features/backtest/backtest-policy';
import { runBacktest } from '../features/backtest/backtest-runner';

const SENTENCES = [
  'where is my parcel number {n}, it was due yesterday',
  'how do I change the delivery address for order {n}',
  'somebody made a payment of {n} euros that was not me',
  'I was charged twice for order {n}, please refund one',
  'please close my account, I have had enough after {n} days',
  'can I talk to a real person about ticket {n}',
  'the app keeps crashing when I open invoice {n}',
  'thanks, that solved it for order {n}',
];

const BOT_REPLY = 'I can help with that. Could you tell me a little more?';

function sentence(i: number): string {
  return (SENTENCES[i % SENTENCES.length] as string).replace('{n}', String(1000 + i));
}

/** `count` rows of one customer message each. */
export function oneMessageRows(count: number): BacktestRow[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `m${i}`,
    line: i + 1,
    input: { conversationId: `m${i}`, customer: { id: `c${i}`, language: 'en' }, messages: [{ speaker: 'CUSTOMER', text: sentence(i) }] } as DecideHandoffInput,
  }));
}

/** `count` conversations of `turns` customer messages, each answered by the bot. */
export function conversationRows(count: number, turns: number): BacktestRow[] {
  return Array.from({ length: count }, (_, i) => {
    const messages: MessageInput[] = [];
    for (let turn = 0; turn < turns; turn += 1) {
      messages.push({ speaker: 'CUSTOMER', text: sentence(i * turns + turn) });
      messages.push({ speaker: 'BOT', text: BOT_REPLY, confidence: 0.9 });
    }
    return { id: `t${i}`, line: i + 1, input: { conversationId: `t${i}`, customer: { id: `c${i}`, language: 'en' }, messages } as DecideHandoffInput };
  });
}

export interface BacktestBench {
  name: string;
  rows: number;
  seconds: number;
  /** The bar, seconds. */
  target: number;
}

/** Both runs on a pool of one worker per core. */
export async function benchBacktest(): Promise<BacktestBench[]> {
  const policy = seedBacktestPolicy();
  const timed = async (name: string, rows: BacktestRow[], turnByTurn: boolean, target: number): Promise<BacktestBench> => {
    const started = performance.now();
    await runBacktest(policy, rows, { turnByTurn });
    return { name, rows: rows.length, seconds: (performance.now() - started) / 1000, target };
  };
  return [
    await timed('10,000 one-message rows', oneMessageRows(10_000), false, 20),
    await timed('1,000 ten-turn conversations, turn by turn', conversationRows(1_000, 10), true, 30),
  ];
}
