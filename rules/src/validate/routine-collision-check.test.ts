import type { TriggerSettings } from '@baton/schemas';
import { FIXTURE_SETTINGS } from '../signals/fixtures/trigger-settings.fixture';
import { smallPolicyGraph } from '../testing/fixtures';
import { DiagnosticCode } from './diagnostic';
import { validatePolicyDocument } from './validate-graph';

function withPhrases(change: (settings: TriggerSettings) => void): TriggerSettings {
  const settings = structuredClone(FIXTURE_SETTINGS);
  change(settings);
  return settings;
}

const settingsErrors = (settings: TriggerSettings) =>
  validatePolicyDocument({ graph: smallPolicyGraph(), settings }).diagnostics.filter((d) => d.code === DiagnosticCode.InvalidSettings);

describe('one-word phrases that stem like routine words', () => {
  it('refuses a topic phrase that stems like a routine word of its language, naming both', () => {
    const problems = settingsErrors(
      withPhrases((s) => {
        const topic = Object.values(s.topics)[0] as TriggerSettings['topics'][string];
        topic.phrases.es = [...(topic.phrases.es ?? []), 'baja'];
      }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/"baja" \(es\).*routine word "bajo"/);
  });

  it('refuses a human-request phrase the same way', () => {
    const problems = settingsErrors(withPhrases((s) => (s.humanRequest.phrases.en = [...(s.humanRequest.phrases.en ?? []), 'operator'])));
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/"operator" \(en\) of the human-request lexicon.*"operate"/)]);
  });

  it('accepts the same words inside a longer phrase, and the fixture as it is', () => {
    expect(settingsErrors(FIXTURE_SETTINGS)).toEqual([]);
    const longer = withPhrases((s) => {
      const topic = Object.values(s.topics)[0] as TriggerSettings['topics'][string];
      topic.phrases.es = [...(topic.phrases.es ?? []), 'dar de baja'];
      s.humanRequest.phrases.en = [...(s.humanRequest.phrases.en ?? []), 'human operator'];
    });
    expect(settingsErrors(longer)).toEqual([]);
  });
});
