/** Labelled form fields shared by the inspector forms. Every control has a label, visible except in compact grid cells. */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/** Ids of the hint and error texts {@link Field} shows under control `id`, for its `aria-describedby`. */
export function describedBy(id: string, hint: string | undefined, error: string | null | undefined, compact?: boolean): string | undefined {
  if (error) return `${id}-error`;
  return hint && !compact ? `${id}-hint` : undefined;
}

/**
 * A labelled control; `compact` (grid cells) keeps the label for screen readers only and drops the
 * hint. The control (`id`) should name the hint or error it shows in `aria-describedby`: see {@link describedBy}.
 */
export function Field({
  label,
  hint,
  error,
  children,
  id,
  compact,
}: {
  label: string;
  hint?: string;
  error?: string | null;
  children: ReactNode;
  id: string;
  compact?: boolean;
}) {
  return (
    <div className={compact ? 'bn-field bn-field-compact' : 'bn-field'}>
      <label htmlFor={id} className={compact ? 'bn-visually-hidden' : undefined}>
        {label}
      </label>
      {children}
      {hint && !error && !compact ? (
        <p className="bn-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="bn-error" role="alert" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A text input that commits only values `validate` accepts (it returns an error message or
 * null); a refused value stays in the box, marked, and never reaches the draft.
 */
export function TextField(props: {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  validate?: (value: string) => string | null;
  hint?: string;
  placeholder?: string;
  multiline?: boolean;
  list?: string;
  compact?: boolean;
}) {
  const id = useId();
  const [text, setText] = useState(props.value);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  // Outside changes (undo, another node) replace the text, but not while the user types in it:
  // "-0." commits -0, which must not turn the box into "0" under their cursor.
  useEffect(() => {
    if (box.current && box.current === box.current.ownerDocument.activeElement) return;
    setText(props.value);
    setError(null);
  }, [props.value]);
  const change = (next: string) => {
    setText(next);
    const problem = props.validate?.(next) ?? null;
    setError(problem);
    if (problem === null && next !== props.value) props.onCommit(next);
  };
  const common = {
    id,
    ref: box,
    value: text,
    'aria-invalid': error !== null,
    'aria-describedby': describedBy(id, props.hint, error, props.compact),
    placeholder: props.placeholder,
  };
  return (
    <Field label={props.label} hint={props.hint} error={error} id={id} compact={props.compact}>
      {props.multiline ? (
        <textarea {...common} rows={3} onChange={(e) => change(e.target.value)} />
      ) : (
        <input {...common} type="text" list={props.list} onChange={(e) => change(e.target.value)} />
      )}
    </Field>
  );
}

/** A number input that refuses anything but a number within `min`..`max`. */
export function NumberField(props: {
  label: string;
  value: number;
  onCommit: (value: number) => void;
  min?: number;
  max?: number;
  step?: number;
  hint?: string;
  integer?: boolean;
}) {
  return (
    <TextField
      label={props.label}
      hint={props.hint}
      value={String(props.value)}
      validate={(text) => numberProblem(text, props.min, props.max, props.integer)}
      onCommit={(text) => props.onCommit(Number(text))}
    />
  );
}

/** Why `text` is not an acceptable number (null when it is). */
export function numberProblem(text: string, min?: number, max?: number, integer?: boolean): string | null {
  const trimmed = text.trim();
  const value = Number(trimmed);
  const range =
    min !== undefined && max !== undefined
      ? ` between ${min} and ${max}`
      : min !== undefined
        ? ` of at least ${min}`
        : max !== undefined
          ? ` of at most ${max}`
          : '';
  if (trimmed === '' || !Number.isFinite(value)) return `Enter a number${range}.`;
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) return `Enter a number${range}.`;
  if (integer && !Number.isInteger(value)) return 'Enter a whole number.';
  return null;
}

/** A select; with no value yet (a new leaf's field) it shows "— choose —" and says the field is required. */
export function SelectField<T extends string>(props: {
  label: string;
  value: T | undefined;
  options: readonly { value: T; label: string }[];
  onCommit: (value: T) => void;
  hint?: string;
}) {
  const id = useId();
  const unset = props.value === undefined;
  const error = unset ? `Choose a ${props.label.toLowerCase()}: required before publishing.` : null;
  return (
    <Field label={props.label} hint={props.hint} error={error} id={id}>
      <select
        id={id}
        value={props.value ?? ''}
        aria-invalid={unset}
        aria-describedby={describedBy(id, props.hint, error)}
        onChange={(e) => props.onCommit(e.target.value as T)}
      >
        {unset ? (
          <option value="" disabled>
            — choose —
          </option>
        ) : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** Reason codes as the policy schema allows them: lower-case letters, digits and underscores. */
export function reasonCodeProblem(text: string): string | null {
  return /^[a-z][a-z0-9_]{0,63}$/.test(text) ? null : 'Use lower-case letters, digits and _ (start with a letter), e.g. billing_dispute.';
}

/** Why `text` is not a JSONPath into an object fact (null when it is). */
export function jsonPathProblem(text: string): string | null {
  return /^\$\.?[A-Za-z0-9_.[\]'"-]*$/.test(text) && text.length > 2 ? null : 'Start with $. and name a field, e.g. $.plan';
}

/** Refuses empty text. */
export function requiredProblem(text: string): string | null {
  return text.trim() === '' ? 'This cannot be empty.' : null;
}
