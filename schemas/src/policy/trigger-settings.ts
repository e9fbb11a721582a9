/**
 * Trigger settings: the part of a policy ops edit without touching the graph. Lexicons are
 * phrases per language code (ISO 639-1); thresholds tune how signals turn messages into facts.
 */
import { Type, type Static } from '@sinclair/typebox';

const Phrases = Type.Record(
  Type.String({ pattern: '^[a-z]{2}$' }),
  Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 1000 }),
);

export const TopicLexiconSchema = Type.Object(
  { description: Type.Optional(Type.String({ maxLength: 500 })), phrases: Phrases },
  { additionalProperties: false },
);

export const ThresholdsSchema = Type.Object(
  {
    negativeSentiment: Type.Number({ minimum: -1, maximum: 1, description: 'A customer message at or below this sentiment score counts as negative.' }),
    sharpDropFrom: Type.Number({ minimum: -1, maximum: 1, description: 'Sharp drop: the previous message scored at least this...' }),
    sharpDropTo: Type.Number({ minimum: -1, maximum: 1, description: '...and the latest at most this.' }),
    lowConfidence: Type.Number({ minimum: 0, maximum: 1, description: 'A bot reply below this confidence counts as low confidence.' }),
    hedgedConfidence: Type.Number({ minimum: 0, maximum: 1, description: 'Confidence assumed for a hedging bot reply that carries none.' }),
    assumedConfidence: Type.Number({ minimum: 0, maximum: 1, description: 'Confidence assumed for a plain bot reply that carries none.' }),
    repeatSimilarity: Type.Number({ minimum: 0, maximum: 1, description: 'Two customer messages this similar (0..1) count as the same question.' }),
  },
  { additionalProperties: false },
);

export const TriggerSettingsSchema = Type.Object(
  {
    topics: Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]*$' }), TopicLexiconSchema),
    humanRequest: Type.Object(
      { phrases: Phrases, negations: Phrases },
      { additionalProperties: false, description: 'Ways to ask for a person, and the negations that cancel them ("no need for").' },
    ),
    hedging: Phrases,
    thresholds: ThresholdsSchema,
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
export type Thresholds = Static<typeof ThresholdsSchema>;
/** Lexicons and thresholds that turn a conversation into facts. */
export type TriggerSettings = Static<typeof TriggerSettingsSchema>;
