/**
 * A unit of work over tables in memory, for unit tests of services: no database, same semantics
 * as the SQLite adapter. Reads see committed state; writes are queued and applied at commit to
 * a copy of the tables, which replaces them only when every write succeeded, so a unit that
 * throws (a stale or duplicate write included) leaves nothing behind. Units run one at a time,
 * each reading what the one before it committed.
 *
 * Tables are copied shallowly per commit: repositories store and hand out copies of records and
 * replace a record (or a nested map) rather than change it in place.
 */
import { DuplicateKeyError, type UnitOfWork } from '../unit-of-work';

/** The state: named tables, each a map of records or an append-only list. */
export type MemoryTables = Record<string, Map<unknown, unknown> | unknown[]>;

/** Queues one write of the current unit; it runs at commit against the next tables. */
export type QueueMemoryWrite<State extends MemoryTables> = (write: (next: State) => void) => void;

/** A unit of work over `State`, with the committed tables for the read side. */
export interface MemoryUnitOfWork<State extends MemoryTables, Tx> extends UnitOfWork<Tx> {
  /** The committed tables. Read-only: copy what you hand out. */
  committed(): State;
}

/** Sets `key` of `table` (a unit's next tables) to `value`, as a unique index would. @throws DuplicateKeyError (`record`, `keyName`) when the key is taken. */
export function insertUnique<K, V>(table: Map<K, V>, key: K, value: V, record: string, keyName = 'id'): void {
  if (table.has(key)) throw new DuplicateKeyError(record, keyName);
  table.set(key, value);
}

/** Text order as SQLite's `ORDER BY` sorts it: by code unit, not by locale. */
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function copyTables<State extends MemoryTables>(state: State): State {
  const copy: MemoryTables = {};
  for (const [name, table] of Object.entries(state)) copy[name] = Array.isArray(table) ? [...table] : new Map(table);
  return copy as State;
}

/** Creates the unit of work. `repositories(committed, queue)` builds one unit's repositories. */
export function createMemoryUnitOfWork<State extends MemoryTables, Tx>(
  initial: State,
  repositories: (committed: State, queue: QueueMemoryWrite<State>) => Tx,
): MemoryUnitOfWork<State, Tx> {
  let state = initial;
  let last: Promise<unknown> = Promise.resolve();

  const run = async <T>(work: (tx: Tx) => Promise<T>): Promise<T> => {
    const writes: ((next: State) => void)[] = [];
    const result = await work(repositories(state, (write) => writes.push(write)));
    const next = copyTables(state);
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
