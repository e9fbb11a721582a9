/**
 * `redactInput`: a deep copy of a decision input with every free-text field masked by
 * `redactText` — what the decision log and a human may read.
 */
import type { AttemptInput, DecideHandoffInput, MessageInput } from '@baton/schemas';
import { LRUCache } from 'lru-cache';
import type { RedactionModel } from './prepare-redaction';
import { redactText } from './redact-text';

/** Copies a JSON-like value, passing every string through `text`; dates are copied as dates. */
function copyValue(value: unknown, text: (value: string) => string): unknown {
  if (typeof value === 'string') return text(value);
  if (value instanceof Date) return new Date(value.getTime());
  if (Array.isArray(value)) return value.map((item) => copyValue(item, text));
  if (value !== null && typeof value === 'object') return copyFields(value as Record<string, unknown>, text);
  return value;
}

/**
 * Copies an object's own fields in order, each through {@link copyValue} with `text`, or with
 * `textOf[key]` for a string field named there. One pass over the keys, no entry arrays: GraphQL
 * inputs are null-prototype objects and a conversation holds hundreds of them.
 */
function copyFields(
  value: Record<string, unknown>,
  text: (value: string) => string,
  textOf?: ReadonlyMap<string, (value: string) => string>,
): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const item = value[key];
    const own = textOf?.get(key);
    copy[key] = own && typeof item === 'string' ? own(item) : copyValue(item, text);
  }
  return copy;
}

const same = (value: string): string => value;

/**
 * Redacted message texts per redaction model: bots send the whole conversation every turn, so
 * each message is masked once. Bounded: 5,000 texts per model (at most 2,000 characters each as
 * analysed, typically under 200).
 */
const redactedMessages = new WeakMap<RedactionModel, LRUCache<string, string>>();

function messageRedactor(model: RedactionModel): (text: string) => string {
  let memo = redactedMessages.get(model);
  if (!memo) {
    memo = new LRUCache<string, string>({ max: 5000 });
    redactedMessages.set(model, memo);
  }
  const texts = memo;
  return (text) => {
    let redacted = texts.get(text);
    if (redacted === undefined) {
      redacted = redactText(text, model);
      texts.set(text, redacted);
    }
    return redacted;
  };
}

/**
 * Returns a deep copy of `input` in which these are redacted: `messages[].text`,
 * `attempts[].action` and `.result`, and every string at any depth inside
 * `customer.attributes`, `attributes` and `pageContext` (object keys are kept). Ids, names,
 * e-mail, dates, numbers and enums are copied unchanged; absent fields stay absent. Never
 * mutates `input` and shares no object or array with it.
 */
export function redactInput(input: DecideHandoffInput, model: RedactionModel): DecideHandoffInput {
  const redact = (value: string): string => redactText(value, model);
  const redactMessage = messageRedactor(model);
  // Each message and attempt is copied once, its texts redacted in the same pass.
  const messageTexts = new Map([['text', redactMessage]]);
  const attemptTexts = new Map([
    ['action', redact],
    ['result', redact],
  ]);
  const copyField = (key: string, value: unknown): unknown => {
    if (key === 'messages')
      return input.messages.map((message) => copyFields(message as unknown as Record<string, unknown>, same, messageTexts) as unknown as MessageInput);
    if (key === 'attempts' && input.attempts)
      return input.attempts.map((attempt) => copyFields(attempt as unknown as Record<string, unknown>, same, attemptTexts) as unknown as AttemptInput);
    return copyValue(value, same);
  };
  const copy = Object.fromEntries(Object.entries(input).map(([key, value]) => [key, copyField(key, value)])) as unknown as DecideHandoffInput;
  if (input.customer.attributes) copy.customer.attributes = copyValue(input.customer.attributes, redact) as Record<string, unknown>;
  if (input.attributes) copy.attributes = copyValue(input.attributes, redact) as Record<string, unknown>;
  if (input.pageContext) copy.pageContext = copyValue(input.pageContext, redact) as Record<string, unknown>;
  return copy;
}
