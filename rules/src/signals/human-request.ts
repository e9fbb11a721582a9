/**
 * `humanRequested`: does the customer ask for a person? Phrases and negations come from the
 * policy's `humanRequest` lexicon (any of its languages, stemmed, one typo tolerated).
 *
 * A request is cancelled by a negation phrase in the same clause — before it within 6 words
 * ("I don't want to talk to an agent", "no need for a human") or just after it within 4
 * ("a human is not necessary"). A one-word request phrase ("agent", "humano") asks only when
 * the message is about that short (at most 3 content words), so "the agent said yes" is no ask;
 * negated, it declines in any message. A message that only names a person the asking concepts
 * know ("representative", "customer service?") asks too, even where the lexicon cannot list the
 * word alone.
 * Turning the bot down is asking for a person: the lexicon lists refusals such as "not talk to a
 * bot", "no quiero hablar con un bot", "keinen Bot" as requests. A refusal is a request phrase
 * holding a negator ("not", "no", "nicht", "pas"...); a negation phrase that shares
 * a word with a refusal is the refusal's own wording, not a negation of any request: "I don't want
 * to talk to a bot" asks, and so does "I don't want a robot I want a real person", while "I don't
 * want to talk to a human" and "I don't want a human" (no negator inside "want a human") decline.
 * The latest customer message that asks or declines decides: "actually, no need for a human
 * anymore" withdraws an earlier ask.
 * Where no phrase asks or declines, the lexicon's concepts may (`concepts.ts`: a person and an ask
 * near each other, "put me through to one of your staff"), under the same negations. Failing
 * that, a negation right before or after a person the asking concepts name declines ("no need for
 * a person", "ein Mitarbeiter ist nicht nötig"): a customer rarely repeats the noun they asked for.
 * A one-word phrase is declined the same strict way, so "I don't want to wait for the agent" is no
 * decline.
 * A negation before a verb of waiting is about the wait, not the person ("I don't want to wait to
 * talk to an agent", "Ich will nicht auf einen Mitarbeiter warten"); said with "any longer" or
 * "keep" it is impatience for the person, an ask ("No quiero esperar más al agente", "Je ne veux
 * plus attendre l'agent"): `judgeImpatience`.
 */
import { conceptWords, FILLERS } from './concepts';
import { holdsNegator, negatorsOf } from './negation';
import type { SignalsModel } from './prepare-signals';
import type { AnalysedText } from './message-analysis';
import type { MatchedMessage, PhraseHit } from './phrase-match';

/** The message that decided `humanRequested`, if any. */
export interface HumanRequestFinding {
  requested: boolean;
  message: AnalysedText;
  /** The request phrase found (as written in the settings). */
  phrase: string;
  /** The negation phrase that cancelled it, when `requested` is false. */
  negation?: string;
  /** Token span of the request, for the evidence quote. */
  first: number;
  last: number;
}

/** A token span: a phrase hit, a concept part. */
type Span = Pick<PhraseHit<unknown>, 'first' | 'last'>;

const NEGATION_BEFORE = 6;
const NEGATION_AFTER = 4;
/** Most words between a negation and the person it declines when they are all glue ("no need to pass me on to a real person"). */
const STRICT_NEGATION_BEFORE = 8;
const SHORT_MESSAGE_CONTENT_WORDS = 3;

function contentWords(text: AnalysedText, language: string): number {
  return text.view(language).stop.filter((stop) => !stop).length;
}

function overlaps(a: Span, b: Span): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/** True when tokens `from`..`to` stand in one clause, read in `language` (Portuguese "mais", "more", splits none). */
function inOneClause(text: AnalysedText, from: number, to: number, language: string): boolean {
  const clauses = text.clauses(language);
  return clauses[from] !== undefined && clauses[from] === clauses[to];
}

/**
 * Verbs of waiting per language, folded: a negation before one is about the wait, not the person
 * after it ("no quiero esperar para hablar con un agente", "je ne veux pas attendre le conseiller").
 */
const WAITING: Readonly<Record<string, RegExp>> = {
  en: /^(?:wait(?:s|ed|ing)?|queu(?:e|ed|es|ing|eing))$/,
  es: /^(?:esper|aguard)(?:ar|o|a|as|an|amos|ando|ado|e|es|en|arle|arlo|arla)$/,
  pt: /^(?:esper|aguard)(?:ar|o|a|as|am|amos|ando|ado|e|em)$/,
  de: /^(?:ge)?wart(?:en|e|est|et|ete|eten)$/,
  fr: /^(?:attend(?:re|s|ons|ez|ent|u|ant)?|patient(?:er|e|ez))$/,
};
/** Languages that put the verb after its object ("auf einen Mitarbeiter warten"). */
const VERB_LAST = new Set(['de']);
/**
 * Words that make a negated wait impatient, folded: "any more", "any longer", "keep" (waiting),
 * "ya no", "más", "seguir", "mais", "continuar", "länger", "mehr", "weiter", "ne… plus", "continuer".
 */
const IMPATIENCE: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set(['more', 'longer', 'anymore', 'keep']),
  es: new Set(['mas', 'ya', 'seguir', 'sigo']),
  pt: new Set(['mais', 'continuar', 'ficar']),
  de: new Set(['langer', 'mehr', 'weiter']),
  fr: new Set(['plus', 'continuer']),
};

function isWaiting(word: string, language: string): boolean {
  return WAITING[language]?.test(word) ?? false;
}

/**
 * True when a verb of waiting stands in a gap of `hit` ("quiero … agente" over "no quiero esperar
 * al agente"): what is wanted there is the wait, so the hit asks for no one.
 */
function spansWaiting(text: AnalysedText, hit: PhraseHit<unknown>): boolean {
  const language = hit.phrase.language;
  for (let j = hit.first + 1; j < hit.last; j += 1) if (isWaiting(text.tokens[j]?.word ?? '', language)) return true;
  return false;
}

/**
 * True when a verb of waiting in the clause stands after `negation` and before the end of
 * `target` (after it too, in a verb-last language): the negation is about the wait.
 */
function negatesWaiting(text: AnalysedText, negation: Span, target: Span, language: string): boolean {
  if (negation.last >= target.last) return false;
  const clauses = text.clauses(language);
  for (let j = negation.last + 1; j < text.tokens.length && clauses[j] === clauses[negation.last]; j += 1) {
    if (j > target.last && !VERB_LAST.has(language)) return false;
    if (isWaiting(text.tokens[j]?.word ?? '', language)) return true;
  }
  return false;
}

function negationOf(text: AnalysedText, request: PhraseHit<true>, negations: readonly PhraseHit<true>[]): PhraseHit<true> | undefined {
  return negations.find((negation) => {
    const language = negation.phrase.language;
    const before = negation.first < request.first && request.first - negation.last <= NEGATION_BEFORE;
    const after = negation.first > request.last && negation.first - request.last <= NEGATION_AFTER;
    if (!before && !after) return false;
    if (before && negatesWaiting(text, negation, request, language)) return false;
    return inOneClause(text, Math.min(negation.first, request.first), Math.max(negation.last, request.last), language);
  });
}

/**
 * Words that may stand between a negation and the person it declines, folded, per language:
 * prepositions, pronouns, "to" and "any more" ("no need for a person", "no hace falta que me pases
 * con una persona", "não preciso mais de um atendente", "ich brauche keinen Menschen mehr", "pas
 * besoin d'un conseiller"). With determiners (`FILLERS`), negation words ("no necesito a ningún
 * asesor") and the concepts' ways of asking ("don't need to talk to anyone from the team"),
 * nothing else: "I don't want to wait for the agent" declines nobody.
 */
const DECLINE_GLUE = new Set(
  (
    'to for of with from about on over through me you us anyone anybody any more longer really ' +
    'de a con para por al del que me te le les nos nadie mas ya realmente ' +
    'com do da dos das ao na no em lhe ninguem mais ' +
    'mit zu von fur an nach bei mich mir dich dir sie ihnen jemanden jemandem niemanden mehr noch wirklich ' +
    'd au aux avec pour par du m t vous moi personne plus vraiment'
  ).split(' '),
);
/** Words that may stand between a person and a negation after it ("a person is not necessary", "ein Mensch ist nicht nötig"), folded. */
const COPULAS = new Set('is are be was would will really es sera seria e ist ware wird est serait sont'.split(' '));

/**
 * The negation that declines `person` strictly: before it with only `DECLINE_GLUE`, determiners
 * and ways of asking (`asks`) between (up to `STRICT_NEGATION_BEFORE` words), or after it with
 * only copulas and negation words between (the usual reach), in one clause.
 */
function strictNegationOf(text: AnalysedText, person: Span, negations: readonly PhraseHit<true>[], asks: readonly Span[]): PhraseHit<true> | undefined {
  return negations.find((negation) => {
    const before = negation.last < person.first;
    if (!before && negation.first <= person.last) return false;
    const [from, to] = before ? [negation.last + 1, person.first] : [person.last + 1, negation.first];
    if (to - from > (before ? STRICT_NEGATION_BEFORE : NEGATION_AFTER)) return false;
    const language = negation.phrase.language;
    if (!inOneClause(text, Math.min(negation.first, person.first), Math.max(negation.last, person.last), language)) return false;
    const negators = negatorsOf(language);
    for (let j = from; j < to; j += 1) {
      const word = text.tokens[j]?.word ?? '';
      const asking = asks.some((ask) => j >= ask.first && j <= ask.last);
      const glue = before ? FILLERS.has(word) || DECLINE_GLUE.has(word) || asking : COPULAS.has(word);
      if (!glue && !negators.has(word)) return false;
    }
    return true;
  });
}

/**
 * A decline that names the person without asking: "no need for a person", "não preciso de um
 * atendente", "kein Mitarbeiter nötig". The persons are the objects of the asking concepts; the
 * negation must hold a negation word ("nearby" declines nobody). Any person the message names
 * without a negation ("no need for the restaurant, just reception") keeps it undecided.
 */
function judgeDecline(message: MatchedMessage, model: SignalsModel, negations: readonly PhraseHit<true>[]): HumanRequestFinding | undefined {
  const declining = negations.filter((negation) => holdsNegator(negation.phrase));
  if (declining.length === 0) return undefined;
  const { objects, states } = model.humanRequestConcepts.askingParts(message);
  const judged = objects.map((person) => ({ person, negation: strictNegationOf(message.text, person, declining, states) }));
  const declined = judged.filter((entry) => entry.negation);
  const named = judged.some((entry) => !entry.negation && !declined.some((other) => overlaps(other.person, entry.person)));
  const [first] = declined;
  if (!first?.negation || named) return undefined;
  const { person, negation } = first;
  return { requested: false, message: message.text, phrase: person.phrase.text, negation: negation.phrase.text, first: person.first, last: person.last };
}

/**
 * An impatient ask: a negated verb of waiting (a negation word at most `NEGATION_BEFORE` words
 * before it), an impatience word from the word before the negation on ("ya no", "any longer",
 * "plus"), and a person after the negation word, all in one clause ("I don't want to wait any
 * longer for an agent", "não quero mais esperar pelo atendente", "Ich will nicht länger auf einen
 * Mitarbeiter warten", "je ne veux plus attendre le conseiller"): the customer is waiting for a
 * person and wants one now. The persons are the request phrases and the objects of the asking
 * concepts found in the message.
 */
function judgeImpatience(text: AnalysedText, persons: readonly PhraseHit<unknown>[]): HumanRequestFinding | undefined {
  for (const person of persons) {
    const language = person.phrase.language;
    const clauses = text.clauses(language);
    const negators = negatorsOf(language);
    const impatience = IMPATIENCE[language];
    // Token indexes in the person's clause, outside the person.
    const around = text.tokens.map((_, j) => j).filter((j) => clauses[j] === clauses[person.first] && (j < person.first || j > person.last));
    const word = (j: number) => text.tokens[j]?.word ?? '';
    const negated = around.find((j) => negators.has(word(j)));
    if (negated === undefined || person.first < negated) continue;
    const waiting = around.find((j) => j > negated && j - negated <= NEGATION_BEFORE && isWaiting(word(j), language));
    const impatient = around.some((j) => j >= negated - 1 && (impatience?.has(word(j)) ?? false));
    if (waiting === undefined || !impatient) continue;
    const quote = (from: number, to: number) => text.shown.slice(text.tokens[from]?.start, text.tokens[to]?.end);
    const [wait, who] = [quote(waiting, waiting), quote(person.first, person.last)];
    const phrase = waiting < person.first ? `waiting: ${wait} … ${who}` : `waiting: ${who} … ${wait}`;
    return { requested: true, message: text, phrase, first: Math.min(waiting, person.first), last: Math.max(waiting, person.last) };
  }
  return undefined;
}

/** A request found by a concept, or declined by a negation phrase around it. */
function judgeConcepts(message: MatchedMessage, model: SignalsModel): HumanRequestFinding | undefined {
  const [hit] = model.humanRequestConcepts.find(message);
  if (!hit) return undefined;
  const { text, lexemes } = message;
  const span: PhraseHit<true> = { phrase: hit.state.phrase, tag: true, first: hit.first, last: hit.last };
  const negation = negationOf(text, span, model.humanRequestNegations.find(text, lexemes));
  const [first, second] = conceptWords(text, hit);
  const finding = { message: text, phrase: `concept ${hit.id}: ${first} … ${second}`, first: hit.first, last: hit.last };
  return negation ? { ...finding, requested: false, negation: negation.phrase.text } : { ...finding, requested: true };
}

/** Most function words around a person named alone ("an operator", "the customer service please"). */
const BARE_PERSON_GLUE = 2;

/**
 * A message that is only a person the asking concepts name ("representative", "customer
 * service?", "un conseiller") asks for them, as a one-word request phrase does: in a chat, naming
 * whom you want is the ask. At most two function words may stand around it ("where can I get a
 * spa" asks where, not for a person). Words the lexicon cannot list alone ("representative" stems
 * like "represented") are covered this way. Not when a negation declines them.
 */
function judgeBarePerson(message: MatchedMessage, model: SignalsModel, negations: readonly PhraseHit<true>[]): HumanRequestFinding | undefined {
  const { text } = message;
  for (const object of model.humanRequestConcepts.askingParts(message).objects) {
    const stop = text.view(object.phrase.language).stop;
    const around = text.tokens.length - (object.last - object.first + 1);
    const alone = around <= BARE_PERSON_GLUE && text.tokens.every((_, i) => stop[i] || (i >= object.first && i <= object.last));
    const span: PhraseHit<true> = { phrase: object.phrase, tag: true, first: object.first, last: object.last };
    if (!alone || negationOf(text, span, negations)) continue;
    return { message: text, phrase: `${object.phrase.text} (a person, named alone)`, first: object.first, last: object.last, requested: true };
  }
  return undefined;
}

function judgeMessage(message: MatchedMessage, model: SignalsModel): HumanRequestFinding | undefined {
  const { text, lexemes } = message;
  const found = model.humanRequests.find(text, lexemes);
  const impatient = judgeImpatience(text, [...found, ...model.humanRequestConcepts.askingParts(message).objects]);
  if (impatient) return impatient;
  const hits = found.filter((hit) => !spansWaiting(text, hit));
  if (hits.length === 0) {
    const negations = model.humanRequestNegations.find(text, lexemes);
    return judgeConcepts(message, model) ?? judgeBarePerson(message, model, negations) ?? judgeDecline(message, model, negations);
  }
  // A negation that shares words with a refusal ("I don't want to talk to a bot") is part of it.
  const refusals = hits.filter((hit) => holdsNegator(hit.phrase));
  const negations = model.humanRequestNegations.find(text, lexemes).filter((negation) => !refusals.some((hit) => overlaps(hit, negation)));
  let declined: HumanRequestFinding | undefined;
  let named = false;
  for (const hit of hits) {
    const oneWord = hit.phrase.terms.length === 1;
    // A one-word phrase ("agent") is declined only as a person is: "I don't need an agent", not "I don't want to wait for the agent".
    const asks = model.humanRequestConcepts.askingParts(message).states;
    const negation = oneWord
      ? strictNegationOf(text, hit, negations, asks)
      : (negationOf(text, hit, negations) ?? strictNegationOf(text, hit, negations, asks));
    const finding = { message: text, phrase: hit.phrase.text, first: hit.first, last: hit.last };
    if (negation) {
      declined ??= { ...finding, requested: false, negation: negation.phrase.text };
    } else if (!oneWord || contentWords(text, hit.phrase.language) <= SHORT_MESSAGE_CONTENT_WORDS) {
      return { ...finding, requested: true };
    } else {
      named = true;
    }
  }
  // A person named un-negated keeps a decline from deciding ("I don't need an agent, I need a supervisor").
  if (declined && !named) return declined;
  // A one-word phrase in a longer message decides nothing: a concept may still ask ("páseme con su supervisor").
  return judgeConcepts(message, model) ?? (named ? undefined : judgeDecline(message, model, negations));
}

/**
 * Finds the latest customer message that asks for a person or declines one.
 * @param messages customer messages in conversation order
 * @returns the deciding finding, or undefined when no message mentions a request
 */
export function findHumanRequest(messages: readonly MatchedMessage[], model: SignalsModel): HumanRequestFinding | undefined {
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const message = messages[i];
    const finding = message && judgeMessage(message, model);
    if (finding) return finding;
  }
  return undefined;
}
