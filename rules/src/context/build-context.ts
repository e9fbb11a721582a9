/**
 * `buildContextPackage`: what a human receives with a decision — enough to pick the
 * conversation up in ten seconds without asking the customer to repeat anything (the
 * `ContextPackage` of `@baton/schemas`). Pure and synchronous; works on the input and signals
 * as given, which the caller has already redacted: nothing here reads the raw conversation.
 * A stay gets a package too (its summary says the AI keeps the conversation; no triggers).
 */
import type { ContextPackage, DecideHandoffInput, HandoffAction, MessageInput, TriggerReason, TriggerSettings } from '@baton/schemas';
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
import { lazyFields, once } from './lazy-fields';
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
  const customer = (message: MessageInput) => message.speaker === 'CUSTOMER';
  return (input.messages.find((message) => customer(message) && !isFiller(message.text)) ?? input.messages.find(customer))?.text ?? null;
}

/**
 * Builds the context package of one decision. Its fields are computed on first read
 * (`lazy-fields.ts`): a reader of the summary alone never builds the transcript or the Markdown.
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
  const contextPackage: ContextPackage = lazyFields<ContextPackage>({
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
    suggestedGreeting: () => {
      const latestAttempt = attempts()[attempts().length - 1];
      return buildSuggestedGreeting(customer().language, customer().name, issueKey(issue().category, issue().subcategory), latestAttempt?.kind ?? null);
    },
    pageContext: () => plainObject(input.pageContext),
    markdown: () => renderMarkdown(contextPackage, { action, reasonCode, offsets: offsets(), now }),
  });
  return contextPackage;
}
