/**
 * Checks a coerced `DecideHandoffInput` against Baton's documented limits before any work is
 * done. GraphQL already enforced types, required fields and enums (and the JSON scalar's depth,
 * size and content); this covers what the schema cannot say: non-empty messages, the length and
 * characters of every string field, ranges, times within the clock window, languages, time
 * zones, channels and the size of the JSON object fields. Every check is a pass over the field
 * itself: nothing is walked twice.
 */
import type { DecideHandoffInput } from '@baton/schemas';
import { badInput } from '../../baton-error';
import type { RequestLimits } from '../../config';
import type { DecideHandoffInput as GraphQLDecideHandoffInput } from '../../graphql/generated/resolvers-types';
import { hasLoneSurrogate, jsonBytesOf, JsonLimitError } from '../../graphql/json-limits';

/** `DecideHandoffInput` as GraphQL coerces it: its JSON fields may still hold any JSON value. */
export type CoercedDecideHandoffInput = GraphQLDecideHandoffInput;

/** Most resolution attempts per request. */
export const MAX_ATTEMPTS = 100;
/** Most characters in an id (conversation, customer, policy, account owner, knowledge-base article). */
export const MAX_ID_CHARS = 200;
/** Most topics a bot may report on one message, and characters per topic name. */
export const MAX_REPORTED_TOPICS = 20;
export const MAX_TOPIC_CHARS = 64;
/** Most characters of `customer.name`. */
export const MAX_NAME_CHARS = 200;
/** Most characters of `customer.email` (RFC 5321's path limit). */
export const MAX_EMAIL_CHARS = 254;
/** Most characters of `customer.tier`. */
export const MAX_TIER_CHARS = 64;
/** Most characters of `customer.language` (a BCP 47 tag such as `pt-BR`). */
export const MAX_LANGUAGE_CHARS = 35;
/** Most characters of `customer.timezone` (an IANA name such as `America/Argentina/Buenos_Aires`). */
export const MAX_TIMEZONE_CHARS = 64;
/** Most characters of `channel`: letters, digits, `_`, `-` and `.`, e.g. `web_chat`. */
export const MAX_CHANNEL_CHARS = 32;
/** Most characters of a message's `intent`. */
export const MAX_INTENT_CHARS = 100;
/** Most knowledge-base article ids on one message. */
export const MAX_KB_ARTICLES = 50;
/** Most characters of an attempt's `action` and of its `result`. */
export const MAX_ATTEMPT_ACTION_CHARS = 200;
export const MAX_ATTEMPT_RESULT_CHARS = 2000;
/** No time in a decision input may be earlier than this. */
export const EARLIEST_TIME = new Date('2000-01-01T00:00:00Z');

/** Control characters (NUL, newlines, tabs, C1): never in an id, a name or a code. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
/** Whitespace and zero-width characters: an id made only of these is empty. */
const BLANK = /^[\s\u200B-\u200D\u2060\uFEFF]*$/;
const CHANNEL = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** A one-line text field: not blank, at most `max` characters, no control character, well-formed Unicode. */
function checkLine(value: string, field: string, max: number, what = 'text'): void {
  if (BLANK.test(value)) throw badInput(`${field} is empty (or only spaces or zero-width characters); send the ${what} or leave the field out.`, { field });
  if (value.length > max) throw badInput(`${field} has ${value.length} characters; the limit is ${max}.`, { field, limit: max });
  if (CONTROL.test(value)) throw badInput(`${field} contains a control character (NUL, newline, tab…); send it on one line.`, { field });
  if (hasLoneSurrogate(value)) throw badInput(`${field} contains a lone UTF-16 surrogate (not valid Unicode).`, { field });
}

/** Free text (a message, an attempt's result): newlines are fine, NUL and lone surrogates are not. */
function checkText(value: string, field: string): void {
  if (value.includes('\u0000')) throw badInput(`${field} contains a NUL character (\\u0000); remove it.`, { field });
  if (hasLoneSurrogate(value)) throw badInput(`${field} contains a lone UTF-16 surrogate (not valid Unicode).`, { field });
}

const present = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

const knownLanguages = new Map<string, boolean>();
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
/** True for a well-formed BCP 47 tag whose language the runtime's ICU knows (`en`, `pt-BR`; not `xx`). Cached. */
export function isKnownLanguage(tag: string): boolean {
  let known = knownLanguages.get(tag);
  if (known === undefined) {
    try {
      const [canonical] = Intl.getCanonicalLocales(tag);
      known = canonical !== undefined && languageNames.of(new Intl.Locale(canonical).language) !== undefined;
    } catch {
      known = false;
    }
    if (knownLanguages.size < 10_000) knownLanguages.set(tag, known);
  }
  return known;
}

const knownZones = new Map<string, boolean>();
/** True for an IANA time zone name the runtime knows (`Europe/Madrid`, `UTC`; not `Mars/Olympus`). Cached. */
export function isKnownTimeZone(zone: string): boolean {
  let known = knownZones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    if (knownZones.size < 10_000) knownZones.set(zone, known);
  }
  return known;
}

/** A time within [2000, server clock + skew]; without a server clock only the lower bound. */
function checkTime(value: Date, field: string, limits: RequestLimits, serverNow: Date | undefined): void {
  if (value.getTime() < EARLIEST_TIME.getTime()) {
    throw badInput(`${field} (${value.toISOString()}) is before ${EARLIEST_TIME.toISOString()}; send the real time, with its time zone.`, { field });
  }
  if (serverNow && value.getTime() > serverNow.getTime() + limits.maxClockSkewSeconds * 1000) {
    throw badInput(
      `${field} (${value.toISOString()}) is more than ${limits.maxClockSkewSeconds} s after the server's clock (${serverNow.toISOString()}; BATON_MAX_CLOCK_SKEW_SECONDS). ` +
        'Check the clock and time zone of the sender.',
      { field, limit: limits.maxClockSkewSeconds },
    );
  }
}

/** A JSON object field within `BATON_MAX_ATTRIBUTES_BYTES` (the JSON scalar measured it already when it came through GraphQL). */
function checkAttributesSize(value: unknown, field: string, limits: RequestLimits): void {
  if (!present(value)) return;
  let bytes: number;
  try {
    bytes = jsonBytesOf(value, { maxDepth: limits.maxJsonDepth, maxBytes: limits.maxAttributesBytes });
  } catch (error) {
    if (!(error instanceof JsonLimitError)) throw error;
    const limit = error.reason === 'depth' ? limits.maxJsonDepth : error.reason === 'bytes' ? limits.maxAttributesBytes : undefined;
    throw badInput(`${field} has ${error.message}`, { field, ...(limit === undefined ? {} : { limit }) });
  }
  if (bytes > limits.maxAttributesBytes) {
    throw badInput(
      `${field} is ${bytes} bytes as JSON; the limit is ${limits.maxAttributesBytes} (BATON_MAX_ATTRIBUTES_BYTES). Send only the facts the policy uses.`,
      {
        field,
        limit: limits.maxAttributesBytes,
      },
    );
  }
}

const isPlainObject = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);

function checkId(value: string, field: string): void {
  if (BLANK.test(value)) throw badInput(`${field} is empty; send the id your system uses.`, { field });
  checkLine(value, field, MAX_ID_CHARS, 'id your system uses');
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

/** The customer's fields: ids, name, email, tier, language, time zone, lifetime value. */
function checkCustomer(customer: CoercedDecideHandoffInput['customer']): void {
  checkId(customer.id, 'input.customer.id');
  if (present(customer.accountOwnerId)) checkId(customer.accountOwnerId, 'input.customer.accountOwnerId');
  if (present(customer.name)) checkLine(customer.name, 'input.customer.name', MAX_NAME_CHARS, 'name');
  if (present(customer.email)) checkLine(customer.email, 'input.customer.email', MAX_EMAIL_CHARS, 'email address');
  if (present(customer.tier)) checkLine(customer.tier, 'input.customer.tier', MAX_TIER_CHARS, 'tier');
  if (present(customer.language)) {
    checkLine(customer.language, 'input.customer.language', MAX_LANGUAGE_CHARS, 'language');
    if (!isKnownLanguage(customer.language.trim())) {
      throw badInput(`input.customer.language "${customer.language}" is not a known language tag; send an ISO 639-1 code such as "en" or "pt-BR".`, {
        field: 'input.customer.language',
      });
    }
  }
  if (present(customer.timezone)) {
    checkLine(customer.timezone, 'input.customer.timezone', MAX_TIMEZONE_CHARS, 'time zone');
    if (!isKnownTimeZone(customer.timezone)) {
      throw badInput(`input.customer.timezone "${customer.timezone}" is not an IANA time zone; send one such as "Europe/Madrid" or "UTC".`, {
        field: 'input.customer.timezone',
      });
    }
  }
  const lifetimeValue = customer.lifetimeValue;
  if (lifetimeValue !== null && lifetimeValue !== undefined && lifetimeValue < 0) {
    throw badInput(`input.customer.lifetimeValue is ${lifetimeValue}; it cannot be negative.`, { field: 'input.customer.lifetimeValue' });
  }
}

/**
 * Afterwards `input` is a `DecideHandoffInput`: its JSON fields are objects or absent.
 * @param serverNow - the server's clock: no time of the input may be more than
 *   `limits.maxClockSkewSeconds` after it. Left out (stored conversations, datasets), only the
 *   lower bound (2000-01-01) is checked.
 * @throws BatonError BAD_USER_INPUT (with `extensions.field`) naming the first field that
 *   breaks a limit and the limit itself.
 */
export function checkDecideInput(input: CoercedDecideHandoffInput, limits: RequestLimits, serverNow?: Date): asserts input is DecideHandoffInput {
  checkId(input.conversationId, 'input.conversationId');
  if (input.policyId !== null && input.policyId !== undefined) checkId(input.policyId, 'input.policyId');
  checkCustomer(input.customer);
  if (present(input.channel)) {
    checkLine(input.channel, 'input.channel', MAX_CHANNEL_CHARS, 'channel');
    if (!CHANNEL.test(input.channel.trim())) {
      throw badInput(`input.channel "${input.channel}" must be letters, digits, _, - or . such as "chat", "email" or "web_chat".`, { field: 'input.channel' });
    }
  }
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
  let lastAt: Date | undefined;
  messages.forEach((message, i) => {
    if (message.text.length > limits.maxMessageChars) {
      throw badInput(`input.messages[${i}].text has ${message.text.length} characters; the limit is ${limits.maxMessageChars}. Truncate long messages.`, {
        field: `input.messages[${i}].text`,
        limit: limits.maxMessageChars,
      });
    }
    checkText(message.text, `input.messages[${i}].text`);
    const previous = messages[i - 1]?.at;
    if (message.at && previous && message.at.getTime() < previous.getTime()) {
      throw badInput(
        `input.messages[${i}].at (${message.at.toISOString()}) is earlier than input.messages[${i - 1}].at (${previous.toISOString()}); send messages oldest first with their own times.`,
        { field: `input.messages[${i}].at` },
      );
    }
    if (message.at) {
      checkTime(message.at, `input.messages[${i}].at`, limits, serverNow);
      lastAt = message.at;
    }
    if (present(message.intent)) checkLine(message.intent, `input.messages[${i}].intent`, MAX_INTENT_CHARS, 'intent');
    if (present(message.kbArticleIds)) {
      if (message.kbArticleIds.length > MAX_KB_ARTICLES) {
        throw badInput(`input.messages[${i}].kbArticleIds has ${message.kbArticleIds.length} entries; the limit is ${MAX_KB_ARTICLES}.`, {
          field: `input.messages[${i}].kbArticleIds`,
          limit: MAX_KB_ARTICLES,
        });
      }
      message.kbArticleIds.forEach((id, j) => checkId(id, `input.messages[${i}].kbArticleIds[${j}]`));
    }
    checkRange(message.confidence, 0, 1, `input.messages[${i}].confidence`);
    checkRange(message.intentConfidence, 0, 1, `input.messages[${i}].intentConfidence`);
    checkRange(message.sentiment, -1, 1, `input.messages[${i}].sentiment`);
    checkReportedTopics(message.topics, `input.messages[${i}].topics`);
  });
  if ((input.attempts?.length ?? 0) > MAX_ATTEMPTS) {
    throw badInput(`input.attempts has ${input.attempts?.length} entries; the limit is ${MAX_ATTEMPTS}.`, { field: 'input.attempts', limit: MAX_ATTEMPTS });
  }
  input.attempts?.forEach((attempt, i) => {
    checkLine(attempt.action, `input.attempts[${i}].action`, MAX_ATTEMPT_ACTION_CHARS, 'action');
    if (attempt.result.length > MAX_ATTEMPT_RESULT_CHARS) {
      throw badInput(`input.attempts[${i}].result has ${attempt.result.length} characters; the limit is ${MAX_ATTEMPT_RESULT_CHARS}.`, {
        field: `input.attempts[${i}].result`,
        limit: MAX_ATTEMPT_RESULT_CHARS,
      });
    }
    checkText(attempt.result, `input.attempts[${i}].result`);
    if (attempt.at) checkTime(attempt.at, `input.attempts[${i}].at`, limits, serverNow);
  });
  if (input.now) {
    checkTime(input.now, 'input.now', limits, serverNow);
    if (lastAt && input.now.getTime() < lastAt.getTime()) {
      throw badInput(
        `input.now (${input.now.toISOString()}) is before the last message (${lastAt.toISOString()}); the evaluation clock cannot be earlier than the conversation.`,
        { field: 'input.now' },
      );
    }
  }
  checkObject(input.attributes, 'input.attributes');
  checkObject(input.pageContext, 'input.pageContext');
  checkObject(input.customer.attributes, 'input.customer.attributes');
  checkAttributesSize(input.attributes, 'input.attributes', limits);
  checkAttributesSize(input.pageContext, 'input.pageContext', limits);
  checkAttributesSize(input.customer.attributes, 'input.customer.attributes', limits);
}
