/**
 * Create or edit an agent's profile: id, name, languages, skills with levels, time zone and
 * working hours, seniority, de-escalation training and capacity per channel. Presence is set
 * in the agents table; the API checks every rule and its problems come back on their field.
 */
import { useId, useState } from 'react';
import type { EditorAgentDetailFragment, Seniority } from '../api/generated/operations';
import { problemOf, useApi } from '../app/api-context';
import { CHANNELS, EMPTY_AGENT, agentForm, problemsByField, toAgentInput, type AgentForm, type FormProblems } from './directory-form';
import { FormText } from './form-controls';

const SENIORITIES: readonly Seniority[] = ['JUNIOR', 'REGULAR', 'SENIOR'];

export function AgentEditor({
  agent,
  onSaved,
  onCancel,
}: {
  /** The agent edited; null creates one. */
  agent: EditorAgentDetailFragment | null;
  onSaved: (agent: EditorAgentDetailFragment) => void;
  onCancel: () => void;
}) {
  const { call } = useApi();
  const id = useId();
  const [form, setForm] = useState<AgentForm>(() => (agent ? agentForm(agent) : EMPTY_AGENT));
  const [problems, setProblems] = useState<FormProblems>({});
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<AgentForm>) => setForm((f) => ({ ...f, ...patch }));
  const save = async () => {
    const { input, problems: local } = toAgentInput(form);
    setProblems(local);
    if (!input) return;
    setBusy(true);
    try {
      onSaved(await call((api) => api.upsertAgent(input)));
    } catch (caught) {
      const problem = problemOf(caught);
      setProblems(problem.kind === 'badInput' && problem.fields.length > 0 ? problemsByField(problem.fields) : { form: problem.message });
    } finally {
      setBusy(false);
    }
  };
  const capacityError = problems.capacity ?? CHANNELS.map((c) => problems[`capacity.${c}`]).find((p) => p !== undefined);
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
      <h3 id={`${id}-title`}>{agent ? `Edit agent ${agent.name}` : 'New agent'}</h3>
      <div className="bn-row">
        <FormText label="Agent id" value={form.id} onChange={(v) => set({ id: v })} error={problems.id} hint="e.g. ana.souza" disabled={agent !== null} />
        <FormText label="Agent name" value={form.name} onChange={(v) => set({ name: v })} error={problems.name} />
      </div>
      <div className="bn-row">
        <FormText
          label="Agent languages"
          value={form.languages}
          onChange={(v) => set({ languages: v })}
          error={problems.languages}
          hint="ISO 639-1 codes, e.g. pt, es"
        />
        <FormText
          label="Skills"
          value={form.skills}
          onChange={(v) => set({ skills: v })}
          error={problems.skills}
          hint="skill:level (1–10), e.g. billing:8, refunds:5"
        />
      </div>
      <div className="bn-row">
        <FormText
          label="Agent time zone"
          value={form.timeZone}
          onChange={(v) => set({ timeZone: v })}
          error={problems.timeZone}
          hint="IANA name, e.g. America/Sao_Paulo"
        />
        <FormText
          label="Working hours"
          value={form.hours}
          onChange={(v) => set({ hours: v })}
          error={problems.hours}
          hint="e.g. MON-FRI 08:00-16:00; empty: no fixed hours"
        />
      </div>
      <fieldset className="bn-fieldset" aria-describedby={capacityError ? `${id}-capacity-error` : `${id}-capacity-hint`}>
        <legend>Capacity: most conversations at once</legend>
        <div className="bn-inline">
          {CHANNELS.map((channel) => (
            <label key={channel} className="bn-capacity">
              {channel.toLowerCase()}{' '}
              <input
                type="number"
                min={0}
                max={1000}
                value={form.capacity[channel]}
                aria-invalid={problems[`capacity.${channel}`] || problems.capacity ? true : undefined}
                onChange={(e) => set({ capacity: { ...form.capacity, [channel]: e.target.value } })}
              />
            </label>
          ))}
        </div>
        {capacityError ? (
          <p className="bn-error" role="alert" id={`${id}-capacity-error`}>
            {capacityError}
          </p>
        ) : (
          <p className="bn-hint" id={`${id}-capacity-hint`}>
            0 to 1000 per channel; 0 takes none
          </p>
        )}
      </fieldset>
      <div className="bn-inline">
        <label htmlFor={`${id}-seniority`}>Seniority</label>
        <select id={`${id}-seniority`} value={form.seniority} onChange={(e) => set({ seniority: e.target.value as Seniority })}>
          {SENIORITIES.map((s) => (
            <option key={s} value={s}>
              {s.toLowerCase()}
            </option>
          ))}
        </select>
        <label className="bn-check">
          <input type="checkbox" checked={form.deescalationTrained} onChange={(e) => set({ deescalationTrained: e.target.checked })} /> Trained in de-escalation
        </label>
      </div>
      {problems.form ? (
        <p className="bn-error" role="alert">
          {problems.form}
        </p>
      ) : null}
      <div className="bn-inline">
        <button type="submit" className="bn-primary" disabled={busy}>
          {busy ? 'Saving…' : agent ? 'Save agent' : 'Create agent'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
