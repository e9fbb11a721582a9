/** Internal: a labelled text input or textarea of the directory forms, its hint or error tied to it by `aria-describedby`. */
import { useId } from 'react';
import { Field, describedBy } from '../inspector/fields';

export function FormText({
  label,
  value,
  onChange,
  error,
  hint,
  placeholder,
  multiline,
  disabled,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  placeholder?: string;
  multiline?: boolean;
  disabled?: boolean;
}) {
  const id = useId();
  const common = {
    id,
    value,
    placeholder,
    disabled,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, hint, error),
  };
  return (
    <Field label={label} hint={hint} error={error} id={id}>
      {multiline ? (
        <textarea rows={2} {...common} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}
