/**
 * Diff of trigger settings as ops think of them: phrases added to or removed from each lexicon
 * per language (phrase order does not change matching, so it is not a change), topics added or
 * removed, and every other value — thresholds, topic descriptions, recommended actions,
 * redaction patterns — as a field change with its path.
 */
import type { Phrases, TriggerSettings } from '@baton/schemas';
import type { FieldChange, PhraseListChange, SettingsDiff } from './diff-types';
import { jsonChanges } from './json-changes';

function diffPhrases(list: string, topic: string | null, before: Phrases | undefined, after: Phrases | undefined): PhraseListChange[] {
  const from = before ?? {};
  const to = after ?? {};
  const languages = [...new Set([...Object.keys(from), ...Object.keys(to)])].sort();
  const changes: PhraseListChange[] = [];
  for (const language of languages) {
    const was = new Set(from[language] ?? []);
    const is = new Set(to[language] ?? []);
    const added = [...is].filter((p) => !was.has(p));
    const removed = [...was].filter((p) => !is.has(p));
    if (added.length > 0 || removed.length > 0) changes.push({ list, topic, language, added, removed });
  }
  return changes;
}

/**
 * The settings without their phrase lists and without topics that exist on one side only;
 * absent optional sections read as empty (they mean the same), so a first recommended action
 * shows as `recommendedActions.<code>`, not as the whole section.
 */
function withoutPhrases(settings: TriggerSettings, keepTopics: ReadonlySet<string>): Record<string, unknown> {
  const { topics, humanRequest: _humanRequest, hedging: _hedging, recommendedActions, redaction, ...rest } = settings;
  const descriptions = Object.fromEntries(
    Object.entries(topics)
      .filter(([name]) => keepTopics.has(name))
      .map(([name, lexicon]) => [name, { description: lexicon.description }]),
  );
  return { ...rest, topics: descriptions, recommendedActions: recommendedActions ?? {}, redaction: { patterns: redaction?.patterns ?? [] } };
}

/**
 * What changed in the trigger settings from `before` to `after`.
 * @returns field changes with paths from the settings root (`thresholds.lowConfidence`,
 *   `recommendedActions.billing_dispute[0]`, `topics.billing.description`), phrase changes per
 *   list and language, and the topics added and removed (whose phrases are listed as added or
 *   removed too)
 */
export function diffSettings(before: TriggerSettings, after: TriggerSettings): SettingsDiff {
  const topicsBefore = Object.keys(before.topics).sort();
  const topicsAfter = Object.keys(after.topics).sort();
  const common = new Set(topicsBefore.filter((t) => Object.prototype.hasOwnProperty.call(after.topics, t)));
  const topics = [...new Set([...topicsBefore, ...topicsAfter])].sort();
  const phrases: PhraseListChange[] = [
    ...topics.flatMap((t) => diffPhrases(`topics.${t}.phrases`, t, before.topics[t]?.phrases, after.topics[t]?.phrases)),
    ...diffPhrases('humanRequest.phrases', null, before.humanRequest.phrases, after.humanRequest.phrases),
    ...diffPhrases('humanRequest.negations', null, before.humanRequest.negations, after.humanRequest.negations),
    ...diffPhrases('hedging', null, before.hedging, after.hedging),
  ];
  const fields: FieldChange[] = jsonChanges(withoutPhrases(before, common), withoutPhrases(after, common));
  return {
    fields,
    phrases,
    topicsAdded: topicsAfter.filter((t) => !common.has(t)),
    topicsRemoved: topicsBefore.filter((t) => !common.has(t)),
  };
}

/** True when any setting changed. */
export function settingsDiffHasChanges(diff: SettingsDiff): boolean {
  return diff.fields.length + diff.phrases.length + diff.topicsAdded.length + diff.topicsRemoved.length > 0;
}
