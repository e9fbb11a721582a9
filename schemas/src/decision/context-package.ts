/**
 * The context package a human receives with a HANDOFF or CALLBACK: everything needed to pick up
 * the conversation in ten seconds without asking the customer to repeat anything. JSON Schema
 * and type from one TypeBox definition; dates are `Date` in code and RFC 3339 strings in JSON.
 */
import { Type, type Static } from '@sinclair/typebox';
import { SPEAKERS, TRIGGER_CATEGORIES } from './enums';
import { stringEnum } from '../policy/string-enum';

const DateTimeSchema = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const TranscriptEntrySchema = Type.Object(
  {
    /** 0-based position in `input.messages`. */
    index: Type.Integer({ minimum: 0 }),
    speaker: stringEnum(SPEAKERS),
    /** Redacted text. */
    text: Type.String(),
    at: Type.Union([DateTimeSchema, Type.Null()]),
  },
  { additionalProperties: false },
);

export const SENTIMENT_LABELS = ['positive', 'neutral', 'frustrated', 'angry'] as const;

export const ContextPackageSchema = Type.Object(
  {
    /** One line, at most 200 characters: what the customer wants, what the AI tried, why it escalated. */
    summary: Type.String({ maxLength: 200 }),
    issue: Type.Object(
      {
        /** Main topic or intent, e.g. `billing_dispute`; `general` when none was seen. */
        category: Type.String(),
        subcategory: Type.Union([Type.String(), Type.Null()]),
        evidence: Type.Array(Type.String()),
      },
      { additionalProperties: false },
    ),
    customer: Type.Object(
      {
        id: Type.String(),
        name: Nullable(Type.String()),
        email: Nullable(Type.String()),
        tier: Nullable(Type.String()),
        language: Type.String(),
        timezone: Nullable(Type.String()),
        lifetimeValue: Type.Union([Type.Number(), Type.Null()]),
        accountOwnerId: Nullable(Type.String()),
        attributes: Type.Record(Type.String(), Type.Unknown()),
        /** E.g. `VIP`, `ENTERPRISE`, `HIGH_VALUE`, `REPEAT_ESCALATION`. */
        flags: Type.Array(Type.String()),
        /** From `customer.attributes.previousEscalations` when the integration sends it. */
        previousEscalations: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
      },
      { additionalProperties: false },
    ),
    triggers: Type.Array(
      Type.Object(
        {
          code: Type.String(),
          category: stringEnum(TRIGGER_CATEGORIES),
          description: Type.String(),
          /** The message that fired it (0-based in `input.messages`), when one did. */
          messageIndex: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
          at: Type.Union([DateTimeSchema, Type.Null()]),
          /** Redacted excerpt, at most 120 characters. */
          excerpt: Nullable(Type.String()),
        },
        { additionalProperties: false },
      ),
    ),
    sentimentTrajectory: Type.Object(
      {
        points: Type.Array(
          Type.Object(
            {
              messageIndex: Type.Integer({ minimum: 0 }),
              /** Time from the first message, `m:ss`. */
              offset: Type.String({ pattern: '^\\d+:\\d{2}$' }),
              offsetSeconds: Type.Number({ minimum: 0 }),
              /** -1..1 */
              score: Type.Number({ minimum: -1, maximum: 1 }),
              label: stringEnum(SENTIMENT_LABELS),
            },
            { additionalProperties: false },
          ),
        ),
        /** One line, e.g. "neutral at 0:00, frustrated at 3:14, angry at 5:08". */
        reading: Type.String(),
      },
      { additionalProperties: false },
    ),
    aiAssessment: Type.Object(
      {
        /** 0..1, null when the bot has not replied. */
        lastConfidence: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]),
        lowestConfidence: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]),
        lowConfidenceStreak: Type.Integer({ minimum: 0 }),
        hedgingSeen: Type.Boolean(),
        kbArticleIds: Type.Array(Type.String()),
      },
      { additionalProperties: false },
    ),
    attempts: Type.Array(
      Type.Object(
        {
          action: Type.String(),
          result: Type.String(),
          at: Type.Union([DateTimeSchema, Type.Null()]),
          succeeded: Type.Boolean(),
          /** `reported` in `input.attempts`, or `detected` in a bot message. */
          source: stringEnum(['reported', 'detected'] as const),
        },
        { additionalProperties: false },
      ),
    ),
    transcript: Type.Array(TranscriptEntrySchema),
    /** The customer's substantive messages and the bot's attempted answers, at most ten. */
    condensedTranscript: Type.Array(TranscriptEntrySchema, { maxItems: 10 }),
    /** From the policy's `recommendedActions` for the reason codes that fired. */
    recommendedActions: Type.Array(Type.String()),
    /** The human's first line, in the customer's language. */
    suggestedGreeting: Type.String(),
    pageContext: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
    /** The package as a helpdesk internal note (Markdown). */
    markdown: Type.String(),
  },
  { additionalProperties: false, $id: 'https://baton.dev/schemas/context-package.json' },
);

export type ContextPackage = Static<typeof ContextPackageSchema>;
export type TranscriptEntry = Static<typeof TranscriptEntrySchema>;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];
