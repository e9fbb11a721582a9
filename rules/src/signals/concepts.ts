/**
 * Internal: concepts, the pattern behind many phrases: an object and a state of one concept
 * near each other in one sentence, in either order ("my card … can't find it", "lost my
 * wallet", "a payment I didn't make", "the subscription came out twice"). Both sides are
 * lexicon phrases (stemmed, typo-tolerant, `PhraseIndex`), so one concept covers what would take
 * dozens of fixed phrases and their inflections. The window counts the words between the two
 * parts except determiners, possessives and a partitive "one of", which fill a noun phrase
 * without moving its head away.
 *
 * Negation scope: a negation word in the pair's clause just before it (up to 3 words) or between
 * its parts cancels it ("my card is not lost", "I wasn't charged twice"); a state that is itself
 * a denial ("didn't make", "not mine", "can't find") carries its own negation, which does not
 * count. A comma or "but" ends the scope ("No, my card was stolen" stands). A hypothetical in the
 * sentence before the pair's end ("whether a card can be stolen", "is it possible that…") makes it
 * speculation, not a report; a suspicion ("maybe somebody got hold of my card", "someone might be
 * using it") is a report, since a worried customer should reach a person; a denial state right before a question word ("I can't find
 * where to link it", "don't know how") is a how-to question. A concept's `resolvedBy` phrases
 * anywhere in the message cancel it there ("I found my lost card", "lost in the delivery").
 */
import type { Concept } from '@baton/schemas';
import type { AnalysedText } from './message-analysis';
import { holdsNegator, NEGATION_REACH, negatorsOf } from './negation';
import type { PhraseIndex } from './phrase-index';
import { PhraseSet, rememberMatches, type MatchedMessage, type PhraseHit } from './phrase-match';

/** Default and documented meaning of `Concept.window`: most words between object and state. */
export const DEFAULT_CONCEPT_WINDOW = 6;

interface CompiledConcept {
  id: string;
  topic: string;
  window: number;
}

interface ConceptTerm {
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
/** Words that open a clause giving a reason or a fact, folded: what follows them is reported, not asked. */
const SUBORDINATORS = words('since because cause cuz as now that porque pues ya como pois porque visto weil da nachdem denn parce puisque car comme');
/** Question words: a denial state right before one asks how to do something ("can't find where to…"). */
const QUESTION_WORDS = words('how where what which como donde que cual onde qual wie wo was welche comment ou quoi quel quelle');

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
  const clause = text.tokens[earlier.first]?.clause;
  const sentence = text.tokens[earlier.first]?.sentence;
  const denial = holdsNegator(state.phrase);
  for (let j = Math.max(0, earlier.first - NEGATION_REACH); j <= later.last; j += 1) {
    const token = text.tokens[j];
    if (!token || inside(j, object) || (denial && inside(j, state))) continue;
    // French and others bracket a denial ("n'est pas à moi"): its first half is no negation of it.
    if (denial && j < state.first && state.first - j <= NEGATION_REACH) continue;
    const inScope = j < earlier.first ? token.clause === clause : token.sentence === sentence;
    if (inScope && negators.some((set) => set.has(token.word))) return true;
  }
  return false;
}

/** True when a hedge opens the pair's sentence before its end, a denial state opens a how-to question, or (unless `asking`) a policy question holds the pair. */
function isSpeculation(text: AnalysedText, state: PhraseHit<ConceptTerm>, last: number, asking: boolean): boolean {
  const sentence = text.tokens[last]?.sentence;
  for (let j = last; j >= 0 && text.tokens[j]?.sentence === sentence; j -= 1) {
    if (HEDGES.has(text.tokens[j]?.word ?? '')) return true;
  }
  const next = text.tokens[state.last + 1];
  if (holdsNegator(state.phrase)) return next !== undefined && next.sentence === text.tokens[state.last]?.sentence && QUESTION_WORDS.has(next.word);
  return !asking && isPolicyQuestion(text, last);
}

/**
 * True when the clause holding token `j` opens with a question opener and its sentence ends in
 * "?", unless a subordinator stands between the opener and `j`: "Is there anything to do since my
 * phone was stolen?" asks what to do about a report.
 */
function isPolicyQuestion(text: AnalysedText, j: number): boolean {
  const token = text.tokens[j];
  if (!token) return false;
  let first = j;
  while (first > 0 && text.tokens[first - 1]?.clause === token.clause) first -= 1;
  if (!QUESTION_OPENERS.has(text.tokens[first]?.word ?? '')) return false;
  // "Could you freeze my card?" asks for something to be done, not how things work ("Do you charge…?" still asks).
  if (REQUEST_MODALS.has(text.tokens[first]?.word ?? '') && ADDRESSEES.has(text.tokens[first + 1]?.word ?? '')) return false;
  for (let k = first + 1; k < j; k += 1) if (SUBORDINATORS.has(text.tokens[k]?.word ?? '')) return false;
  let last = j;
  while (last + 1 < text.tokens.length && text.tokens[last + 1]?.sentence === token.sentence) last += 1;
  return /^[^\p{L}\p{N}]*\?/u.test(text.text.slice(text.tokens[last]?.end ?? 0));
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
const FILLERS = words(
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
 * Words strictly between two hits, determiners, possessives and partitives ("one of") not
 * counted; 0 when one lies inside the other. Another "of" still counts: in "the automatic billing
 * of my account" the billing, not the account, is what is acted on.
 */
function gapBetween(text: AnalysedText, a: PhraseHit<ConceptTerm>, b: PhraseHit<ConceptTerm>): number {
  const [from, to] = a.first < b.first ? [a.last + 1, b.first] : [b.last + 1, a.first];
  let gap = 0;
  for (let j = from; j < to; j += 1) {
    const word = text.tokens[j]?.word ?? '';
    const partitive = PARTITIVE_OF.has(word) && QUANTIFIERS.has(text.tokens[j - 1]?.word ?? '');
    if (!FILLERS.has(word) && !partitive && !QUANTIFIERS.has(word)) gap += 1;
  }
  return gap;
}

/** The concepts of a policy, compiled into one phrase set. */
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
    this.concepts.push({ id: concept.id, topic, window: concept.window ?? DEFAULT_CONCEPT_WINDOW });
    const lists = { object: concept.objects, state: concept.states, resolved: concept.resolvedBy ?? {} };
    for (const role of ['object', 'state', 'resolved'] as const) {
      for (const [language, phrases] of Object.entries(lists[role])) {
        for (const phrase of phrases) {
          const compiled = index.add(phrase, language);
          if (compiled) this.terms.add(compiled, { concept: number, role });
        }
      }
    }
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
    const found: ConceptHit[] = [];
    for (const [number, { objects, states, resolved }] of [...byConcept].sort((a, b) => a[0] - b[0])) {
      const concept = this.concepts[number];
      // A resolving word inside a state is part of it: "no puedo encontrar" is no "encontré".
      if (!concept || resolved.some((hit) => !states.some((state) => hit.first >= state.first && hit.last <= state.last))) continue;
      const pair = states
        .flatMap((state) => objects.map((object) => ({ object, state })))
        .filter(({ object, state }) => {
          const a = text.tokens[object.first];
          const b = text.tokens[state.first];
          if (overlaps(object, state) || a?.sentence !== b?.sentence || gapBetween(text, object, state) > concept.window) return false;
          return !isNegated(text, object, state) && !isSpeculation(text, state, Math.max(object.last, state.last), this.asking);
        })
        .sort((x, y) => Math.min(x.object.first, x.state.first) - Math.min(y.object.first, y.state.first))[0];
      if (pair) {
        found.push({
          id: concept.id,
          topic: concept.topic,
          ...pair,
          first: Math.min(pair.object.first, pair.state.first),
          last: Math.max(pair.object.last, pair.state.last),
        });
      }
    }
    return found;
  }
}
