/**
 * The publish-time concept check: concepts that could never match or would match anything, and
 * `resolvedBy` references ("@other_concept") that name no concept to yield to.
 */
import type { Concept, TriggerSettings } from '@baton/schemas';
import { FIXTURE_SETTINGS } from '../signals/fixtures/trigger-settings.fixture';
import { checkConcepts } from './concept-check';
import { DiagnosticCode } from './diagnostic';

const lostWallet = (resolvedBy: Concept['resolvedBy']): Concept => ({
  id: 'lost_wallet',
  objects: { en: ['wallet'] },
  states: { en: ['stolen'] },
  resolvedBy,
});
const cashTaken: Concept = { id: 'cash_taken', objects: { en: ['withdrawal'] }, states: { en: ['stolen'] } };

function settingsWith(security: Concept[], humanRequest: Concept[] = []): TriggerSettings {
  return {
    ...FIXTURE_SETTINGS,
    topics: { security: { phrases: {}, concepts: security }, billing_dispute: { phrases: {}, concepts: [cashTaken] } },
    humanRequest: { ...FIXTURE_SETTINGS.humanRequest, concepts: humanRequest },
  };
}
const messages = (settings: TriggerSettings) => checkConcepts(settings).map((problem) => problem.message);

describe('concept references in resolvedBy', () => {
  it('accepts a reference to a concept of another topic, and plain phrases', () => {
    expect(messages(settingsWith([lostWallet({ en: ['found', '@cash_taken'], es: ['@cash_taken'] })]))).toEqual([]);
  });

  it.each([
    ['@cash_takn', 'names no concept of any topic'],
    ['@lost_wallet', 'names the concept itself'],
    ['@Cash Taken', 'is not a concept id'],
  ])('refuses "%s": it %s', (entry, problem) => {
    const found = checkConcepts(settingsWith([lostWallet({ de: [entry] })]));
    expect(found).toEqual([expect.objectContaining({ code: DiagnosticCode.InvalidSettings })]);
    expect(found[0]?.message).toContain(`Concept "lost_wallet" of topic "security": resolvedBy "${entry}" (de) ${problem}`);
  });

  it('does not let a human-request concept yield to a topic concept', () => {
    const asks: Concept = { id: 'ask_for_person', objects: { en: ['agent'] }, states: { en: ['talk'] }, resolvedBy: { en: ['@cash_taken'] } };
    expect(messages(settingsWith([], [asks]))).toEqual([
      'Concept "ask_for_person" of the human-request lexicon: resolvedBy "@cash_taken" (en) names no concept of that lexicon; write "@" and the id of another concept to yield to it, or a phrase.',
    ]);
  });
});

describe('concepts that could never match or would match anything', () => {
  it('refuses a concept without objects and states in one language, and a stop-word-only state', () => {
    const broken: Concept = { id: 'broken', objects: { en: ['card'] }, states: { es: ['perdida'] } };
    const empty: Concept = { id: 'empty', objects: { en: ['card'] }, states: { en: ['the'] } };
    expect(messages(settingsWith([broken, empty]))).toEqual([
      'Concept "broken" of topic "security" can never match: give it objects and states in the same language.',
      'Concept "empty" of topic "security": the state "the" (en) has no word of its own and would match almost any message; use a content word.',
    ]);
  });
});
