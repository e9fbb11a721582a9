import { pluralsOf } from './plural-forms';

describe('pluralsOf', () => {
  it.each([
    ['pt', 'horrivel', 'horriveis'],
    ['pt', 'inutil', 'inuteis'],
    ['pt', 'hostil', 'hostis'],
    ['pt', 'pessimo', 'pessimos'],
    ['pt', 'ruim', 'ruins'],
    ['pt', 'mau', 'maus'],
    ['es', 'lamentable', 'lamentables'],
    ['es', 'inutil', 'inutiles'],
    ['es', 'incapaz', 'incapaces'],
    ['fr', 'nul', 'nuls'],
    ['fr', 'lamentable', 'lamentables'],
    ['fr', 'anormal', 'anormaux'],
  ])('%s %s -> %s', (language, word, plural) => {
    expect(pluralsOf(language, word)).toContain(plural);
  });

  it('leaves words without a regular plural, expressions and languages without rules alone', () => {
    expect(pluralsOf('fr', 'mauvais')).toEqual([]);
    expect(pluralsOf('es', 'de nuevo')).toEqual([]);
    expect(pluralsOf('en', 'awful')).toEqual([]);
    expect(pluralsOf('de', 'schlecht')).toEqual([]);
  });
});
