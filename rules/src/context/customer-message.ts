/**
 * What the bot says at a handoff or callback: the leaf's template in the conversation's
 * language (English, then a built-in sentence, as fallbacks) with `{queueName}` and
 * `{customerName}` filled in. A stay says nothing.
 */
import type { LeafNode } from '@baton/schemas';

const FALLBACK: Record<'handoff' | 'callback', string> = {
  handoff: 'I am connecting you with our {queueName} team now. They will see this whole conversation, so you will not need to repeat anything.',
  callback: 'Our {queueName} team is not available right now. Would you like them to call you back? They will see this whole conversation.',
};

/** Human name of a queue id: `trust_safety` → `Trust safety`. */
export function queueDisplayName(queueId: string): string {
  const words = queueId.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * @param queueName - name of the queue routing chose (default: the leaf's queue id in words)
 * @returns the message, or null for a stay leaf
 */
export function renderCustomerMessage(leaf: LeafNode, language: string, customerName: string | null | undefined, queueName?: string): string | null {
  if (leaf.kind === 'stay') return null;
  const template = leaf.data.message?.[language] ?? leaf.data.message?.en ?? FALLBACK[leaf.kind];
  return template
    .replace(/\{queueName\}/g, queueName ?? queueDisplayName(leaf.data.queue))
    .replace(/\{customerName\}/g, customerName?.trim() ?? '')
    .replace(/\s+([,.!?])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
