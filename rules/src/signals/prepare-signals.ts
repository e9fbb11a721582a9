/**
 * `prepareSignals`: everything the signals stage can do once per policy version — stemming and
 * compiling the lexicon phrases of the trigger settings into one phrase index, and warming the
 * language resources — so that `computeSignals` only reads.
 */
import type { Phrases, Thresholds, TriggerSettings } from '@baton/schemas';
import { prepareBotSignals, type BotSignalsModel } from './bot-signals';
import { detectableLanguages } from './language';
import { languagePack, PACKED_LANGUAGES } from './language-packs';
import { ConceptSet } from './concepts';
import { ConversationMemo } from './conversation-memo';
import { MessageMemo } from './message-analysis';
import { PhraseIndex } from './phrase-index';
import { PhraseSet } from './phrase-match';
import { warmSentiment } from './sentiment';

/**
 * The compiled trigger settings of one policy version. Immutable once built (but for the memos of
 * work per message text and per conversation, which only save work): share it between
 * concurrent decisions and cache it per policy version (content hash). Its fields are internal
 * to `@baton/rules`; other packages only pass it back to `computeSignals`.
 */
export interface SignalsModel {
  readonly thresholds: Readonly<Thresholds>;
  /** Topic names in settings order (the order of the `topics` fact). */
  readonly topicNames: readonly string[];
  /** Lexicon languages the language detector chooses among. */
  readonly languages: readonly string[];
  readonly index: PhraseIndex;
  /** Topic phrases, tagged with their topic name. */
  readonly topics: PhraseSet<string>;
  /** Topic concepts (object and state near each other), tagged with their topic name. */
  readonly concepts: ConceptSet;
  readonly humanRequests: PhraseSet<true>;
  /** Concepts of asking for a person (`humanRequest.concepts`). */
  readonly humanRequestConcepts: ConceptSet;
  readonly humanRequestNegations: PhraseSet<true>;
  readonly hedging: PhraseSet<true>;
  /** How signals the bot reports are read (`botSignals`). */
  readonly bot: BotSignalsModel;
  /** Work done for each message text under this model, bounded (`message-analysis.ts`). */
  readonly messages: MessageMemo;
  /** What each message decided at a conversation's previous turn, bounded (`conversation-memo.ts`). */
  readonly conversations: ConversationMemo;
}

function addPhrases<T>(index: PhraseIndex, set: PhraseSet<T>, phrases: Phrases, tag: T): void {
  for (const [language, list] of Object.entries(phrases)) {
    for (const phrase of list) {
      const compiled = index.add(phrase, language);
      if (compiled) set.add(compiled, tag);
    }
  }
}

/**
 * Compiles trigger settings (already valid against `TriggerSettingsSchema`) into a model for
 * `computeSignals`. Takes a few milliseconds for the reference policy (about 1,000 phrases);
 * the first call also loads nlp.js's dictionaries (about 50 ms).
 */
export function prepareSignals(settings: TriggerSettings): SignalsModel {
  const index = new PhraseIndex();
  const topics = new PhraseSet<string>(true);
  const humanRequests = new PhraseSet<true>();
  const humanRequestNegations = new PhraseSet<true>();
  const hedging = new PhraseSet<true>();
  const concepts = new ConceptSet();
  const topicNames = Object.keys(settings.topics);
  for (const name of topicNames) {
    addPhrases(index, topics, settings.topics[name]?.phrases ?? {}, name);
    for (const concept of settings.topics[name]?.concepts ?? []) concepts.add(name, concept, index);
  }
  addPhrases(index, humanRequests, settings.humanRequest.phrases, true);
  const humanRequestConcepts = new ConceptSet(true);
  for (const concept of settings.humanRequest.concepts ?? []) humanRequestConcepts.add('humanRequest', concept, index);
  addPhrases(index, humanRequestNegations, settings.humanRequest.negations, true);
  addPhrases(index, hedging, settings.hedging, true);
  const languages = detectableLanguages(index.languages);
  for (const language of new Set([...languages, ...PACKED_LANGUAGES])) {
    languagePack(language);
    warmSentiment(language);
  }
  return {
    thresholds: { ...settings.thresholds },
    topicNames,
    languages,
    index,
    topics,
    concepts,
    humanRequests,
    humanRequestConcepts,
    humanRequestNegations,
    hedging,
    bot: prepareBotSignals(settings.botSignals),
    messages: new MessageMemo(),
    conversations: new ConversationMemo(),
  };
}
