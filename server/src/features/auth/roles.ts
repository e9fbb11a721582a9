/**
 * The roles an API key can have, least to most powerful by intent:
 * - `integration`: a helpdesk or agent desktop; records outcomes (recordHandoffOutcome,
 *   recordAiOutcome, agents' verdicts included), tells any handoff's lifecycle (acceptHandoff,
 *   resolveHandoff, abandonHandoff) and reads nothing but the live handoff events and queue
 *   figures (subscriptions handoffUpdated, queueStatusUpdated) an agent desktop shows;
 * - `bot`: calls decideHandoff and startHandoff, reads (assignment, handoff, handoffUpdated) and changes
 *   (acceptHandoff, resolveHandoff, abandonHandoff, releaseAssignment) only the handoffs it
 *   started, and records outcomes without an agent's verdict;
 * - `auditor`: reads everything (versions, diffs, audit and decision logs, replay), changes nothing;
 * - `editor`: reads, edits drafts and policy test cases;
 * - `publisher`: an editor who also publishes, approves change requests and activates versions;
 * - `admin`: every operation; manages API keys and the routing directory.
 * They are the SDL's `enum Role` (schemas/graphql/auth.graphql) in lower case, as stored: the
 * same names are rows of the store's roles table (migration 5).
 */
import { Role as GraphQLRole } from '@baton/schemas';

/** A role name. */
export type Role = Lowercase<GraphQLRole>;

export const ROLES: readonly Role[] = Object.values(GraphQLRole).map((role) => role.toLowerCase() as Role);

/** True when `value` names a role. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
