/**
 * Every trigger that fired (primary first), each pointed at the message that fired it: the
 * latest message among the signals stage's `sources` of the facts its conditions tested (a
 * topic trigger → the latest message that matched a topic, a sentiment trigger → the latest
 * negative message, `no_progress` → the latest bot reply or message). Triggers on profile or
 * attribute facts (`enterprise_account`) have no message: index, time and excerpt are null.
 * A stay has no triggers.
 */
import type { ContextPackage, HandoffAction, MessageInput, TriggerReason } from '@baton/schemas';
import { isFactName } from '@baton/schemas';
import type { SignalResult } from '../signals/signals-api';
import { clip, EXCERPT_MAX } from './display-text';
import { dateOf } from './time-offsets';

type FiredTrigger = ContextPackage['triggers'][number];

/** A reason and the facts its conditions tested. */
export interface ReasonFacts {
  reason: TriggerReason;
  facts: readonly string[];
}

/** The latest message behind any of `facts`, or null. */
export function messageOfFacts(facts: readonly string[], sources: SignalResult['sources'], messageCount: number): number | null {
  let latest: number | null = null;
  for (const fact of facts) {
    if (!isFactName(fact)) continue;
    for (const index of sources[fact] ?? []) {
      if (Number.isInteger(index) && index >= 0 && index < messageCount && (latest === null || index > latest)) latest = index;
    }
  }
  return latest;
}

export function buildFiredTriggers(
  action: HandoffAction,
  reasons: readonly ReasonFacts[],
  messages: readonly MessageInput[],
  sources: SignalResult['sources'],
): FiredTrigger[] {
  if (action === 'STAY') return [];
  return reasons.map(({ reason, facts }) => {
    const messageIndex = messageOfFacts(facts, sources, messages.length);
    const message = messageIndex === null ? undefined : messages[messageIndex];
    return {
      code: reason.code,
      category: reason.category,
      description: reason.description,
      messageIndex: message ? messageIndex : null,
      at: message ? dateOf(message.at) : null,
      excerpt: message ? clip(message.text, EXCERPT_MAX) : null,
    };
  });
}
