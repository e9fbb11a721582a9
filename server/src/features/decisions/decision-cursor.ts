/**
 * Opaque cursors of the decision log: base64url of `[evaluatedAt ISO, decisionId]`, the keyset
 * position of the newest-first order. Clients pass `pageInfo.endCursor` back unchanged.
 */
import { badInput } from '../../baton-error';
import type { DecisionPosition } from './decision-log-store';

export function encodeDecisionCursor(position: DecisionPosition): string {
  return Buffer.from(JSON.stringify([position.evaluatedAt.toISOString(), position.decisionId])).toString('base64url');
}

/**
 * @throws BAD_USER_INPUT when `cursor` is not one `encodeDecisionCursor` made
 */
export function decodeDecisionCursor(cursor: string): DecisionPosition {
  const refuse = () =>
    badInput('after is not a cursor of the decisions query; pass pageInfo.endCursor of the previous page unchanged, or omit after.', { argument: 'after' });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string') throw refuse();
  const position = { evaluatedAt: new Date(parsed[0]), decisionId: parsed[1] };
  // Round-trip check: rejects unparseable dates and cursors that merely decode to something similar.
  if (Number.isNaN(position.evaluatedAt.getTime()) || encodeDecisionCursor(position) !== cursor) throw refuse();
  return position;
}
