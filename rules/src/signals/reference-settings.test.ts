/**
 * The reference policy's trigger settings (`seed/src/policies/support-default/trigger-settings.json`,
 * read from disk: rules must not import seed) validate against the schema and, compiled, read
 * realistic customer messages in all five languages as intended — hits and misses.
 */
import Ajv from 'ajv';
import { TriggerSettingsSchema, type TriggerSettings } from '@baton/schemas';
import { checkConcepts } from '../validate/concept-check';
import { computeSignals, prepareSignals } from './index';
import { conversation, customerSays } from './fixtures/conversation.fixture';
import { readReferencePolicyFile } from '../testing/reference-files';

const raw: unknown = readReferencePolicyFile('trigger-settings.json');
const LANGUAGES = ['de', 'en', 'es', 'fr', 'pt'];

describe('reference trigger settings file', () => {
  it('validates against TriggerSettingsSchema', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(TriggerSettingsSchema);
    expect(validate(raw) ? [] : validate.errors).toEqual([]);
  });

  const settings = raw as TriggerSettings;

  it('has the reference thresholds', () => {
    expect(settings.thresholds).toEqual({
      negativeSentiment: -0.3,
      sharpDropFrom: 0,
      sharpDropTo: -0.5,
      lowConfidence: 0.7,
      hedgedConfidence: 0.5,
      assumedConfidence: 0.9,
      repeatSimilarity: 0.8,
    });
  });

  it('has the five reference topics, human-request phrases and negations, and hedging, each in all five languages', () => {
    expect(Object.keys(settings.topics).sort()).toEqual(['billing_dispute', 'cancellation', 'crisis', 'legal', 'security']);
    const lexicons = [
      ...Object.values(settings.topics).map((topic) => topic.phrases),
      settings.humanRequest.phrases,
      settings.humanRequest.negations,
      settings.hedging,
    ];
    for (const phrases of lexicons) {
      expect(Object.keys(phrases).sort()).toEqual(LANGUAGES);
      for (const list of Object.values(phrases)) expect(list.length).toBeGreaterThanOrEqual(5);
    }
  });

  it('passes the concept check publishing runs (no concept term made of stop words only)', () => {
    expect(checkConcepts(settings).map((problem) => problem.message)).toEqual([]);
  });

  it('lists no phrase twice within a language', () => {
    const lexicons = [
      ...Object.values(settings.topics).map((topic) => topic.phrases),
      settings.humanRequest.phrases,
      settings.humanRequest.negations,
      settings.hedging,
    ];
    for (const phrases of lexicons) {
      for (const list of Object.values(phrases)) {
        const folded = list.map((phrase) => phrase.toLowerCase());
        expect(folded.filter((phrase, i) => folded.indexOf(phrase) !== i)).toEqual([]);
      }
    }
  });
});

describe('reference lexicons on realistic messages', () => {
  const model = prepareSignals(raw as TriggerSettings);
  const facts = (...texts: string[]) => computeSignals(customerSays(...texts), model, new Date()).facts;

  it.each([
    ['crisis', 'Some days I feel like I want to die, nothing matters anymore'],
    ['crisis', 'My boyfriend beats me and he controls the account, please help'],
    ['crisis', 'He sent me death threats through your messaging app'],
    ['crisis', 'Ya no aguanto más, estoy pensando en quitarme la vida'],
    ['crisis', 'Meu marido me bate e usa o meu cartão'],
    ['crisis', 'Ich habe Angst um mein Leben, er droht mir jeden Tag'],
    ['crisis', "Je n'ai plus envie de vivre depuis que j'ai perdu mon travail"],
    ['security', 'Yes. Now I see a login from another country and my email address was changed. I think my account was hacked.'],
    ['security', 'someone hacked into my account and changed the password'],
    ['security', 'I got a phishing text pretending to be you and I entered my card number'],
    // Payments the customer did not make are billing disputes (row 3), compromised access is security.
    ['billing_dispute', 'There are unauthorized transactions on my account'],
    ['security', 'Es un acceso no autorizado, yo no he cambiado nada.'],
    ['security', 'Minha conta foi hackeada, alguém mudou meu e-mail e meu telefone.'],
    ['security', 'Jemand hat sich in mein Konto eingeloggt, das war ich nicht'],
    ['security', "Quelqu'un a accédé à mon compte sans mon autorisation"],
    ['legal', 'I want a copy of all my personal data under GDPR'],
    ['legal', "If this isn't fixed by Friday I'll sue"],
    ['legal', 'Voy a poner una demanda y hablaré con mi abogado'],
    ['legal', 'Vou entrar na justiça e reclamar no Procon'],
    ['legal', 'Ich verlange die Löschung meiner Daten nach DSGVO'],
    ['legal', 'Je vais saisir la CNIL et mon avocat'],
    ['billing_dispute', "this is ridiculous, I've been charged twice!!"],
    ['billing_dispute', 'There is a charge on my card that I don’t recognize'],
    ['billing_dispute', 'I want to start a chargeback'],
    ['billing_dispute', 'Tengo un cargo de 49,99 € en mi tarjeta que no reconozco.'],
    ['billing_dispute', 'Cobraram duas vezes a mensalidade'],
    ['billing_dispute', 'Mir wurde der Betrag doppelt abgebucht'],
    ['billing_dispute', 'Vous avez prélevé deux fois mon abonnement'],
    ['billing_dispute', "Il y a un paiement que je n'ai jamais fait"],
    ['billing_dispute', 'Aparece una compra que nunca hice'],
    ['billing_dispute', 'Apareceu um pagamento que eu nunca fiz'],
    ['billing_dispute', 'Da ist eine Zahlung, die ich nie gemacht habe'],
    ['billing_dispute', 'Warum wurde mir eine Gebühr berechnet, die ich nie vereinbart habe?'],
    ['security', 'Ich finde meine Kreditkarte nirgends mehr'],
    ['security', 'Je ne retrouve plus ma carte bancaire'],
    ['security', 'Não estou achando meu cartão em lugar nenhum'],
    ['cancellation', 'I want to cancel my subscription at the end of the month'],
    ['cancellation', 'please delete my account'],
    ['cancellation', 'Quiero darme de baja'],
    ['cancellation', 'Quero cancelar minha assinatura'],
    ['cancellation', 'Ich möchte meinen Vertrag kündigen'],
    ['cancellation', 'Je souhaite résilier mon abonnement et fermer mon compte'],
  ])('finds %s in: %s', (topic, text) => {
    expect(facts(text).topics).toContain(topic);
  });

  it.each([
    'cancel my order',
    'I want to cancel my order #4411, I ordered the wrong size',
    'I love the new security features',
    'How do I turn on two-factor authentication?',
    'When will I be charged for the annual plan?',
    'How do I update my payment method?',
    'I changed my password yesterday and it works',
    'Sue from your team helped me last week',
    'can you delete the photo on my profile?',
    'Quiero cancelar mi pedido',
    'Quero cancelar meu pedido',
    'Ich möchte meine Bestellung stornieren',
    'Je veux annuler ma commande',
    'Me encantan las nuevas funciones de seguridad',
    'Die neuen Sicherheitsfunktionen sind super',
    'Como processar o pagamento do pedido?',
    'Was ist das beste Gericht auf der Karte?',
    'this login bug is killing me',
    'my phone battery died during the payment',
    'Este error me está matando de risa',
    'Die Bestellung ist tot, bitte stornieren',
  ])('finds no topic in: %s', (text) => {
    expect(facts(text).topics).toEqual([]);
  });

  it.each([
    'can I talk to a real person',
    'agent',
    'HUMAN PLEASE',
    'I want a human, not a bot',
    'Let me talk to a live agent please',
    'quiero hablar con un agente',
    'Pásame con un agente, por favor',
    'quero falar com um atendente',
    'Preciso falar com uma pessoa de verdade',
    'ich möchte mit einem Mitarbeiter sprechen',
    'Verbinden Sie mich bitte mit einem Mitarbeiter',
    'je veux parler à un conseiller',
    'Mettez-moi en relation avec un conseiller',
    '¿Hay alguien que me pueda atender?',
    'Tem alguém aí para me atender?',
    "Est-ce que je peux avoir quelqu'un au téléphone ?",
    'Gibt es jemanden, mit dem ich telefonieren kann?',
  ])('hears a request for a person: %s', (text) => {
    expect(facts(text).humanRequested).toBe(true);
  });

  it.each([
    'no need for a human, the bot is fine',
    "I don't want to talk to an agent",
    'no quiero hablar con un agente',
    'No hace falta hablar con una persona, gracias',
    'Não preciso de atendente, obrigado',
    'Ich möchte nicht mit einem Mitarbeiter sprechen',
    'Ich brauche keinen Mitarbeiter, danke',
    'Je ne veux pas parler à un conseiller',
    'The agent I spoke to yesterday said my refund was approved',
    'Pouvez-vous me conseiller sur le meilleur forfait ?',
    "I'll call back later",
  ])('hears no request in: %s', (text) => {
    expect(facts(text).humanRequested).toBe(false);
  });

  it.each([
    ['en', 'I think the parcel might be delayed.'],
    ['es', 'Creo que puede ser un problema de caché.'],
    ['pt', 'Talvez seja um problema do navegador.'],
    ['de', 'Vielleicht liegt es an den Einstellungen, ich bin mir nicht sicher.'],
    ['fr', "Je ne suis pas sûr, c'est peut-être le cache."],
  ])('hears hedging in a %s bot reply', (_language, text) => {
    const result = computeSignals(conversation([['BOT', text]]), model, new Date()).facts;
    expect([result.hedgingCount, result.botConfidenceLatest]).toEqual([1, 0.5]);
  });

  it('hears no hedging in a plain bot reply', () => {
    const result = computeSignals(conversation([['BOT', 'Your refund was issued today and arrives in 3–5 business days.']]), model, new Date()).facts;
    expect([result.hedgingCount, result.botConfidenceLatest]).toEqual([0, 0.9]);
  });
});
