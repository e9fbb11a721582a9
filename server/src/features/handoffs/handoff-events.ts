/**
 * The in-process bus of handoff events: `HandoffService` publishes each handoff it starts and
 * each lifecycle step after the store committed it (the sweeper's timeouts included, since it
 * steps through the service), and the directory its changes (agents, presence, queues) with the
 * queued handoffs freed capacity took. Subscriptions (`handoff-feed.ts`, `queue-status-feed.ts`)
 * listen here. Events live in this process only: a server sharing the store with others pushes
 * its own changes, not theirs.
 */
import type { AssignmentRecord, HandoffEvent } from './handoff-store';

/** What happened to a handoff: started, taken from the queue by freed capacity (`assign`), or a lifecycle step. */
export type HandoffEventKind = 'start' | 'assign' | HandoffEvent;

/** One event on the bus. */
export type HandoffBusMessage =
  /** A handoff as the store wrote it (position included). */
  | { kind: 'handoff'; change: HandoffEventKind; assignment: AssignmentRecord }
  /** Queues, agents or presence changed: queue figures (agents online, wait estimates) may have moved. */
  | { kind: 'directory' };

export type HandoffBusListener = (message: HandoffBusMessage) => void;

export interface HandoffEventsOptions {
  /** Reads a handoff the directory assigned (`directoryChanged`). */
  read: (decisionId: string) => Promise<AssignmentRecord | null>;
  /** Told of a listener that threw or a read that failed; the other listeners still run. */
  onError?: (error: unknown) => void;
}

export class HandoffEvents {
  private readonly listeners = new Set<HandoffBusListener>();

  constructor(private readonly options: HandoffEventsOptions) {}

  /** Sends `message` to every listener, synchronously and in publishing order. */
  publish(message: HandoffBusMessage): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(message);
      } catch (error) {
        this.options.onError?.(error);
      }
    }
  }

  /** Publishes a committed handoff change. */
  handoffChanged(assignment: AssignmentRecord, change: HandoffEventKind): void {
    this.publish({ kind: 'handoff', change, assignment });
  }

  /**
   * Publishes a directory change, then each queued handoff the change assigned (an agent came
   * online or got free capacity), read after the directory's transaction committed.
   */
  async directoryChanged(assigned: readonly string[]): Promise<void> {
    this.publish({ kind: 'directory' });
    for (const decisionId of assigned) {
      try {
        const assignment = await this.options.read(decisionId);
        if (assignment) this.handoffChanged(assignment, 'assign');
      } catch (error) {
        this.options.onError?.(error);
      }
    }
  }

  /** Adds a listener. @returns the function that removes it */
  listen(listener: HandoffBusListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
}
