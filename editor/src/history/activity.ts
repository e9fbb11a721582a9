/**
 * What History lists as a policy's activity: every publish, activation (rollback or roll
 * forward, through an approved request or not) and emergency activation, read from the audit
 * log's `policy.publish`, `policy.activate` and `policy.emergencyActivate` events, newest first.
 */
import type { AuditPage } from '../api/types';

type AuditEvent = AuditPage['nodes'][number];

/** The audit actions History shows. */
export const ACTIVITY_ACTIONS = ['policy.publish', 'policy.activate', 'policy.emergencyActivate'] as const;

export interface Activity {
  sequence: number;
  at: string;
  /** Key id of who did it; null for Baton itself. */
  actor: string | null;
  kind: 'publish' | 'rollback' | 'rollForward' | 'emergency';
  /** The version active before (null: none). */
  from: number | null;
  to: number;
  comment: string;
}

const numberOr = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/** The events as activity, newest first; events without a version to show are left out. */
export function activityOf(events: readonly AuditEvent[]): Activity[] {
  const list: Activity[] = [];
  for (const event of events) {
    const after = (event.after ?? {}) as Record<string, unknown>;
    const before = (event.before ?? {}) as Record<string, unknown>;
    const to = numberOr(after.activeVersion);
    if (to === null) continue;
    const from = numberOr(before.activeVersion);
    const kind: Activity['kind'] =
      event.action === 'policy.publish'
        ? 'publish'
        : event.action === 'policy.emergencyActivate'
          ? 'emergency'
          : from !== null && to < from
            ? 'rollback'
            : 'rollForward';
    list.push({
      sequence: event.sequence,
      at: event.at,
      actor: event.actor.keyId ?? null,
      kind,
      from,
      to,
      comment: typeof after.comment === 'string' ? after.comment : '',
    });
  }
  return list.sort((a, b) => b.sequence - a.sequence);
}

/** One activity as a sentence: "Rolled back from v3 to v1", "Published v2 (v1 was active)". */
export function describeActivity(activity: Activity): string {
  const was = activity.from === null ? '' : ` (v${activity.from} was active)`;
  switch (activity.kind) {
    case 'publish':
      return `Published v${activity.to}${was}`;
    case 'rollback':
      return `Rolled back to v${activity.to}${was}`;
    case 'rollForward':
      return `Made v${activity.to} active${was}`;
    case 'emergency':
      return `Emergency activation of v${activity.to}${was}, without approvals`;
    default: {
      const unreachable: never = activity.kind;
      return unreachable;
    }
  }
}
