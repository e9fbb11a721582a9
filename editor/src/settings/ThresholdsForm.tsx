/** The trigger thresholds, each with what it means and its allowed range (from the settings schema). */
import { ThresholdsSchema, type Thresholds } from '@baton/schemas';
import { NumberField } from '../inspector/fields';

type ThresholdName = keyof Thresholds;

/** Plain names; the schema's descriptions say what each does. */
export const THRESHOLD_LABELS: Record<ThresholdName, string> = {
  negativeSentiment: 'Negative sentiment threshold',
  sharpDropFrom: 'Sharp drop: previous message at least',
  sharpDropTo: 'Sharp drop: latest message at most',
  lowConfidence: 'Low-confidence threshold',
  hedgedConfidence: 'Confidence of a hedging reply',
  assumedConfidence: 'Confidence of a plain reply',
  repeatSimilarity: 'Repeated-question similarity',
};

const SPECS = ThresholdsSchema.properties as Record<ThresholdName, { description?: string; minimum?: number; maximum?: number }>;

export function ThresholdsForm({ thresholds, onChange }: { thresholds: Thresholds; onChange: (name: ThresholdName, value: number) => void }) {
  return (
    <section className="bn-thresholds" aria-label="Thresholds">
      <h2>Thresholds</h2>
      <p className="bn-hint">
        These tune how messages become facts. A condition such as “low-confidence bot replies in a row ≥ 2” counts the replies below the low-confidence
        threshold.
      </p>
      {(Object.keys(THRESHOLD_LABELS) as ThresholdName[]).map((name) => (
        <NumberField
          key={name}
          label={THRESHOLD_LABELS[name]}
          hint={SPECS[name].description}
          min={SPECS[name].minimum}
          max={SPECS[name].maximum}
          value={thresholds[name]}
          onCommit={(value) => onChange(name, value)}
        />
      ))}
    </section>
  );
}
