/**
 * The value side of a test, suited to the fact's type: a number within the fact's range, yes/no,
 * a text or a list of texts, a topic from the policy's lexicons, and for a fact with a known
 * domain (tiers, languages, channels, queues, reason codes) a pick list: a select for the
 * decision's enums, a combobox allowing free text for the others, with a warning for a value
 * outside the domain or differing only in case. Refused values are not committed.
 */
import { useId } from 'react';
import { fitOfValue, type ConditionValue, type FactSpec, type Operator } from '@baton/schemas';
import { Field, TextField, describedBy, numberProblem, requiredProblem } from './fields';
import { pickListOf, useValueDomains, valueHint } from './value-domains-context';

export interface ValueEditorProps {
  spec: FactSpec | undefined;
  fact: string;
  operator: Operator;
  value: ConditionValue;
  topics: readonly string[];
  onCommit: (value: ConditionValue) => void;
  label?: string;
  /** In a grid cell: the label for screen readers only, no hints. */
  compact?: boolean;
}

const LIST_OPERATORS: ReadonlySet<Operator> = new Set(['in', 'notIn']);

const listOf = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** The default value for a test on a fact of this spec (a topic for `topics`). */
export function defaultValueFor(spec: FactSpec | undefined, operator: Operator, topics: readonly string[]): ConditionValue {
  if (LIST_OPERATORS.has(operator)) return [];
  switch (spec?.type) {
    case 'number':
      return 0;
    case 'boolean':
      return true;
    case 'stringList':
      return topics[0] ?? '';
    default:
      return '';
  }
}

const TOPICS_HINT = "Topics come from the policy's lexicons (Trigger settings).";

export function ValueEditor({ spec, fact, operator, value, topics, onCommit, label = 'Value', compact }: ValueEditorProps) {
  const id = useId();
  const domains = useValueDomains();
  const pick = spec?.type === 'string' ? pickListOf(fact, domains) : null;
  if (LIST_OPERATORS.has(operator)) {
    return (
      <TextField
        label={`${label} (comma-separated)`}
        compact={compact}
        hint={pick ? valueHint(Array.isArray(value) ? value.map(String) : [String(value)], pick).text : undefined}
        placeholder={compact ? 'a, b, c' : undefined}
        value={Array.isArray(value) ? value.join(', ') : String(value)}
        validate={(t) => (listOf(t).length === 0 ? 'Enter at least one value, e.g. vip, enterprise.' : null)}
        onCommit={(t) => onCommit(listOf(t))}
      />
    );
  }
  if (spec?.type === 'boolean') {
    return (
      <Field label={label} id={id} compact={compact}>
        <select id={id} value={String(value)} onChange={(e) => onCommit(e.target.value === 'true')}>
          <option value="true">yes (true)</option>
          <option value="false">no (false)</option>
        </select>
      </Field>
    );
  }
  if (spec?.type === 'number') {
    const [min, max] = spec.range ?? [undefined, undefined];
    return (
      <TextField
        label={spec.unit ? `${label} (${spec.unit})` : label}
        compact={compact}
        value={String(value)}
        validate={(t) => numberProblem(t, min, max)}
        onCommit={(t) => onCommit(Number(t))}
      />
    );
  }
  if (fact === 'topics') {
    const options = topics.includes(String(value)) ? topics : [String(value), ...topics];
    return (
      <Field label={`${label} (topic)`} id={id} compact={compact} hint={TOPICS_HINT}>
        <select id={id} value={String(value)} aria-describedby={describedBy(id, TOPICS_HINT, null, compact)} onChange={(e) => onCommit(e.target.value)}>
          {options.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </Field>
    );
  }
  if (pick?.closed) {
    const options = pick.values.includes(String(value)) ? pick.values : [String(value), ...pick.values];
    return (
      <Field label={label} id={id} compact={compact}>
        <select id={id} value={String(value)} onChange={(e) => onCommit(e.target.value)}>
          {options.map((v) => (
            <option key={v} value={v}>
              {v === '' ? '— choose —' : v}
            </option>
          ))}
        </select>
      </Field>
    );
  }
  const text = Array.isArray(value) ? value.join(', ') : String(value);
  if (pick) {
    const fit = fitOfValue(text, pick.values);
    return (
      <div className="bn-value-pick">
        <TextField
          label={`${label} (${pick.noun})`}
          compact={compact}
          list={`${id}-known`}
          hint={valueHint([text], pick).text}
          value={text}
          validate={requiredProblem}
          onCommit={onCommit}
        />
        <datalist id={`${id}-known`}>
          {pick.values.map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
        {fit.fit === 'case' && !compact ? (
          <button type="button" className="bn-link" onClick={() => onCommit(fit.expected)}>
            Use “{fit.expected}”
          </button>
        ) : null}
      </div>
    );
  }
  return <TextField label={label} compact={compact} value={text} validate={requiredProblem} onCommit={onCommit} />;
}
