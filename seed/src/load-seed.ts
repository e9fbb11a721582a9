/**
 * Fills an empty policy store with the reference policy on first start. The store is reached
 * through `SeedTarget`, which the server implements over its policy service, so seed does not
 * depend on the server.
 */
import { referencePolicy, type SeedPolicy } from './reference-policy';

/** The two store operations the loader needs. */
export interface SeedTarget {
  /** True when the store holds at least one policy (draft or published). */
  hasPolicies(): Promise<boolean>;
  /** Creates `policy` and publishes its document as version 1, recording `comment` on the version. */
  createAndPublishPolicy(policy: SeedPolicy, comment: string): Promise<void>;
}

/** Version comment recorded when the reference policy is loaded. */
export const SEED_COMMENT = 'Reference policy loaded on first start';

/**
 * Publishes the reference policy (`support-default`) when `target` holds no policy yet, and
 * does nothing otherwise, so it is safe to call on every start.
 *
 * @returns `true` when the policy was published, `false` when the store already had policies.
 * @throws whatever `target` throws; nothing is retried.
 */
export async function loadSeed(target: SeedTarget): Promise<boolean> {
  if (await target.hasPolicies()) return false;
  await target.createAndPublishPolicy(referencePolicy, SEED_COMMENT);
  return true;
}
