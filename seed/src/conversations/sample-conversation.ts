/**
 * Shape of a sample conversation: a `decideHandoff` input as JSON (dates as ISO 8601 strings)
 * and the decision the reference policy should make on it.
 */
import { decideInputFromJson, type DecideHandoffInput, type DecideHandoffInputJson, type HandoffAction } from '@baton/schemas';

/** A `DecideHandoffInput` as JSON: `messages[].at`, `attempts[].at` and `now` are ISO strings. */
export type SampleInput = DecideHandoffInputJson;

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

/**
 * The sample's input with its ISO strings turned into `Date`s, as the server hands it to
 * `rules/` after GraphQL scalar parsing. The sample itself is not changed.
 */
export const toDecideHandoffInput: (input: SampleInput) => DecideHandoffInput = decideInputFromJson;
