/**
 * `buildContextPackage`: what a human receives with a decision — enough to pick the
 * conversation up in ten seconds without asking the customer to repeat anything (the
 * `ContextPackage` of `@baton/schemas`). Pure and synchronous; works on the input and signals
 * as given, which the caller has already redacted: nothing here reads the raw conversation.
 * A stay gets a package too (its summary says the AI keeps the conversation; no triggers).
 */
import type { ContextPackage, DecideHandoffInput, HandoffAction, TriggerReason, TriggerSettings } from '@baton/schemas';
import type { SignalResult } from '../signals/signals-api';
import { buildAiAssessment } from './ai-assessment';
import { collectAttempts } from './attempts';
import { buildSummary } from './build-summary';
import { buildCustomerSnapshot } from './customer-snapshot';
import { isFiller } from './filler';
import { buildFiredTriggers } from './fired-triggers';
import { buildIssue } from './issue';
import { renderMarkdown } from './render-markdown';
import { buildSentimentTrajectory } from './sentiment-trajectory';
import { buildSuggestedGreeting, issueKey } from './suggested-greeting';
import { messageOffsets } from './time-offsets';
import { buildTranscript, condenseTranscript } from './transcript';

/** Everything the package is built from. */
export interface ContextRequest {
  /** The decision's input, ALREADY REDACTED by the caller; never un-redacted here. */
  input: DecideHandoffInput;
  /** Facts, evidence (already redacted), customer sentiments and the messages behind each fact. */
  signals: SignalResult;
  action: HandoffAction;
  /** Reason code of the leaf reached. */
  reasonCode: string;
  /** Reasons (primary first) with the facts each one's conditions tested. */
  reasons: { reason: TriggerReason; facts: string[] }[];
  /** The policy version's trigger settings: thresholds and `recommendedActions`. */
  settings: TriggerSettings;
  /** Evaluation clock (not read from the system). */
  now: Date;
}

/**
 * Recommended actions for the reasons that fired — the leaf's reason code first, then every
 * other fired reason's (a stay: its own only) — from `settings.recommendedActions`, each action
 * once, in that order.
 */
export function recommendedActions(settings: TriggerSettings, codes: readonly string[]): string[] {
  const table = settings.recommendedActions ?? {};
  const actions: string[] = [];
  for (const code of new Set(codes)) {
    const list = Object.prototype.hasOwnProperty.call(table, code) ? table[code] : undefined;
    for (const action of list ?? []) {
      const trimmed = action.trim();
      if (trimmed && !actions.includes(trimmed)) actions.push(trimmed);
    }
  }
  return actions;
}

function plainObject(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** The customer message that states the problem: the first that matched a topic, else the first substantive one. */
function problemStatement(input: DecideHandoffInput, signals: SignalResult): string | null {
  const topicIndex = signals.sources.topics?.[0];
  const topicMessage = topicIndex === undefined ? undefined : input.messages[topicIndex];
  if (topicMessage?.speaker === 'CUSTOMER') return topicMessage.text;
  const customer = input.messages.filter((message) => message.speaker === 'CUSTOMER');
  return (customer.find((message) => !isFiller(message.text)) ?? customer[0])?.text ?? null;
}

/** `compute()` once, on the first call. */
function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

/**
 * An object whose fields are worked out on first read, then kept: the API answers only the fields
 * a client selects, and the transcript, its condensed form and the Markdown cost the most on long
 * conversations (issue 18). Reading every field (JSON.stringify, structured clone, a spread)
 * gives the same object as building it at once.
 */
function lazily<T extends object>(fields: { [K in keyof T]: () => T[K] }): T {
  const target = {} as T;
  for (const key of Object.keys(fields) as (keyof T)[]) {
    Object.defineProperty(target, key, {
      enumerable: true,
      configurable: true,
      get: () => {
        const value = fields[key]();
        Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
        return value;
      },
    });
  }
  return target;
}

/**
 * Builds the context package of one decision; each part is built when first read.
 * @returns a package that validates against `ContextPackageSchema` once its dates are
 *   serialised (JSON: `Date` → ISO string)
 */
export function buildContextPackage(request: ContextRequest): ContextPackage {
  const { input, signals, action, reasonCode, settings, now } = request;
  const messages = input.messages;
  const reasons = action === 'STAY' ? [] : request.reasons;
  const firedCodes = reasons.map(({ reason }) => reason.code);
  const offsets = once(() => messageOffsets(messages));
  const customer = once(() => buildCustomerSnapshot(input.customer, signals.facts.language));
  const issue = once(() => buildIssue(messages, signals.facts.topics, signals.evidence.topics ?? [], reasons[0]?.reason.code ?? reasonCode));
  const attempts = once(() => collectAttempts(messages, input.attempts));
  const transcript = once(() => buildTranscript(messages));
  const context: ContextPackage = lazily<ContextPackage>({
    summary: () =>
      buildSummary({
        action,
        reasonCode,
        firedCodes,
        customerName: customer().name,
        flags: customer().flags,
        want: problemStatement(input, signals),
        attempts: attempts().map((finding) => finding.attempt),
        botReplies: signals.facts.botReplyCount,
      }),
    issue,
    customer,
    triggers: () => buildFiredTriggers(action, reasons, messages, signals.sources),
    sentimentTrajectory: () => buildSentimentTrajectory(messages, signals.customerSentiments, offsets(), settings.thresholds),
    aiAssessment: () => buildAiAssessment(messages, signals, settings.thresholds),
    attempts: () => attempts().map((finding) => finding.attempt),
    transcript,
    condensedTranscript: () => condenseTranscript(transcript()),
    recommendedActions: () => recommendedActions(settings, [reasonCode, ...firedCodes]),
    suggestedGreeting: () =>
      buildSuggestedGreeting(customer().language, customer().name, issueKey(issue().category, issue().subcategory), attempts().at(-1)?.kind ?? null),
    pageContext: () => plainObject(input.pageContext),
    markdown: () => renderMarkdown(context, { action, reasonCode, offsets: offsets(), now }),
  });
  return context;
}
