/**
 * One backtest row through the same `decideForLog` as `decideHandoff` (a dry run: nothing is
 * logged or reserved), either on the whole conversation or turn by turn, as a bot that calls
 * after every customer message and stops at the first handoff.
 */
import type { DecideHandoffInput, HandoffDecision, PolicyRef } from '@baton/schemas';
import { decideForLog } from '../decide/decide';
import type { PreparedPolicy } from '../decide/prepare-policy';
import { expectationKey, STAY_KEY, type BacktestExpectation, type BacktestRow, type BacktestRowResult } from './backtest-types';

export interface EvaluateRowOptions {
  policy: PolicyRef;
  /** Evaluate after every customer message and keep the first handoff. */
  turnByTurn: boolean;
  /** Clock for rows whose input has neither `now` nor message times, so reruns agree. */
  defaultNow: Date;
}

function matches(expected: BacktestExpectation, decision: HandoffDecision): boolean {
  if (expected.action && expected.action !== decision.action) return false;
  if (expected.reasonCode && expected.reasonCode !== decision.reasonCode) return false;
  if (expected.queueId && expected.queueId !== decision.routing?.queueId) return false;
  return true;
}

/** The evaluation clock of `input`: its `now`, else its last message time, else the default. */
function clockOf(input: DecideHandoffInput, defaultNow: Date): Date {
  if (input.now) return input.now;
  for (let i = input.messages.length - 1; i >= 0; i -= 1) {
    const at = input.messages[i]?.at;
    if (at) return at;
  }
  return defaultNow;
}

/** The conversation as the bot saw it after each customer message (the whole input when it has no customer message). */
function turnsOf(input: DecideHandoffInput): DecideHandoffInput[] {
  const turns: DecideHandoffInput[] = [];
  input.messages.forEach((message, i) => {
    if (message.speaker !== 'CUSTOMER') return;
    const messages = input.messages.slice(0, i + 1);
    // A later `now` would count elapsed time the bot had not seen yet.
    turns.push({ ...input, messages, now: message.at ?? (i === input.messages.length - 1 ? input.now : null) });
  });
  return turns.length > 0 ? turns : [input];
}

/**
 * Decides `row` under `prepared` and compares the decision with the row's expectation.
 * @throws whatever `decide` throws (an invariant error means a compiler bug)
 */
export async function evaluateRow(prepared: PreparedPolicy, row: BacktestRow, options: EvaluateRowOptions): Promise<BacktestRowResult> {
  const inputs = options.turnByTurn ? turnsOf(row.input) : [row.input];
  let outcome: Awaited<ReturnType<typeof decideForLog>> | undefined;
  let handoffTurn: number | null = null;
  let turns = 0;
  for (const input of inputs) {
    turns += 1;
    outcome = await decideForLog(
      prepared,
      { ...input, dryRun: true },
      { now: clockOf(input, options.defaultNow), decisionId: `backtest:${row.id}:${turns}`, policy: options.policy },
    );
    if (outcome.decision.action !== 'STAY') {
      if (options.turnByTurn) handoffTurn = turns;
      break;
    }
  }
  if (!outcome) throw new Error(`Row ${row.id} has no input to decide.`);
  const { decision, redactedInput } = outcome;
  const matched = row.expected && expectationKey(row.expected) !== null ? matches(row.expected, decision) : null;
  const result: BacktestRowResult = {
    id: row.id,
    line: row.line,
    language: String(decision.signals.language ?? row.input.customer.language ?? 'und'),
    channel: row.input.channel ?? null,
    expected: expectationKey(row.expected),
    got: decision.action === 'STAY' ? STAY_KEY : decision.reasonCode,
    action: decision.action,
    queueId: decision.routing?.queueId ?? null,
    matched,
    turns,
    handoffTurn,
  };
  if (row.expected?.sentiment) {
    result.sentiment = {
      expected: row.expected.sentiment,
      score: Number(decision.signals.sentimentLatest ?? 0),
      threshold: prepared.signals.thresholds.negativeSentiment,
      language: row.input.customer.language ?? result.language,
    };
  }
  if (matched === false) {
    result.miss = {
      customerTexts: redactedInput.messages.filter((m) => m.speaker === 'CUSTOMER').map((m) => m.text),
      reasons: decision.reasons,
      path: decision.trace.filter((step) => step.evaluated).map((step) => step.nodeId),
    };
  }
  return result;
}
