/** The `SeedTarget` the seed loader fills an empty store through: the policy service, as the system. */
import type { SeedTarget } from '@baton/seed';
import type { Actor } from '../audit/audit-event';
import type { PolicyService } from './policy-service';
import type { PolicyStore } from './policy-store';

/** Author recorded on versions the seed publishes. */
export const SEED_ACTOR: Actor = { keyId: 'system:seed', role: 'system' };

/** Seeds through the service (validated, compiled, hashed like any publish); the seed policy becomes default. */
export function createPolicySeedTarget(service: PolicyService, store: PolicyStore): SeedTarget {
  return {
    hasPolicies: () => store.hasPolicies(),
    createAndPublishPolicy: async (policy, comment) => {
      await service.createAndPublish(policy, comment, true, SEED_ACTOR);
    },
  };
}
