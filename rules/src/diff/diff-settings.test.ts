import type { TriggerSettings } from '@baton/schemas';
import { FIXTURE_SETTINGS } from '../signals/fixtures/trigger-settings.fixture';
import { diffSettings, settingsDiffHasChanges } from './diff-settings';

const edit = (change: (s: TriggerSettings) => void): TriggerSettings => {
  const copy = structuredClone(FIXTURE_SETTINGS);
  change(copy);
  return copy;
};

describe('diffSettings', () => {
  it('finds nothing between settings and a copy', () => {
    expect(settingsDiffHasChanges(diffSettings(FIXTURE_SETTINGS, structuredClone(FIXTURE_SETTINGS)))).toBe(false);
  });

  it.each<{ name: string; after: TriggerSettings; fields?: unknown; phrases?: unknown; changed?: boolean }>([
    {
      name: 'a threshold',
      after: edit((s) => (s.thresholds.lowConfidence = 0.6)),
      fields: [{ path: 'thresholds.lowConfidence', before: FIXTURE_SETTINGS.thresholds.lowConfidence, after: 0.6 }],
      phrases: [],
    },
    {
      name: 'phrases added and removed in one language of one topic',
      after: edit((s) => {
        s.topics.billing_dispute!.phrases.es = ['cobro doble', 'me cobraron de más', 'cargo duplicado'];
      }),
      fields: [],
      phrases: [
        {
          list: 'topics.billing_dispute.phrases',
          topic: 'billing_dispute',
          language: 'es',
          added: ['me cobraron de más', 'cargo duplicado'],
          removed: ['cobraron dos veces'],
        },
      ],
    },
    {
      name: 'reordered phrases are not a change',
      after: edit((s) => s.topics.security!.phrases.en!.reverse()),
      fields: [],
      phrases: [],
      changed: false,
    },
    {
      name: 'a new language in the human-request lexicon',
      after: edit((s) => (s.humanRequest.phrases.it = ['parlare con una persona'])),
      phrases: [{ list: 'humanRequest.phrases', topic: null, language: 'it', added: ['parlare con una persona'], removed: [] }],
    },
    {
      name: 'a hedging phrase removed',
      after: edit((s) => (s.hedging.en = s.hedging.en!.slice(1))),
      phrases: [{ list: 'hedging', topic: null, language: 'en', added: [], removed: [FIXTURE_SETTINGS.hedging.en![0]] }],
    },
    {
      name: 'a topic description',
      after: edit((s) => (s.topics.legal!.description = 'Lawyers and regulators')),
      fields: [{ path: 'topics.legal.description', before: undefined, after: 'Lawyers and regulators' }],
    },
    {
      name: 'recommended actions of a reason code',
      after: edit((s) => (s.recommendedActions = { ...s.recommendedActions, vip_care: ['Call back within the hour'] })),
      fields: [{ path: 'recommendedActions.vip_care', before: undefined, after: ['Call back within the hour'] }],
    },
    {
      name: 'a redaction pattern',
      after: edit((s) => (s.redaction = { patterns: [{ name: 'order_id', pattern: 'ORD-\\d+' }] })),
      fields: [{ path: 'redaction.patterns', before: [], after: [{ name: 'order_id', pattern: 'ORD-\\d+' }] }],
    },
  ])('$name', ({ after, fields, phrases, changed = true }) => {
    const diff = diffSettings(FIXTURE_SETTINGS, after);
    if (fields !== undefined) expect(diff.fields).toEqual(fields);
    if (phrases !== undefined) expect(diff.phrases).toEqual(phrases);
    expect(settingsDiffHasChanges(diff)).toBe(changed);
  });

  it('lists a topic added with all its phrases and none of its fields', () => {
    const after = edit((s) => (s.topics.vip_perks = { description: 'Perks', phrases: { en: ['lounge access', 'upgrade'], es: ['acceso vip'] } }));
    const diff = diffSettings(FIXTURE_SETTINGS, after);
    expect(diff.topicsAdded).toEqual(['vip_perks']);
    expect(diff.topicsRemoved).toEqual([]);
    expect(diff.fields).toEqual([]);
    expect(diff.phrases.map((p) => [p.language, p.added.length])).toEqual([
      ['en', 2],
      ['es', 1],
    ]);
    expect(diffSettings(after, FIXTURE_SETTINGS).topicsRemoved).toEqual(['vip_perks']);
  });
});
