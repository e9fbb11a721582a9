/**
 * Sentiment on everyday negative language that is not support-specific, in the five languages,
 * on messages written for these tests: German compounds ("Mistwetter", "Verkehrschaos"), a
 * closing word of praise after a complaint read as sarcasm ("late again, great"), frowns typed
 * onto a word (";(", "again:(("), insults, idioms of exasperation and boosters. Each case
 * read above the reference threshold (-0.3) before these were added; the guards show what must
 * stay calm or positive.
 */
import { AnalysedText } from './message-analysis';
import { scoreSentiment } from './sentiment';

const UPSET = -0.3;
const score = (language: string, text: string) => scoreSentiment(new AnalysedText(text, 1), language).score;

describe('German compounds', () => {
  it.each([
    'So ein Mistwetter heute',
    'Wieder diese Drecksarbeit am Wochenende',
    'Das ganze Verkehrschaos vor dem Bahnhof',
    'Nur noch Prüfungsstress diese Woche',
  ])('reads a compound by its pejorative prefix or its head: %s', (text) => {
    expect(score('de', text)).toBeLessThanOrEqual(UPSET);
  });

  it.each(['Ich habe eine Frage zur Altersvorsorge', 'Der Mistral weht heute', 'Meine Kundennummer ist 4471'])(
    'leaves a compound with a neutral head or a short remainder alone: %s',
    (text) => {
      expect(score('de', text)).toBe(0);
    },
  );
});

describe('sarcastic closing praise', () => {
  it.each([
    ['en', 'Card declined again, great.'],
    ['en', 'My transfer failed twice, wonderful'],
    ['en', 'Parcel lost in the post, lovely'],
    ['es', 'Otra vez sin conexión, fantástico'],
    ['pt', 'De novo sem sinal, ótimo'],
    ['de', 'Schon wieder kaputt, toll.'],
    ['fr', 'Encore en panne, génial.'],
  ])('turns praise that closes a complaint negative (%s): %s', (language, text) => {
    expect(score(language, text)).toBeLessThanOrEqual(UPSET);
  });

  it.each([
    ['en', 'It works now, great!'],
    ['en', 'Great, thanks!'],
    ['en', 'The issue is fixed, great'],
    ['es', 'Ya funciona, genial'],
    ['de', 'Das Problem ist gelöst, super'],
    ['fr', 'Le colis est arrivé, parfait'],
  ])('keeps praise after good news or on its own positive (%s): %s', (language, text) => {
    expect(score(language, text)).toBeGreaterThan(0);
  });
});

describe('frowns typed onto a word', () => {
  it.each([
    ['en', 'not again:(('],
    ['de', 'Kann heute leider nicht kommen ;('],
    ['fr', 'plus de batterie ;-('],
  ])('reads a frown typed onto a word, or a winking frown (%s): %s', (language, text) => {
    expect(score(language, text)).toBeLessThanOrEqual(UPSET);
  });

  it.each(['Plot f(x) against x', 'See the note in field label:(optional)'])('never reads a bracket after a word as a frown: %s', (text) => {
    expect(score('en', text)).toBe(0);
  });
});

describe('insults and idioms of exasperation', () => {
  it.each([
    ['en', 'What a bunch of hypocrites'],
    ['es', 'Sois unos pendejos'],
    ['es', 'Qué pena que cierren el bar de la esquina'],
    ['es', 'No soporto este calor'],
    ['es', 'Por el amor de Dios, contestad de una vez'],
    ['pt', 'Que otário esse motorista'],
    ['pt', 'Que pena que acabou a temporada'],
    ['pt', 'Não suporto mais esse barulho'],
    ['pt', 'Pelo amor de Deus, arrumem isso'],
    ['de', 'So ein Penner, echt'],
    ['de', 'Um Gottes willen, was soll das'],
    ['fr', 'Quels salauds'],
    ['fr', 'Bon sang, encore une coupure'],
  ])('reads them as upset (%s): %s', (language, text) => {
    expect(score(language, text)).toBeLessThanOrEqual(UPSET);
  });

  it.each([
    ['es', 'Vale la pena probar el nuevo menú'],
    ['pt', 'Esse show foi foda demais'],
    ['de', 'Wir kaufen Schrott und Altmetall an'],
  ])('leaves look-alikes of those words alone (%s): %s', (language, text) => {
    expect(score(language, text)).toBeGreaterThan(UPSET);
  });
});

describe('boosters', () => {
  it.each([
    ['de', 'Das ist ziemlich schade'],
    ['fr', "C'est vachement dommage"],
    ['es', 'Estoy bastante preocupado por mi madre'],
    ['pt', 'Fiquei bastante preocupado com a notícia'],
  ])('let a mild word reach the threshold (%s): %s', (language, text) => {
    expect(score(language, text)).toBeLessThanOrEqual(UPSET);
  });
});

describe('plurals the stemmers part from their singular', () => {
  it.each([
    ['pt', 'Vocês são péssimos'],
    ['pt', 'Os atendentes são inúteis'],
    ['es', 'Sus respuestas son lamentables'],
    ['de', 'Ihr seid echt das Letzte.'],
  ])('reads an insult in the plural or an idiom as upset (%s): %s', (language, text) => {
    expect(score(language, text)).toBeLessThanOrEqual(UPSET);
  });

  it('leaves a plural that is a function word alone ("mal" -> "mais")', () => {
    expect(score('pt', 'Quero mais informações sobre o plano')).toBe(0);
    expect(score('de', 'Das war das letzte Mal, dass ich bestellt habe')).toBe(0);
  });
});

describe('disappointment as support customers write it', () => {
  it.each([
    ['de', 'Niemand fühlt sich zuständig, das kann doch nicht wahr sein.'],
    ['de', 'Ich habe langsam keine Lust mehr.'],
    ['de', 'Ich werde hier nur im Kreis geschickt.'],
    ['de', 'Ich bin mit der Lösung überhaupt nicht zufrieden.'],
    ['de', 'Ich fühle mich total veräppelt.'],
    ['pt', 'Vocês me prometeram e não cumpriram.'],
    ['pt', 'Isso já passou dos limites.'],
    ['es', 'Llevo dos semanas esperando una respuesta.'],
    ['es', 'No me están haciendo caso.'],
    ['fr', "Cela fait deux semaines que j'attends une réponse."],
    ['fr', 'Vous vous moquez de moi ?'],
  ])('reads it as upset (%s): %s', (language, text) => {
    expect(score(language, text)).toBeLessThanOrEqual(UPSET);
  });

  it.each([
    ['fr', "Le colis que j'attends n'est pas encore arrivé ?"],
    ['es', 'Estoy esperando una transferencia de otra cuenta.'],
    ['de', 'Ich bin zufrieden, danke.'],
  ])('keeps a plain question or a thank-you calm (%s): %s', (language, text) => {
    expect(score(language, text)).toBeGreaterThan(UPSET);
  });
});
