/**
 * The counting facts: messages per speaker, conversation and elapsed minutes, message length
 * growth, and the customer and channel facts copied from the input (lower-cased, defaulted).
 */
import type { DecideHandoffInput, MessageInput } from '@baton/schemas';

/** Facts that need no language processing. */
export interface ConversationStats {
  customerMessageCount: number;
  botReplyCount: number;
  conversationMinutes: number;
  elapsedMinutes: number;
  messageLengthGrowth: number;
  customerTier: string;
  channel: string;
  lifetimeValue: number;
  customerAttributes: Record<string, unknown>;
  attributes: Record<string, unknown>;
  /** Earliest message time, when any message has one. */
  firstAt?: Date;
  lastAt?: Date;
  /** 0-based indices in `input.messages` of the earliest and latest timestamped messages (the first of equals). */
  firstAtIndex?: number;
  lastAtIndex?: number;
}

const MS_PER_MINUTE = 60_000;

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Milliseconds of a timestamp; ISO strings are accepted too (decisions replayed from JSON). */
function validTime(at: unknown): number | undefined {
  const time = at instanceof Date ? at.getTime() : typeof at === 'string' ? Date.parse(at) : undefined;
  return time !== undefined && Number.isFinite(time) ? time : undefined;
}

function plainObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * Length of the latest customer message over the first (characters, trimmed; 1 with fewer than
 * two customer messages), 2 decimals.
 */
function lengthGrowth(first: MessageInput | undefined, latest: MessageInput | undefined, customerCount: number): number {
  if (customerCount < 2) return 1;
  return round2((latest?.text.trim().length ?? 0) / Math.max(1, first?.text.trim().length ?? 0));
}

/**
 * Computes the counting facts.
 * Minutes are rounded to 2 decimals: `conversationMinutes` from the earliest to the latest
 * message timestamp, `elapsedMinutes` from the earliest to `now` (both 0 without timestamps,
 * never negative).
 */
export function conversationStats(input: DecideHandoffInput, now: Date): ConversationStats {
  // One pass: a bot sends the whole conversation every turn.
  let customerCount = 0;
  let botCount = 0;
  let firstCustomer: MessageInput | undefined;
  let latestCustomer: MessageInput | undefined;
  let earliest: { index: number; time: number } | undefined;
  let latest: { index: number; time: number } | undefined;
  input.messages.forEach((message, index) => {
    if (message.speaker === 'CUSTOMER') {
      customerCount += 1;
      firstCustomer ??= message;
      latestCustomer = message;
    } else if (message.speaker === 'BOT') botCount += 1;
    const time = validTime(message.at);
    if (time === undefined) return;
    // The first of equal times, for both ends.
    if (!earliest || time < earliest.time) earliest = { index, time };
    if (!latest || time > latest.time) latest = { index, time };
  });
  const first = earliest?.time;
  const last = latest?.time;
  const nowTime = validTime(now);
  const ltv = input.customer.lifetimeValue;
  return {
    customerMessageCount: customerCount,
    botReplyCount: botCount,
    conversationMinutes: first !== undefined && last !== undefined ? round2((last - first) / MS_PER_MINUTE) : 0,
    elapsedMinutes: first !== undefined && nowTime !== undefined ? round2(Math.max(0, nowTime - first) / MS_PER_MINUTE) : 0,
    messageLengthGrowth: lengthGrowth(firstCustomer, latestCustomer, customerCount),
    customerTier: (input.customer.tier ?? '').trim().toLowerCase(),
    channel: (input.channel ?? '').trim().toLowerCase(),
    lifetimeValue: typeof ltv === 'number' && Number.isFinite(ltv) ? ltv : 0,
    customerAttributes: plainObject(input.customer.attributes),
    attributes: plainObject(input.attributes),
    ...(first !== undefined ? { firstAt: new Date(first) } : {}),
    ...(last !== undefined ? { lastAt: new Date(last) } : {}),
    ...(earliest ? { firstAtIndex: earliest.index } : {}),
    ...(latest ? { lastAtIndex: latest.index } : {}),
  };
}
