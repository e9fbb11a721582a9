/**
 * The waiting room of the policy (`settings.waitingRoom`): when a queued customer hears an update
 * and the callback offer, and what is said, per language. A value left alone is Baton's default
 * (shown as the field's value); a language added starts from Baton's own text for it.
 */
import { DEFAULT_WAITING_ROOM, WaitingRoomSettingsSchema, type WaitingRoomSettings } from '@baton/schemas';
import { MessageTemplatesEditor } from '../inspector/message-templates-editor';
import { NumberField } from '../inspector/fields';

type TimingName = 'firstUpdateAfterSeconds' | 'minUpdateIntervalSeconds' | 'maxUpdateIntervalSeconds' | 'callbackOfferAfterSeconds';

const TIMING_LABELS: Record<TimingName, string> = {
  firstUpdateAfterSeconds: 'First update after (seconds)',
  minUpdateIntervalSeconds: 'Shortest gap between updates (seconds)',
  maxUpdateIntervalSeconds: 'Longest gap between updates (seconds)',
  callbackOfferAfterSeconds: 'Offer a callback or email after (seconds)',
};

const SPECS = WaitingRoomSettingsSchema.properties as unknown as Record<TimingName, { description?: string; minimum?: number; maximum?: number }>;

const PLACEHOLDER_HINT = 'Placeholders: {position} (“2nd”), {wait} (“about 3 minutes”), {queueName}. A language left out uses Baton’s own text in it.';

export function WaitingRoomForm({
  waitingRoom = {},
  onChange,
}: {
  waitingRoom: WaitingRoomSettings | undefined;
  onChange: (waitingRoom: WaitingRoomSettings, field: string) => void;
}) {
  return (
    <section className="bn-thresholds" aria-label="Waiting room">
      <h2>Waiting room</h2>
      <p className="bn-hint">
        While a handed-off conversation waits in a queue, the bot reads what to tell the customer from its assignment (waitingRoom): an update with the place in
        the queue and the expected wait, and past a longer wait an offer of a callback or an email.
      </p>
      {(Object.keys(TIMING_LABELS) as TimingName[]).map((name) => (
        <NumberField
          key={name}
          label={TIMING_LABELS[name]}
          hint={SPECS[name].description}
          min={SPECS[name].minimum}
          max={SPECS[name].maximum}
          integer
          value={waitingRoom[name] ?? DEFAULT_WAITING_ROOM[name]}
          onCommit={(value) => onChange({ ...waitingRoom, [name]: value }, `waiting-${name}`)}
        />
      ))}
      {(['updateMessage', 'callbackOffer'] as const).map((field) => (
        <MessageTemplatesEditor
          key={field}
          legend={field === 'updateMessage' ? 'Update to the waiting customer' : 'Callback or email offer'}
          emptyHint={`Baton’s own text in en, es, pt, de and fr, e.g. “${DEFAULT_WAITING_ROOM[field].en}” ${PLACEHOLDER_HINT}`}
          templates={waitingRoom[field] ?? {}}
          initialFor={(language) => DEFAULT_WAITING_ROOM[field][language] ?? DEFAULT_WAITING_ROOM[field].en ?? ''}
          onChange={(templates) => {
            const { [field]: _old, ...rest } = waitingRoom;
            onChange(Object.keys(templates).length > 0 ? { ...rest, [field]: templates } : rest, `waiting-${field}`);
          }}
        />
      ))}
    </section>
  );
}
