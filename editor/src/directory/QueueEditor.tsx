/**
 * Create or edit a queue: id, name, languages, required skills, business hours (a time zone,
 * weekly hours and holidays, or always open), priority, fallback queue and wait figures. The
 * API checks every rule; its problems come back on the field they name.
 */
import { useId, useState } from 'react';
import type { EditorQueueDetailFragment } from '../api/generated/operations';
import { problemOf, useApi } from '../app/api-context';
import { EMPTY_QUEUE, problemsByField, queueForm, toQueueInput, type FormProblems, type QueueForm } from './directory-form';
import { FormText } from './form-controls';

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
        <FormText
          label="Queue id"
          value={form.id}
          onChange={(v) => set({ id: v })}
          error={problems.id}
          hint="Lower-case slug, e.g. billing_es; policies name it"
          disabled={queue !== null}
        />
        <FormText label="Name" value={form.name} onChange={(v) => set({ name: v })} error={problems.name} />
      </div>
      <div className="bn-row">
        <FormText
          label="Languages"
          value={form.languages}
          onChange={(v) => set({ languages: v })}
          error={problems.languages}
          hint="ISO 639-1 codes, e.g. es, pt; empty: any"
        />
        <FormText
          label="Required skills"
          value={form.skills}
          onChange={(v) => set({ skills: v })}
          error={problems.skills}
          hint="skill or skill:minimum level (1–10), e.g. billing:5, refunds"
        />
      </div>
      <fieldset className="bn-fieldset">
        <legend>Business hours</legend>
        <label className="bn-check">
          <input type="checkbox" checked={form.alwaysOpen} onChange={(e) => set({ alwaysOpen: e.target.checked })} /> Always open
        </label>
        {form.alwaysOpen ? null : (
          <div className="bn-row">
            <FormText
              label="Time zone"
              value={form.timeZone}
              onChange={(v) => set({ timeZone: v })}
              error={problems.timeZone}
              hint="IANA name, e.g. Europe/Madrid"
            />
            <FormText
              label="Weekly hours"
              value={form.hours}
              onChange={(v) => set({ hours: v })}
              error={problems.hours}
              hint="e.g. MON-FRI 09:00-18:00; SAT 10:00-14:00"
            />
            <FormText
              label="Holidays"
              value={form.holidays}
              onChange={(v) => set({ holidays: v })}
              error={problems.holidays}
              hint="One a line: 2026-12-25 Christmas"
              multiline
            />
          </div>
        )}
      </fieldset>
      <div className="bn-row">
        <FormText
          label="Priority (1–10)"
          value={form.priority}
          onChange={(v) => set({ priority: v })}
          error={problems.priority}
          hint="Higher queues are served first"
        />
        <div className="bn-field">
          <label htmlFor={`${id}-fallback`}>Fallback queue</label>
          <select
            id={`${id}-fallback`}
            value={form.fallbackQueueId}
            aria-invalid={problems.fallbackQueueId ? true : undefined}
            aria-describedby={problems.fallbackQueueId ? `${id}-fallback-error` : undefined}
            onChange={(e) => set({ fallbackQueueId: e.target.value })}
          >
            <option value="">none</option>
            {queueIds
              .filter((q) => q !== form.id)
              .map((q) => (
                <option key={q} value={q}>
                  {q}
                </option>
              ))}
          </select>
          {problems.fallbackQueueId ? (
            <p className="bn-error" role="alert" id={`${id}-fallback-error`}>
              {problems.fallbackQueueId}
            </p>
          ) : null}
        </div>
        <FormText label="Longest wait (s)" value={form.maxWaitSeconds} onChange={(v) => set({ maxWaitSeconds: v })} error={problems.maxWaitSeconds} />
        <FormText
          label="Average handle time (s)"
          value={form.averageHandleSeconds}
          onChange={(v) => set({ averageHandleSeconds: v })}
          error={problems.averageHandleSeconds}
        />
      </div>
      {problems.form ? (
        <p className="bn-error" role="alert">
          {problems.form}
        </p>
      ) : null}
      <div className="bn-inline">
        <button type="submit" className="bn-primary" disabled={busy}>
          {busy ? 'Saving…' : queue ? 'Save queue' : 'Create queue'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
