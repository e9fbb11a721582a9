import { isTypoOf } from './fuzzy-match';

describe('isTypoOf', () => {
  it.each([
    ['acount', 'account'],
    ['hackd', 'hacked'],
    ['accountt', 'account'],
    ['recieve', 'receive'],
    ['humen', 'human'],
    ['subscripton', 'subscription'],
    ['unautorized', 'unauthorized'],
    ['unauthorixed', 'unauthorized'],
  ])('accepts %s for %s', (word, target) => {
    expect(isTypoOf(word, target)).toBe(true);
  });

  it.each([
    ['changed', 'charged', 'consonant substitution in a short word'],
    ['backed', 'hacked', 'different first letter'],
    ['sue', 'see', 'target too short'],
    ['account', 'account', 'identical'],
    ['acct', 'account', 'more than one edit'],
    ['hacking', 'hacked', 'two edits'],
  ])('rejects %s for %s (%s)', (word, target) => {
    expect(isTypoOf(word, target)).toBe(false);
  });
});
