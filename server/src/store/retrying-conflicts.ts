/**
 * Retrying a unit of work that lost a race: another writer changed what it read (a
 * {@link StaleWriteError}) or took the key it inserts (a {@link DuplicateKeyError}) between its
 * read and its write. Each try runs `run` afresh, so it decides on fresh data (and finds, for
 * instance, the record the other writer inserted); a conflict on every try is an error.
 */
import { DuplicateKeyError, StaleWriteError } from './unit-of-work';

/** Tries of one change before its conflict is thrown. */
const ATTEMPTS = 5;

/**
 * Runs `run` until it does not end in a storage conflict, at most 5 times.
 * @throws the last conflict after 5 tries; anything else `run` throws at once
 */
export async function retryingConflicts<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      const conflict = error instanceof StaleWriteError || error instanceof DuplicateKeyError;
      if (!conflict || attempt >= ATTEMPTS) throw error;
    }
  }
}
