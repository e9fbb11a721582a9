/**
 * The policy change stream's behaviour, driven by a FAKE connection and FAKE change streams
 * (event emitters with the `watch`/`on`/`close` surface used): no MongoDB server runs here, so
 * these tests cover the listener calls, the standalone fallback, reopening and closing, not the
 * driver talking to a real replica set.
 */
import { EventEmitter } from 'node:events';
import type { Connection } from 'mongoose';
import { silentLogger } from '../../logger';
import { captureLogs } from '../../test-support/captured-logs';
import { POLICIES_COLLECTION, watchMongoPolicyChanges, type PolicyChangeConnection, type PolicyChangeStream } from './mongo-policy-changes';

// Compile-time check (tsc -b): a real mongoose connection is what the lead passes in.
export const acceptsMongooseConnection = (connection: Connection): PolicyChangeConnection => connection;

class FakeChangeStream extends EventEmitter implements PolicyChangeStream {
  closed = false;
  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}

/** A fake connection whose successive `watch` calls answer from `answers` (a stream, a thrown error, or a pending promise). */
function fakeConnection(answers: (FakeChangeStream | Error | Promise<FakeChangeStream>)[]) {
  const calls: { collection: string; pipeline: Record<string, unknown>[] }[] = [];
  const connection: PolicyChangeConnection = {
    collection: (name) => ({
      watch: (pipeline) => {
        calls.push({ collection: name, pipeline });
        const answer = answers.shift();
        if (answer === undefined) throw new Error('test: no more fake streams');
        if (answer instanceof Error) throw answer;
        return answer;
      },
    }),
  };
  return { connection, calls };
}

function serverError(code: number, message: string): Error {
  return Object.assign(new Error(message), { code });
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watchMongoPolicyChanges (fake connection, no MongoDB server)', () => {
  it('watches the policies collection, calls the listener on every change and stops at unsubscribe', async () => {
    const stream = new FakeChangeStream();
    const { connection, calls } = fakeConnection([stream]);
    const { logger, lines } = captureLogs();
    let changes = 0;
    const unsubscribe = watchMongoPolicyChanges(connection, logger)(() => (changes += 1));
    await waitFor(() => stream.listenerCount('change') > 0, 'the change listener');
    expect(calls).toEqual([{ collection: POLICIES_COLLECTION, pipeline: [{ $project: { operationType: 1 } }] }]);

    stream.emit('change', { operationType: 'update' });
    stream.emit('change', { operationType: 'insert' });
    expect(changes).toBe(2);

    await unsubscribe();
    expect(stream.closed).toBe(true);
    stream.emit('change', { operationType: 'update' });
    expect(changes).toBe(2);
    expect(lines).toEqual([]);
  });

  it('on a standalone server (code 40573) logs one warning, relies on polling and never reopens', async () => {
    const stream = new FakeChangeStream();
    const { connection, calls } = fakeConnection([stream, new FakeChangeStream()]);
    const { logger, lines } = captureLogs();
    let changes = 0;
    const unsubscribe = watchMongoPolicyChanges(connection, logger, { firstDelayMs: 1 })(() => (changes += 1));
    await waitFor(() => stream.listenerCount('error') > 0, 'the error listener');

    stream.emit('error', serverError(40573, 'The $changeStream stage is only supported on replica sets'));
    await sleep(30);
    expect(calls).toHaveLength(1);
    expect(stream.closed).toBe(true);
    expect(changes).toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'warn', err: { message: 'The $changeStream stage is only supported on replica sets' } });
    expect(lines[0]?.msg).toMatch(/not a replica set.*polling every BATON_POLICY_POLL_MS/);
    await unsubscribe();
  });

  it('reopens a failed stream after a doubling delay, tells the listener once per reopening, and starts the delay afresh once a stream works', async () => {
    const first = new FakeChangeStream();
    const second = new FakeChangeStream();
    const third = new FakeChangeStream();
    const fourth = new FakeChangeStream();
    const { connection, calls } = fakeConnection([first, second, third, fourth]);
    const { logger, lines } = captureLogs();
    let changes = 0;
    const unsubscribe = watchMongoPolicyChanges(connection, logger, { firstDelayMs: 5, maxDelayMs: 1000 })(() => (changes += 1));
    await waitFor(() => first.listenerCount('error') > 0, 'the first stream');

    first.emit('error', serverError(6, 'connection reset by peer'));
    await waitFor(() => calls.length === 2 && second.listenerCount('change') > 0, 'the second stream');
    expect(first.closed).toBe(true);
    expect(changes).toBe(1);

    second.emit('error', serverError(6, 'host unreachable'));
    await waitFor(() => calls.length === 3 && third.listenerCount('change') > 0, 'the third stream');
    expect(changes).toBe(2);

    third.emit('change', { operationType: 'update' });
    expect(changes).toBe(3);
    third.emit('error', serverError(6, 'connection reset by peer'));
    await waitFor(() => calls.length === 4 && fourth.listenerCount('change') > 0, 'the fourth stream');
    expect(changes).toBe(4);

    const delays = lines.filter((line) => line.level === 'warn').map((line) => line.reopenInMs);
    expect(delays).toEqual([5, 10, 5]);
    expect(lines.filter((line) => line.msg === 'policy change stream reopened')).toHaveLength(3);
    await unsubscribe();
    expect(fourth.closed).toBe(true);
  });

  it('retries when opening the stream itself fails', async () => {
    const stream = new FakeChangeStream();
    const { connection, calls } = fakeConnection([new Error('not connected'), stream]);
    const { logger, lines } = captureLogs();
    let changes = 0;
    const unsubscribe = watchMongoPolicyChanges(connection, logger, { firstDelayMs: 5 })(() => (changes += 1));
    await waitFor(() => calls.length === 2 && stream.listenerCount('change') > 0, 'the retried stream');
    expect(lines[0]).toMatchObject({ level: 'warn', err: { message: 'not connected' }, reopenInMs: 5 });
    expect(changes).toBe(1);
    await unsubscribe();
  });

  it('cancels a pending reopening at unsubscribe', async () => {
    const stream = new FakeChangeStream();
    const { connection, calls } = fakeConnection([stream, new FakeChangeStream()]);
    const unsubscribe = watchMongoPolicyChanges(connection, silentLogger, { firstDelayMs: 20 })(() => undefined);
    await waitFor(() => stream.listenerCount('error') > 0, 'the stream');
    stream.emit('error', serverError(6, 'connection reset by peer'));
    await unsubscribe();
    await sleep(60);
    expect(calls).toHaveLength(1);
  });

  it('waits for a stream mongoose is still opening, and closes it unused when unsubscribed meanwhile', async () => {
    let resolve: (stream: FakeChangeStream) => void = () => undefined;
    const pending = new Promise<FakeChangeStream>((done) => (resolve = done));
    const stream = new FakeChangeStream();
    const { connection } = fakeConnection([pending]);
    let changes = 0;
    const unsubscribe = watchMongoPolicyChanges(connection, silentLogger)(() => (changes += 1));
    const unsubscribed = unsubscribe();
    resolve(stream);
    await unsubscribed;
    expect(stream.closed).toBe(true);
    expect(stream.listenerCount('change')).toBe(0);
    expect(changes).toBe(0);
  });
});
