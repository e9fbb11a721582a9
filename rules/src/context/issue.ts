/**
 * What the conversation is about, from the topics the signals stage found and the `intent`
 * labels the bot's NLU put on messages:
 * - `category`: the topic the primary reason is about (its code names the topic, as
 *   `security_incident` does `security`), else the first topic found (settings order); with no
 *   topic, the latest intent — split at `.`, `/` or `:` into category and subcategory when it is
 *   hierarchical (`billing.duplicate_charge`); else `general`;
 * - `subcategory`: the latest customer intent (any message's when customers carry none) that
 *   differs from the category, preferring one that shares a word stem with it
 *   (`billing.duplicate_charge` for `billing_dispute`) — its tail when hierarchical — else null;
 * - `evidence`: the topic quotes (already redacted) and each distinct intent with its message.
 */
import type { ContextPackage, MessageInput } from '@baton/schemas';

type Issue = ContextPackage['issue'];

const MAX_EVIDENCE = 6;
/** Separators of a hierarchical intent (`billing.duplicate_charge`, `billing/refund`). */
const HIERARCHY = /[./:]/;

interface Intent {
  intent: string;
  index: number;
}

function intentsOf(messages: readonly MessageInput[]): { customer: Intent[]; all: Intent[] } {
  const all = messages.flatMap((message, index) => {
    const intent = typeof message.intent === 'string' ? message.intent.trim() : '';
    return intent ? [{ intent, index, customer: message.speaker === 'CUSTOMER' }] : [];
  });
  return { customer: all.filter((item) => item.customer), all };
}

/** Words of an intent or category (`billing.duplicate_charge` → billing, duplicate, charge). */
function wordsOf(label: string): string[] {
  return label
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length >= 4);
}

/** True when an intent and a category share a word stem (first five letters: cancel ~ cancellation). */
function related(intent: string, category: string): boolean {
  const stems = new Set(wordsOf(category).map((word) => word.slice(0, 5)));
  return wordsOf(intent).some((word) => stems.has(word.slice(0, 5)));
}

/** The topic a reason code is about: equal, or one contains the other at a word boundary. */
function topicOfReason(code: string | undefined, topics: readonly string[]): string | undefined {
  if (!code) return undefined;
  const words = (value: string) => `_${value}_`;
  return topics.find((topic) => topic === code || words(code).includes(words(topic)) || words(topic).includes(words(code)));
}

/**
 * @param topics `facts.topics`; `topicEvidence` the topic quotes (`evidence.topics`)
 * @param primaryCode the primary reason's code, or the leaf's for a stay
 */
export function buildIssue(
  messages: readonly MessageInput[],
  topics: readonly string[],
  topicEvidence: readonly string[],
  primaryCode: string | undefined,
): Issue {
  const intents = intentsOf(messages);
  const latest = (list: Intent[], category: string) => {
    const candidates = [...list].reverse().filter((item) => item.intent !== category);
    return (candidates.find((item) => related(item.intent, category)) ?? candidates[0])?.intent ?? null;
  };
  let category: string;
  let subcategory: string | null;
  const topic = topicOfReason(primaryCode, topics) ?? topics[0];
  if (topic) {
    category = topic;
    const intent = latest(intents.customer, topic) ?? latest(intents.all, topic);
    const parts = intent?.split(HIERARCHY).filter(Boolean) ?? [];
    subcategory = parts.length > 1 ? parts.slice(1).join('.') : (intent ?? null);
  } else {
    const newest = intents.customer[intents.customer.length - 1] ?? intents.all[intents.all.length - 1];
    const [head, ...rest] = (newest?.intent ?? 'general').split(HIERARCHY).filter(Boolean);
    category = head ?? 'general';
    subcategory = rest.length > 0 ? rest.join('.') : null;
  }
  const seen = new Set<string>();
  const intentLines = intents.all.flatMap((item) => {
    if (seen.has(item.intent)) return [];
    seen.add(item.intent);
    return [`intent "${item.intent}" on message ${item.index + 1}`];
  });
  return { category, subcategory, evidence: [...topicEvidence, ...intentLines].slice(0, MAX_EVIDENCE) };
}
