/** Customer message templates per language: what the bot says when it hands off (or, with its own legend, while the customer waits). */
import { useId, useState } from 'react';
import type { MessageTemplates } from '@baton/schemas';
import { TextField } from './fields';

const COMMON_LANGUAGES = ['en', 'es', 'pt', 'de', 'fr'];

export function MessageTemplatesEditor({
  templates,
  onChange,
  legend = 'Message to the customer',
  emptyHint = "No message: the customer gets Baton's built-in sentence in their language (English for languages it has none in).",
  initialFor,
}: {
  templates: MessageTemplates;
  onChange: (templates: MessageTemplates) => void;
  legend?: string;
  emptyHint?: string;
  /** The text a newly added language starts with (default empty). */
  initialFor?: (language: string) => string;
}) {
  const id = useId();
  const [adding, setAdding] = useState('');
  const languages = Object.keys(templates);
  const missing = COMMON_LANGUAGES.filter((l) => !languages.includes(l));
  return (
    <fieldset className="bn-templates">
      <legend>{legend}</legend>
      {languages.length === 0 ? <p className="bn-hint">{emptyHint}</p> : null}
      {languages.map((language) => (
        <div key={language}>
          <TextField
            label={`Message (${language})`}
            multiline
            value={templates[language] ?? ''}
            onCommit={(text) => onChange({ ...templates, [language]: text })}
          />
          <button
            type="button"
            className="bn-link"
            onClick={() => {
              const { [language]: _removed, ...rest } = templates;
              onChange(rest);
            }}
          >
            Remove the {language} message
          </button>
        </div>
      ))}
      <div className="bn-inline">
        <label htmlFor={id}>Add a language</label>
        <select id={id} value={adding} onChange={(e) => setAdding(e.target.value)}>
          <option value="">choose…</option>
          {missing.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={adding === ''}
          onClick={() => {
            onChange({ ...templates, [adding]: initialFor?.(adding) ?? '' });
            setAdding('');
          }}
        >
          Add
        </button>
      </div>
    </fieldset>
  );
}
