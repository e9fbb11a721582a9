import fc from 'fast-check';
import { AnalysedText } from './message-analysis';
import { scoreSentiment } from './sentiment';
import { SUPPORT_LEXICONS } from './sentiment-lexicon';

const score = (language: string, text: string) => scoreSentiment(new AnalysedText(text, 1), language).score;

describe('scoreSentiment', () => {
  it.each([
    ['en', "this is ridiculous, I've been charged twice!!"],
    ['en', 'it is still not working'],
    ['en', 'this is the worst service ever, absolutely useless!!!'],
    ['en', "I'm not happy with this"],
    ['en', 'Thanks, but it still does not work'],
    ['en', 'WHERE IS MY ORDER!!!'],
    ['en', 'another week without my parcel 😡'],
    ['es', 'esto es ridículo, me cobraron dos veces!!'],
    ['es', 'estoy harto, es un desastre, nadie me ayuda'],
    ['es', 'no funciona, es inútil'],
    ['pt', 'isso é ridículo, fui cobrado duas vezes!!'],
    ['pt', 'não funciona, é um absurdo'],
    ['de', 'das ist lächerlich, ich wurde zweimal belastet!!'],
    ['de', 'es funktioniert nicht, völlig nutzlos'],
    ['de', 'Das gefällt mir überhaupt nicht.'],
    ['fr', "c'est ridicule, j'ai été débité deux fois !!"],
    ['fr', "j'en ai marre, c'est une catastrophe"],
    ['fr', "ça ne marche pas, c'est inutile"],
  ])('scores an unhappy %s message at or below -0.3: %s', (language, text) => {
    expect(score(language, text)).toBeLessThanOrEqual(-0.3);
  });

  it.each([
    ['en', 'this is ridiculous, I have been charged twice!!'],
    ['es', 'esto es una vergüenza, es inaceptable'],
    ['pt', 'que absurdo, serviço péssimo'],
    ['de', 'Das ist eine Frechheit, einfach unverschämt!'],
    ['fr', "C'est scandaleux, service nul !"],
  ])('scores an angry %s message as very negative (<= -0.5): %s', (language, text) => {
    expect(score(language, text)).toBeLessThanOrEqual(-0.5);
  });

  it.each([
    ['en', 'where is my order?'],
    ['en', 'Can I get a refund for my last payment?'],
    ['en', 'I need help with my invoice'],
    ['es', '¿dónde está mi pedido?'],
    ['es', 'necesito ayuda con mi factura'],
    ['pt', 'onde está meu pedido?'],
    ['pt', 'quero falar com um atendente'],
    ['de', 'wo ist meine Bestellung?'],
    ['de', 'ich brauche Hilfe mit meiner Rechnung'],
    ['fr', 'où est ma commande ?'],
    ['fr', "j'ai besoin d'aide avec ma facture"],
  ])('keeps a neutral %s question near 0: %s', (language, text) => {
    expect(Math.abs(score(language, text))).toBeLessThan(0.15);
  });

  it.each([
    ['en', 'thanks, that worked'],
    ['en', 'great, thank you so much!'],
    ['es', 'gracias, eso funcionó'],
    ['pt', 'obrigado, funcionou'],
    ['de', 'danke, das hat funktioniert'],
    ['fr', 'merci, ça a marché'],
  ])('scores a happy %s message positive (>= 0.3): %s', (language, text) => {
    expect(score(language, text)).toBeGreaterThanOrEqual(0.3);
  });

  it.each([
    ['en', 'you people are crooks and swindlers'],
    ['en', 'this company is full of thieves'],
    ['en', 'Absolute con artists, all of you'],
    ['es', 'Sois unos ladrones y unos sinvergüenzas'],
    ['es', 'Esto es un atraco, timadores'],
    ['pt', 'Vocês são uns vigaristas, que roubalheira'],
    ['de', 'Ihr seid Gauner und Abzocker'],
    ['de', 'Was für ein Saftladen, echt Betrüger'],
    ['fr', 'Bande de voleurs, vous êtes des arnaqueurs'],
    ['fr', "C'est du vol, honnêtement"],
  ])('scores an insult or accusation in %s as very negative (<= -0.5): %s', (language, text) => {
    expect(score(language, text)).toBeLessThanOrEqual(-0.5);
  });

  it.each([
    ['en', 'Sort my refund out NOW!!!'],
    ['en', 'I need this fixed IMMEDIATELY!!'],
    ['es', '¡¡Devuélvanme el dinero YA!!'],
    ['pt', 'Quero meu reembolso AGORA!!!'],
    ['de', 'Erstatten Sie das SOFORT!!!'],
    ['fr', 'Remboursez-moi MAINTENANT !!!'],
  ])('reads a shouted demand in %s as very negative (<= -0.5): %s', (language, text) => {
    expect(score(language, text)).toBeLessThanOrEqual(-0.5);
  });

  it.each([
    ['en', 'it works now, thanks!'],
    ['en', 'Can you refund it now?'],
    ['es', 'ya está, gracias'],
    ['pt', 'agora deu certo'],
    ['de', 'jetzt geht es, danke'],
    ['fr', 'ça marche maintenant, merci'],
  ])('keeps a demand word in lower case neutral in %s: %s', (language, text) => {
    expect(score(language, text)).toBeGreaterThanOrEqual(0);
  });

  it.each([
    ['en', 'the app is broken and keeps crashing'],
    ['en', 'My parcel arrived damaged, the order is wrong and the tracking is not working'],
    ['es', 'la aplicación no funciona y el pedido llegó roto'],
    ['pt', 'o aplicativo não funciona, deu erro'],
    ['de', 'die App funktioniert nicht und das Update ist fehlgeschlagen'],
    ['fr', "l'appli ne fonctionne pas, erreur au paiement"],
  ])('scores a plain fault report in %s below neutral but above the upset threshold (-0.3): %s', (language, text) => {
    const value = score(language, text);
    expect(value).toBeLessThan(0);
    expect(value).toBeGreaterThan(-0.3);
  });

  it('lets feelings, not the list of faults, make a message upset or very negative', () => {
    expect(score('en', 'the app is broken and keeps crashing, this is ridiculous')).toBeLessThanOrEqual(-0.5);
    expect(score('en', 'the app is broken and keeps crashing!!')).toBeLessThanOrEqual(-0.3);
    expect(score('en', 'the app is still broken')).toBeLessThanOrEqual(-0.3);
    expect(score('de', 'die App funktioniert nicht, eine Frechheit')).toBeLessThanOrEqual(-0.5);
    expect(score('en', 'it is not broken anymore')).toBeGreaterThan(0);
  });

  it('marks as faults only words and expressions its lexicon lists', () => {
    for (const lexicon of Object.values(SUPPORT_LEXICONS)) {
      const words = new Set(Object.values(lexicon.words).flatMap((list) => list.split(/\s+/)));
      const expressions = new Set(lexicon.expressions.map(([phrase]) => phrase));
      expect(lexicon.faults.words.split(/\s+/).filter((word) => !words.has(word))).toEqual([]);
      expect(lexicon.faults.expressions.filter((phrase) => !expressions.has(phrase))).toEqual([]);
    }
  });

  it('softens and flips a negated word', () => {
    expect(score('en', 'I am happy')).toBeGreaterThan(0.3);
    expect(score('en', 'I am not happy')).toBeLessThan(-0.3);
    expect(score('en', 'not bad at all')).toBeGreaterThan(0);
  });

  it('weighs what follows "but" more than what precedes it', () => {
    expect(score('en', 'The app is great but support is terrible')).toBeLessThan(0);
    expect(score('en', 'Support is terrible but the app is great')).toBeGreaterThan(0);
  });

  it('lets exclamation marks and boosters strengthen a score', () => {
    expect(score('en', 'this is bad!!!')).toBeLessThan(score('en', 'this is bad'));
    expect(score('es', 'esto es muy malo')).toBeLessThan(score('es', 'esto es malo'));
  });

  it('falls back to English lexicons for a language without resources', () => {
    expect(scoreSentiment(new AnalysedText('this is terrible', 1), 'it')).toEqual({ score: expect.any(Number), language: 'en' });
    expect(score('it', 'this is terrible')).toBeLessThan(-0.3);
  });

  it('always returns a score in [-1, 1] with at most 3 decimals', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom('en', 'es', 'pt', 'de', 'fr'), (text, language) => {
        const value = score(language, text);
        return value >= -1 && value <= 1 && Math.round(value * 1000) === value * 1000;
      }),
      { numRuns: 300 },
    );
    expect(score('en', 'TERRIBLE AWFUL USELESS WORST!!! 😡🤬 '.repeat(20))).toBeGreaterThanOrEqual(-1);
  });
});
