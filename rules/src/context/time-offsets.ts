/**
 * Internal: where a message sits in time, as a person reads it — `m:ss` from the conversation's
 * first timestamped message (minutes are not capped at 59: `75:03`). Timestamps may be `Date`s
 * or, in decisions replayed from JSON, ISO strings.
 */
import type { MessageInput } from '@baton/schemas';

/** True for a `Date`, also one made in another realm (a vm context, `structuredClone` across them). */
function isDate(value: unknown): value is Date {
  return value instanceof Date || Object.prototype.toString.call(value) === '[object Date]';
}

/** Milliseconds of a timestamp, or undefined when absent or invalid. */
export function timeOf(at: unknown): number | undefined {
  const time = isDate(at) ? at.getTime() : typeof at === 'string' ? Date.parse(at) : undefined;
  return time !== undefined && Number.isFinite(time) ? time : undefined;
}

/** The timestamp as a `Date`, or null when absent or invalid. */
export function dateOf(at: unknown): Date | null {
  const time = timeOf(at);
  return time === undefined ? null : new Date(time);
}

/** `m:ss` for a number of seconds (floored, never negative): 194 → `3:14`. */
export function formatOffset(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** Offsets of every message from the earliest timestamp of the conversation. */
export interface MessageOffsets {
  /** Seconds from the start, per message index; null for a message without a timestamp. */
  seconds: (number | null)[];
  /**
   * Seconds from the start per message index, an untimed message taking the offset of the
   * nearest earlier timed one (0 before any): for fields that must hold a number.
   */
  carried: number[];
  /** Earliest timestamp (ms), when any message has one. */
  start?: number;
}

/** Computes the offsets of `messages` (in conversation order). */
export function messageOffsets(messages: readonly MessageInput[]): MessageOffsets {
  const times = messages.map((message) => timeOf(message.at));
  const start = times.reduce<number | undefined>((low, time) => (time !== undefined && (low === undefined || time < low) ? time : low), undefined);
  const seconds = times.map((time) => (time === undefined || start === undefined ? null : (time - start) / 1000));
  let last = 0;
  const carried = seconds.map((value) => (value === null ? last : (last = value)));
  return { seconds, carried, ...(start !== undefined ? { start } : {}) };
}
