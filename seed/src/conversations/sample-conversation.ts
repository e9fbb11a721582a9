/**
 * Shape of a sample conversation: a `decideHandoff` input as JSON (dates as ISO 8601 strings)
 * and the decision the reference policy should make on it.
 */
import type { DecideHandoffInput, HandoffAction } from '@baton/schemas';

/** `T` as it reads after `JSON.parse`: every `Date` becomes an ISO 8601 string. */
export type JsonDates<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? JsonDates<U>[]
    : T extends object
      ? { [K in keyof T]: JsonDates<T[K]> }
      : T;

/** A `DecideHandoffInput` as JSON: `messages[].at`, `attempts[].at` and `now` are ISO strings. */
export type SampleInput = JsonDates<DecideHandoffInput>;

/** The decision the reference policy must make: action, the leaf's reason code, its queue (null when not handed off). */
export interface SampleExpectation {
  action: HandoffAction;
  reasonCode: string;
  queue: string | null;
}

/** One sample conversation. `name` starts with the branch it exercises, e.g. `security (en): ...`. */
export interface SampleConversation {
  name: string;
  input: SampleInput;
  expected: SampleExpectation;
}

const toDate = (iso: string | null | undefined): Date | null | undefined => (iso == null ? iso : new Date(iso));

/**
 * The sample's input with its ISO strings turned into `Date`s, as the server hands it to
 * `rules/` after GraphQL scalar parsing. The sample itself is not changed.
 */
export function toDecideHandoffInput(input: SampleInput): DecideHandoffInput {
  return {
    ...input,
    messages: input.messages.map((m) => ({ ...m, at: toDate(m.at) })),
    attempts: input.attempts == null ? input.attempts : input.attempts.map((a) => ({ ...a, at: toDate(a.at) })),
    now: toDate(input.now),
  };
}
