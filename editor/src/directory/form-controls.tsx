/**
 * Internal: the fields of the directory forms, bound to the form they edit. `name` picks the
 * value, the change and the problem (`problems[name]`, the API's or the form's own), and each
 * control names its hint or error in `aria-describedby`; the footer shows the problem that names
 * no field and the save and cancel buttons.
 */
import { useId } from 'react';
import { Field, describedBy } from '../inspector/fields';
import type { FormProblems } from './directory-form';

/** One form's state, as each of its fields needs it. */
export interface FormBinding<F> {
  form: F;
  set: (patch: Partial<F>) => void;
  problems: FormProblems;
}

/** The fields of `F` that hold text. */
type TextKey<F> = { [K in keyof F]: F[K] extends string ? K : never }[keyof F] & string;

interface BoundProps<F, K extends TextKey<F>> {
  bind: FormBinding<F>;
  name: K;
  label: string;
  hint?: string;
  disabled?: boolean;
}

/** A labelled text input (or a two-line textarea) for the text field `name` of the form. */
export function FormText<F, K extends TextKey<F>>({ bind, name, label, hint, disabled, multiline }: BoundProps<F, K> & { multiline?: boolean }) {
  const id = useId();
  const error = bind.problems[name];
  const common = {
    id,
    value: bind.form[name] as string,
    disabled,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, hint, error),
    onChange: (e: { target: { value: string } }) => bind.set({ [name]: e.target.value } as unknown as Partial<F>),
  };
  return (
    <Field label={label} hint={hint} error={error} id={id}>
      {multiline ? <textarea rows={2} {...common} /> : <input {...common} />}
    </Field>
  );
}

/** A labelled select for the text field `name` of the form; `options` are value and words. */
export function FormSelect<F, K extends TextKey<F>>({
  bind,
  name,
  label,
  hint,
  disabled,
  options,
}: BoundProps<F, K> & { options: readonly (readonly [string, string])[] }) {
  const id = useId();
  const error = bind.problems[name];
  return (
    <Field label={label} hint={hint} error={error} id={id}>
      <select
        id={id}
        value={bind.form[name] as string}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => bind.set({ [name]: e.target.value } as unknown as Partial<F>)}
      >
        {options.map(([value, words]) => (
          <option key={value} value={value}>
            {words}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** The problem that names no field (`problems.form`), then the submit and cancel buttons. */
export function FormFooter({ problems, busy, submit, onCancel }: { problems: FormProblems; busy: boolean; submit: string; onCancel: () => void }) {
  return (
    <>
      {problems.form ? (
        <p className="bn-error" role="alert">
          {problems.form}
        </p>
      ) : null}
      <div className="bn-inline">
        <button type="submit" className="bn-primary" disabled={busy}>
          {busy ? 'Saving…' : submit}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
