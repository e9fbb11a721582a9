/**
 * `redactInput`: a deep copy of a decision input with every free-text field masked by
 * `redactText` — what the decision log and a human may read.
 */
import type { DecideHandoffInput } from '@baton/schemas';
import type { RedactionModel } from './prepare-redaction';
import { redactText } from './redact-text';

/** Copies a JSON-like value, passing every string through `text`; dates are copied as dates. */
function copyValue(value: unknown, text: (value: string) => string): unknown {
  if (typeof value === 'string') return text(value);
  if (value instanceof Date) return new Date(value.getTime());
  if (Array.isArray(value)) return value.map((item) => copyValue(item, text));
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = copyValue(item, text);
    return copy;
  }
  return value;
}

const same = (value: string): string => value;

/**
 * Returns a deep copy of `input` in which these are redacted: `messages[].text`,
 * `attempts[].action` and `.result`, and every string at any depth inside
 * `customer.attributes`, `attributes` and `pageContext` (object keys are kept). Ids, names,
 * e-mail, dates, numbers and enums are copied unchanged; absent fields stay absent. Never
 * mutates `input` and shares no object or array with it.
 */
export function redactInput(input: DecideHandoffInput, model: RedactionModel): DecideHandoffInput {
  const redact = (value: string): string => redactText(value, model);
  const copy = copyValue(input, same) as DecideHandoffInput;
  copy.messages = copy.messages.map((message) => ({ ...message, text: redact(message.text) }));
  if (copy.attempts) copy.attempts = copy.attempts.map((attempt) => ({ ...attempt, action: redact(attempt.action), result: redact(attempt.result) }));
  if (input.customer.attributes) copy.customer.attributes = copyValue(input.customer.attributes, redact) as Record<string, unknown>;
  if (input.attributes) copy.attributes = copyValue(input.attributes, redact) as Record<string, unknown>;
  if (input.pageContext) copy.pageContext = copyValue(input.pageContext, redact) as Record<string, unknown>;
  return copy;
}
