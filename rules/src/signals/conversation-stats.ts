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
function lengthGrowth(customer: readonly MessageInput[]): number {
  const first = customer[0]?.text.trim().length ?? 0;
  const latest = customer[customer.length - 1]?.text.trim().length ?? 0;
  if (customer.length < 2) return 1;
  return round2(latest / Math.max(1, first));
}

/**
 * Computes the counting facts.
 * Minutes are rounded to 2 decimals: `conversationMinutes` from the earliest to the latest
 * message timestamp, `elapsedMinutes` from the earliest to `now` (both 0 without timestamps,
 * never negative).
 */
export function conversationStats(input: DecideHandoffInput, now: Date): ConversationStats {
  const customer = input.messages.filter((message) => message.speaker === 'CUSTOMER');
  const stamped = input.messages
    .map((message, index) => ({ index, time: validTime(message.at) }))
    .filter((item): item is { index: number; time: number } => item.time !== undefined);
  const earliest = stamped.reduce<(typeof stamped)[number] | undefined>((low, item) => (!low || item.time < low.time ? item : low), undefined);
  const latest = stamped.reduce<(typeof stamped)[number] | undefined>((high, item) => (!high || item.time > high.time ? item : high), undefined);
  const first = earliest?.time;
  const last = latest?.time;
  const nowTime = validTime(now);
  const ltv = input.customer.lifetimeValue;
  return {
    customerMessageCount: customer.length,
    botReplyCount: input.messages.filter((message) => message.speaker === 'BOT').length,
    conversationMinutes: first !== undefined && last !== undefined ? round2((last - first) / MS_PER_MINUTE) : 0,
    elapsedMinutes: first !== undefined && nowTime !== undefined ? round2(Math.max(0, nowTime - first) / MS_PER_MINUTE) : 0,
    messageLengthGrowth: lengthGrowth(customer),
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
