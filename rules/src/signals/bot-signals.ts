/**
 * Signals the bot reports on customer messages, read through the policy's `botSignals`
 * settings. Bots in 2026 often run their own NLU or LLM (seed 004: "route on confidence, not on
 * keywords"), so a customer message may carry `topics` (the policy's topic names), an `intent`
 * with its `intentConfidence`, and a `sentiment` score.
 *
 * Precedence, the same in every policy:
 * - topics: Baton's detection and the bot's reports add up: either source can raise a topic;
 *   topic names the policy does not define are ignored;
 * - intent: counts when `intentConfidence` is at least `minIntentConfidence` (0.7 by default) or
 *   absent; `intentTopics` maps it to a topic, `humanRequestIntents` to a request for a person;
 * - sentiment: the bot's score replaces Baton's for that message (`compute-signals.ts`).
 */
import type { BotSignals, MessageInput } from '@baton/schemas';
import { formatNumber } from './evidence';

/** An intent sent without a confidence counts; below this default it does not. */
export const DEFAULT_MIN_INTENT_CONFIDENCE = 0.7;

/** The bot settings of a policy, compiled for lookups. */
export interface BotSignalsModel {
  /** Folded intent -> topic. */
  intentTopics: ReadonlyMap<string, string>;
  /** Folded intents that ask for a person. */
  humanRequestIntents: ReadonlySet<string>;
  minIntentConfidence: number;
}

/** One report: the topic (or the request) and the message that carried it. */
export interface BotReport {
  /** 0-based index into `input.messages`. */
  index: number;
  /** Evidence in words: `customer message 3: reported by the bot (intent card_lost, confidence 0.92)`. */
  evidence: string;
}

export interface BotFindings {
  /** Topic -> reports, in conversation order. */
  topics: Map<string, BotReport[]>;
  /** Messages whose intent asks for a person, in conversation order. */
  humanRequests: BotReport[];
}

const fold = (intent: string) => intent.trim().toLowerCase();

/** Compiles `settings.botSignals` (absent: no intent is mapped). */
export function prepareBotSignals(settings: BotSignals | undefined): BotSignalsModel {
  return {
    intentTopics: new Map(Object.entries(settings?.intentTopics ?? {}).map(([intent, topic]) => [fold(intent), topic])),
    humanRequestIntents: new Set((settings?.humanRequestIntents ?? []).map(fold)),
    minIntentConfidence: settings?.minIntentConfidence ?? DEFAULT_MIN_INTENT_CONFIDENCE,
  };
}

function intentWords(message: MessageInput): string {
  const confidence = message.intentConfidence;
  return `intent ${message.intent}${confidence === null || confidence === undefined ? '' : `, confidence ${formatNumber(confidence)}`}`;
}

/**
 * Reads the bot's reports on customer messages.
 * @param messages the whole conversation (`input.messages`)
 * @param customer 0-based indices of the customer messages, with their 1-based positions
 * @param topicNames the policy's topics; reports of other names are ignored
 */
export function findBotReports(
  messages: readonly MessageInput[],
  customer: ReadonlyArray<{ index: number; position: number }>,
  topicNames: readonly string[],
  model: BotSignalsModel,
): BotFindings {
  const known = new Set(topicNames);
  const topics = new Map<string, BotReport[]>();
  const humanRequests: BotReport[] = [];
  const add = (topic: string, report: BotReport) => {
    if (!known.has(topic)) return;
    const list = topics.get(topic) ?? [];
    if (list[list.length - 1]?.index !== report.index) list.push(report);
    topics.set(topic, list);
  };
  for (const { index, position } of customer) {
    const message = messages[index];
    if (!message) continue;
    for (const topic of message.topics ?? []) add(topic, { index, evidence: `customer message ${position}: reported by the bot (topic ${topic})` });
    const intent = message.intent ? fold(message.intent) : '';
    const confident = (message.intentConfidence ?? 1) >= model.minIntentConfidence;
    if (!intent || !confident) continue;
    const report = { index, evidence: `customer message ${position}: reported by the bot (${intentWords(message)})` };
    const topic = model.intentTopics.get(intent);
    if (topic) add(topic, report);
    if (model.humanRequestIntents.has(intent)) humanRequests.push(report);
  }
  return { topics, humanRequests };
}
