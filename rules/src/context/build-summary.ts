/**
 * The one-line summary of the context package (at most 200 characters): who, what they wrote
 * first, how much the AI tried, and why it escalated, so a human grasps the case at a glance.
 */
import type { DecideHandoffInput, HandoffAction, TriggerReason } from '@baton/schemas';

export const SUMMARY_MAX_CHARS = 200;

function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/**
 * @param reasons - primary first; their descriptions become the "why"
 * @returns a single line of at most {@link SUMMARY_MAX_CHARS} characters
 */
export function buildSummary(input: DecideHandoffInput, action: HandoffAction, reasons: TriggerReason[], stayReasonCode: string): string {
  const who = [input.customer.name?.trim() || 'Customer', input.customer.tier ? `(${input.customer.tier})` : ''].filter(Boolean).join(' ');
  const customerMessages = input.messages.filter((m) => m.speaker === 'CUSTOMER');
  const botReplies = input.messages.filter((m) => m.speaker === 'BOT').length;
  const tried = botReplies === 0 ? 'no AI reply yet' : `AI replied ${botReplies} time${botReplies === 1 ? '' : 's'}`;
  const why =
    action === 'STAY'
      ? `staying with AI: ${stayReasonCode.replace(/_/g, ' ')}`
      : `escalated: ${reasons.map((r) => r.code.replace(/_/g, ' ')).join(', ')}`;
  const tail = `; ${tried}; ${why}`;
  const first = customerMessages[0]?.text ?? '';
  const room = SUMMARY_MAX_CHARS - who.length - tail.length - ' wrote ""'.length;
  const line = room >= 12 && first ? `${who} wrote "${excerpt(first, room)}"${tail}` : `${who}${tail}`;
  return excerpt(line, SUMMARY_MAX_CHARS);
}
