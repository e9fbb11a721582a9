/**
 * Trigger settings: the part of a policy ops edit without touching the graph. Lexicons are
 * phrases per language code (ISO 639-1); thresholds tune how signals turn messages into facts.
 */
import { Type, type Static } from '@sinclair/typebox';
import { WaitingRoomSettingsSchema } from './waiting-room';

/** Phrases per language code, optionally described. */
const phraseLists = (description?: string) =>
  Type.Record(
    Type.String({ pattern: '^[a-z]{2}$' }),
    Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 1000 }),
    description ? { description } : {},
  );

const Phrases = phraseLists();

/**
 * A concept: an object and a state near each other in one sentence, in either order ("my card …
 * can't find it", "the same payment came out twice"), each side a list of words or phrases per
 * language, stemmed and typo-tolerant like lexicon phrases. A state is negated by a negation word
 * just before the pair or between its parts ("my card is not lost"), unless the state itself is
 * a denial ("didn't make", "not mine"). Hedged or hypothetical pairs ("maybe someone has access to
 * my card", "what if my card is stolen") and denial states that open a how-to question ("I can't
 * find where to link it") do not count.
 */
export const ConceptSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z][a-z0-9_]*$', maxLength: 64, description: 'Shown in evidence: "matched concept lost_card".' }),
    description: Type.Optional(Type.String({ maxLength: 500 })),
    objects: Phrases,
    states: Phrases,
    resolvedBy: Type.Optional(
      phraseLists(
        'Words that say the situation is over or of another kind, cancelling the concept in that message ("found it", "delivery"); an entry "@concept_id" yields to that concept where it is found in the same message.',
      ),
    ),
    window: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 12,
        description:
          'Most words between the object and the state, determiners, possessives, a partitive "one of" and the pronouns and auxiliaries of a relative clause ("which I did") not counted (default 6).',
      }),
    ),
  },
  { additionalProperties: false },
);

export const TopicLexiconSchema = Type.Object(
  {
    description: Type.Optional(Type.String({ maxLength: 500 })),
    phrases: Phrases,
    concepts: Type.Optional(Type.Array(ConceptSchema, { maxItems: 50, description: 'Patterns behind phrases: an object and a state near each other.' })),
  },
  { additionalProperties: false },
);

const INTENT = Type.String({ minLength: 1, maxLength: 100 });

/**
 * How the policy reads signals the bot reports on customer messages (`MessageInput.intent`,
 * `intentConfidence`, `topics`, `sentiment`): which bot intents stand for which topic, which
 * ones are a request for a person, and the confidence an intent needs to count.
 */
export const BotSignalsSchema = Type.Object(
  {
    intentTopics: Type.Optional(
      Type.Record(INTENT, Type.String({ pattern: '^[a-z][a-z0-9_]*$' }), {
        description: 'Bot intent -> topic of this policy ("card_lost" -> "security"), matched case-insensitively.',
      }),
    ),
    humanRequestIntents: Type.Optional(
      Type.Array(INTENT, { maxItems: 200, description: 'Bot intents that mean the customer asks for a person ("talk_to_agent").' }),
    ),
    minIntentConfidence: Type.Optional(
      Type.Number({
        minimum: 0,
        maximum: 1,
        description: 'An intent sent with a lower intentConfidence is ignored (default 0.7); one sent without a confidence counts.',
      }),
    ),
  },
  { additionalProperties: false },
);

/** The thresholds; each `title` is the plain name screens and diff summaries show for it. */
export const ThresholdsSchema = Type.Object(
  {
    negativeSentiment: Type.Number({
      title: 'Negative sentiment threshold',
      minimum: -1,
      maximum: 1,
      description: 'A customer message at or below this sentiment score counts as negative.',
    }),
    sharpDropFrom: Type.Number({
      title: 'Sharp drop: previous message at least',
      minimum: -1,
      maximum: 1,
      description: 'Sharp drop: the previous message scored at least this...',
    }),
    sharpDropTo: Type.Number({ title: 'Sharp drop: latest message at most', minimum: -1, maximum: 1, description: '...and the latest at most this.' }),
    lowConfidence: Type.Number({
      title: 'Low-confidence threshold',
      minimum: 0,
      maximum: 1,
      description: 'A bot reply below this confidence counts as low confidence.',
    }),
    hedgedConfidence: Type.Number({
      title: 'Confidence of a hedging reply',
      minimum: 0,
      maximum: 1,
      description: 'Confidence assumed for a hedging bot reply that carries none.',
    }),
    assumedConfidence: Type.Number({
      title: 'Confidence of a plain reply',
      minimum: 0,
      maximum: 1,
      description: 'Confidence assumed for a plain bot reply that carries none.',
    }),
    repeatSimilarity: Type.Number({
      title: 'Repeated-question similarity',
      minimum: 0,
      maximum: 1,
      description: 'Two customer messages this similar (0..1) count as the same question.',
    }),
  },
  { additionalProperties: false },
);

export const TriggerSettingsSchema = Type.Object(
  {
    topics: Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]*$' }), TopicLexiconSchema),
    humanRequest: Type.Object(
      {
        phrases: Phrases,
        negations: Phrases,
        concepts: Type.Optional(
          Type.Array(ConceptSchema, { maxItems: 50, description: 'Asking for a person as a pattern: a person and an ask near each other.' }),
        ),
      },
      { additionalProperties: false, description: 'Ways to ask for a person, and the negations that cancel them ("no need for").' },
    ),
    hedging: Phrases,
    thresholds: ThresholdsSchema,
    botSignals: Type.Optional(BotSignalsSchema),
    waitingRoom: Type.Optional(WaitingRoomSettingsSchema),
    recommendedActions: Type.Optional(
      Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]*$' }), Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 20 }), {
        description: 'What the human should do first, per reason code (shown in the context package).',
      }),
    ),
    redaction: Type.Optional(
      Type.Object(
        {
          patterns: Type.Array(
            Type.Object(
              {
                name: Type.String({ pattern: '^[a-z][a-z0-9_]*$', maxLength: 64 }),
                /** A JavaScript regular expression source, matched case-insensitively. */
                pattern: Type.String({ minLength: 1, maxLength: 500 }),
              },
              { additionalProperties: false },
            ),
            { maxItems: 50 },
          ),
        },
        { additionalProperties: false, description: 'Extra patterns masked in context packages and the decision log, on top of the built-in ones.' },
      ),
    ),
  },
  { additionalProperties: false },
);

/** Phrases per language code. */
export type Phrases = Static<typeof Phrases>;
export type TopicLexicon = Static<typeof TopicLexiconSchema>;
export type Concept = Static<typeof ConceptSchema>;
export type Thresholds = Static<typeof ThresholdsSchema>;
export type BotSignals = Static<typeof BotSignalsSchema>;
/** Lexicons and thresholds that turn a conversation into facts. */
export type TriggerSettings = Static<typeof TriggerSettingsSchema>;
