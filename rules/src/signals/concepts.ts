/**
 * Internal: concepts, the pattern behind many phrases: an object and a state of one concept
 * near each other in one sentence, in either order ("my card … can't find it", "lost my
 * wallet", "a payment I didn't make", "the subscription came out twice"). Both sides are
 * lexicon phrases (stemmed, typo-tolerant, `PhraseIndex`), so one concept covers what would take
 * dozens of fixed phrases and their inflections. The window counts the words between the two
 * parts except determiners, possessives, a partitive "one of", amounts and the pronouns and
 * auxiliaries of a relative clause, which fill a noun phrase without moving its head away. A
 * denial opening a relative clause reaches twice as far ("a debit of 14.99 to a firm called Quellix
 * Cloud which I don't recognise"). A denial may also answer in a short sentence or clause of its
 * own right after the object's ("There is a debit here. I didn't make it.", "a purchase at a shop
 * in Rome, I've never been to Italy").
 *
 * Negation scope: a negation word in the pair's clause just before it (up to 3 words) or between
 * its parts cancels it ("my card is not lost", "I wasn't charged twice"); a state that is itself
 * a denial ("didn't make", "not mine", "can't find") carries its own negation, which does not
 * count. A comma or "but" ends the scope ("No, my card was stolen" stands). A hypothetical in the
 * sentence before the pair's end ("whether a card can be stolen", "is it possible that…") makes it
 * speculation, not a report; a suspicion ("maybe somebody got hold of my card", "someone might be
 * using it") is a report, since a worried customer should reach a person; a denial state right before a question word ("I can't find
 * where to link it", "don't know how") is a how-to question, unless the state is written with its
 * question word and a clause follows ("I don't know where that fee comes from"). A yes/no question
 * about how things work is no report, unless it reports ("Can I dispute this charge?"). A concept's `resolvedBy` phrases
 * anywhere in the message cancel it there ("I found my lost card", "lost in the delivery"); a
 * `resolvedBy` entry "@other_concept" makes it yield to that concept of the same set where both are
 * found ("my wallet was stolen and there is a withdrawal I didn't make" is the withdrawal's
 * dispute, while "I lost my wallet, how soon can I make a withdrawal?" stays a lost wallet).
 */
import type { Concept } from '@baton/schemas';
import type { AnalysedText } from './message-analysis';
import { holdsNegator, NEGATION_REACH, negatorsOf } from './negation';
import type { CompiledPhrase, PhraseIndex } from './phrase-index';
import { PhraseSet, rememberMatches, type MatchedMessage, type PhraseHit } from './phrase-match';
import { tokenise } from './text-normalise';

/** Default and documented meaning of `Concept.window`: most words between object and state. */
export const DEFAULT_CONCEPT_WINDOW = 6;

interface CompiledConcept {
  id: string;
  topic: string;
  window: number;
  /** Ids of the concepts this one yields to (`resolvedBy` entries "@id"). */
  yieldsTo: ReadonlySet<string>;
  /** Some state holds a negation word ("doesn't understand me"): a complaint, whose objects name no one to ask for. */
  complains: boolean;
}

/** A `resolvedBy` entry that names a concept to yield to rather than a phrase ("@disputed_withdrawal"). */
export const CONCEPT_REFERENCE = /^@([a-z][a-z0-9_]*)$/;

/** What a concept term is registered with: its concept (by number) and its part. */
export interface ConceptTerm {
  concept: number;
  role: 'object' | 'state' | 'resolved';
}

const words = (list: string) => new Set(list.split(' '));
/** Hypothetical markers per language, folded: a pair after one of them in its sentence is no report. */
const HEDGES = words('possible whether posible possivel ob');
/**
 * Words that open a yes/no question about how things work ("Is the plan billed more than once?",
 * "¿Puedo pagar dos veces?"): a clause they open, in a sentence ending in "?", asks rather than
 * reports, unless its state is a denial ("Can I dispute a charge I didn't make?").
 */
const QUESTION_OPENERS = words('is are can could may does do should will would puedo puede se es hay posso pode e kann ist darf gibt puis peut est');
/** A modal and "you" open a request, not a question about how things work ("can you", "could you"), folded. */
const REQUEST_MODALS = words('can could would will');
const ADDRESSEES = words('you u ya');
/**
 * Openers of a yes/no question about what is going on, folded: with "someone" as its subject
 * ("Is someone using my card?", "Est-ce que quelqu'un utilise ma carte ?") the question voices a
 * suspicion, a report. Modals and "do" stay out: "Can someone else use my card?" and "Does
 * anyone else have access to my data?" ask how things work.
 */
const STATE_OPENERS = words('is are ist est es e');
const SOMEONE = words('someone somebody anyone anybody alguien alguem jemand quelqu');
/** How far after its opener the subject of a question may stand ("Est-ce que quelqu'un…"). */
const SUBJECT_REACH = 3;
/** Words that open a clause giving a reason or a fact, folded: what follows them is reported, not asked. */
const SUBORDINATORS = words('since because cause cuz as now that porque pues ya como pois porque visto weil da nachdem denn parce puisque car comme');
/** Question words: a denial state right before one asks how to do something ("can't find where to…"). */
const QUESTION_WORDS = words('how where what which como donde que cual onde qual wie wo was welche comment ou quoi quel quelle');
/**
 * Words that, right after a question word, make it a how-to ("don't know where to go", "no sé
 * cómo hacerlo", "weiß nicht, wie man", "je ne sais pas comment faire"), folded; a subject or a
 * verb of its own makes it a report of something unexplained ("I don't know where this charge
 * came from"). Romance infinitives are recognised by their ending (`INFINITIVE`).
 */
const HOW_TO_MARKERS = words('to man zu');
const INFINITIVE = /^\p{L}{2,}(?:ar|er|ir|re)$/u;
/**
 * Verbs that make a yes/no question a report ("Can I report a billing issue?", "¿Puedo reclamar
 * este cargo?"): the customer has a problem to hand over, whatever the grammar. Folded, matched
 * by prefix so every inflection counts.
 */
const REPORTING_VERBS = ['report', 'disput', 'complain', 'reclam', 'denunci', 'contest', 'reklamier', 'beanstand', 'widersprech', 'meld', 'signal'];

/** One concept found in a message: its topic and the two phrase occurrences. */
export interface ConceptHit {
  id: string;
  topic: string;
  object: PhraseHit<ConceptTerm>;
  state: PhraseHit<ConceptTerm>;
  /** Token span of the pair. */
  first: number;
  last: number;
}

const inside = (j: number, hit: PhraseHit<ConceptTerm>): boolean => j >= hit.first && j <= hit.last;

function isNegated(text: AnalysedText, object: PhraseHit<ConceptTerm>, state: PhraseHit<ConceptTerm>): boolean {
  const negators = [negatorsOf(state.phrase.language), negatorsOf(object.phrase.language)];
  const earlier = object.first < state.first ? object : state;
  const later = earlier === object ? state : object;
  const clauses = text.clauses(state.phrase.language);
  const sentence = text.tokens[earlier.first]?.sentence;
  const denial = holdsNegator(state.phrase);
  for (let j = Math.max(0, earlier.first - NEGATION_REACH); j <= later.last; j += 1) {
    const token = text.tokens[j];
    if (!token || inside(j, object) || (denial && inside(j, state))) continue;
    // French and others bracket a denial ("n'est pas à moi"): its first half is no negation of it.
    if (denial && j < state.first && state.first - j <= NEGATION_REACH) continue;
    const inScope = j < earlier.first ? clauses[j] === clauses[earlier.first] : token.sentence === sentence;
    if (inScope && negators.some((set) => set.has(token.word)) && !opensEmbeddedQuestion(text, j, earlier.first)) return true;
  }
  return false;
}

/**
 * Words that open an embedded question, folded ("I don't know why…", "no entiendo de dónde…"):
 * a negation before one negates the not-knowing, not the pair after it. Words that are also
 * plain conjunctions ("que", "ou") are left out.
 */
const EMBEDDED_QUESTION = words('where why what how who when donde cuando como quien onde quando quem wo warum wie wer wann woher pourquoi comment quand');

/** True when an embedded-question word stands after the negation at `negation`, up to token `first`. */
function opensEmbeddedQuestion(text: AnalysedText, negation: number, first: number): boolean {
  for (let k = negation + 1; k <= first; k += 1) if (EMBEDDED_QUESTION.has(text.tokens[k]?.word ?? '')) return true;
  return false;
}

const endingInQuestionWord = new WeakMap<CompiledPhrase, boolean>();

/**
 * True when `phrase` is written ending in a question word ("don't know where", "no sé de
 * dónde"): the question word is a stop word, so the compiled phrase stops before it.
 */
function endsInQuestionWord(phrase: CompiledPhrase): boolean {
  let ends = endingInQuestionWord.get(phrase);
  if (ends === undefined) {
    ends = QUESTION_WORDS.has(tokenise(phrase.text).at(-1)?.word ?? '');
    endingInQuestionWord.set(phrase, ends);
  }
  return ends;
}

/**
 * True when a denial state opens a how-to question: a question word right after it ("I can't
 * find where my settings are"), unless the state itself is written with that question word
 * ("don't know where"), which asks how-to only when an infinitive follows ("don't know where to
 * send it") and otherwise reports something unexplained ("don't know where that fee comes from").
 */
function opensHowTo(text: AnalysedText, state: PhraseHit<ConceptTerm>): boolean {
  const clauses = text.clauses(state.phrase.language);
  const clause = clauses[state.last];
  const written = endsInQuestionWord(state.phrase);
  // The state's own question word, matched as its last word, or the word right after it.
  const at = written && QUESTION_WORDS.has(text.tokens[state.last]?.word ?? '') ? state.last : state.last + 1;
  const question = text.tokens[at];
  // In a clause of its own, the question is a new one ("I'm done with this account, how can I remove it?").
  if (question === undefined || clauses[at] !== clause || !QUESTION_WORDS.has(question.word)) return false;
  if (!written) return true;
  const after = text.tokens[at + 1];
  if (after === undefined || clauses[at + 1] !== clause) return true;
  return HOW_TO_MARKERS.has(after.word) || (state.phrase.language !== 'en' && state.phrase.language !== 'de' && INFINITIVE.test(after.word));
}

/** True when a hedge opens the pair's sentence before its end, a denial state opens a how-to question, or (unless `asking`) a policy question holds the pair. */
function isSpeculation(text: AnalysedText, state: PhraseHit<ConceptTerm>, last: number, asking: boolean): boolean {
  const sentence = text.tokens[last]?.sentence;
  let reports = false;
  for (let j = last; j >= 0 && text.tokens[j]?.sentence === sentence; j -= 1) {
    const word = text.tokens[j]?.word ?? '';
    // "Is it possible to dispute this debit?" asks to report, it does not wonder.
    reports ||= REPORTING_VERBS.some((verb) => word.startsWith(verb));
    if (HEDGES.has(word) && !reports) return true;
  }
  if (holdsNegator(state.phrase)) return opensHowTo(text, state);
  return !asking && isPolicyQuestion(text, last, state.phrase.language);
}

/**
 * True when the clause holding token `j` opens with a question opener and its sentence ends in
 * "?", unless a subordinator stands between the opener and `j`: "Is there anything to do since my
 * phone was stolen?" asks what to do about a report.
 */
function isPolicyQuestion(text: AnalysedText, j: number, language: string): boolean {
  if (!text.tokens[j]) return false;
  const clauses = text.clauses(language);
  let first = j;
  while (first > 0 && clauses[first - 1] === clauses[j]) first -= 1;
  if (!QUESTION_OPENERS.has(text.tokens[first]?.word ?? '')) return false;
  // "Could you freeze my card?" asks for something to be done, not how things work ("Do you charge…?" still asks).
  if (REQUEST_MODALS.has(text.tokens[first]?.word ?? '') && ADDRESSEES.has(text.tokens[first + 1]?.word ?? '')) return false;
  if (STATE_OPENERS.has(text.tokens[first]?.word ?? '')) {
    for (let k = first + 1; k <= Math.min(j, first + SUBJECT_REACH); k += 1) if (SOMEONE.has(text.tokens[k]?.word ?? '')) return false;
  }
  for (let k = first + 1; k < j; k += 1) {
    const word = text.tokens[k]?.word ?? '';
    if (SUBORDINATORS.has(word) || REPORTING_VERBS.some((verb) => word.startsWith(verb))) return false;
  }
  return endsInQuestionMark(text, j);
}

/** True when the state's ends fall inside the object (an object inside an ellipsis state is fine). */
function overlaps(object: PhraseHit<ConceptTerm>, state: PhraseHit<ConceptTerm>): boolean {
  const within = (j: number) => j >= object.first && j <= object.last;
  return within(state.first) || within(state.last) || (state.first >= object.first && state.last <= object.last);
}

/**
 * Determiners and possessives, folded: they fill a noun phrase without moving its head away, so
 * the window does not count them ("close my joint account" is as close as "close the account").
 */
export const FILLERS = words(
  'a an the my your our his her their this that these those some any ' +
    'un una unos unas el la los las mi mis tu tus su sus nuestro nuestra nuestros nuestras este esta estos estas ese esa esos esas ' +
    'um uma uns umas o a os as meu minha meus minhas seu sua seus suas teu tua nosso nossa este esta esse essa ' +
    'ein eine einen einem einer eines der die das den dem des mein meine meinen meinem meiner meines dein deine sein seine ihr ihre unser unsere dieser diese dieses diesen ' +
    'une des le les l mon ma mes ton ta tes son sa ses notre nos ce cet cette ces',
);
/** Quantifiers that, with the "of" after them, pick from the object: "one of my plans" acts on a plan. */
const QUANTIFIERS = words(
  'one some any all both each uno una alguno alguna algunos algunas todos todas um uma algum alguma alguns algumas todas eins alle un une certains tous toutes',
);
const PARTITIVE_OF = words('of de von du');
/**
 * Relative pronouns, subject pronouns and auxiliaries, folded: they join a relative clause to the
 * noun it describes without moving it away ("a withdrawal from my account which I did not
 * make" is as close as "a withdrawal I did not make").
 */
const CLAUSE_GLUE = words(
  'that which who i we did do does have has had was were is am are ve m re d ll ' +
    'que yo he ha hemos fue era eu tenho tem foi ich habe hat ist war wurde qui je j ai a suis ne n',
);
/**
 * Numbers and currency names or codes, folded: an amount ("of 89.99 euros", "de R$ 350,00", "über
 * 64,50 €") says which payment, it does not move its noun away. The sign "€" is no token at all.
 */
const CURRENCIES = words(
  'eur euro euros usd dollar dollars gbp pound pounds quid bucks cent cents pence chf brl r reais franc francs franken peso pesos centimos centavos',
);
const NUMBER = /^\p{N}/u;
/**
 * Relative pronouns, folded: a denial that opens a relative clause ("…that I never made", "…, die
 * ich nicht kenne", "…que no hice", "…que je n'ai pas faite", "…que não fiz") describes the noun
 * before it, however long the noun phrase in between ("a payment of 89.99 to a shop called ZX
 * Trading that I never made"), so such a pair may stand `RELATIVE_REACH` times the window apart.
 */
const RELATIVES = words('that which who whom que quem die der das den dem welche welcher welches welchen qui lequel laquelle dont');
const RELATIVE_REACH = 2;
/** How far before a denial its relative pronoun may stand: subject, auxiliary and negation particle between ("that I have never"). */
const RELATIVE_LEAD = 4;
/** Subject pronouns, folded, that may stand between a relative pronoun or a clause's start and its denial. */
const SUBJECTS = words('i we you he she they it yo nosotros eu nos ele ela ich wir er es je j nous vous il elle on tu');

/**
 * Words strictly between two hits, determiners, possessives, partitives ("one of"), the glue of
 * a relative clause (`CLAUSE_GLUE`) and amounts (`CURRENCIES`) not counted; 0 when one lies
 * inside the other. Another "of" still counts: in "the automatic billing of my account" the
 * billing, not the account, is what is acted on.
 */
function gapBetween(text: AnalysedText, a: PhraseHit<ConceptTerm>, b: PhraseHit<ConceptTerm>): number {
  const [from, to] = a.first < b.first ? [a.last + 1, b.first] : [b.last + 1, a.first];
  let gap = 0;
  for (let j = from; j < to; j += 1) {
    const word = text.tokens[j]?.word ?? '';
    const partitive = PARTITIVE_OF.has(word) && QUANTIFIERS.has(text.tokens[j - 1]?.word ?? '');
    const amount = NUMBER.test(word) || CURRENCIES.has(word);
    if (!FILLERS.has(word) && !partitive && !QUANTIFIERS.has(word) && !CLAUSE_GLUE.has(word) && !amount) gap += 1;
  }
  return gap;
}

/**
 * Question words that open a new question anywhere in a sentence, folded; words that are also
 * conjunctions ("when … I didn't approve it", "cuando", "quand") open one only at the head of a
 * clause ("Perdí la cartera, ¿cuándo puedo…?").
 */
const NEW_QUESTION = words('how what which where why donde onde wie warum woher pourquoi comment');

/**
 * True when a question word between the two parts opens a new question in a sentence ending in
 * "?": "I lost my wallet, how soon can I make a withdrawal?" asks about the withdrawal, it does
 * not report one made with the wallet.
 */
function asksAnew(text: AnalysedText, a: PhraseHit<ConceptTerm>, b: PhraseHit<ConceptTerm>): boolean {
  const [from, to] = a.first < b.first ? [a.last + 1, b.first] : [b.last + 1, a.first];
  const clauses = text.clauses(b.phrase.language);
  for (let j = from; j < to; j += 1) {
    const word = text.tokens[j]?.word ?? '';
    const opensClause = clauses[j - 1] !== clauses[j];
    if ((NEW_QUESTION.has(word) || (opensClause && EMBEDDED_QUESTION.has(word))) && endsInQuestionMark(text, j)) return true;
  }
  return false;
}

/** True when the sentence holding token `j` ends in "?". */
function endsInQuestionMark(text: AnalysedText, j: number): boolean {
  const sentence = text.tokens[j]?.sentence;
  let last = j;
  while (last + 1 < text.tokens.length && text.tokens[last + 1]?.sentence === sentence) last += 1;
  return /^[^\p{L}\p{N}]*\?/u.test(text.text.slice(text.tokens[last]?.end ?? 0));
}

/** Most words of a sentence that answers the one before it with a denial ("I didn't do that."). */
const ANSWER_WORDS = 6;

/**
 * True when `state` is a denial that makes up a short sentence of its own right after the
 * sentence naming `object`: "Why is there a direct debit on my account? I didn't set that up."
 */
function answersWithDenial(text: AnalysedText, object: PhraseHit<ConceptTerm>, state: PhraseHit<ConceptTerm>): boolean {
  const sentence = text.tokens[state.first]?.sentence;
  if (sentence === undefined || text.tokens[object.last]?.sentence !== sentence - 1 || !holdsNegator(state.phrase)) return false;
  return text.tokens.filter((token) => token.sentence === sentence).length <= ANSWER_WORDS && !deniesAnother(text, state);
}

/**
 * True when a noun phrase of its own follows the denial in its clause ("I don't remember the
 * amount", "no recuerdo la fecha"): the denial is about that, not about a payment named before
 * it. A pronoun ("I didn't make it", "I didn't do that") or a place ("never been to Portugal")
 * leaves it answering; a denial followed by the payment itself pairs within the window anyway.
 */
function deniesAnother(text: AnalysedText, state: PhraseHit<ConceptTerm>): boolean {
  const clauses = text.clauses(state.phrase.language);
  const clause = clauses[state.last];
  const next = text.tokens[state.last + 1];
  return next !== undefined && clauses[state.last + 1] === clause && FILLERS.has(next.word) && clauses[state.last + 2] === clause;
}

/** Conjunctions, folded, that may open a clause answering the one before it ("…, and I have never been there", "…, but it wasn't me"). */
const ANSWER_OPENERS = words('and but y pero e mas und aber et mais');
/** Most words of a clause that answers the one before it, its subject, auxiliaries, negation words and determiners not counted. */
const ANSWER_CLAUSE_WORDS = 4;

/**
 * True when `state` is a denial opening a short clause right after the clause naming `object`, in
 * one sentence, however long that clause: "There is a charge on my statement from a shop in
 * Lisbon, I've never been to Portugal", "…, ce n'était pas moi". Only a subject, auxiliaries,
 * negation particles and a conjunction may stand before the denial in its clause.
 */
function answersInClause(text: AnalysedText, object: PhraseHit<ConceptTerm>, state: PhraseHit<ConceptTerm>): boolean {
  const opening = text.tokens[state.first];
  const named = text.tokens[object.last];
  const clauses = text.clauses(state.phrase.language);
  if (!opening || !named || object.last >= state.first || opening.sentence !== named.sentence || clauses[state.first] === clauses[object.last]) return false;
  if (!holdsNegator(state.phrase)) return false;
  const negators = negatorsOf(state.phrase.language);
  const glue = (word: string) => SUBJECTS.has(word) || CLAUSE_GLUE.has(word) || negators.has(word) || ANSWER_OPENERS.has(word);
  // After the rest of the object's clause, only the denial's own opening: no clause of another kind between.
  for (let j = object.last + 1; j < state.first; j += 1) {
    const token = text.tokens[j];
    if (token && clauses[j] !== clauses[object.last] && !glue(token.word)) return false;
  }
  let count = 0;
  for (let j = state.first; j < text.tokens.length && clauses[j] === clauses[state.first]; j += 1) {
    const word = text.tokens[j]?.word ?? '';
    if (!glue(word) && !FILLERS.has(word)) count += 1;
  }
  return count <= ANSWER_CLAUSE_WORDS && !deniesAnother(text, state);
}

/**
 * True when `state` is a denial opening a relative clause after `object`: a relative pronoun at
 * most `RELATIVE_LEAD` words before it, with only a subject, auxiliaries or negation particles
 * between ("…that I have never", "…, die ich nicht", "…que je n'ai pas").
 */
function opensRelativeClause(text: AnalysedText, object: PhraseHit<ConceptTerm>, state: PhraseHit<ConceptTerm>): boolean {
  if (object.last >= state.first || !holdsNegator(state.phrase)) return false;
  const negators = negatorsOf(state.phrase.language);
  for (let j = state.first - 1; j > object.last && j >= state.first - RELATIVE_LEAD; j -= 1) {
    const word = text.tokens[j]?.word ?? '';
    if (RELATIVES.has(word)) return true;
    if (!SUBJECTS.has(word) && !CLAUSE_GLUE.has(word) && !negators.has(word)) return false;
  }
  return false;
}

/** True when `object` and `state` are near enough in one sentence: within the window, twice that for a relative denial, or a denial answering in a clause of its own. */
function nearInSentence(text: AnalysedText, concept: CompiledConcept, object: PhraseHit<ConceptTerm>, state: PhraseHit<ConceptTerm>): boolean {
  const gap = gapBetween(text, object, state);
  if (gap <= concept.window) return true;
  if (gap <= concept.window * RELATIVE_REACH && opensRelativeClause(text, object, state)) return true;
  return answersInClause(text, object, state);
}

/** The words of a hit's two parts as the message shows them (redacted), in message order. */
export function conceptWords(text: AnalysedText, hit: ConceptHit): [string, string] {
  const words = (part: PhraseHit<ConceptTerm>) => text.shown.slice(text.tokens[part.first]?.start, text.tokens[part.last]?.end);
  return hit.object.first < hit.state.first ? [words(hit.object), words(hit.state)] : [words(hit.state), words(hit.object)];
}

export class ConceptSet {
  private readonly concepts: CompiledConcept[] = [];
  private readonly terms = new PhraseSet<ConceptTerm>();

  /**
   * @param asking the concepts are ways of asking (a request for a person): a yes/no question is
   *   how people ask ("Can I speak with the front desk?"), so it is not read as a question about
   *   how things work; hypotheticals still are not requests.
   */
  constructor(private readonly asking = false) {}

  /** Compiles `concept` of `topic` into `index`. */
  add(topic: string, concept: Concept, index: PhraseIndex): void {
    const number = this.concepts.length;
    const yieldsTo = new Set<string>();
    const compiledConcept: CompiledConcept = { id: concept.id, topic, window: concept.window ?? DEFAULT_CONCEPT_WINDOW, yieldsTo, complains: false };
    this.concepts.push(compiledConcept);
    const lists = { object: concept.objects, state: concept.states, resolved: concept.resolvedBy ?? {} };
    for (const role of ['object', 'state', 'resolved'] as const) {
      for (const [language, phrases] of Object.entries(lists[role])) {
        for (const phrase of phrases) {
          const reference = role === 'resolved' ? CONCEPT_REFERENCE.exec(phrase.trim()) : null;
          if (reference?.[1]) {
            yieldsTo.add(reference[1]);
            continue;
          }
          const compiled = index.add(phrase, language);
          if (!compiled) continue;
          this.terms.add(compiled, { concept: number, role });
          if (role === 'state' && holdsNegator(compiled)) compiledConcept.complains = true;
        }
      }
    }
  }

  /**
   * The parts of asking concepts found in `message`, paired or not: objects name whom a customer
   * may ask for ("a person", "someone from your team"), states are ways of asking ("talk",
   * "put me through"). A concept with a negated state ("doesn't understand me") complains about
   * the bot: its objects ("bot", "machine") name no one to ask for and are left out.
   */
  askingParts({ text, lexemes }: MatchedMessage): { objects: PhraseHit<ConceptTerm>[]; states: PhraseHit<ConceptTerm>[] } {
    const parts = this.terms.find(text, lexemes).filter((hit) => this.concepts[hit.tag.concept]?.complains === false);
    return { objects: parts.filter((hit) => hit.tag.role === 'object'), states: parts.filter((hit) => hit.tag.role === 'state') };
  }

  /** Every concept found in `message`, at most one hit per concept (the first pair by position). */
  find({ text, lexemes }: MatchedMessage): readonly ConceptHit[] {
    return this.concepts.length === 0 ? [] : rememberMatches(lexemes, this, () => this.search(text, lexemes));
  }

  private search(text: AnalysedText, lexemes: number[][]): ConceptHit[] {
    const byConcept = new Map<number, { objects: PhraseHit<ConceptTerm>[]; states: PhraseHit<ConceptTerm>[]; resolved: PhraseHit<ConceptTerm>[] }>();
    for (const hit of this.terms.find(text, lexemes)) {
      const entry = byConcept.get(hit.tag.concept) ?? { objects: [], states: [], resolved: [] };
      (hit.tag.role === 'object' ? entry.objects : hit.tag.role === 'state' ? entry.states : entry.resolved).push(hit);
      byConcept.set(hit.tag.concept, entry);
    }
    const found: (ConceptHit & { number: number })[] = [];
    for (const [number, { objects, states, resolved }] of [...byConcept].sort((a, b) => a[0] - b[0])) {
      const concept = this.concepts[number];
      // A resolving word inside a state is part of it: "no puedo encontrar" is no "encontré".
      if (!concept || resolved.some((hit) => !states.some((state) => hit.first >= state.first && hit.last <= state.last))) continue;
      const pair = states
        .flatMap((state) => objects.map((object) => ({ object, state })))
        .filter(({ object, state }) => {
          const a = text.tokens[object.first];
          const b = text.tokens[state.first];
          if (overlaps(object, state)) return false;
          const near = a?.sentence === b?.sentence ? nearInSentence(text, concept, object, state) : answersWithDenial(text, object, state);
          if (!near || asksAnew(text, object, state)) return false;
          return !isNegated(text, object, state) && !isSpeculation(text, state, Math.max(object.last, state.last), this.asking);
        })
        .sort((x, y) => Math.min(x.object.first, x.state.first) - Math.min(y.object.first, y.state.first))[0];
      if (pair) {
        found.push({
          number,
          id: concept.id,
          topic: concept.topic,
          ...pair,
          first: Math.min(pair.object.first, pair.state.first),
          last: Math.max(pair.object.last, pair.state.last),
        });
      }
    }
    // A concept that yields to another found here gives way to it: one level, on what was found before any gave way.
    const ids = new Set(found.map((hit) => hit.id));
    return found.filter((hit) => ![...(this.concepts[hit.number]?.yieldsTo ?? [])].some((id) => ids.has(id))).map(({ number: _number, ...hit }) => hit);
  }
}
