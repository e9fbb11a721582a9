/**
 * A push-to-pull async iterator for GraphQL subscriptions: a producer `push`es events, graphql-js
 * pulls them with `next()`. Unlike an async generator, `return()` ends it at once even while a
 * `next()` is pending (a generator's `return()` waits for the next event), so a client that
 * unsubscribes, or a socket that closes, releases its listener immediately.
 */
export interface EventChannelOptions {
  /**
   * Most events held for a consumer that does not keep up; one more ends the subscription
   * (the client sees it complete and resubscribes for the current state).
   */
  maxBuffered: number;
  /** Called once when the channel ends (`return()`, `close()` or overflow): remove listeners here. */
  onClose: () => void;
}

export class EventChannel<T> implements AsyncIterableIterator<T> {
  private readonly buffer: T[] = [];
  private readonly pulls: ((result: IteratorResult<T, undefined>) => void)[] = [];
  private done = false;

  constructor(private readonly options: EventChannelOptions) {}

  /** True once ended; pushes are then ignored. */
  get closed(): boolean {
    return this.done;
  }

  /** Hands `value` to a waiting `next()`, or buffers it. */
  push(value: T): void {
    if (this.done) return;
    const pull = this.pulls.shift();
    if (pull) return pull({ value, done: false });
    if (this.buffer.length >= this.options.maxBuffered) return this.close();
    this.buffer.push(value);
  }

  next(): Promise<IteratorResult<T, undefined>> {
    if (this.buffer.length > 0) return Promise.resolve({ value: this.buffer.shift() as T, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.pulls.push(resolve));
  }

  return(): Promise<IteratorResult<T, undefined>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<T, undefined>> {
    this.close();
    return Promise.reject(error);
  }

  /** Ends the channel: buffered events are dropped, pending `next()`s resolve as done. */
  close(): void {
    if (this.done) return;
    this.done = true;
    this.buffer.length = 0;
    for (const pull of this.pulls.splice(0)) pull({ value: undefined, done: true });
    this.options.onClose();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
