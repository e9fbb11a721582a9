/** Field-by-field comparison of a logged outcome with its replay, in words an auditor reads. */
import type { HandoffAction, Priority, SupportTier } from '@baton/schemas';

/** The comparable part of a decision's outcome. */
export interface ComparableOutcome {
  action: HandoffAction;
  /** Null when the log did not record it (decisions logged before reason codes were stored): not compared. */
  reasonCode: string | null;
  reasonCodes: string[];
  priority: Priority;
  tier: SupportTier;
  queue: string | null;
}

const show = (value: unknown): string => (value === null ? 'none' : Array.isArray(value) ? `[${value.join(', ')}]` : String(value));

/** @returns one line per differing field, e.g. `action: HANDOFF → STAY`; empty when identical */
export function compareOutcomes(original: ComparableOutcome, replayed: ComparableOutcome): string[] {
  const differences: string[] = [];
  const check = (field: keyof ComparableOutcome, before: unknown, after: unknown): void => {
    if (show(before) !== show(after)) differences.push(`${field}: ${show(before)} → ${show(after)}`);
  };
  check('action', original.action, replayed.action);
  if (original.reasonCode !== null) check('reasonCode', original.reasonCode, replayed.reasonCode);
  check('reasonCodes', original.reasonCodes, replayed.reasonCodes);
  check('priority', original.priority, replayed.priority);
  check('tier', original.tier, replayed.tier);
  check('queue', original.queue, replayed.queue);
  return differences;
}
