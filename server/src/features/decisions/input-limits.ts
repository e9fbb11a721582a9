/**
 * Checks a coerced `DecideHandoffInput` against Baton's documented limits before any work is
 * done. GraphQL already enforced types, required fields and enums; this covers what the
 * schema cannot say: non-empty messages, sizes, ranges and JSON object fields.
 */
import type { DecideHandoffInput } from '@baton/schemas';
import { badInput } from '../../baton-error';
import type { RequestLimits } from '../../config';
import type { DecideHandoffInput as GraphQLDecideHandoffInput } from '../../graphql/generated/resolvers-types';

/** `DecideHandoffInput` as GraphQL coerces it: its JSON fields may still hold any JSON value. */
export type CoercedDecideHandoffInput = GraphQLDecideHandoffInput;

/** Most resolution attempts per request. */
export const MAX_ATTEMPTS = 100;
/** Most characters in an id (conversation, customer, policy). */
export const MAX_ID_CHARS = 200;
/** Most topics a bot may report on one message, and characters per topic name. */
export const MAX_REPORTED_TOPICS = 20;
export const MAX_TOPIC_CHARS = 64;

const isPlainObject = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);

function checkId(value: string, field: string): void {
  if (value.trim() === '') throw badInput(`${field} is empty; send the id your system uses.`, { field });
  if (value.length > MAX_ID_CHARS) throw badInput(`${field} has ${value.length} characters; the limit is ${MAX_ID_CHARS}.`, { field });
}

function checkObject(value: unknown, field: string): void {
  if (value !== null && value !== undefined && !isPlainObject(value)) {
    throw badInput(`${field} must be a JSON object such as {"plan": "pro"}, got ${Array.isArray(value) ? 'a list' : typeof value}.`, { field });
  }
}

function checkRange(value: number | null | undefined, min: number, max: number, field: string): void {
  if (value !== null && value !== undefined && !(value >= min && value <= max)) {
    throw badInput(`${field} is ${value}; it must be between ${min} and ${max}.`, { field });
  }
}

function checkReportedTopics(topics: readonly string[] | null | undefined, field: string): void {
  if (!topics) return;
  if (topics.length > MAX_REPORTED_TOPICS)
    throw badInput(`${field} has ${topics.length} entries; the limit is ${MAX_REPORTED_TOPICS}.`, { field, limit: MAX_REPORTED_TOPICS });
  topics.forEach((topic, j) => {
    if (topic.trim() === '' || topic.length > MAX_TOPIC_CHARS) {
      throw badInput(`${field}[${j}] must be a topic name of 1 to ${MAX_TOPIC_CHARS} characters, such as "security".`, { field: `${field}[${j}]` });
    }
  });
}

/**
 * Afterwards `input` is a `DecideHandoffInput`: its JSON fields are objects or absent.
 * @throws BatonError BAD_USER_INPUT (with `extensions.field`) naming the first field that
 *   breaks a limit and the limit itself.
 */
export function checkDecideInput(input: CoercedDecideHandoffInput, limits: RequestLimits): asserts input is DecideHandoffInput {
  checkId(input.conversationId, 'input.conversationId');
  checkId(input.customer.id, 'input.customer.id');
  if (input.policyId !== null && input.policyId !== undefined) checkId(input.policyId, 'input.policyId');
  const { messages } = input;
  if (messages.length === 0) {
    throw badInput("input.messages is empty: send the conversation so far, at least the customer's latest message.", { field: 'input.messages' });
  }
  if (messages.length > limits.maxMessages) {
    throw badInput(`input.messages has ${messages.length} messages; the limit is ${limits.maxMessages}. Send the most recent ${limits.maxMessages}.`, {
      field: 'input.messages',
      limit: limits.maxMessages,
    });
  }
  messages.forEach((message, i) => {
    if (message.text.length > limits.maxMessageChars) {
      throw badInput(`input.messages[${i}].text has ${message.text.length} characters; the limit is ${limits.maxMessageChars}. Truncate long messages.`, {
        field: `input.messages[${i}].text`,
        limit: limits.maxMessageChars,
      });
    }
    const previous = messages[i - 1]?.at;
    if (message.at && previous && message.at.getTime() < previous.getTime()) {
      throw badInput(
        `input.messages[${i}].at (${message.at.toISOString()}) is earlier than input.messages[${i - 1}].at (${previous.toISOString()}); send messages oldest first with their own times.`,
        { field: `input.messages[${i}].at` },
      );
    }
    checkRange(message.confidence, 0, 1, `input.messages[${i}].confidence`);
    checkRange(message.intentConfidence, 0, 1, `input.messages[${i}].intentConfidence`);
    checkRange(message.sentiment, -1, 1, `input.messages[${i}].sentiment`);
    checkReportedTopics(message.topics, `input.messages[${i}].topics`);
  });
  if ((input.attempts?.length ?? 0) > MAX_ATTEMPTS) {
    throw badInput(`input.attempts has ${input.attempts?.length} entries; the limit is ${MAX_ATTEMPTS}.`, { field: 'input.attempts', limit: MAX_ATTEMPTS });
  }
  checkObject(input.attributes, 'input.attributes');
  checkObject(input.pageContext, 'input.pageContext');
  checkObject(input.customer.attributes, 'input.customer.attributes');
  const lifetimeValue = input.customer.lifetimeValue;
  if (lifetimeValue !== null && lifetimeValue !== undefined && lifetimeValue < 0) {
    throw badInput(`input.customer.lifetimeValue is ${lifetimeValue}; it cannot be negative.`, { field: 'input.customer.lifetimeValue' });
  }
}
