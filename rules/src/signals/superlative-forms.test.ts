import { superlativeBase } from './superlative-forms';

describe('superlativeBase', () => {
  it.each([
    ['es', 'cabreadisimo', 'cabreado'],
    ['es', 'malisima', 'mala'],
    ['es', 'riquisimos', 'ricos'],
    ['es', 'larguisimas', 'largas'],
    ['pt', 'chatissimo', 'chato'],
    ['pt', 'lindissimas', 'lindas'],
  ])('reads the %s superlative %s as %s', (language, word, base) => {
    expect(superlativeBase(language, word)).toBe(base);
  });

  it.each([
    ['es', 'pesimo'],
    ['es', 'ultimo'],
    ['es', 'visita'],
    ['pt', 'pessimo'],
    ['fr', 'cabreadisimo'],
  ])('leaves a word that is no regular superlative alone (%s): %s', (language, word) => {
    expect(superlativeBase(language, word)).toBeUndefined();
  });
});
