import type { MessageInput } from '@baton/schemas';
import { computeSignals, prepareSignals } from './index';
import { conversation, customerSays, type MessageSpec } from './fixtures/conversation.fixture';
import { FIXTURE_SETTINGS } from './fixtures/trigger-settings.fixture';
import { referenceTriggerSettings } from '../testing/reference-files';

const model = prepareSignals(FIXTURE_SETTINGS);
const signals = (...texts: string[]) => computeSignals(customerSays(...texts), model, new Date());
const requested = (...texts: string[]) => signals(...texts).facts.humanRequested;

describe('humanRequested', () => {
  it.each([
    'can I talk to a real person',
    'Can I please TALK to a person?',
    'i want to speak to a humen', // one typo
    'agent',
    'Human please!',
    'quiero hablar con un agente',
    'Necesito hablar con una persona, por favor',
    'quero falar com um atendente',
    'ich möchte mit einem Mitarbeiter sprechen',
    'Kann ich mit einem echten Menschen sprechen?',
    'je veux parler à un conseiller',
    'Je voudrais parler à une vraie personne',
  ])('detects a request: %s', (text) => {
    expect(requested(text)).toBe(true);
  });

  it.each([
    'no need for a human, the bot is fine',
    "I don't want to talk to an agent",
    'I do not want to talk to a person, just tell me the opening hours',
    'Talking to a person is not necessary',
    'no quiero hablar con un agente',
    'No hace falta hablar con una persona',
    'Não preciso falar com um atendente',
    'Ich möchte nicht mit einem Mitarbeiter sprechen',
    'Je ne veux pas parler à un conseiller',
  ])('ignores a negated request: %s', (text) => {
    expect(requested(text)).toBe(false);
  });

  it.each([
    'where is my order?',
    'The agent I spoke to yesterday said my refund was approved',
    'I work in human resources and need to add three users to our plan',
    'Pouvez-vous me conseiller sur le meilleur forfait ?',
  ])('does not read an ask into a benign mention: %s', (text) => {
    expect(requested(text)).toBe(false);
  });

  it('is not cancelled by a negation in another clause', () => {
    expect(requested("I don't want to wait any longer, let me talk to an agent")).toBe(true);
  });

  it('lets the latest message that asks or declines decide', () => {
    expect(requested('can I talk to a person?', 'actually no need for a human, it works now')).toBe(false);
    expect(requested('no need for a human', 'ok this is going nowhere, I want to talk to an agent')).toBe(true);
    expect(requested('can I talk to a person?', 'my order number is 4411')).toBe(true);
  });

  describe('turning the bot down', () => {
    const refusals = prepareSignals({
      ...FIXTURE_SETTINGS,
      humanRequest: {
        phrases: {
          ...FIXTURE_SETTINGS.humanRequest.phrases,
          en: [...(FIXTURE_SETTINGS.humanRequest.phrases.en ?? []), 'not talk to a robot', 'want a human'],
          de: ['keinen Roboter'],
        },
        negations: { ...FIXTURE_SETTINGS.humanRequest.negations, de: ['brauche keinen'] },
      },
    });
    const asks = (text: string) => computeSignals(customerSays(text), refusals, new Date()).facts.humanRequested;

    it('reads a negated bot as a request: the negation belongs to the refusal', () => {
      expect(asks('honestly I do not want to talk to a robot')).toBe(true);
      expect(asks('Ich brauche keinen Roboter')).toBe(true);
    });

    it("does not let the refusal's negation cancel another request", () => {
      expect(asks('Ich brauche keinen Roboter ich will mit einem Menschen sprechen')).toBe(true);
    });

    it('still declines a person when the request phrase holds no negator', () => {
      expect(asks("I don't want a human")).toBe(false);
      expect(asks("I don't want to talk to an agent")).toBe(false);
    });
  });

  it('lets a concept ask when a one-word phrase in a longer message decides nothing', () => {
    const withConcept = prepareSignals({
      ...FIXTURE_SETTINGS,
      humanRequest: {
        ...FIXTURE_SETTINGS.humanRequest,
        concepts: [{ id: 'put_through', objects: { en: ['agent'], es: ['agente'] }, states: { en: ['put me through'], es: ['páseme'] } }],
      },
    });
    const asks = (text: string) => computeSignals(customerSays(text), withConcept, new Date()).facts.humanRequested;
    expect(asks('please put me through to the agent who handled my claim last week')).toBe(true);
    expect(asks('Páseme con el agente que llevó mi reclamación la semana pasada')).toBe(true);
    expect(asks('the agent who handled my claim last week was very kind')).toBe(false);
  });

  it('quotes the request with the phrase that matched', () => {
    const { evidence } = signals('hello', 'quiero hablar con un agente ya');
    expect(evidence.humanRequested).toEqual(['customer message 2: "quiero hablar con un agente ya" asks for a person ("hablar con un agente")']);
  });
});

describe('declines on the reference settings, over a conversation', () => {
  const reference = prepareSignals(referenceTriggerSettings());
  const bot = (text: string): MessageSpec => ['BOT', text, { confidence: 0.9 }];
  const customer = (text: string, fields: Partial<MessageInput> = {}): MessageSpec => ['CUSTOMER', text, fields];
  const decide = (...messages: MessageSpec[]) => computeSignals(conversation(messages), reference, new Date('2026-03-01T10:00:00Z'));

  it.each([
    ['en', 'Could I speak with an agent please?', 'Sorted it myself, no need for a person any more.'],
    ['en', 'Can someone from your team call me?', 'Actually I don’t need anyone from your team, thanks.'],
    ['es', 'Quiero hablar con un agente.', 'Ya no hace falta una persona, gracias.'],
    ['es', '¿Me pasas con alguien?', 'No necesito a ningún asesor, ya lo resolví.'],
    ['pt', 'Quero falar com um atendente.', 'Já não preciso de uma pessoa, obrigado.'],
    // Portuguese "mais" is "any more", not French "mais" ("but"): it does not end the negation's clause.
    ['pt', 'Me passa para alguém, por favor.', 'Não preciso mais de um atendente, consegui sozinho.'],
    ['de', 'Ich möchte mit einem Mitarbeiter sprechen.', 'Ich brauche keinen Menschen mehr, danke.'],
    ['de', 'Verbinden Sie mich mit jemandem.', 'Ein Mitarbeiter ist nicht nötig, hat sich erledigt.'],
    ['fr', 'Je voudrais parler à un conseiller.', "Pas besoin d'un humain finalement, merci."],
    ['fr', 'Passez-moi quelqu’un.', "Finalement je n'ai pas besoin de parler à quelqu'un."],
  ])('lets a later decline that names the person another way withdraw the ask (%s)', (_language, ask, decline) => {
    const asked = decide(customer(ask));
    expect(asked.facts.humanRequested).toBe(true);
    const withdrawn = decide(customer(ask), bot('Sure, let me check who is available.'), customer(decline));
    expect(withdrawn.facts.humanRequested).toBe(false);
    expect(withdrawn.sources.humanRequested).toEqual([2]);
  });

  it('lets the decline withdraw a request the bot reported', () => {
    const asked = [customer('ok', { intent: 'talk_to_agent', intentConfidence: 0.9 }), bot('I can transfer you. Anything else first?')] as const;
    expect(decide(...asked).facts.humanRequested).toBe(true);
    expect(decide(...asked, customer('No need for a person, thanks.')).facts.humanRequested).toBe(false);
    expect(decide(...asked, customer('Ya no hace falta una persona.')).facts.humanRequested).toBe(false);
  });

  it.each([
    ['en', 'I want to speak to an agent.', 'I don’t want to wait for the agent all day, please hurry.'],
    ['en', 'Can I talk to a human?', 'No need for the restaurant menu, just reception please.'],
    ['en', 'Can I talk to a human?', 'I don’t need a bot, I need a person.'],
    ['en', 'Can I talk to a person?', 'I don’t want a machine answering me'],
    ['en', 'Can I talk to a person?', 'I don’t need an agent, I need a supervisor.'],
    ['es', '¿Puedo hablar con una persona?', 'No necesito un agente, necesito un supervisor.'],
    ['es', 'Quiero hablar con un agente.', 'No necesito otra factura, necesito al agente.'],
    ['pt', 'Quero falar com um atendente.', 'Não quero um robô, quero uma pessoa.'],
    ['de', 'Ich möchte mit einem Mitarbeiter sprechen.', 'Ich will nicht ewig auf den Mitarbeiter warten.'],
    ['fr', 'Je voudrais parler à un conseiller.', 'Je ne veux pas attendre le conseiller toute la journée.'],
  ])('keeps the ask when the later message declines something else (%s)', (_language, ask, later) => {
    expect(decide(customer(ask), bot('One moment please.'), customer(later)).facts.humanRequested).toBe(true);
  });

  it.each([
    ['en', 'I’m not asking for a human, just tell me my balance.'],
    ['en', 'I never asked to speak to a person, I only want the opening hours.'],
    ['es', 'No estoy pidiendo hablar con una persona, solo dime mi saldo.'],
    ['es', 'No quiero hablar con un agente, solo dime el saldo.'],
    ['pt', 'Não estou pedindo um atendente, só quero saber o saldo.'],
    ['pt', 'Não preciso de um atendente, só quero saber o saldo.'],
    ['pt', 'Não quero mais falar com um atendente, já resolvi.'],
    ['de', 'Ich will nicht mit einem Mitarbeiter sprechen, sagen Sie mir nur den Kontostand.'],
    ['de', 'Ich verlange keinen Mitarbeiter, nur die Öffnungszeiten bitte.'],
    ['fr', 'Je ne veux pas parler à un conseiller, donnez-moi juste mon solde.'],
    ['fr', 'Je ne demande pas un conseiller, juste mon solde.'],
    // Telling the bot a transfer is not needed, however many words of asking stand between.
    ['en', 'No, there is no need to pass me on to a real human.'],
    ['es', 'No, no hace falta que me pases con una persona de verdad.'],
    ['pt', 'Você não precisa me transferir para um atendente.'],
    ['de', 'Sie müssen mich nicht an einen Mitarbeiter weiterleiten.'],
    ['fr', 'Vous n’avez pas besoin de me passer un conseiller.'],
  ])('does not hear a negated request as one (%s): %s', (_language, text) => {
    expect(decide(customer(text)).facts.humanRequested).toBe(false);
  });

  it.each([
    ['en', 'I really don’t want to wait any longer for a human'],
    ['es', 'Ya no quiero seguir esperando a un asesor'],
    ['pt', 'Não quero ficar esperando mais pelo atendente'],
    ['de', 'Ich möchte nicht mehr länger auf einen Menschen warten'],
    ['fr', 'Je ne veux plus attendre un conseiller'],
  ])('hears impatience for a person as an ask (%s): %s', (_language, text) => {
    const { facts, evidence } = decide(customer(text));
    expect(facts.humanRequested).toBe(true);
    expect(evidence.humanRequested?.[0]).toMatch(/asks for a person \("waiting: /);
  });

  it.each([
    ['en', 'Can I talk to a person?', 'I don’t want to wait any more to talk to an agent'],
    ['es', 'Quiero hablar con un agente.', 'No quiero esperar más para hablar con una persona'],
    ['pt', 'Quero falar com um atendente.', 'Não quero esperar mais para falar com um atendente'],
    ['de', 'Ich möchte mit einem Mitarbeiter sprechen.', 'Ich will nicht länger warten, um mit einem Menschen zu sprechen'],
    ['fr', 'Je voudrais parler à un conseiller.', 'Je ne veux plus attendre pour parler à un conseiller'],
  ])('does not read a negated wait before the ask as a decline (%s)', (_language, ask, later) => {
    const result = decide(customer(ask), bot('One moment please.'), customer(later));
    expect(result.facts.humanRequested).toBe(true);
    expect(result.sources.humanRequested).toEqual([2]);
  });

  it.each([
    ['en', 'I don’t want to wait to talk to an agent'],
    ['es', 'No quiero esperar para hablar con una persona'],
    ['pt', 'Não quero esperar para falar com um atendente'],
    ['fr', 'Je ne veux pas attendre pour parler à un conseiller'],
  ])('lets the ask after a negated wait stand (%s): %s', (_language, text) => {
    expect(decide(customer(text)).facts.humanRequested).toBe(true);
  });

  it.each([
    ['en', 'I don’t want to wait for an agent, just give me my balance'],
    ['es', 'No quiero esperar al agente, dime solo el saldo'],
  ])('hears neither an ask nor a decline in a wait turned down without impatience (%s): %s', (_language, text) => {
    const result = decide(customer(text));
    expect(result.facts.humanRequested).toBe(false);
    expect(result.sources.humanRequested).toBeUndefined();
  });

  it.each([
    ['en', 'I’m not asking again, get me a human.'],
    ['en', 'I’m not asking for much, just let me talk to a person'],
    ['es', 'No quiero esperar más, pásame con un agente'],
    ['pt', 'Não estou pedindo muito, só quero falar com um atendente'],
    ['pt', 'Não aguento mais esse robô, quero falar com um atendente'],
    ['de', 'Ich will nicht länger warten, verbinden Sie mich mit einem Mitarbeiter'],
    ['fr', 'Je ne veux plus attendre, passez-moi un conseiller'],
  ])('hears a request after a negation of something else (%s): %s', (_language, text) => {
    expect(decide(customer(text)).facts.humanRequested).toBe(true);
  });
});
