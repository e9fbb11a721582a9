/**
 * What routing reads from the directory on each decision: an in-memory copy the server keeps
 * and refreshes when the directory changes, so a decision never waits for storage.
 */
import type { Agent } from './agent';
import type { Queue } from './queue';

export interface DirectorySnapshot {
  queues: readonly Queue[];
  agents: readonly Agent[];
  /** Handoffs waiting for an agent, per queue id. */
  waitingByQueue: Readonly<Record<string, number>>;
}
