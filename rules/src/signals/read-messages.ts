/**
 * Internal to `computeSignals`: reads a conversation's messages through the conversation memo
 * (`conversation-memo.ts`), analysing only the messages it has no valid record of, and folds what
 * each customer message decided (topic quotes, request for a person) into the conversation's
 * findings exactly as `findTopics` and `findHumanRequest` do over the whole list.
 */
import type { DecideHandoffInput, MessageInput } from '@baton/schemas';
import { replyConfidence, type ReplyConfidence } from './confidence';
import type { CustomerReading, MessageRecord } from './conversation-memo';
import { findHumanRequest, type HumanRequestFinding } from './human-request';
import { messageLanguage } from './language';
import type { AnalysedText } from './message-analysis';
import type { SignalsModel } from './prepare-signals';
import { scoreSentiment, type SentimentScore } from './sentiment';
import { findTopics, QUOTES_PER_TOPIC, type TopicFindings } from './topics';

/**
 * Characters of each message read for words (topics, requests, sentiment, repeats). Support
 * messages are far shorter; the cap bounds the CPU one decision can take on the event loop
 * (a 2 MB conversation took 1.4 s in full, see the closing note of the foundation issue).
 */
export const ANALYSED_CHARS_PER_MESSAGE = 2000;

/** The conversation's messages as read: every message's record, and the CUSTOMER and BOT ones in order. */
export interface ReadMessages {
  records: MessageRecord[];
  customer: MessageRecord[];
  bot: MessageRecord[];
}

/**
 * Records of every message of `input`, reusing the conversation's valid records and analysing
 * the rest (through the text memo).
 * @param shown the redacted input evidence quotes are cut from (same messages as `input`)
 */
export function readMessages(input: DecideHandoffInput, model: SignalsModel, shown: DecideHandoffInput): ReadMessages {
  const analysedText = (i: number) => (input.messages[i] as MessageInput).text.slice(0, ANALYSED_CHARS_PER_MESSAGE);
  // Quotes are cut from the redacted text: cutting first could leave half a card number.
  const quotableText = (i: number) => (shown.messages[i]?.text ?? (input.messages[i] as MessageInput).text).slice(0, ANALYSED_CHARS_PER_MESSAGE);
  const records = model.conversations.validPrefix(input.conversationId, input.messages, analysedText, quotableText);
  for (let i = records.length; i < input.messages.length; i += 1) {
    const message = input.messages[i] as MessageInput;
    const text = analysedText(i);
    const shownText = quotableText(i);
    const read = message.speaker === 'CUSTOMER' || message.speaker === 'BOT';
    records.push({
      speaker: message.speaker,
      text,
      shown: shownText,
      confidence: message.confidence,
      sentiment: message.sentiment,
      analysed: read ? model.messages.analyse(text, i + 1, shownText) : null,
    });
  }
  model.conversations.keep(input.conversationId, records);
  return {
    records,
    customer: records.filter((record) => record.speaker === 'CUSTOMER'),
    bot: records.filter((record) => record.speaker === 'BOT'),
  };
}

/** Lexemes of a text's tokens in `language` (typos read in that language only; null: any). */
export function lexemesOf(text: AnalysedText, language: string | null, model: SignalsModel): number[][] {
  return text.rememberPerToken(`lexemes:${language ?? '*'}`, () => model.index.tokenLexemes(text, language));
}

/** A reading's sentiment fields from Baton's own score. */
function batonScores({ score, afterUpset }: SentimentScore): Pick<CustomerReading, 'score' | 'scoreAfterUpset'> {
  return afterUpset === undefined ? { score } : { score, scoreAfterUpset: afterUpset };
}

function readCustomer(text: AnalysedText, reported: number | null | undefined, conversationLanguage: string, model: SignalsModel): CustomerReading {
  const language = messageLanguage(text, conversationLanguage, model.languages);
  const matched = { text, lexemes: lexemesOf(text, language, model) };
  // The bot's own score of a message takes the place of Baton's (`bot-signals.ts`).
  const reportedByBot = reported !== null && reported !== undefined;
  return {
    conversationLanguage,
    language,
    text,
    ...(reportedByBot ? { score: reported } : batonScores(text.remember(`sentiment:${language}`, () => scoreSentiment(text, language)))),
    reportedByBot,
    topics: findTopics([matched], model),
    request: findHumanRequest([matched], model) ?? null,
  };
}

/** Each customer message's reading in `conversationLanguage` (kept on its record; redone when the language changed). */
export function readCustomers(customer: readonly MessageRecord[], conversationLanguage: string, model: SignalsModel): CustomerReading[] {
  return customer.map((record) => {
    if (record.customer?.conversationLanguage !== conversationLanguage) {
      record.customer = readCustomer(record.analysed as AnalysedText, record.sentiment, conversationLanguage, model);
    }
    return record.customer;
  });
}

/** Each bot reply's confidence (kept on its record). */
export function readReplies(bot: readonly MessageRecord[], model: SignalsModel): ReplyConfidence[] {
  return bot.map((record) => {
    const text = record.analysed as AnalysedText;
    record.reply ??= replyConfidence({ text, lexemes: lexemesOf(text, null, model) }, record.confidence, model);
    return record.reply;
  });
}

/** What `findHumanRequest` finds over all the messages: the latest message that asks for or declines a person. */
export function latestRequest(readings: readonly CustomerReading[]): HumanRequestFinding | undefined {
  for (let i = readings.length - 1; i >= 0; i -= 1) {
    const request = readings[i]?.request;
    if (request) return request;
  }
  return undefined;
}

/**
 * What `findTopics` finds over all the messages, from each message's own findings: topics in
 * `topicNames` order, the first {@link QUOTES_PER_TOPIC} quotes per topic, every message that
 * matched a topic.
 */
export function mergeTopicFindings(perMessage: readonly TopicFindings[], topicNames: readonly string[]): TopicFindings {
  const quotes = new Map<string, string[]>();
  const sources: number[] = [];
  for (const found of perMessage) {
    if (found.topics.length === 0) continue;
    sources.push(...found.sources);
    found.topics.forEach((topic, k) => {
      const list = quotes.get(topic) ?? [];
      if (list.length < QUOTES_PER_TOPIC) list.push(found.evidence[k] as string);
      quotes.set(topic, list);
    });
  }
  const topics = topicNames.filter((name) => quotes.has(name));
  return { topics, evidence: topics.flatMap((name) => quotes.get(name) ?? []), sources };
}
