/**
 * Internal: the two JSONL dataset formats.
 * - Conversation lines: `{ "id", "input": <DecideHandoffInput fields>, "expected"?: { "action"?,
 *   "reasonCode"?, "queueId"? } }`; `input.conversationId` defaults to `id` and `input.customer`
 *   to `{ "id": <id> }`.
 * - Message lines, as in `shared/eval/*.jsonl`: `{ "id", "lang"?, "text", "expected"?:
 *   "<reasonCode>" | "none", "expectedSentiment"?: "negative" | "neutral" | "positive" }`, one
 *   customer message standing alone ("none": the policy should stay).
 * Other fields (`sourceLabel`...) are ignored. The first line decides the format.
 */
import { HANDOFF_ACTIONS, type HandoffAction } from '@baton/schemas';
import { SENTIMENT_LABELS, type BacktestExpectation, type BacktestRow, type SentimentLabel } from '@baton/rules';
import type { RequestLimits } from '../../config';
import { coerceDecideInput } from './coerce-decide-input';
import type { ProblemList } from './dataset-problems';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The formats a JSONL line can take. */
export type JsonlFormat = 'conversations' | 'messages';

/** `conversations` when the object has `input`, `messages` when it has `text`, else null. */
export function jsonlFormatOf(value: unknown): JsonlFormat | null {
  if (!isObject(value)) return null;
  if ('input' in value) return 'conversations';
  if ('text' in value) return 'messages';
  return null;
}

function idOf(value: Record<string, unknown>, line: number, problems: ProblemList): string | null {
  const id = value.id;
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  if (typeof id === 'string' && id.trim() !== '') return id;
  problems.add(line, '"id" is missing or empty; give every row its own id (a string).');
  return null;
}

/** "none" means stay; anything else is the reason code expected. */
export function expectationOfLabel(label: string): BacktestExpectation {
  return label.trim().toLowerCase() === 'none' ? { action: 'STAY' } : { reasonCode: label.trim() };
}

function messageRow(value: Record<string, unknown>, line: number, limits: RequestLimits, problems: ProblemList): BacktestRow | null {
  const id = idOf(value, line, problems);
  const { text, lang, expected, expectedSentiment } = value;
  if (typeof text !== 'string' || text.trim() === '') {
    problems.add(line, '"text" must be the customer message, a non-empty string.');
    return null;
  }
  if (text.length > limits.maxMessageChars) {
    problems.add(line, `"text" has ${text.length} characters; the limit is ${limits.maxMessageChars}.`);
    return null;
  }
  if (lang !== undefined && lang !== null && (typeof lang !== 'string' || !/^[a-z]{2,3}$/i.test(lang))) {
    problems.add(line, `"lang" must be an ISO 639-1 code such as "en" or "es", got ${JSON.stringify(lang)}.`);
    return null;
  }
  if (expected !== undefined && expected !== null && (typeof expected !== 'string' || expected.trim() === '')) {
    problems.add(line, `"expected" must be a reason code such as "billing_dispute" or "none", got ${JSON.stringify(expected)}.`);
    return null;
  }
  if (expectedSentiment !== undefined && expectedSentiment !== null && !SENTIMENT_LABELS.includes(String(expectedSentiment))) {
    problems.add(line, `"expectedSentiment" must be one of ${SENTIMENT_LABELS.join(', ')}, got ${JSON.stringify(expectedSentiment)}.`);
    return null;
  }
  if (id === null) return null;
  const label = typeof expected === 'string' ? expectationOfLabel(expected) : null;
  const expectation = typeof expectedSentiment === 'string' ? { ...label, sentiment: expectedSentiment as SentimentLabel } : label;
  return {
    id,
    line,
    input: {
      conversationId: id,
      customer: { id: `backtest:${id}`, language: typeof lang === 'string' ? lang.toLowerCase() : null },
      messages: [{ speaker: 'CUSTOMER', text }],
    },
    expected: expectation,
  };
}

function expectationOf(value: unknown, line: number, problems: ProblemList): BacktestExpectation | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return expectationOfLabel(value);
  if (!isObject(value)) {
    problems.add(line, '"expected" must be an object { "action"?, "reasonCode"?, "queueId"? } or a reason code.');
    return undefined;
  }
  const { action, reasonCode, queueId } = value;
  const expectation: BacktestExpectation = {};
  if (action !== undefined && action !== null) {
    if (typeof action !== 'string' || !(HANDOFF_ACTIONS as readonly string[]).includes(action)) {
      problems.add(line, `"expected.action" must be one of ${HANDOFF_ACTIONS.join(', ')}, got ${JSON.stringify(action)}.`);
      return undefined;
    }
    expectation.action = action as HandoffAction;
  }
  for (const [field, given] of [
    ['reasonCode', reasonCode],
    ['queueId', queueId],
  ] as const) {
    if (given === undefined || given === null) continue;
    if (typeof given !== 'string' || given.trim() === '') {
      problems.add(line, `"expected.${field}" must be a non-empty string, got ${JSON.stringify(given)}.`);
      return undefined;
    }
    expectation[field] = given;
  }
  return expectation;
}

function conversationRow(value: Record<string, unknown>, line: number, limits: RequestLimits, problems: ProblemList): BacktestRow | null {
  const id = idOf(value, line, problems);
  const expected = expectationOf(value.expected, line, problems);
  if (!isObject(value.input)) {
    problems.add(line, '"input" must be an object with the fields of DecideHandoffInput (messages, customer, channel…).');
    return null;
  }
  if (id === null || expected === undefined) return null;
  const coerced = coerceDecideInput({ conversationId: id, customer: { id }, ...value.input }, limits);
  if ('problems' in coerced) {
    for (const problem of coerced.problems) problems.add(line, problem);
    return null;
  }
  return { id, line, input: coerced.input, expected };
}

/** One JSONL line as a row of `format`, or null with its problems added. */
export function parseJsonlLine(text: string, line: number, format: JsonlFormat, limits: RequestLimits, problems: ProblemList): BacktestRow | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    problems.add(line, `is not valid JSON (${error instanceof Error ? error.message : String(error)}); each line must be one JSON object.`);
    return null;
  }
  const lineFormat = jsonlFormatOf(value);
  if (lineFormat !== format) {
    problems.add(
      line,
      lineFormat === null
        ? 'must be an object with "text" (one message) or "input" (one conversation).'
        : `is a ${lineFormat === 'messages' ? 'message' : 'conversation'} line, but the file's first line set the format to ${format}; use one format per file.`,
    );
    return null;
  }
  const object = value as Record<string, unknown>;
  return format === 'messages' ? messageRow(object, line, limits, problems) : conversationRow(object, line, limits, problems);
}
