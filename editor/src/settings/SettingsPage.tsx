/** Trigger settings: thresholds, the waiting room and topic lexicons, edited in the same draft (and undo history) as the graph. */
import type { TopicLexicon, TriggerSettings } from '@baton/schemas';
import { LexiconEditor } from './LexiconEditor';
import { ThresholdsForm } from './ThresholdsForm';
import { WaitingRoomForm } from './WaitingRoomForm';

export interface SettingsPageProps {
  policyId: string;
  settings: TriggerSettings;
  readOnly: boolean;
  onChange: (settings: TriggerSettings, field: string) => void;
}

export function SettingsPage({ policyId, settings, readOnly, onChange }: SettingsPageProps) {
  const setTopic = (topic: string, lexicon: TopicLexicon | null) => {
    const { [topic]: _old, ...rest } = settings.topics;
    onChange({ ...settings, topics: lexicon ? { ...settings.topics, [topic]: lexicon } : rest }, `topic-${topic}`);
  };
  return (
    <fieldset className="bn-settings" disabled={readOnly}>
      <legend className="bn-visually-hidden">Trigger settings</legend>
      <ThresholdsForm
        thresholds={settings.thresholds}
        onChange={(name, value) => onChange({ ...settings, thresholds: { ...settings.thresholds, [name]: value } }, `threshold-${name}`)}
      />
      <WaitingRoomForm waitingRoom={settings.waitingRoom} onChange={(waitingRoom, field) => onChange({ ...settings, waitingRoom }, field)} />
      <LexiconEditor policyId={policyId} settings={settings} onTopicChange={setTopic} />
    </fieldset>
  );
}
