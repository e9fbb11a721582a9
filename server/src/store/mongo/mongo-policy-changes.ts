/**
 * Push notification of policy changes for the MongoDB store: a change stream on the `policies`
 * collection calls the listener on every insert, update, replace or delete, whichever server
 * made it, so each server's policy head cache drops what it holds at once.
 *
 * Change streams need a replica set (or a sharded cluster). On a standalone server the stream
 * fails with code 40573; then one warning is logged and the servers rely on polling
 * (`BATON_POLICY_POLL_MS`). Any other failure after the driver's own resume attempts is logged
 * and the stream reopened after a delay that doubles up to a cap; the listener is called once
 * on reopening, since changes made while no stream was open were missed. Polling keeps running
 * in every case, so a broken stream only costs latency, never correctness.
 */
import type { Logger } from '../../logger';
import type { WatchPolicyChanges } from '../baton-store';

/** Collection the MongoDB policy store keeps one document per policy in (head, draft, default flag). */
export const POLICIES_COLLECTION = 'policies';

/** MongoDB's error code for "The $changeStream stage is only supported on replica sets". */
const CHANGE_STREAMS_NEED_REPLICA_SET = 40573;

/** Only that something changed matters: project each event down to its resume token (`_id`, always kept) and kind. */
const PIPELINE = [{ $project: { operationType: 1 } }];

/** The part of a change stream used here; `mongodb`'s `ChangeStream` has it. */
export interface PolicyChangeStream {
  on(event: 'change' | 'resumeTokenChanged', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  close(): Promise<void>;
}

/**
 * The part of a connection used here; a `mongoose.Connection` has it. Mongoose returns a
 * promise from `watch` while the connection is still opening, the stream once it is open.
 */
export interface PolicyChangeConnection {
  collection(name: string): { watch(pipeline: Record<string, unknown>[]): PolicyChangeStream | Promise<PolicyChangeStream> };
}

export interface PolicyChangeRetry {
  /** Delay before the first reopening of a failed stream, in ms (default 1000). */
  firstDelayMs?: number;
  /** Cap of the doubling delay, in ms (default 60,000). */
  maxDelayMs?: number;
}

function needsReplicaSet(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === CHANGE_STREAMS_NEED_REPLICA_SET;
}

/**
 * The `watchPolicyChanges` member of the MongoDB store. Each subscription opens its own change
 * stream on `connection`; its unsubscribe closes the stream, cancels a pending reopening and
 * resolves once the listener can no longer be called. Opening failures are not thrown: they are
 * logged, as described above.
 */
export function watchMongoPolicyChanges(connection: PolicyChangeConnection, logger: Logger, retry: PolicyChangeRetry = {}): WatchPolicyChanges {
  const firstDelayMs = retry.firstDelayMs ?? 1000;
  const maxDelayMs = retry.maxDelayMs ?? 60_000;
  return (listener) => {
    let stream: PolicyChangeStream | undefined;
    let opening: Promise<void> | undefined;
    let reopenTimer: NodeJS.Timeout | undefined;
    let failures = 0;
    let stopped = false;

    const fail = (failed: PolicyChangeStream | undefined, error: unknown): void => {
      // After unsubscribing, or an error of a stream already replaced: nothing to do.
      if (stopped || failed !== stream) return;
      stream = undefined;
      failed?.close().catch(() => undefined);
      if (needsReplicaSet(error)) {
        logger.warn(
          { err: error },
          'MongoDB change streams are unavailable (the server is standalone, not a replica set): policy changes made through other Baton servers are picked up by polling every BATON_POLICY_POLL_MS',
        );
        return;
      }
      failures += 1;
      const delayMs = Math.min(firstDelayMs * 2 ** (failures - 1), maxDelayMs);
      logger.warn({ err: error, reopenInMs: delayMs }, 'policy change stream failed; polling covers the gap until it is reopened');
      reopenTimer = setTimeout(() => {
        reopenTimer = undefined;
        opening = open(true);
      }, delayMs);
      // A pending reopening must not keep a shutting-down process alive.
      reopenTimer.unref();
    };

    const open = async (reopening: boolean): Promise<void> => {
      let opened: PolicyChangeStream;
      try {
        opened = await connection.collection(POLICIES_COLLECTION).watch(PIPELINE);
      } catch (error) {
        fail(undefined, error);
        return;
      }
      if (stopped) {
        await opened.close().catch(() => undefined);
        return;
      }
      stream = opened;
      opened.on('error', (error) => fail(opened, error));
      // Either event proves the stream works: later failures start the backoff afresh.
      opened.on('resumeTokenChanged', () => {
        failures = 0;
      });
      opened.on('change', () => {
        failures = 0;
        if (!stopped) listener();
      });
      if (reopening) {
        logger.info('policy change stream reopened');
        listener();
      }
    };

    opening = open(false);
    return async () => {
      stopped = true;
      clearTimeout(reopenTimer);
      await opening;
      const current = stream;
      stream = undefined;
      // Shutting down goes on even when the stream cannot be closed cleanly (connection already gone).
      await current?.close().catch((error: unknown) => logger.warn({ err: error }, 'policy change stream did not close cleanly'));
    };
  };
}
