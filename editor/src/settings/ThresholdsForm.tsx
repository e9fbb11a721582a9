/** The trigger thresholds, each with what it means and its allowed range (from the settings schema). */
import { ThresholdsSchema, type Thresholds } from '@baton/schemas';
import { NumberField } from '../inspector/fields';

type ThresholdName = keyof Thresholds;

/** Each threshold's plain name (`title`), what it does (`description`) and range, from the settings schema: the one source the diff summaries name thresholds from too. */
const SPECS = ThresholdsSchema.properties as Record<ThresholdName, { title: string; description?: string; minimum?: number; maximum?: number }>;

export function ThresholdsForm({ thresholds, onChange }: { thresholds: Thresholds; onChange: (name: ThresholdName, value: number) => void }) {
  return (
    <section className="bn-thresholds" aria-label="Thresholds">
      <h2>Thresholds</h2>
      <p className="bn-hint">
        These tune how messages become facts. A condition such as “low-confidence bot replies in a row ≥ 2” counts the replies below the low-confidence
        threshold.
      </p>
      {(Object.keys(SPECS) as ThresholdName[]).map((name) => (
        <NumberField
          key={name}
          label={SPECS[name].title}
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
