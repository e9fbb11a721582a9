/**
 * The live queue's state, kept apart from React: each queue's latest figures as the server pushes
 * them (`queueStatusUpdated`), newest per queue wins, busiest queues first; and the wording of
 * waits for people.
 */
import type { EditorQueueStatusSubscription } from '../api/generated/operations';

export type LiveQueueStatus = EditorQueueStatusSubscription['queueStatusUpdated'];

/** Latest status per queue id. */
export type LiveQueues = ReadonlyMap<string, LiveQueueStatus>;

/** `queues` with `status` in place of its queue's older figures; an older status than the one held is ignored. */
export function withStatus(queues: LiveQueues, status: LiveQueueStatus): LiveQueues {
  const held = queues.get(status.queueId);
  if (held && Date.parse(held.at) > Date.parse(status.at)) return queues;
  return new Map(queues).set(status.queueId, status);
}

/** The queues for display: those where people wait first (most waiting first), then by name. */
export function sortedQueues(queues: LiveQueues): LiveQueueStatus[] {
  return [...queues.values()].sort((a, b) => b.waiting - a.waiting || a.queueName.localeCompare(b.queueName) || a.queueId.localeCompare(b.queueId));
}

/** Handoffs waiting in every queue together. */
export function totalWaiting(queues: LiveQueues): number {
  let total = 0;
  for (const status of queues.values()) total += status.waiting;
  return total;
}

/** A duration in seconds as people read it: `45 s`, `2 min 05 s`, `1 h 02 min`; null (unknown) as `unknown`. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return 'unknown';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}
