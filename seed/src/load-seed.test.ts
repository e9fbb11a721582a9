import { loadSeed, SEED_COMMENT, type SeedTarget } from './load-seed';
import { referencePolicy, type SeedPolicy } from './reference-policy';

/** An in-memory store: a list of published policies. */
function memoryTarget(initial: SeedPolicy[] = []): SeedTarget & { published: { policy: SeedPolicy; comment: string }[] } {
  const published = initial.map((policy) => ({ policy, comment: 'existing' }));
  return {
    published,
    hasPolicies: async () => published.length > 0,
    createAndPublishPolicy: async (policy, comment) => {
      published.push({ policy, comment });
    },
  };
}

describe('loadSeed', () => {
  it('publishes the reference policy once into an empty store', async () => {
    const target = memoryTarget();
    await expect(loadSeed(target)).resolves.toBe(true);
    expect(target.published).toEqual([{ policy: referencePolicy, comment: SEED_COMMENT }]);
    await expect(loadSeed(target)).resolves.toBe(false);
    expect(target.published).toHaveLength(1);
  });

  it('leaves a store that already has a policy alone', async () => {
    const existing: SeedPolicy = { ...referencePolicy, id: 'custom', name: 'Custom' };
    const target = memoryTarget([existing]);
    await expect(loadSeed(target)).resolves.toBe(false);
    expect(target.published.map((p) => p.policy.id)).toEqual(['custom']);
  });

  it('passes a store failure on to the caller', async () => {
    const target: SeedTarget = {
      hasPolicies: async () => false,
      createAndPublishPolicy: async () => {
        throw new Error('store offline');
      },
    };
    await expect(loadSeed(target)).rejects.toThrow('store offline');
  });
});
