/**
 * Create or edit an agent's profile: id, name, languages, skills with levels, time zone and
 * working hours, seniority, de-escalation training and capacity per channel. Presence is set
 * in the agents table; the API checks every rule and its problems come back on their field.
 */
import { useId, useState } from 'react';
import type { EditorAgentDetailFragment, Seniority } from '../api/generated/operations';
import { problemOf, useApi } from '../app/api-context';
import { CHANNELS, EMPTY_AGENT, agentForm, problemsByField, toAgentInput, type AgentForm, type FormProblems } from './directory-form';
import { FormFooter, FormSelect, FormText, type FormBinding } from './form-controls';

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
  const bind: FormBinding<AgentForm> = { form, set, problems };
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
        <FormText bind={bind} name="id" label="Agent id" hint="e.g. ana.souza" disabled={agent !== null} />
        <FormText bind={bind} name="name" label="Agent name" />
      </div>
      <div className="bn-row">
        <FormText bind={bind} name="languages" label="Agent languages" hint="ISO 639-1 codes, e.g. pt, es" />
        <FormText bind={bind} name="skills" label="Skills" hint="skill:level (1–10), e.g. billing:8, refunds:5" />
      </div>
      <div className="bn-row">
        <FormText bind={bind} name="timeZone" label="Agent time zone" hint="IANA name, e.g. America/Sao_Paulo" />
        <FormText bind={bind} name="hours" label="Working hours" hint="e.g. MON-FRI 08:00-16:00; empty: no fixed hours" />
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
      <div className="bn-row">
        <FormSelect bind={bind} name="seniority" label="Seniority" options={SENIORITIES.map((s): [string, string] => [s, s.toLowerCase()])} />
        <label className="bn-check">
          <input type="checkbox" checked={form.deescalationTrained} onChange={(e) => set({ deescalationTrained: e.target.checked })} /> Trained in de-escalation
        </label>
      </div>
      <FormFooter problems={problems} busy={busy} submit={agent ? 'Save agent' : 'Create agent'} onCancel={onCancel} />
    </form>
  );
}
