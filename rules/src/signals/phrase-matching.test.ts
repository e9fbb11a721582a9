/**
 * Matcher rules the lexicons rely on: ellipsis phrases, numbers inside phrases, requests that
 * must not read as reports, and typo tolerance that stops at real lexicon words. Uses its own
 * small settings so each rule is seen in isolation.
 */
import type { TriggerSettings } from '@baton/schemas';
import { computeSignals, prepareSignals } from './index';
import { customerSays } from './fixtures/conversation.fixture';
import { FIXTURE_SETTINGS } from './fixtures/trigger-settings.fixture';
import { isSecretWord, PhraseIndex, SECRET_TERM } from './phrase-index';
import { matchingStem, stem } from './stemmer';
import { tokenise } from './text-normalise';

const SETTINGS: TriggerSettings = {
  ...FIXTURE_SETTINGS,
  topics: {
    security: {
      phrases: {
        en: ['someone … got into my account', 'someone changed my email', "sign-ins … I don't recognise"],
        es: ['alguien cambió mi correo'],
        de: ['Betrug', 'jemand … mein Passwort geändert'],
      },
    },
    billing_dispute: {
      phrases: {
        en: ['charged twice', "charge … no idea what it's for"],
        de: ['zweimal abgebucht', 'falscher Betrag'],
        fr: ['débité deux fois'],
      },
    },
    cancellation: { phrases: { en: ['want out … subscription'], es: ['cancelar mi suscripción', 'no quiero seguir'] } },
    crisis: { phrases: { fr: ['veux me tuer'] } },
  },
};
const model = prepareSignals(SETTINGS);
const topics = (...texts: string[]) => computeSignals(customerSays(...texts), model, new Date()).facts.topics;
const requested = (...texts: string[]) => computeSignals(customerSays(...texts), model, new Date()).facts.humanRequested;

describe('phrases with an ellipsis', () => {
  it('compiles each part word for word and links the parts loosely', () => {
    const compiled = new PhraseIndex().add('someone … got into my account', 'en');
    expect(compiled && [compiled.mode, compiled.links]).toEqual(['sequence', ['next', 'later', 'next', 'next', 'next']]);
    expect(new PhraseIndex().add('charge ... no idea', 'en')?.links).toEqual(['next', 'later', 'next']);
  });

  it.each([
    ['security', 'somebody, no idea who, someone from abroad got into my account'],
    ['security', 'Someone else got into my account overnight'],
    ['security', 'I see sign-ins from three different cities that I don’t recognise'],
    ['billing_dispute', 'A charge of $12.50 showed up on Friday and I have no idea what it’s for'],
    ['cancellation', 'honestly I want out of this whole subscription thing'],
  ])('finds %s with the parts far apart in one sentence: %s', (topic, text) => {
    expect(topics(text)).toEqual([topic]);
  });

  it.each([
    'I finally got into my account, thanks',
    'Someone told me to write here. I got into my account now',
    'I have no idea what it’s for, but is there a charge for the add-on?',
    'sign-ins work fine. I don’t recognise the new icons though',
    'someone said the page got into a loop with my account',
    'I want to upgrade my subscription',
  ])('needs every part, in order, within one sentence: %s', (text) => {
    expect(topics(text)).toEqual([]);
  });

  it('tries later occurrences of a part when the first one does not continue', () => {
    expect(topics('There is a charge and I have no time, I have no idea what it’s for')).toEqual(['billing_dispute']);
  });
});

describe('numbers inside phrases', () => {
  it.each([
    ['billing_dispute', 'you charged me $14.99 twice'],
    ['billing_dispute', 'Sie haben mir zweimal 12,99 € abgebucht'],
    ['billing_dispute', 'On m’a débité 1 299,00 € deux fois'],
  ])('lets amounts stand between phrase words: %s', (topic, text) => {
    expect(topics(text)).toEqual([topic]);
  });

  it('still needs the phrase words close together', () => {
    expect(topics('you charged me 14.99 for the premium annual upgrade, twice')).toEqual([]);
  });
});

describe('tokenise around numbers', () => {
  it('keeps decimal, thousand and time separators inside one sentence and clause', () => {
    const tokens = tokenise('It was $1,299.00 at 10:30 and 12,99 € later. Next');
    expect(tokens.map((t) => t.word)).toEqual(['it', 'was', '1', '299', '00', 'at', '10', '30', 'and', '12', '99', 'later', 'next']);
    expect(new Set(tokens.slice(0, -1).map((t) => t.sentence))).toEqual(new Set([0]));
    expect(new Set(tokens.slice(0, -1).map((t) => t.punctuationClause))).toEqual(new Set([0]));
    expect(tokens.at(-1)?.sentence).toBe(1);
  });

  it('still breaks at punctuation between a number and a word', () => {
    expect(tokenise('I paid 20. Then').map((t) => t.sentence)).toEqual([0, 0, 0, 1]);
    expect(tokenise('item 3, please').map((t) => t.punctuationClause)).toEqual([0, 0, 1]);
  });
});

describe('requests that are not reports', () => {
  it.each([
    'can someone help me change my email?',
    'Could someone change my email to the new one?',
    '¿Alguien podría cambiar mi correo por otro?',
    '¿Alguien puede cambiar mi correo?',
    '¿Alguien me puede ayudar a cambiar mi correo?',
  ])('does not read a request for help as an incident: %s', (text) => {
    expect(topics(text)).toEqual([]);
  });

  it.each([
    'someone changed my email last night',
    'I can’t log in, someone changed my email',
    'Alguien cambió mi correo ayer',
    'Ich glaube, jemand hat mein Passwort geändert',
  ])('still reads the incident: %s', (text) => {
    expect(topics(text)).toEqual(['security']);
  });

  it('keeps "someone" after a modal for human requests', () => {
    const asks = prepareSignals({ ...SETTINGS, humanRequest: { ...SETTINGS.humanRequest, phrases: { en: ['someone call me'] } } });
    expect(computeSignals(customerSays('can someone call me?'), asks, new Date()).facts.humanRequested).toBe(true);
    expect(requested('can I talk to a person')).toBe(true);
  });
});

describe('words the content rule must keep', () => {
  it('keeps a question word that ends a phrase right after its last content word', () => {
    const index = new PhraseIndex();
    expect(index.add("don't know where", 'en')?.links).toEqual(['next', 'near', 'next']);
    expect(index.add("don't know", 'en')?.links).toEqual(['next', 'near']);
  });

  it('does not let a negation reach its phrase across a comma', () => {
    expect(topics('ya no quiero seguir con el plan')).toEqual(['cancellation']);
    expect(topics('No, quiero seguir con el plan')).toEqual([]);
  });

  it("keeps a phrase opened by a negation inside that negation's clause", () => {
    const asks = prepareSignals({ ...SETTINGS, humanRequest: { ...SETTINGS.humanRequest, phrases: { en: ['not talk to a bot'] } } });
    const asked = (text: string) => computeSignals(customerSays(text), asks, new Date()).facts.humanRequested;
    expect(asked("I don't want to talk to a bot")).toBe(true);
    expect(asked("no thanks, I don't want to talk to anyone, the bot is fine")).toBe(false);
  });
});

describe('an emphasis adverb inside a word-for-word phrase', () => {
  const denials = prepareSignals({ ...FIXTURE_SETTINGS, topics: { billing_dispute: { phrases: { en: ['did not make', 'was not me'] } } } });
  const found = (text: string) => computeSignals(customerSays(text), denials, new Date()).facts.topics;

  it('applies to phrases matched word for word', () => {
    expect(new PhraseIndex().add('did not make', 'en')?.mode).toBe('sequence');
  });

  it.each(['I did not actually make that one', 'I did not really make it, I was asleep', 'it was honestly not me'])(
    'reads the phrase through one adverb that only stresses it: %s',
    (text) => {
      expect(found(text)).toEqual(['billing_dispute']);
    },
  );

  it.each(['I did not want to make it', 'I did not really actually make it', 'it was not really about me'])(
    'keeps other words and a second adverb out: %s',
    (text) => {
      expect(found(text)).toEqual([]);
    },
  );
});

describe('stems too short to tell words apart', () => {
  it('keeps the word when stemming leaves fewer than three letters', () => {
    expect(matchingStem('fr', 'tuer')).toBe('tuer');
    expect(matchingStem('en', 'suing')).toBe('suing');
    expect(matchingStem('en', 'charged')).toBe(stem('en', 'charged'));
  });

  it('so a lexicon word does not meet a short function word ("tuer" is no "tu")', () => {
    expect(topics('je veux me tuer')).toEqual(['crisis']);
    expect(topics("je veux que tu m'aides avec la facture")).toEqual([]);
  });
});

describe('French feminine participles', () => {
  it('stem as their masculine does, although folding dropped the accent Snowball reads them by', () => {
    expect(stem('fr', 'volee')).toBe(stem('fr', 'vole'));
    expect(stem('fr', 'divulguees')).toBe(stem('fr', 'divulgue'));
    expect(stem('fr', 'demandee')).toBe(stem('fr', 'demande'));
    // A noun in "-ée" keeps its own stem rather than meeting a stop word ("entrée" is no "entre").
    expect(stem('fr', 'entree')).not.toBe(stem('fr', 'entre'));
  });
});

describe('Portuguese and Spanish plurals the stemmers leave apart', () => {
  it('stem as their singular ("cartões" as "cartão", "cancelaciones" as "cancelación")', () => {
    expect(stem('pt', 'cartoes')).toBe(stem('pt', 'cartao'));
    expect(stem('pt', 'transacoes')).toBe(stem('pt', 'transacao'));
    expect(stem('es', 'cancelaciones')).toBe(stem('es', 'cancelacion'));
    // Short words stay as written: "caos" (chaos) is no plural of "cão".
    expect(stem('pt', 'caos')).not.toBe(stem('pt', 'cao'));
  });

  it('so a plural meets a lexicon written in the singular', () => {
    const cards = prepareSignals({ ...FIXTURE_SETTINGS, topics: { security: { phrases: { pt: ['roubaram … cartão'] } } } });
    expect(computeSignals(customerSays('roubaram meus cartões ontem'), cards, new Date()).facts.topics).toEqual(['security']);
  });
});

describe('typos stop at real lexicon words', () => {
  it('does not read a lexicon word as a typo of another ("Betrag" is not "Betrug")', () => {
    expect(topics('Der Betrag auf der Rechnung ist hoch')).toEqual([]);
    expect(topics('Das ist ein falscher Betrag')).toEqual(['billing_dispute']);
    expect(topics('Das ist Betrug!')).toEqual(['security']);
  });

  it('never reads a routine word as a typo ("annuel", annual, is one letter swap from "annulé")', () => {
    const cancelled = prepareSignals({ ...SETTINGS, topics: { ...SETTINGS.topics, cancellation: { phrases: { fr: ['abonnement annulé'] } } } });
    const frTopics = (text: string) => computeSignals(customerSays(text), cancelled, new Date()).facts.topics;
    expect(frTopics("Je voudrais passer à l'abonnement annuel, c'est possible ?")).toEqual([]);
    expect(frTopics("J'ai vu que mon abonnement est annulé, c'est possible ?")).toEqual(['cancellation']);
    expect(frTopics("J'ai vu que mon abonnement est anulé, c'est possible ?")).toEqual(['cancellation']);
  });

  it('still accepts a typo of a word the message does not otherwise know', () => {
    expect(topics('I was chargd twice')).toEqual(['billing_dispute']);
    expect(topics('Das ist Betrg')).toEqual(['security']);
    expect(topics('quiero cancelar mi suscripcion')).toEqual(['cancellation']);
  });
});

describe('the {secret} placeholder', () => {
  const secrets = prepareSignals({
    ...SETTINGS,
    topics: {
      security: {
        phrases: {
          en: ['password is {secret}', 'password {secret}', 'pin {secret}', 'typed … {secret} into', '{secret} is my password'],
          de: ['Passwort lautet {secret}'],
        },
      },
    },
  });
  const found = (text: string) => computeSignals(customerSays(text), secrets, new Date()).facts.topics;

  it('compiles to its own term, word for word unless the phrase has two other content words', () => {
    const compiled = new PhraseIndex().add('my password is {secret}', 'en');
    expect(compiled && [compiled.mode, compiled.terms.at(-1)]).toEqual(['sequence', SECRET_TERM]);
    expect(new PhraseIndex().add('password reset code {secret}', 'en')?.mode).toBe('content');
    expect(new PhraseIndex().add('{secret}', 'en')).toBeUndefined();
  });

  it('tells password-like words (4+ characters, a digit) from plain ones', () => {
    expect(['hunter2', 'summer2024', '4417', 'x9x9'].every(isSecretWord)).toBe(true);
    expect(['wrong', 'not', '12', 'a1b', 'password'].some(isSecretWord)).toBe(false);
  });

  it.each([
    'ok my password is Tr0ub4dor, please look at my orders',
    'the new password was set to x, my password is 88451273 now',
    'the pin 9931 does not work',
    'pin: 0047',
    'Password:  qwerty12',
    'I typed hunter22 into the form',
    'Zebra99 is my password',
    'Mein Passwort lautet Sommer2024',
  ])('matches a password-like word where the placeholder stands: %s', (text) => {
    expect(found(text)).toEqual(['security']);
  });

  it('masks the password in the evidence quote', () => {
    const { evidence } = computeSignals(customerSays('hi, my password is Tr0ub4dor, order 55123'), secrets, new Date());
    expect(evidence.topics).toEqual(['security: customer message 1: "hi, my password is •••••••••, order 55123" matched "password is {secret}"']);
  });

  it.each([
    'my password is not accepted',
    'my password is 8 characters long',
    'I forgot the password for account 55123441',
    'password. 12345678 is my order number',
    'I changed my password 3 times today',
    'what pin do I need for the app',
    'Mein Passwort ist zu kurz',
    'my password is wrong. Order 55123 is still missing',
  ])('needs the password-like word in place: %s', (text) => {
    expect(found(text)).toEqual([]);
  });
});
