import { BatonErrorCode } from '@baton/schemas';
import { resolvePolicyId, slugify } from './policy-id';

describe('policy ids', () => {
  it.each([
    ['Support EU', 'support-eu'],
    ['  Façade — Été 2025 ', 'facade-ete-2025'],
    ['a'.repeat(80), 'a'.repeat(64)],
    ['!!!', ''],
  ])('slugifies %j as %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('keeps a valid id and refuses an invalid one', () => {
    expect(resolvePolicyId('support-eu-2', 'ignored')).toBe('support-eu-2');
    for (const id of ['Support', 'a--b', '-a', 'a_b', '', 'x'.repeat(65)]) {
      expect(() => resolvePolicyId(id, 'Name')).toThrow(expect.objectContaining({ code: BatonErrorCode.BadUserInput }));
    }
    expect(() => resolvePolicyId(undefined, '***')).toThrow(expect.objectContaining({ code: BatonErrorCode.BadUserInput }));
  });
});
