/**
 * A `DecideHandoffInput` as it travels and rests as JSON (sample conversations, policy test
 * cases, the decision log): every `Date` is an RFC 3339 string.
 */
import type { DecideHandoffInput } from './decide-input';

/** `T` as it reads after `JSON.parse`: every `Date` becomes an ISO 8601 string. */
export type JsonDates<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? JsonDates<U>[]
    : T extends object
      ? { [K in keyof T]: JsonDates<T[K]> }
      : T;

/** A `DecideHandoffInput` as JSON: `messages[].at`, `attempts[].at` and `now` are ISO strings. */
export type DecideHandoffInputJson = JsonDates<DecideHandoffInput>;

const toDate = (iso: string | null | undefined): Date | null | undefined => (iso == null ? iso : new Date(iso));

/**
 * The input with its ISO strings turned into `Date`s, as the server hands it to `rules/` after
 * GraphQL scalar parsing. The argument is not changed.
 */
export function decideInputFromJson(input: DecideHandoffInputJson): DecideHandoffInput {
  return {
    ...input,
    messages: input.messages.map((m) => ({ ...m, at: toDate(m.at) })),
    attempts: input.attempts == null ? input.attempts : input.attempts.map((a) => ({ ...a, at: toDate(a.at) })),
    now: toDate(input.now),
  };
}
