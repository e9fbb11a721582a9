/**
 * Support chats as customers write them when they are let down in two turns, without swear words
 * (despair, losing patience, "not the first time", being left in the lurch, "I'll believe it when I
 * see it", "I'm not stupid", "I already explained", silence, sarcasm that opens or sits inside a
 * message), against calm chats that report damage, apologise or say they will wait some more.
 */
import { AnalysedText } from './message-analysis';
import { computeSignals, prepareSignals } from './index';
import { at, threeTurnChat, type ThreeTurnChat } from './fixtures/conversation.fixture';
import { FIXTURE_SETTINGS } from './fixtures/trigger-settings.fixture';
import { scoreSentiment } from './sentiment';

const model = prepareSignals(FIXTURE_SETTINGS);
const score = (language: string, text: string) => scoreSentiment(new AnalysedText(text, 1), language).score;

const negativeTurns = (language: string, chat: ThreeTurnChat): number => computeSignals(threeTurnChat(language, chat), model, at(5)).facts.negativeTurns;

describe('upset support chats count two negative turns or more', () => {
  it.each<[string, ThreeTurnChat]>([
    [
      'de',
      [
        'Der Techniker ist wieder nicht gekommen.',
        'Ich weiß echt nicht weiter, ich habe schon alles erklärt.',
        'Das passiert nicht zum ersten Mal, ich verliere langsam wirklich die Geduld.',
      ],
    ],
    [
      'de',
      ['Mein Router blinkt nur noch rot.', 'Ich bin doch nicht doof, den habe ich natürlich neu gestartet.', 'Man wird bei Ihnen echt im Stich gelassen.'],
    ],
    ['pt', ['O técnico não veio de novo.', 'Não sei mais o que fazer, já expliquei tudo.', 'Não é a primeira vez, estou perdendo a paciência.']],
    ['pt', ['Meu roteador só pisca vermelho.', 'Eu não sou burra, claro que já reiniciei.', 'Sinceramente, esperava mais. A gente fica deixado na mão.']],
    ['es', ['El técnico no vino otra vez.', 'Ya no sé qué más hacer, ya lo expliqué todo.', 'No es la primera vez, estoy perdiendo la paciencia.']],
    ['es', ['El router solo parpadea en rojo.', 'No soy tonta, claro que lo reinicié.', 'Os escribí el lunes y nadie me contesta. Te dejan tirado.']],
    [
      'fr',
      [
        "Le technicien n'est encore pas venu.",
        'Je ne sais plus quoi faire, j’ai déjà tout expliqué.',
        "C'est pas la première fois, je commence à perdre patience.",
      ],
    ],
    [
      'fr',
      [
        'Mon routeur clignote en rouge.',
        "Je suis pas idiote, évidemment je l'ai redémarré.",
        "J'ai écrit lundi et personne ne m'a répondu. On est laissés en plan.",
      ],
    ],
    [
      'en',
      [
        'The engineer did not turn up again.',
        "I don't know what else to do, I already explained everything.",
        'It is not the first time, I am losing my patience.',
      ],
    ],
    [
      'en',
      ['My router only blinks red.', 'I am not stupid, of course I restarted it.', 'I wrote on Monday and nobody got back to me. We just get left hanging.'],
    ],
  ])('%s: %s', (language, chat) => {
    expect(negativeTurns(language, chat)).toBeGreaterThanOrEqual(2);
  });
});

describe('calm support chats count no negative turn', () => {
  it.each<[string, ThreeTurnChat]>([
    ['de', ['Der Spiegel ist leider beschädigt angekommen, die Ecke ist zerbrochen.', 'Ah, die Mail war im Spam. Entschuldigung!', 'Gut, dann warte ich.']],
    ['pt', ['O espelho chegou danificado, o canto está rachado.', 'Ah, o e-mail estava no spam. Desculpa!', 'Tudo bem, espero mais uns dias.']],
    ['es', ['El espejo llegó dañado, la esquina está astillada.', 'Ah, el correo estaba en spam. ¡Perdón!', 'Vale, espero unos días más.']],
    ['fr', ['Le miroir est arrivé abîmé, le coin est fendu.', 'Ah, le mail était dans les spams. Désolée !', "D'accord, j'attends encore un peu."]],
    ['en', ['The mirror arrived damaged, the corner is cracked.', 'Ah, the email was in spam. Sorry!', 'Okay, I will wait a few more days.']],
  ])('%s: %s', (language, chat) => {
    expect(negativeTurns(language, chat)).toBe(0);
  });
});

describe('what the chats rest on', () => {
  it('reads bare praise that opens or sits inside a complaint as sarcasm, not praise that thanks', () => {
    expect(score('en', 'Great, another text saying the parcel is delayed.')).toBeLessThanOrEqual(-0.3);
    expect(score('de', 'Super, schon wieder eine Verspätung.')).toBeLessThanOrEqual(-0.3);
    expect(score('es', 'Un cupón. Qué maravilla. Otra vez tarde y frío.')).toBeLessThanOrEqual(-0.3);
    expect(score('en', 'Great, thanks. The parcel is delayed though.')).toBeGreaterThan(-0.3);
    expect(score('pt', 'Ótimo, chegou hoje.')).toBeGreaterThan(0);
  });

  it('counts a complaint word used as a booster as itself when it boosts nothing', () => {
    expect(score('de', 'unglaublich dass so etwas passiert')).toBeLessThanOrEqual(-0.3);
    expect(score('de', 'unglaublich schnelle Lieferung')).toBeGreaterThan(0);
  });

  it('matches an expression listed with "=" on its written words only', () => {
    expect(score('pt', 'Sinceramente, esperava mais.')).toBeLessThanOrEqual(-0.3);
    expect(score('pt', 'Vou esperar mais um pouco.')).toBeGreaterThan(-0.3);
    expect(score('es', 'Esperaba más de vosotros.')).toBeLessThanOrEqual(-0.3);
    expect(score('es', 'Espero más noticias mañana.')).toBeGreaterThan(-0.3);
    expect(score('fr', 'Je ne sais pas quoi lui dire, je vous rappelle.')).toBeGreaterThan(-0.3);
    expect(score('pt', 'A Ana arrasou hoje.')).toBeGreaterThan(-0.3);
    expect(score('en', 'My stress test passed.')).toBeGreaterThan(-0.3);
  });

  it('matches an expression over a booster between its words', () => {
    expect(score('de', 'Ich verliere echt die Geduld.')).toBeLessThanOrEqual(-0.3);
    expect(score('en', 'I am really losing my patience.')).toBeLessThanOrEqual(-0.3);
  });

  it('keeps damage to an item a fault, above upset', () => {
    for (const [language, text] of [
      ['de', 'Der Karton war eingedrückt und die Lampe beschädigt.'],
      ['pt', 'A caixa veio amassada e a lâmpada danificada.'],
      ['es', 'La caja venía aplastada y la lámpara dañada.'],
      ['fr', 'Le carton était écrasé et la lampe endommagée.'],
      ['en', 'The box was crushed and the lamp dented.'],
    ] as const)
      expect(score(language, text)).toBeGreaterThan(-0.3);
  });
});

/**
 * The multi-turn wave: how customers show they are let down in every language without a feeling
 * word — how much longer ("wie lange soll ich denn noch", "até quando vou"), nothing happens and
 * nobody does anything, the same answer every time, being bounced around ("me están mareando", "on
 * me balade"), promises worth nothing, disbelief ("nicht Ihr Ernst", "não é aceitável"), "do you
 * even read what I write", the second time as a fact that sarcasm can follow — and the everyday
 * words of disappointment the lexicons lacked ("desiludido", "stinkig", "unseriös"). Each guard is
 * a calm look-alike: the routine question, the fault report, the polite follow-up.
 */
describe('upset multi-turn chats of the second wave count two negative turns or more', () => {
  it.each<[string, ThreeTurnChat]>([
    [
      'de',
      [
        'Meine Rücksendung ist seit einem Monat bei Ihnen.',
        'Es sind schon 30 Tage. Wie lange soll ich denn noch warten?',
        'Das höre ich jedes Mal. Passiert ist nichts.',
      ],
    ],
    ['de', ['Der Tarif wurde mir am Telefon angeboten.', 'Das kann doch nicht Ihr Ernst sein!', 'Ihre Versprechen sind nichts wert.']],
    ['pt', ['Devolvi o produto faz um mês.', 'Até quando vou ter que esperar?', 'Toda vez a mesma resposta e nada acontece.']],
    ['pt', ['Estou à espera do cartão há três semanas.', 'Isso não é aceitável.', 'Estou mesmo muito desiludido convosco.']],
    ['es', ['Quiero dar de baja una línea.', '¡Pero si vengo de ahí! Me están mareando.', 'Esto es de chiste, nadie hace nada.']],
    ['fr', ['Je veux résilier une ligne.', 'Mais j’en viens ! On me balade depuis ce matin.', 'Franchement, je commence à en avoir assez.']],
    ['en', ['My refund still has not arrived.', 'I keep getting the same answer and nothing ever happens.', 'Are you even reading what I write?']],
  ])('%s: %s', (language, chat) => {
    expect(negativeTurns(language, chat)).toBeGreaterThanOrEqual(2);
  });
});

describe('calm multi-turn chats of the second wave count no negative turn', () => {
  it.each<[string, ThreeTurnChat]>([
    ['de', ['Ich habe noch keine Antwort auf meine Mail von Montag bekommen.', 'Wie lange muss ich noch warten?', 'Ok, dann warte ich noch. Danke.']],
    ['de', ['Mir wurde der Betrag zum zweiten Mal abgebucht.', 'Wenn ich in der App auf Erstatten klicke, passiert nichts.', 'Alles klar, danke.']],
    ['pt', ['Quanto tempo demora a entrega?', 'Fui cobrado pela segunda vez na mesma compra.', 'Clico em pagar e nada acontece.']],
    ['pt', ['Até quando posso pagar a fatura?', 'Esqueci minha senha.', 'Estou no limite do cartão?']],
    ['es', ['¿Cuánto tiempo tarda el envío?', 'Se me olvidó la contraseña.', 'Vale, espero entonces.']],
    ['fr', ['Le relevé de compteur est en pièce jointe.', 'Quand je clique, rien ne se passe.', 'Merci mille fois !']],
    ['en', ['How much longer will my card take to arrive?', 'I was charged a second time for the same order.', 'Nothing happens when I tap Pay.']],
  ])('%s: %s', (language, chat) => {
    expect(negativeTurns(language, chat)).toBe(0);
  });
});

describe('what the second wave rests on', () => {
  it('reads the second time as a fact, so a plain report stays calm and sarcasm after it is blame', () => {
    for (const [language, text] of [
      ['de', 'Zum zweiten Mal. Toll.'],
      ['pt', 'Pela segunda vez. Que maravilha.'],
      ['en', 'For the second time. Brilliant.'],
    ] as const)
      expect(score(language, text)).toBeLessThanOrEqual(-0.3);
    expect(score('de', 'Ich wurde zum zweiten Mal belastet.')).toBeGreaterThan(-0.3);
    expect(score('en', 'I was charged a second time for the same order.')).toBeGreaterThan(-0.3);
  });

  it('matches "how much longer" only where it is impatient', () => {
    expect(score('de', 'Wie lange soll ich denn noch warten?')).toBeLessThanOrEqual(-0.3);
    expect(score('de', 'Wie lange dauert die Lieferung?')).toBeGreaterThan(-0.3);
    expect(score('pt', 'Até quando vou ter que esperar?')).toBeLessThanOrEqual(-0.3);
    expect(score('pt', 'Até quando posso pagar a fatura?')).toBeGreaterThan(-0.3);
    expect(score('en', 'How much longer will my card take to arrive?')).toBeGreaterThan(-0.3);
  });

  it('keeps resignation written as such, not the verb it comes from', () => {
    expect(score('pt', 'Esqueci minha senha.')).toBeGreaterThan(-0.3);
    expect(score('es', 'Se me olvidó la contraseña.')).toBeGreaterThan(-0.3);
    expect(score('de', 'Vergessen Sie es. Ich hab keine Lust mehr.')).toBeLessThanOrEqual(-0.3);
  });

  it('matches "hilft … nicht" over "gar" and reads the disappointment words the lexicons lacked', () => {
    expect(score('de', 'Das hilft mir gar nicht weiter.')).toBeLessThanOrEqual(-0.3);
    expect(score('de', 'Ich bin echt stinkig.')).toBeLessThanOrEqual(-0.3);
    expect(score('pt', 'Estou mesmo desiludido convosco.')).toBeLessThanOrEqual(-0.3);
    expect(score('en', 'What kind of service is this?')).toBeLessThanOrEqual(-0.3);
    expect(score('en', 'Such kind service, thank you!')).toBeGreaterThan(0);
  });
});
