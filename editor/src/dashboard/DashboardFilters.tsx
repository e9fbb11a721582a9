/**
 * The Dashboard's filters: a range (a preset or two local dates), policy and version, reason,
 * queue, channel and language, day or week buckets and the time zone they are counted in.
 */
import { useId, useMemo } from 'react';
import { LANGUAGE_NAMES } from '@baton/schemas';
import type { DirectoryQueue, PolicySummary, VersionSummary } from '../api/types';
import { RANGE_PRESETS, presetRange, rangeProblem, timeZones, type DashboardForm, type RangePreset } from './dashboard-model';

/** Channels and languages offered besides any already chosen (the API filters on the lower-case fact). */
const CHANNELS = ['chat', 'whatsapp', 'email', 'voice', 'sms', 'web'];
const LANGUAGES = Object.entries(LANGUAGE_NAMES);

export interface DashboardFiltersProps {
  form: DashboardForm;
  onChange: (form: DashboardForm) => void;
  policies: PolicySummary[];
  versions: VersionSummary[];
  queues: DirectoryQueue[];
  /** Reason codes seen in the figures so far. */
  reasons: string[];
  onClear: () => void;
}

const withCurrent = (values: string[], current: string) => (current && !values.includes(current) ? [...values, current] : values);

export function DashboardFilters({ form, onChange, policies, versions, queues, reasons, onClear }: DashboardFiltersProps) {
  const id = useId();
  const zones = useMemo(() => timeZones(form.timeZone), [form.timeZone]);
  const problem = rangeProblem(form);
  const set = (patch: Partial<DashboardForm>) => onChange({ ...form, ...patch });
  const select = (name: keyof DashboardForm, label: string, options: [string, string][], all: string) => (
    <div className="bn-dash-field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <select
        id={`${id}-${name}`}
        className={form[name] ? 'bn-dash-set' : undefined}
        value={form[name]}
        onChange={(e) => set({ [name]: e.target.value } as Partial<DashboardForm>)}
      >
        <option value="">{all}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form className="bn-dash-filters" aria-label="Dashboard filters" onSubmit={(e) => e.preventDefault()}>
      <div className="bn-dash-field">
        <label htmlFor={`${id}-preset`}>Range</label>
        <select
          id={`${id}-preset`}
          value={form.preset}
          onChange={(e) => {
            const preset = e.target.value as RangePreset;
            set({ preset, ...(presetRange(preset, form.timeZone) ?? {}) });
          }}
        >
          {RANGE_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      <div className="bn-dash-field">
        <label htmlFor={`${id}-from`}>From</label>
        <input
          id={`${id}-from`}
          type="date"
          value={form.from}
          aria-invalid={problem !== null}
          onChange={(e) => set({ preset: 'custom', from: e.target.value })}
        />
      </div>
      <div className="bn-dash-field">
        <label htmlFor={`${id}-to`}>To (inclusive)</label>
        <input id={`${id}-to`} type="date" value={form.to} aria-invalid={problem !== null} onChange={(e) => set({ preset: 'custom', to: e.target.value })} />
      </div>
      <div className="bn-dash-field">
        <label htmlFor={`${id}-policy`}>Policy</label>
        <select
          id={`${id}-policy`}
          className={form.policyId ? 'bn-dash-set' : undefined}
          value={form.policyId}
          onChange={(e) => set({ policyId: e.target.value, policyVersion: '' })}
        >
          <option value="">All policies</option>
          {policies.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="bn-dash-field">
        <label htmlFor={`${id}-version`}>Version</label>
        <select
          id={`${id}-version`}
          className={form.policyVersion ? 'bn-dash-set' : undefined}
          value={form.policyVersion}
          disabled={!form.policyId}
          onChange={(e) => set({ policyVersion: e.target.value })}
        >
          <option value="">All versions</option>
          {versions.map((v) => (
            <option key={v.version} value={String(v.version)}>
              v{v.version}
            </option>
          ))}
        </select>
      </div>
      {select(
        'reasonCode',
        'Reason',
        withCurrent(reasons, form.reasonCode).map((r) => [r, r]),
        'All reasons',
      )}
      {select(
        'queueId',
        'Queue',
        withCurrent(
          queues.map((q) => q.id),
          form.queueId,
        ).map((q) => [q, queues.find((x) => x.id === q)?.name ?? q]),
        'All queues',
      )}
      {select(
        'channel',
        'Channel',
        withCurrent(CHANNELS, form.channel).map((c) => [c, c]),
        'All channels',
      )}
      {select(
        'language',
        'Language',
        withCurrent(
          LANGUAGES.map(([code]) => code),
          form.language,
        ).map((code) => [code, `${LANGUAGES.find(([c]) => c === code)?.[1] ?? code} (${code})`]),
        'All languages',
      )}
      <fieldset className="bn-dash-field bn-dash-buckets">
        <legend>Buckets</legend>
        {(['DAY', 'WEEK'] as const).map((bucket) => (
          <label key={bucket}>
            <input type="radio" name={`${id}-bucket`} checked={form.bucket === bucket} onChange={() => set({ bucket })} />
            {bucket === 'DAY' ? 'Day' : 'Week'}
          </label>
        ))}
      </fieldset>
      <div className="bn-dash-field">
        <label htmlFor={`${id}-zone`}>Time zone</label>
        <select
          id={`${id}-zone`}
          value={form.timeZone}
          onChange={(e) => set({ timeZone: e.target.value, ...(presetRange(form.preset, e.target.value) ?? {}) })}
        >
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="bn-link bn-dash-clear" onClick={onClear}>
        Clear filters
      </button>
      {problem ? (
        <p className="bn-error bn-dash-problem" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
