/**
 * `computeSignals`: one `DecideHandoffInput` -> the complete `Facts` of the catalog, with
 * evidence. Pure and synchronous: the clock is the `now` argument; nothing is read or written
 * outside the input and the model (the stemmer, text and conversation memos only save work: a
 * bot's next turn reads only its new messages, see `conversation-memo.ts`).
 */
import type { DecideHandoffInput, FactName, Facts } from '@baton/schemas';
import { attemptFacts } from './attempts';
import { findBotReports } from './bot-signals';
import { confidenceFacts } from './confidence';
import { conversationStats } from './conversation-stats';
import { formatNumber, quote } from './evidence';
import { detectConversationLanguage, type LanguageDetection } from './language';
import type { AnalysedText } from './message-analysis';
import type { SignalsModel } from './prepare-signals';
import { latestRequest, mergeTopicFindings, readCustomers, readMessages, readReplies } from './read-messages';
import { findRepeatedQuestion } from './repeated-question';
import { scoresInContext, sentimentFacts } from './sentiment-facts';
import type { SignalResult } from './signals-api';

type Evidence = SignalResult['evidence'];
type Sources = SignalResult['sources'];

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

function put(evidence: Evidence, fact: FactName, lines: readonly string[] | undefined): void {
  if (lines && lines.length > 0) evidence[fact] = [...(evidence[fact] ?? []), ...lines];
}

/** Records the messages behind a fact: sorted, without duplicates; nothing when there are none. */
function source(sources: Sources, fact: FactName, indices: readonly number[] | undefined): void {
  if (!indices || indices.length === 0) return;
  const earlier = sources[fact];
  // Most facts get one list, already in order (every customer message, say): no set or sort needed.
  if (!earlier && indices.every((index, i) => i === 0 || index > (indices[i - 1] as number))) sources[fact] = [...indices];
  else sources[fact] = [...new Set([...(earlier ?? []), ...indices])].sort((a, b) => a - b);
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
  const read = readMessages(input, model, shown);
  const customerTexts = read.customer.map((record) => record.analysed as AnalysedText);
  const detection = detectConversationLanguage(customerTexts, model.languages, input.customer.language);
  const readings = readCustomers(read.customer, detection.language, model);
  const evidence: Evidence = {};
  const sources: Sources = {};
  put(evidence, 'language', [languageEvidence(detection)]);

  const scores = scoresInContext(
    readings.map((reading) =>
      reading.reportedByBot
        ? { message: reading.text, score: reading.score, reportedByBot: true }
        : { message: reading.text, score: reading.score, afterUpset: reading.scoreAfterUpset },
    ),
    model.thresholds,
  );
  const sentiment = sentimentFacts(scores, model.thresholds);
  for (const [fact, lines] of Object.entries(sentiment.evidence)) put(evidence, fact as FactName, lines);
  for (const [fact, indices] of Object.entries(sentiment.sources)) source(sources, fact as FactName, indices);

  const replies = readReplies(read.bot, model);
  const confidence = confidenceFacts(replies, model.thresholds);
  put(evidence, 'lowConfidenceStreak', confidence.lowConfidenceEvidence);
  put(evidence, 'botConfidenceLatest', confidence.lowConfidenceEvidence.slice(-1));
  put(evidence, 'hedgingCount', confidence.hedgingEvidence);
  for (const [fact, indices] of Object.entries(confidence.sources)) source(sources, fact as FactName, indices);

  const reports = findBotReports(input.messages, customerTexts, model.topicNames, model.bot);
  const request = latestRequest(readings);
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

  const found = mergeTopicFindings(
    readings.map((reading) => reading.topics),
    model.topicNames,
  );
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
    replies.map((reply) => reply.index),
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
  // Read: what each message decided is on its record; its per-token work would only hold memory.
  for (const record of read.records) record.analysed?.release();
  return { facts, evidence, customerSentiments: scores.map((item) => item.score), sources };
}
