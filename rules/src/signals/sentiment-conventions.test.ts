/**
 * Sentiment on how people write feelings rather than which dictionary words they use, on support
 * messages written for these tests: native words of disappointment and annoyance in each language
 * ("bummed", "jolín", "ninguém merece", "kein Bock", "beurk"), adverbs, diminutives and
 * superlatives of lexicon adjectives ("jodidamente", "asquito", "chatinho", "rudest"), laughter
 * that is a tone and not praise ("lol", "jajaja", "kkkk"), and sarcasm hashtags ("#not").
 */
import { AnalysedText } from './message-analysis';
import { scoreSentiment } from './sentiment';
import { derivedBases } from './sentiment-derived-forms';

const UPSET = -0.3;
const score = (language: string, text: string) => scoreSentiment(new AnalysedText(text, 1), language).score;

describe('native words of disappointment and annoyance', () => {
  it.each([
    ['en', "Honestly bummed, the card still hasn't arrived"],
    ['en', 'Your new fee is a letdown and the app is mediocre'],
    ['en', "Two weeks for a refund?! C'mon"],
    ['en', "I can't stand this hold music any more"],
    ['es', 'Jolín, otra vez sin poder entrar en la app'],
    ['es', 'Madre mía, qué horror de atención'],
    ['es', 'Nadie me hace caso con la devolución'],
    ['es', 'No puedo más con este banco'],
    ['pt', 'Ninguém merece esperar duas horas na linha'],
    ['pt', 'Atendimento sem noção, ninguém explica nada'],
    ['pt', 'Que preguiça de ligar de novo pra vocês'],
    ['de', 'Ich habe echt keinen Bock mehr auf diese Warteschleife'],
    ['de', 'Oh Mann, die App stürzt schon wieder ab'],
    ['de', 'Das geht gar nicht, so behandelt man keine Kunden'],
    ['de', 'Die neue Gebühr ist nicht witzig'],
    ['fr', 'Beurk, votre nouvelle appli est encore plus lente'],
    ['fr', 'Quelle horreur, ce service client'],
    ['fr', "Ça me gave d'attendre le remboursement"],
    ['fr', "La nouvelle carte n'est pas cool du tout"],
  ])('reads %s "%s" as upset', (language, text) => {
    expect(score(language, text)).toBeLessThanOrEqual(UPSET);
  });

  it.each([
    ['en', 'Come on over to the branch, we are open until six'],
    ['en', "C'mon, the new card looks great"],
    ['es', 'Me gusta mucho la nueva app, jolín qué rápida'],
    ['es', 'El paquete de bronce no incluye seguro'],
    ['pt', 'A nota do restaurante veio num saco de papel'],
    ['pt', 'Eu curti muito o novo aplicativo'],
    ['de', 'Mein Sohn ist krank, kann ich den Termin verschieben?'],
    ['de', 'Die neue App ist echt witzig gemacht'],
    ['fr', 'Votre conseillère était vraiment cool, merci'],
  ])('keeps %s "%s" calm', (language, text) => {
    expect(score(language, text)).toBeGreaterThan(UPSET);
  });
});

describe('derived forms of lexicon adjectives', () => {
  it.each([
    ['es', 'jodidamente', 'jodida', 'adverb'],
    ['es', 'asquito', 'asco', 'diminutive'],
    ['es', 'nerviosita', 'nerviosa', 'diminutive'],
    ['es', 'tristecito', 'triste', 'diminutive'],
    ['pt', 'horrivelmente', 'horrivel', 'adverb'],
    ['pt', 'chatinho', 'chato', 'diminutive'],
    ['pt', 'dorzinha', 'dor', 'diminutive'],
    ['pt', 'chatona', 'chata', 'augmentative'],
    ['fr', 'affreusement', 'affreuse', 'adverb'],
    ['fr', 'mechamment', 'mechant', 'adverb'],
    ['en', 'rudest', 'rude', 'superlative'],
    ['en', 'saddest', 'sad', 'superlative'],
    ['en', 'ugliest', 'ugly', 'superlative'],
  ])('reads %s "%s" as "%s" (%s)', (language, word, base, derivation) => {
    expect(derivedBases(language, word)).toContainEqual({ base, derivation });
  });

  it.each([
    ['es', 'cita'],
    ['pt', 'vinho'],
    ['fr', 'ment'],
    ['de', 'traurigste'],
  ])('finds no derivation in %s "%s"', (language, word) => {
    expect(derivedBases(language, word)).toEqual([]);
  });

  it.each([
    ['es', 'Es un servicio jodidamente lamentable y lento'],
    ['es', 'Me da asquito cómo tratan a los clientes'],
    ['pt', 'Vocês trataram a gente horrivelmente'],
    ['fr', "On m'a répondu affreusement au téléphone"],
    ['en', 'That was the rudest agent I have ever spoken to'],
  ])('reads %s "%s" as upset', (language, text) => {
    expect(score(language, text)).toBeLessThanOrEqual(UPSET);
  });

  it.each([
    ['en', 'Is the latest version of the app out yet?'],
    ['es', 'Un servicio terriblemente amable, gracias'],
    ['en', 'That was awfully nice of your agent, thank you'],
    ['es', 'Mi perrita se comió la tarjeta, ¿me mandan otra?'],
    ['fr', 'Le paiement de la facture est passé'],
  ])('keeps %s "%s" calm', (language, text) => {
    expect(score(language, text)).toBeGreaterThan(UPSET);
  });
});

describe('laughter and sarcasm tags', () => {
  it.each([
    ['en', 'lol the app logged me out again, this is ridiculous'],
    ['es', 'jajaja qué vergüenza de servicio, tres días sin respuesta'],
    ['pt', 'kkkkk que palhaçada, cobraram de novo'],
    ['en', 'Loving the third outage this week #not'],
    ['es', 'Qué maravilla esperar una hora al teléfono #sarcasmo'],
    ['de', 'Super Service, seit einer Woche keine Antwort #sarkasmus'],
  ])('reads %s "%s" as upset', (language, text) => {
    expect(score(language, text)).toBeLessThanOrEqual(UPSET);
  });

  it.each([
    ['en', 'haha no worries, thanks for sorting it'],
    ['pt', 'kkkk valeu, deu certo'],
  ])('keeps %s "%s" calm', (language, text) => {
    expect(score(language, text)).toBeGreaterThan(UPSET);
  });

  it('reads a complaint written in capitals mid-sentence as a complaint', () => {
    expect(score('en', 'honestly the wait is Totally Unacceptable, nobody answers')).toBeLessThanOrEqual(UPSET);
  });
});
