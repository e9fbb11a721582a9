/**
 * Pushes handoff lifecycle events to `handoffUpdated` subscribers, filtered by conversation or
 * queue and by what the key may see (a BOT key: only the handoffs it started, `checkHandoffAccess`).
 * A conversation's subscriber gets its current handoff first, then every change of it, plus a
 * fresh reading whenever something in its queue or the directory moved while it waits, so its
 * place in the queue and its wait estimate stay current. Each subscriber's events are prepared
 * one after another (the wait estimate reads the directory), so they arrive in commit order.
 */
import { isBatonError, notFound } from '../../baton-error';
import { EventChannel } from '../../graphql/event-channel';
import type { Logger } from '../../logger';
import type { Actor } from '../audit/audit-event';
import type { HandoffBusMessage, HandoffEvents } from './handoff-events';
import { checkHandoffAccess } from './handoff-lifecycle';
import type { AssignmentView } from './handoff-service';
import type { AssignmentRecord, HandoffStore } from './handoff-store';

/** Events held for a subscriber that does not read them; more end its subscription. */
const MAX_BUFFERED = 1000;

export interface HandoffFilter {
  conversationId?: string | null;
  queueId?: string | null;
}

export interface HandoffFeedDeps {
  store: Pick<HandoffStore, 'findByConversation'>;
  events: Pick<HandoffEvents, 'listen'>;
  /** A handoff with its wait estimate (`HandoffService.present`). */
  present: (record: AssignmentRecord) => Promise<AssignmentView>;
  /** Whether a queue exists (the directory's). */
  queueExists: (queueId: string) => Promise<boolean>;
  logger: Logger;
}

/** What a subscriber sees of a handoff; a repeat of the last one sent is not sent again. */
const fingerprint = (view: AssignmentView): string =>
  JSON.stringify([view.decisionId, view.status, view.agentId, view.position, view.estimatedWaitSeconds, view.requeues, view.queueId]);

export class HandoffFeed {
  private readonly channels = new Set<EventChannel<AssignmentView>>();

  constructor(private readonly deps: HandoffFeedDeps) {}

  /**
   * A subscription to the handoffs matching `filter` that `actor` may see.
   * @throws NOT_FOUND for an unknown queue; FORBIDDEN when a BOT key asks for a conversation whose handoff another key started
   */
  async watch(filter: HandoffFilter, actor: Actor): Promise<AsyncIterableIterator<AssignmentView>> {
    const { conversationId, queueId } = filter;
    if (queueId && !(await this.deps.queueExists(queueId))) {
      throw notFound(`Queue '${queueId}' does not exist; list queues with the queues query.`, { queueId });
    }
    const visible = (record: AssignmentRecord): boolean => {
      if (conversationId && record.conversationId !== conversationId) return false;
      if (queueId && record.queueId !== queueId) return false;
      try {
        checkHandoffAccess(record, actor);
        return true;
      } catch (error) {
        if (isBatonError(error)) return false;
        throw error;
      }
    };
    let last: AssignmentView | null = null;
    let lastPrint = '';
    let chain: Promise<void> = Promise.resolve();
    const channel: EventChannel<AssignmentView> = new EventChannel<AssignmentView>({
      maxBuffered: MAX_BUFFERED,
      onClose: () => {
        unlisten();
        this.channels.delete(channel);
      },
    });
    /** Queues `prepare` after the subscriber's earlier events; sends what it returns unless already sent. */
    const enqueue = (prepare: () => Promise<AssignmentView | null>) => {
      chain = chain.then(async () => {
        if (channel.closed) return;
        try {
          const view = await prepare();
          if (!view || channel.closed) return;
          const print = fingerprint(view);
          if (print === lastPrint) return;
          last = view;
          lastPrint = print;
          channel.push(view);
        } catch (error) {
          this.deps.logger.error({ err: error }, 'handoff subscription update failed');
        }
      });
    };
    /** A fresh reading of the conversation's handoff, sent only while it still stands where it stood (a newer step is sent as itself). */
    const refresh = (id: string) =>
      enqueue(async () => {
        const record = await this.deps.store.findByConversation(id);
        if (!record || !last || record.decisionId !== last.decisionId || record.status !== last.status || !visible(record)) return null;
        return this.deps.present(record);
      });
    const onEvent = (message: HandoffBusMessage): void => {
      if (message.kind === 'handoff' && visible(message.assignment)) {
        const record = message.assignment;
        enqueue(() => this.deps.present(record));
        return;
      }
      // Another handoff of its queue moved, or agents did: a waiting conversation's place or estimate may have changed.
      if (!conversationId || last?.status !== 'QUEUED') return;
      if (message.kind === 'directory' || message.assignment.queueId === last.queueId) refresh(conversationId);
    };
    const unlisten = this.deps.events.listen(onEvent);
    this.channels.add(channel);
    if (conversationId) {
      // Listening started before this read, so no change after it is missed.
      try {
        const current = await this.deps.store.findByConversation(conversationId);
        if (current) {
          checkHandoffAccess(current, actor);
          // A change that arrived during the read is newer than it: then the read is not sent.
          if (!queueId || current.queueId === queueId) enqueue(async () => (last ? null : this.deps.present(current)));
        }
      } catch (error) {
        channel.close();
        throw error;
      }
    }
    return channel;
  }

  /** Ends every subscription. */
  close(): void {
    for (const channel of [...this.channels]) channel.close();
  }
}
