import { computeSignals, prepareSignals } from './index';
import { customerSays } from './fixtures/conversation.fixture';
import { FIXTURE_SETTINGS } from './fixtures/trigger-settings.fixture';

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
