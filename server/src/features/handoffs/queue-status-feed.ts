/**
 * Pushes queue figures to `queueStatusUpdated` subscribers: the current status of each watched
 * queue on subscribing, then a new one whenever it differs from the last one that subscriber got.
 * Figures are recomputed for the queues a handoff event touched, for every watched queue after a
 * directory change, and on a periodic tick (`BATON_QUEUE_STATUS_TICK_SECONDS`), since the
 * longest wait grows while nothing happens. Events arriving together are computed once
 * (`COALESCE_MS`), and computations run one after another, so no subscriber gets an older figure
 * after a newer one. The tick runs only while someone watches.
 */
import { EventChannel } from '../../graphql/event-channel';
import type { Logger } from '../../logger';
import type { HandoffBusMessage, HandoffEvents } from './handoff-events';
import type { QueueStatusView } from './queue-status';

/** Events within this many ms are computed once. */
const COALESCE_MS = 25;
/** Figures held for a subscriber that does not read them; more end its subscription. */
const MAX_BUFFERED = 1000;

export interface QueueStatusFeedDeps {
  /** `QueueStatusService.statuses`. */
  statuses: (queueIds: readonly string[] | null) => Promise<QueueStatusView[]>;
  events: Pick<HandoffEvents, 'listen'>;
  /** Time between recomputations while nothing happens, ms. */
  tickMs: number;
  logger: Logger;
}

interface Watcher {
  /** Queue ids watched; null: every queue. */
  queueIds: ReadonlySet<string> | null;
  channel: EventChannel<QueueStatusView>;
  /** Fingerprint of the last status sent per queue. */
  sent: Map<string, string>;
}

/** A status without its time, to tell whether anything a person sees changed. */
const fingerprint = (status: QueueStatusView): string => JSON.stringify({ ...status, at: null });

export class QueueStatusFeed {
  private readonly watchers = new Set<Watcher>();
  /** Queues to recompute; null: all watched. */
  private dirty: Set<string> | null = new Set();
  private pending: NodeJS.Timeout | undefined;
  private ticker: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();
  private readonly unlisten: () => void;

  constructor(private readonly deps: QueueStatusFeedDeps) {
    this.unlisten = deps.events.listen((message) => this.onEvent(message));
  }

  /**
   * A subscription to `queueId` (every queue when null): its current status first, then changes.
   * @throws NOT_FOUND for an unknown queue
   */
  async watch(queueId: string | null): Promise<AsyncIterableIterator<QueueStatusView>> {
    const initial = await this.deps.statuses(queueId === null ? null : [queueId]);
    const watcher: Watcher = {
      queueIds: queueId === null ? null : new Set([queueId]),
      channel: new EventChannel<QueueStatusView>({ maxBuffered: MAX_BUFFERED, onClose: () => this.remove(watcher) }),
      sent: new Map(),
    };
    this.watchers.add(watcher);
    this.send(watcher, initial);
    // Anything that changed while the first figures were read is sent by the next computation.
    this.markDirty(null);
    this.ticker ??= setInterval(() => this.markDirty(null), this.deps.tickMs).unref();
    return watcher.channel;
  }

  /** Ends every subscription and stops the tick. */
  async close(): Promise<void> {
    this.unlisten();
    for (const watcher of [...this.watchers]) watcher.channel.close();
    clearTimeout(this.pending);
    await this.chain;
  }

  private onEvent(message: HandoffBusMessage): void {
    if (this.watchers.size === 0) return;
    this.markDirty(message.kind === 'handoff' ? message.assignment.queueId : null);
  }

  private markDirty(queueId: string | null): void {
    if (queueId === null) this.dirty = null;
    else this.dirty?.add(queueId);
    this.pending ??= setTimeout(() => {
      this.pending = undefined;
      this.chain = this.chain.then(() => this.flush());
    }, COALESCE_MS).unref();
  }

  private async flush(): Promise<void> {
    const dirty = this.dirty;
    this.dirty = new Set();
    if (this.watchers.size === 0) return;
    const watchesAll = [...this.watchers].some((w) => w.queueIds === null);
    const watched = new Set([...this.watchers].flatMap((w) => (w.queueIds ? [...w.queueIds] : [])));
    const ids = dirty === null ? (watchesAll ? null : [...watched]) : [...dirty].filter((id) => watchesAll || watched.has(id));
    if (ids !== null && ids.length === 0) return;
    try {
      const statuses = await this.deps.statuses(ids);
      for (const watcher of this.watchers) this.send(watcher, statuses);
    } catch (error) {
      this.deps.logger.error({ err: error }, 'queue status update failed');
    }
  }

  /** Sends `watcher` the statuses of its queues that changed since it last got them. */
  private send(watcher: Watcher, statuses: readonly QueueStatusView[]): void {
    for (const status of statuses) {
      if (watcher.queueIds && !watcher.queueIds.has(status.queueId)) continue;
      const print = fingerprint(status);
      if (watcher.sent.get(status.queueId) === print) continue;
      watcher.sent.set(status.queueId, print);
      watcher.channel.push(status);
    }
  }

  private remove(watcher: Watcher): void {
    this.watchers.delete(watcher);
    if (this.watchers.size > 0) return;
    clearInterval(this.ticker);
    this.ticker = undefined;
  }
}
