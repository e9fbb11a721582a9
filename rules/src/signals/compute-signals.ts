/**
 * `computeSignals`: one `DecideHandoffInput` -> the complete `Facts` of the catalog, with
 * evidence. Pure and synchronous: the clock is the `now` argument; nothing is read or written
 * outside the input and the model (the stemmer memo only saves work).
 */
import type { DecideHandoffInput, FactName, Facts } from '@baton/schemas';
import { attemptFacts } from './attempts';
import { findBotReports } from './bot-signals';
import { confidenceFacts, replyConfidence } from './confidence';
import { conversationStats } from './conversation-stats';
import { formatNumber, quote } from './evidence';
import { findHumanRequest } from './human-request';
import { detectConversationLanguage, messageLanguage, type LanguageDetection } from './language';
import type { AnalysedText } from './message-analysis';
import type { MatchedMessage } from './phrase-match';
import type { SignalsModel } from './prepare-signals';
import { findRepeatedQuestion } from './repeated-question';
import { scoreSentiment } from './sentiment';
import { sentimentFacts } from './sentiment-facts';
import type { SignalResult } from './signals-api';
import { findTopics } from './topics';

type Evidence = SignalResult['evidence'];
type Sources = SignalResult['sources'];

/**
 * Characters of each message read for words (topics, requests, sentiment, repeats). Support
 * messages are far shorter; the cap bounds the CPU one decision can take on the event loop
 * (a 2 MB conversation took 1.4 s in full, see the closing note of the foundation issue).
 */
export const ANALYSED_CHARS_PER_MESSAGE = 2000;

function languageEvidence(detection: LanguageDetection): string {
  switch (detection.source) {
    case 'detected':
      return detection.method === 'tinyld'
        ? `detected "${detection.language}" from the customer's messages (tinyld, accuracy ${formatNumber(detection.accuracy ?? 0)})`
        : `detected "${detection.language}" from the customer's messages (stop words)`;
    case 'customer':
      return `customer profile language "${detection.language}" (text too short or unclear to detect)`;
    case 'default':
      return `default "${detection.language}" (no clear text, no profile language)`;
    default: {
      const unreachable: never = detection.source;
      return unreachable;
    }
  }
}

/** Baton's sentiment score of a customer message, -1..1 (`scoreSentiment`), once per text and language. */
function sentimentOf(text: AnalysedText, language: string): number {
  return text.remember(`sentiment:${language}`, () => scoreSentiment(text, language).score);
}

function put(evidence: Evidence, fact: FactName, lines: readonly string[] | undefined): void {
  if (lines && lines.length > 0) evidence[fact] = [...(evidence[fact] ?? []), ...lines];
}

/** Records the messages behind a fact: sorted, without duplicates; nothing when there are none. */
function source(sources: Sources, fact: FactName, indices: readonly number[] | undefined): void {
  if (indices && indices.length > 0) sources[fact] = [...new Set([...(sources[fact] ?? []), ...indices])].sort((a, b) => a - b);
}

/**
 * Computes every fact of `FACT_CATALOG` for one decision.
 * @param input the bot's request, as validated by the server (messages in conversation order)
 * @param model `prepareSignals(settings)` of the policy version being evaluated
 * @param now evaluation clock (`input.now` or server time), for `elapsedMinutes`
 * @param shown the same input with sensitive data masked (`input` by default): evidence quotes
 *   are cut from it; facts are always computed on the text as sent
 * @returns facts, evidence per fact, each customer message's sentiment score, and per fact the
 *   messages behind it (0-based indices into `input.messages`)
 */
export function computeSignals(input: DecideHandoffInput, model: SignalsModel, now: Date, shown: DecideHandoffInput = input): SignalResult {
  const customerTexts: AnalysedText[] = [];
  const botTexts: Array<{ text: AnalysedText; reported: number | null | undefined }> = [];
  input.messages.forEach((message, i) => {
    if (message.speaker !== 'CUSTOMER' && message.speaker !== 'BOT') return;
    const analysed = message.text.slice(0, ANALYSED_CHARS_PER_MESSAGE);
    // Quotes are cut from the redacted text: cutting first could leave half a card number.
    const quotable = (shown.messages[i]?.text ?? message.text).slice(0, ANALYSED_CHARS_PER_MESSAGE);
    const text = model.messages.analyse(analysed, i + 1, quotable);
    if (message.speaker === 'CUSTOMER') customerTexts.push(text);
    else botTexts.push({ text, reported: message.confidence });
  });
  const detection = detectConversationLanguage(customerTexts, model.languages, input.customer.language);
  const languages = customerTexts.map((text) => messageLanguage(text, detection.language, model.languages));
  // Typos are read in the message's own language only.
  const lexemesOf = (text: AnalysedText, language: string | null): number[][] =>
    text.remember(`lexemes:${language ?? '*'}`, () => model.index.tokenLexemes(text, language));
  const customer: MatchedMessage[] = customerTexts.map((text, i) => ({ text, lexemes: lexemesOf(text, languages[i] ?? detection.language) }));
  const bot = botTexts.map(({ text, reported }) => ({ text, reported, lexemes: lexemesOf(text, null) }));
  const evidence: Evidence = {};
  const sources: Sources = {};
  put(evidence, 'language', [languageEvidence(detection)]);

  // The bot's own score of a message takes the place of Baton's (`bot-signals.ts`).
  const scores = customerTexts.map((message, i) => {
    const reported = input.messages[message.index]?.sentiment;
    return reported === null || reported === undefined
      ? { message, score: sentimentOf(message, languages[i] ?? detection.language) }
      : { message, score: reported, reportedByBot: true };
  });
  const sentiment = sentimentFacts(scores, model.thresholds);
  for (const [fact, lines] of Object.entries(sentiment.evidence)) put(evidence, fact as FactName, lines);
  for (const [fact, indices] of Object.entries(sentiment.sources)) source(sources, fact as FactName, indices);

  const confidence = confidenceFacts(
    bot.map((reply) => replyConfidence(reply, reply.reported, model)),
    model.thresholds,
  );
  put(evidence, 'lowConfidenceStreak', confidence.lowConfidenceEvidence);
  put(evidence, 'botConfidenceLatest', confidence.lowConfidenceEvidence.slice(-1));
  put(evidence, 'hedgingCount', confidence.hedgingEvidence);
  for (const [fact, indices] of Object.entries(confidence.sources)) source(sources, fact as FactName, indices);

  const reports = findBotReports(input.messages, customerTexts, model.topicNames, model.bot);
  const request = findHumanRequest(customer, model);
  // The message that decided the fact, whether it asks or declines.
  if (request) source(sources, 'humanRequested', [request.message.index]);
  if (request?.requested) {
    const start = request.message.tokens[request.first]?.start;
    const end = request.message.tokens[request.last]?.end;
    put(evidence, 'humanRequested', [
      `${quote('customer', request.message.position, request.message.shown, start, end)} asks for a person ("${request.phrase}")`,
    ]);
  }
  // The bot's request counts unless the customer declined a person in a later message.
  const declinedAt = request && !request.requested ? request.message.index : -1;
  const botRequest = reports.humanRequests.filter((report) => report.index > declinedAt).at(-1);
  if (botRequest && !request?.requested) {
    source(sources, 'humanRequested', [botRequest.index]);
    put(evidence, 'humanRequested', [`${botRequest.evidence} asks for a person`]);
  }

  const repeat = findRepeatedQuestion(customerTexts, detection.language, model.thresholds.repeatSimilarity);
  const latestCustomer = customerTexts[customerTexts.length - 1];
  if (latestCustomer) source(sources, 'repeatedQuestionCount', [...repeat.repeats.map((item) => item.message.index), latestCustomer.index]);
  if (repeat.count > 1) {
    put(evidence, 'repeatedQuestionCount', [
      ...(latestCustomer ? [`${quote('customer', latestCustomer.position, latestCustomer.shown)} asked ${repeat.count} times`] : []),
      ...repeat.repeats.map((item) => `${quote('customer', item.message.position, item.message.shown)} similarity ${formatNumber(item.similarity)}`),
    ]);
  }

  const found = findTopics(customer, model);
  put(evidence, 'topics', found.evidence);
  source(sources, 'topics', found.sources);
  for (const [topic, list] of reports.topics) {
    put(
      evidence,
      'topics',
      list.map((report) => `${topic}: ${report.evidence}`),
    );
    source(
      sources,
      'topics',
      list.map((report) => report.index),
    );
  }
  const topics = model.topicNames.filter((name) => found.topics.includes(name) || reports.topics.has(name));

  const attempts = attemptFacts(input.attempts ?? [], shown.attempts ?? undefined);
  put(evidence, 'failedAttemptCount', attempts.evidence);

  const stats = conversationStats(input, now);
  if (stats.firstAt) {
    put(evidence, 'elapsedMinutes', [
      `${formatNumber(stats.elapsedMinutes)} minutes from the first message (${stats.firstAt.toISOString()}) to ${now.toISOString()}`,
    ]);
    if (stats.lastAt) {
      put(evidence, 'conversationMinutes', [
        `${formatNumber(stats.conversationMinutes)} minutes from the first message to the last (${stats.lastAt.toISOString()})`,
      ]);
    }
  }
  source(sources, 'elapsedMinutes', stats.firstAtIndex !== undefined ? [stats.firstAtIndex] : []);
  if (stats.firstAtIndex !== undefined && stats.lastAtIndex !== undefined) source(sources, 'conversationMinutes', [stats.firstAtIndex, stats.lastAtIndex]);
  source(
    sources,
    'customerMessageCount',
    customerTexts.map((text) => text.index),
  );
  source(
    sources,
    'botReplyCount',
    bot.map((reply) => reply.text.index),
  );
  const firstCustomer = customerTexts[0];
  if (firstCustomer && latestCustomer && customerTexts.length > 1) source(sources, 'messageLengthGrowth', [firstCustomer.index, latestCustomer.index]);
  if (stats.botReplyCount > 0) put(evidence, 'botReplyCount', [`${stats.botReplyCount} bot replies`]);
  if (stats.customerTier) put(evidence, 'customerTier', [`customer tier "${stats.customerTier}"`]);

  const facts: Facts = {
    sentimentLatest: sentiment.sentimentLatest,
    sentimentPrevious: sentiment.sentimentPrevious,
    sentimentMin: sentiment.sentimentMin,
    negativeStreak: sentiment.negativeStreak,
    negativeTurns: sentiment.negativeTurns,
    sentimentSharpDrop: sentiment.sentimentSharpDrop,
    botConfidenceLatest: confidence.botConfidenceLatest,
    lowConfidenceStreak: confidence.lowConfidenceStreak,
    hedgingCount: confidence.hedgingCount,
    humanRequested: (request?.requested ?? false) || botRequest !== undefined,
    repeatedQuestionCount: repeat.count,
    topics,
    messageLengthGrowth: stats.messageLengthGrowth,
    customerMessageCount: stats.customerMessageCount,
    botReplyCount: stats.botReplyCount,
    conversationMinutes: stats.conversationMinutes,
    elapsedMinutes: stats.elapsedMinutes,
    language: detection.language,
    customerTier: stats.customerTier,
    lifetimeValue: stats.lifetimeValue,
    channel: stats.channel,
    attemptCount: attempts.attemptCount,
    failedAttemptCount: attempts.failedAttemptCount,
    customerAttributes: stats.customerAttributes,
    attributes: stats.attributes,
  };
  return { facts, evidence, customerSentiments: scores.map((item) => item.score), sources };
}
