/**
 * The package as a helpdesk internal note (Markdown), in six sections: "Issue summary",
 * "Customer", "Why escalated", "What the AI tried", "Sentiment", "Conversation" (the condensed
 * transcript with `m:ss` offsets). Every text that came from the conversation or the
 * integration is put on one line and has Markdown's inline characters escaped, so a message
 * cannot add headings, links or HTML to the note.
 */
import type { ContextPackage, HandoffAction } from '@baton/schemas';
import { clip, humanise } from './display-text';
import { formatOffset, type MessageOffsets } from './time-offsets';

/** The package without its Markdown, which is rendered from it. */
export type PackageBody = Omit<ContextPackage, 'markdown'>;

const PAGE_FIELDS = 3;
const ISSUE_EVIDENCE = 3;

/** `text` on one line with Markdown's inline syntax escaped. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|~&#]/g, (char) => `\\${char}`);
}

function speakerName(speaker: string): string {
  return speaker.charAt(0) + speaker.slice(1).toLowerCase();
}

function at(index: number | null, offsets: MessageOffsets): string {
  if (index === null) return '';
  const seconds = offsets.seconds[index];
  return seconds === null || seconds === undefined ? ` (message ${index + 1})` : ` (message ${index + 1} at ${formatOffset(seconds)})`;
}

function pageLines(page: Record<string, unknown> | null): string[] {
  if (!page) return [];
  const fields = Object.entries(page)
    .filter(([, value]) => typeof value === 'string' || typeof value === 'number')
    .slice(0, PAGE_FIELDS)
    .map(([key, value]) => `${escapeMarkdown(key)}: ${escapeMarkdown(clip(String(value), 120))}`);
  return fields.length > 0 ? [`- **Page:** ${fields.join(' · ')}`] : [];
}

/** How the note is framed: the decision's action and leaf, message offsets and the clock. */
export interface MarkdownView {
  action: HandoffAction;
  reasonCode: string;
  offsets: MessageOffsets;
  now: Date;
}

function elapsedLine(view: MarkdownView): string[] {
  const now = view.now.getTime();
  if (view.offsets.start === undefined || !Number.isFinite(now)) return [];
  return [`- **Time since the first message:** ${formatOffset((now - view.offsets.start) / 1000)}`];
}

function issueSection(body: PackageBody, view: MarkdownView): string[] {
  const { issue } = body;
  const category = issue.subcategory ? `${issue.category} › ${issue.subcategory}` : issue.category;
  const evidence = issue.evidence.slice(0, ISSUE_EVIDENCE).map((line) => escapeMarkdown(line));
  return [
    '## Issue summary',
    '',
    escapeMarkdown(body.summary),
    '',
    `- **Category:** ${escapeMarkdown(category)}`,
    ...(evidence.length > 0 ? [`- **Evidence:** ${evidence.join('; ')}`] : []),
    ...pageLines(body.pageContext),
    ...elapsedLine(view),
    `- **Suggested greeting:** ${escapeMarkdown(body.suggestedGreeting)}`,
  ];
}

function customerSection(customer: PackageBody['customer']): string[] {
  const details = [
    customer.tier ? `**Tier:** ${escapeMarkdown(customer.tier)}` : null,
    `**Language:** ${escapeMarkdown(customer.language)}`,
    customer.timezone ? `**Time zone:** ${escapeMarkdown(customer.timezone)}` : null,
  ].filter((item): item is string => item !== null);
  return [
    '## Customer',
    '',
    `- **Name:** ${escapeMarkdown(customer.name ?? 'unknown')} (id ${escapeMarkdown(customer.id)})`,
    ...(customer.email ? [`- **Email:** ${escapeMarkdown(customer.email)}`] : []),
    `- ${details.join(' · ')}`,
    ...(customer.lifetimeValue !== null ? [`- **Lifetime value:** ${customer.lifetimeValue}`] : []),
    `- **Flags:** ${customer.flags.length > 0 ? customer.flags.join(', ') : 'none'}`,
    ...(customer.previousEscalations !== null ? [`- **Previous escalations:** ${customer.previousEscalations}`] : []),
  ];
}

function whySection(body: PackageBody, view: MarkdownView): string[] {
  const { action, reasonCode, offsets } = view;
  const lines = ['## Why escalated', ''];
  if (action === 'STAY') {
    lines.push(`Not escalated: the AI keeps the conversation (${escapeMarkdown(humanise(reasonCode))}).`);
  } else if (body.triggers.length === 0) {
    lines.push(`${escapeMarkdown(humanise(reasonCode))} (no trigger details).`);
  } else {
    for (const trigger of body.triggers) {
      const quote = trigger.excerpt ? `${at(trigger.messageIndex, offsets)}: "${escapeMarkdown(trigger.excerpt)}"` : '';
      lines.push(`- **${escapeMarkdown(trigger.code)}** (${trigger.category}) — ${escapeMarkdown(trigger.description)}${quote}`);
    }
  }
  if (body.recommendedActions.length > 0) {
    lines.push('', '**Recommended actions**', '', ...body.recommendedActions.map((item, i) => `${i + 1}. ${escapeMarkdown(item)}`));
  }
  return lines;
}

function triedSection(body: PackageBody, offsets: MessageOffsets): string[] {
  const { aiAssessment: ai } = body;
  const attempts =
    body.attempts.length > 0
      ? body.attempts.map((attempt) => {
          const when = attempt.at && offsets.start !== undefined ? ` at ${formatOffset((attempt.at.getTime() - offsets.start) / 1000)}` : '';
          return `- ${escapeMarkdown(attempt.action)} — ${escapeMarkdown(attempt.result)} (${attempt.source}${when})`;
        })
      : ['- No resolution attempt seen.'];
  const confidence =
    ai.lastConfidence === null
      ? '- **Confidence:** the bot has not replied'
      : `- **Confidence:** last ${ai.lastConfidence}, lowest ${ai.lowestConfidence ?? ai.lastConfidence}; ${
          ai.lowConfidenceStreak === 0
            ? 'no low-confidence streak'
            : `${ai.lowConfidenceStreak} low-confidence ${ai.lowConfidenceStreak === 1 ? 'reply' : 'replies'} in a row`
        }${ai.hedgingSeen ? '; hedging seen' : ''}`;
  return [
    '## What the AI tried',
    '',
    ...attempts,
    confidence,
    ...(ai.kbArticleIds.length > 0 ? [`- **KB articles:** ${ai.kbArticleIds.map(escapeMarkdown).join(', ')}`] : []),
  ];
}

function conversationSection(body: PackageBody, offsets: MessageOffsets): string[] {
  const lines = body.condensedTranscript.map((entry) => {
    const seconds = offsets.seconds[entry.index];
    const stamp = seconds === null || seconds === undefined ? '' : `\`${formatOffset(seconds)}\` `;
    return `- ${stamp}**${speakerName(entry.speaker)}:** ${escapeMarkdown(entry.text)}`;
  });
  const dropped = body.transcript.length - body.condensedTranscript.length;
  return [
    '## Conversation',
    '',
    ...(lines.length > 0 ? lines : ['- No substantive messages.']),
    ...(dropped > 0
      ? ['', `_${dropped} more message${dropped === 1 ? '' : 's'} (greetings, filler, agent or system notes, earlier turns) in the full transcript._`]
      : []),
  ];
}

/** Renders `body` as Markdown. */
export function renderMarkdown(body: PackageBody, view: MarkdownView): string {
  const { offsets } = view;
  return [
    ...issueSection(body, view),
    '',
    ...customerSection(body.customer),
    '',
    ...whySection(body, view),
    '',
    ...triedSection(body, offsets),
    '',
    '## Sentiment',
    '',
    escapeMarkdown(body.sentimentTrajectory.reading),
    '',
    ...conversationSection(body, offsets),
    '',
  ].join('\n');
}
