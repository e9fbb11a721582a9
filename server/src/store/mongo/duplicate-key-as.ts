/** Internal: turning MongoDB's duplicate-key errors into the port's CONFLICT. */
import type { BatonError } from '../../baton-error';
import { isDuplicateKey } from './mongo-context';

/**
 * A `catch` handler that rethrows a duplicate-key error (code 11000) as `error()` and anything
 * else unchanged: the unique index caught what a store's own check could not see (a concurrent
 * writer), and the client should get the same CONFLICT as from that check.
 */
export function duplicateKeyAs(error: () => BatonError | Promise<BatonError>): (thrown: unknown) => Promise<never> {
  return async (thrown) => {
    throw isDuplicateKey(thrown) ? await error() : thrown;
  };
}
