/**
 * A unit of work over plain objects in memory, for unit tests of services: no database, same
 * semantics as the SQLite adapter. Reads see committed state; writes are queued and applied at
 * commit to a copy of the state, which replaces it only when every write succeeded, so a unit
 * that throws (a stale or duplicate write included) leaves nothing behind. Units run one at a
 * time, each reading what the one before it committed.
 */
import type { UnitOfWork } from '../unit-of-work';

/** Queues one write of the current unit; it runs at commit against the next state. */
export type QueueMemoryWrite<State> = (write: (next: State) => void) => void;

/** A unit of work over `State`, with a view of what it committed for the read side. */
export interface MemoryUnitOfWork<State, Tx> extends UnitOfWork<Tx> {
  /** The committed state. Read-only by convention: copy what you hand out. */
  committed(): State;
}

/**
 * Creates the unit of work. `repositories(committed, queue)` builds one unit's repositories:
 * reads from `committed`, writes through `queue`. State is copied with `structuredClone` per
 * commit, fine for test-sized data.
 */
export function createMemoryUnitOfWork<State, Tx>(
  initial: State,
  repositories: (committed: State, queue: QueueMemoryWrite<State>) => Tx,
): MemoryUnitOfWork<State, Tx> {
  let state = initial;
  let last: Promise<unknown> = Promise.resolve();

  const run = async <T>(work: (tx: Tx) => Promise<T>): Promise<T> => {
    const writes: ((next: State) => void)[] = [];
    const result = await work(repositories(state, (write) => writes.push(write)));
    const next = structuredClone(state);
    for (const write of writes) write(next);
    state = next;
    return result;
  };

  return {
    committed: () => state,
    transaction: (work) => {
      const result = last.then(() => run(work));
      last = result.catch(() => undefined);
      return result;
    },
  };
}
