/**
 * Sentiment of reports of theft and fraud in the five packed languages: thanks that open such a
 * report are politeness and do not make it read as relief; the wording of a disputed payment
 * ("don't recognise", "sin mi autorización", "ohne meine Erlaubnis") and of vanished money reads as
 * a fault, so the report is negative but, with nothing else, not an upset turn. Clauses follow each
 * language: Portuguese "mais" is "more" and keeps a negation in reach.
 */
import { AnalysedText } from './message-analysis';
import { scoreSentiment } from './sentiment';

const score = (language: string, text: string) => scoreSentiment(new AnalysedText(text, 1), language).score;
/** The reference policy's negative threshold. */
const UPSET = -0.3;

describe('thanks in a report of a problem', () => {
  it.each([
    ['en', 'Thanks, my card was stolen and someone emptied my account'],
    ['es', 'Gracias, me robaron la cartera y el dinero de la cuenta ha desaparecido'],
    ['pt', 'Obrigado, roubaram minha bolsa e o dinheiro da conta sumiu'],
    ['de', 'Danke, jemand hat meine Karte gestohlen und das Geld ist verschwunden'],
    ['fr', 'Merci, ma carte a été volée et mon argent a disparu'],
  ])('does not let the thanks make a theft report read as relief (%s): %s', (language, text) => {
    const reading = score(language, text);
    expect(reading).toBeLessThan(0);
    expect(reading).toBeGreaterThan(UPSET);
  });

  it.each([
    ['en', 'Thank you so much, a payment I don’t recognise went out of my account'],
    ['es', 'Muchas gracias, hay dos compras con mi tarjeta sin mi autorización'],
    ['pt', 'Muito obrigada, tem uma compra no cartão que eu não reconheço'],
    ['de', 'Vielen Dank, da ist eine Abbuchung ohne meine Erlaubnis'],
    ['fr', 'Merci beaucoup, je vois un prélèvement que je ne reconnais pas'],
  ])('reads a disputed payment as a fault that outweighs the thanks (%s): %s', (language, text) => {
    expect(score(language, text)).toBeLessThan(0);
    expect(score(language, text)).toBeGreaterThan(UPSET);
  });

  it.each([
    ['en', 'Thanks, that sorted it'],
    ['es', 'Gracias, ya funciona'],
    ['pt', 'Obrigado, resolveu'],
    ['de', 'Danke, hat geklappt'],
    ['fr', 'Merci, ça a marché'],
  ])('keeps thanks for a fix positive (%s): %s', (language, text) => {
    expect(score(language, text)).toBeGreaterThanOrEqual(0.3);
  });

  it('lets thanks after a "but" count: the contrast says which part matters', () => {
    expect(score('en', 'The transfer failed twice, but thanks for sorting it out so quickly')).toBeGreaterThan(0);
    expect(score('de', 'Die Karte war gesperrt, aber danke für die schnelle Hilfe')).toBeGreaterThan(0);
  });

  it('still quarters thanks in a complaint about feelings', () => {
    expect(score('es', 'Gracias, pero nadie me responde y estoy harto')).toBeLessThanOrEqual(UPSET);
  });
});

describe('banking words that are no feeling', () => {
  it.each([
    ['en', 'Where can I make a cash withdrawal?'],
    ['pt', 'Qual é o limite para retirada no caixa eletrônico?'],
    ['fr', 'Quel est le plafond de retrait au distributeur ?'],
  ])('reads a withdrawal as a plain banking word (%s): %s', (language, text) => {
    expect(score(language, text)).toBe(0);
  });
});

describe('clauses read in the message language', () => {
  it('keeps a Portuguese negation in reach across "mais" (more)', () => {
    expect(score('pt', 'Não estou mais satisfeito com vocês')).toBeLessThan(0);
    expect(score('pt', 'nunca mais compro nessa loja')).toBeLessThanOrEqual(UPSET);
  });

  it('still weighs what follows French "mais" (but) more', () => {
    expect(score('fr', "C'est rapide mais vraiment nul")).toBeLessThanOrEqual(UPSET);
  });
});

describe('emoji', () => {
  it('reads a heart written without its variation selector', () => {
    expect(score('pt', 'Adorei o atendimento ❤')).toBeGreaterThan(score('pt', 'Adorei o atendimento'));
    expect(score('pt', 'Adorei o atendimento ❤️')).toBe(score('pt', 'Adorei o atendimento ❤'));
  });
});

describe('a fault word taken by a verb of feeling', () => {
  it.each([
    ['en', 'Honestly, after all this I feel robbed'],
    ['es', 'Con este cargo me siento muy estafada y bloqueada'],
    ['pt', 'Depois dessa cobrança sinto-me roubado'],
    ['de', 'Nach dieser Abbuchung fühle ich mich bestohlen'],
    ['de', 'Ich habe mich wirklich betrogen gefühlt'],
    ['fr', 'Avec ces frais je me sens volée'],
  ])('is how the customer feels, an upset turn (%s): %s', (language, text) => {
    expect(score(language, text)).toBeLessThanOrEqual(UPSET);
  });

  it.each([
    ['en', 'I feel like the card was blocked yesterday'],
    ['es', 'Lo siento, pero la tarjeta fue bloqueada'],
    ['pt', 'Sinto muito, mas o cartão foi roubado'],
    ['de', 'Ich fühle, dass die Karte gesperrt ist'],
    ['fr', 'Dans ce sens, la carte est bloquée'],
  ])('stays a report when the fault word is not what the customer feels (%s): %s', (language, text) => {
    expect(score(language, text)).toBeGreaterThan(UPSET);
  });
});

describe('French participles stemmed with their feminine', () => {
  it('keeps "pas acceptée" (a refused entry) a report and "pas acceptable" upset', () => {
    expect(score('fr', "L'adresse est correcte, elle n'est pas acceptée.")).toBeGreaterThan(UPSET);
    expect(score('fr', "Ce n'est pas acceptable !")).toBeLessThanOrEqual(UPSET);
  });
});
