import { foldText, tokenise } from './text-normalise';

describe('foldText', () => {
  it('lower-cases, strips accents and folds ß', () => {
    expect(foldText('Lächerlich, Ça MARCHE? Straße, não, ¿Dónde?')).toBe('lacherlich, ca marche? strasse, nao, ¿donde?');
  });
});

describe('tokenise', () => {
  const words = (text: string) => tokenise(text).map((token) => token.word);

  it('splits English contractions, with or without the apostrophe', () => {
    expect(words("I don't want it, I can't, won't, dont")).toEqual(['i', 'do', 'not', 'want', 'it', 'i', 'can', 'not', 'will', 'not', 'do', 'not']);
  });

  it("splits French elisions and keeps hyphenated words' parts", () => {
    expect(words("J'ai été débité, c'est l'agent: peut-être")).toEqual(['j', 'ai', 'ete', 'debite', 'c', 'est', 'l', 'agent', 'peut', 'etre']);
  });

  it('keeps offsets into the original text', () => {
    const text = '  Where is   MY order?';
    const [, , my] = tokenise(text);
    expect(my && text.slice(my.start, my.end)).toBe('MY');
  });

  it('numbers sentences at . ! ? and clauses at commas and "but"-words', () => {
    const tokens = tokenise('Thanks, but no. Where is it? Bien, pero no');
    expect(tokens.map((t) => t.sentence)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
    expect(tokens.map((t) => t.clause)).toEqual([0, 2, 2, 3, 3, 3, 4, 6, 6]);
  });

  it('marks shouted words (3+ capitals) only', () => {
    expect(tokenise('WHERE is MY ORDER 123').map((t) => t.shouted)).toEqual([true, false, false, true, false]);
  });

  it('returns nothing for punctuation and emoji only', () => {
    expect(tokenise('?!… 😡')).toEqual([]);
  });
});
