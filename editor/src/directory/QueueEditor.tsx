/**
 * Create or edit a queue: id, name, languages, required skills, business hours (a time zone,
 * weekly hours and holidays, or always open), priority, fallback queue and wait figures. The
 * API checks every rule; its problems come back on the field they name.
 */
import { useId, useState } from 'react';
import type { EditorQueueDetailFragment } from '../api/generated/operations';
import { problemOf, useApi } from '../app/api-context';
import { EMPTY_QUEUE, problemsByField, queueForm, toQueueInput, type FormProblems, type QueueForm } from './directory-form';
import { FormFooter, FormSelect, FormText, type FormBinding } from './form-controls';

export function QueueEditor({
  queue,
  queueIds,
  onSaved,
  onCancel,
}: {
  /** The queue edited; null creates one. */
  queue: EditorQueueDetailFragment | null;
  queueIds: readonly string[];
  onSaved: (queue: EditorQueueDetailFragment) => void;
  onCancel: () => void;
}) {
  const { call } = useApi();
  const id = useId();
  const [form, setForm] = useState<QueueForm>(() => (queue ? queueForm(queue) : EMPTY_QUEUE));
  const [problems, setProblems] = useState<FormProblems>({});
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<QueueForm>) => setForm((f) => ({ ...f, ...patch }));
  const bind: FormBinding<QueueForm> = { form, set, problems };
  const save = async () => {
    const { input, problems: local } = toQueueInput(form);
    setProblems(local);
    if (!input) return;
    setBusy(true);
    try {
      onSaved(await call((api) => api.upsertQueue(input)));
    } catch (caught) {
      const problem = problemOf(caught);
      setProblems(problem.kind === 'badInput' && problem.fields.length > 0 ? problemsByField(problem.fields) : { form: problem.message });
    } finally {
      setBusy(false);
    }
  };
  const title = queue ? `Edit queue ${queue.name}` : 'New queue';
  return (
    <form
      className="bn-admin-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 id={`${id}-title`}>{title}</h3>
      <div className="bn-row">
        <FormText bind={bind} name="id" label="Queue id" hint="Lower-case slug, e.g. billing_es; policies name it" disabled={queue !== null} />
        <FormText bind={bind} name="name" label="Name" />
      </div>
      <div className="bn-row">
        <FormText bind={bind} name="languages" label="Languages" hint="ISO 639-1 codes, e.g. es, pt; empty: any" />
        <FormText bind={bind} name="skills" label="Required skills" hint="skill or skill:minimum level (1–10), e.g. billing:5, refunds" />
      </div>
      <fieldset className="bn-fieldset">
        <legend>Business hours</legend>
        <label className="bn-check">
          <input type="checkbox" checked={form.alwaysOpen} onChange={(e) => set({ alwaysOpen: e.target.checked })} /> Always open
        </label>
        {form.alwaysOpen ? null : (
          <div className="bn-row">
            <FormText bind={bind} name="timeZone" label="Time zone" hint="IANA name, e.g. Europe/Madrid" />
            <FormText bind={bind} name="hours" label="Weekly hours" hint="e.g. MON-FRI 09:00-18:00; SAT 10:00-14:00" />
            <FormText bind={bind} name="holidays" label="Holidays" hint="One a line: 2026-12-25 Christmas" multiline />
          </div>
        )}
      </fieldset>
      <div className="bn-row">
        <FormText bind={bind} name="priority" label="Priority (1–10)" hint="Higher queues are served first" />
        <FormSelect
          bind={bind}
          name="fallbackQueueId"
          label="Fallback queue"
          options={[['', 'none'], ...queueIds.filter((q) => q !== form.id).map((q): [string, string] => [q, q])]}
        />
        <FormText bind={bind} name="maxWaitSeconds" label="Longest wait (s)" />
        <FormText bind={bind} name="averageHandleSeconds" label="Average handle time (s)" />
      </div>
      <FormFooter problems={problems} busy={busy} submit={queue ? 'Save queue' : 'Create queue'} onCancel={onCancel} />
    </form>
  );
}
