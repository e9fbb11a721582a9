/** Internal: turning MongoDB's duplicate-key errors into the unit of work's {@link DuplicateKeyError}. */
import { DuplicateKeyError } from '../unit-of-work';
import { isDuplicateKey } from './mongo-context';

/** True when `error`'s unique index includes `field` (the server names it in `keyPattern`). */
function onField(error: unknown, field: string): boolean {
  const { keyPattern } = error as { keyPattern?: Record<string, unknown> };
  return keyPattern !== undefined && Object.hasOwn(keyPattern, field);
}

/**
 * Runs `write`, rethrowing a duplicate key on one of `keys`' unique-index fields as the unit of
 * work's {@link DuplicateKeyError} named by the port's key (e.g. `{ _id: 'id' }`); anything else unchanged.
 */
export async function insertOrDuplicate(record: string, keys: Record<string, string>, write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (thrown) {
    const field = isDuplicateKey(thrown) ? Object.keys(keys).find((f) => onField(thrown, f)) : undefined;
    throw field === undefined ? thrown : new DuplicateKeyError(record, keys[field] as string);
  }
}
