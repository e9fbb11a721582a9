import { computeSignals, prepareSignals } from './index';
import { conversation, customerSays } from './fixtures/conversation.fixture';
import { FIXTURE_SETTINGS } from './fixtures/trigger-settings.fixture';
import { detectConversationLanguage, messageLanguage, normaliseLanguageCode } from './language';
import { AnalysedText } from './message-analysis';

const model = prepareSignals(FIXTURE_SETTINGS);
const LANGS = ['en', 'es', 'pt', 'de', 'fr'];
const detect = (texts: string[], profile?: string) =>
  detectConversationLanguage(
    texts.map((text, i) => new AnalysedText(text, i + 1)),
    LANGS,
    profile,
  );

describe('conversation language', () => {
  it.each([
    ['en', ['Hi, I was charged twice for my subscription this month and nobody answers my emails.']],
    ['es', ['Hola, me cobraron dos veces la suscripción de este mes y nadie contesta mis correos.']],
    ['pt', ['Olá, fui cobrado duas vezes pela assinatura deste mês e ninguém responde meus e-mails.']],
    ['de', ['Hallo, mir wurde das Abo diesen Monat zweimal abgebucht und niemand antwortet auf meine Mails.']],
    ['fr', ["Bonjour, j'ai été débité deux fois pour l'abonnement ce mois-ci et personne ne répond à mes e-mails."]],
    ['pt', ['quero falar com um atendente']],
    ['es', ['quiero hablar con un agente']],
    ['de', ['Warum kommen meine Push-Benachrichtigungen verspätet an?', 'Welche Einstellung meinen Sie?']],
  ])('detects %s', (language, texts) => {
    expect(detect(texts, 'en')).toMatchObject({ language, source: 'detected' });
  });

  it('falls back to the profile language (normalised) when the text is too short, then to en', () => {
    expect(detect(['ok'], 'pt-BR')).toEqual({ language: 'pt', source: 'customer' });
    expect(detect(['ok'])).toEqual({ language: 'en', source: 'default' });
    expect(detect([], 'FR')).toEqual({ language: 'fr', source: 'customer' });
  });

  it.each([
    ['es', 'Gracias'],
    ['es', 'la app no abre'],
    ['es', 'perdí mi tarjeta'],
    ['es', 'me cobraron de más'],
    ['pt', 'Obrigada'],
    ['pt', 'não consigo entrar'],
    ['pt', 'sim, por favor'],
    ['pt', 'me cobraram a mais'],
    ['de', 'Danke'],
    ['de', 'ja, bitte'],
    ['de', 'Karte gestohlen'],
    ['fr', 'Merci'],
    ['fr', 'bonjour'],
    ['fr', 'la carte ne fonctionne pas'],
  ])('detects %s in a message of a few words when there is no profile: %s', (language, text) => {
    expect(detect([text])).toMatchObject({ language, source: 'detected' });
  });

  it.each(['menu', 'balance', 'refund please', 'card declined', 'no', 'ok', 'talk to agent', 'I paid'])('keeps a short English message English: %s', (text) => {
    expect(detect([text]).language).toBe('en');
  });

  it('lets the profile settle a short message both readings cannot', () => {
    expect(detect(['Danke'], 'fr')).toEqual({ language: 'fr', source: 'customer' });
    expect(detect(['perdí mi tarjeta'], 'pt-BR')).toEqual({ language: 'pt', source: 'customer' });
  });

  it("settles on the profile's language when its stop words rank it first, even narrowly", () => {
    // Spanish 5 stop words, French 4 ("la", "de", "un"...): no clear vote, but nothing against the profile.
    const narrow = 'Tengo una duda con la factura de este mes, sale un cargo raro';
    expect(detect([narrow], 'es-MX')).toEqual({ language: 'es', source: 'detected', method: 'stopwords' });
    // A profile the stop words rank second does not settle it: the text is read further.
    expect(detect([narrow], 'fr')).toMatchObject({ language: 'es', method: 'tinyld' });
    // Tied votes (Spanish and French 4 each) leave it to tinyld too.
    expect(detect(['La app se cierra sola cada vez que la abro'], 'es').method).not.toBe('stopwords');
  });

  it('only answers with candidate languages', () => {
    const result = detectConversationLanguage([new AnalysedText('Hola, me cobraron dos veces la suscripción de este mes.', 1)], ['en', 'de'], null);
    expect(['en', 'de']).toContain(result.language);
  });

  it('reads customer messages, not the bot', () => {
    const input = conversation([
      ['BOT', 'Hello! How can I help you today with your order or your account?'],
      ['CUSTOMER', 'Hola, necesito ayuda con mi pedido, por favor, no llega y ya pasaron dos semanas.'],
    ]);
    const result = computeSignals(input, model, new Date());
    expect(result.facts.language).toBe('es');
    expect(result.evidence.language?.[0]).toMatch(/^detected "es"/);
  });

  it('uses the profile language from computeSignals when the text says too little', () => {
    const input = { ...customerSays('ok'), customer: { id: 'c', language: 'de-AT' } };
    expect(computeSignals(input, model, new Date()).facts.language).toBe('de');
  });
});

describe('normaliseLanguageCode', () => {
  it('keeps the ISO 639-1 part, lower-case, and rejects non-codes', () => {
    expect(['pt-BR', 'EN', 'fr_CA', 'english', '', null].map(normaliseLanguageCode)).toEqual(['pt', 'en', 'fr', undefined, undefined, undefined]);
  });
});

describe('messageLanguage', () => {
  it('switches a message that is plainly in another language', () => {
    const message = new AnalysedText('Je ne comprends pas pourquoi vous ne répondez pas à ma question', 1);
    expect(messageLanguage(message, 'en', LANGS)).toBe('fr');
  });

  it('keeps the conversation language for short or mixed messages', () => {
    expect(messageLanguage(new AnalysedText('ok merci', 1), 'en', LANGS)).toBe('en');
  });
});
