import { clauseNumbers, foldText, tokenise } from './text-normalise';

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

  it('numbers sentences at . ! ? and clauses at commas', () => {
    const tokens = tokenise('Thanks, but no. Where is it? Bien, pero no');
    expect(tokens.map((t) => t.sentence)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
    expect(tokens.map((t) => t.punctuationClause)).toEqual([0, 1, 1, 2, 2, 2, 3, 4, 4]);
  });

  it('marks shouted words (3+ capitals) only', () => {
    expect(tokenise('WHERE is MY ORDER 123').map((t) => t.shouted)).toEqual([true, false, false, true, false]);
  });

  it('returns nothing for punctuation and emoji only', () => {
    expect(tokenise('?!… 😡')).toEqual([]);
  });
});

describe('clauseNumbers', () => {
  const clauses = (text: string, language: string) => clauseNumbers(tokenise(text), language);

  it('splits a clause before the language\'s own "but"-words, and at punctuation', () => {
    expect(clauses('it works but slowly, sadly', 'en')).toEqual([0, 0, 1, 1, 2]);
    expect(clauses('funciona pero lento', 'es')).toEqual([0, 1, 1]);
    expect(clauses('Es geht, aber langsam', 'de')).toEqual([0, 0, 1, 1]);
  });

  it('reads "mais" as "but" in French and as "more" in Portuguese', () => {
    expect(clauses("c'est rapide mais cher", 'fr')).toEqual([0, 0, 0, 1, 1]);
    expect(clauses('não preciso mais de ajuda', 'pt')).toEqual([0, 0, 0, 0, 0]);
  });

  it('reads Portuguese "mas" as "but", and Spanish "más" (folded "mas") as "more"', () => {
    expect(clauses('chegou mas veio quebrado', 'pt')).toEqual([0, 1, 1, 1]);
    expect(clauses('no quiero esperar más', 'es')).toEqual([0, 0, 0, 0]);
  });

  it('does not count a "but"-word right after a comma twice, nor one that opens the message', () => {
    expect(clauses('But it is late, but fine', 'en')).toEqual([0, 0, 0, 0, 1, 1]);
  });
});
