/**
 * The handoff dashboard (auditors and up): the figures every handoff guide says to track, per day
 * or week in a time zone, over the logged decisions and recorded outcomes the filters select; each
 * figure opens the decisions behind it; the buckets export as CSV; suggestions from agents'
 * feedback open as backtest datasets. Empty states say what to connect.
 */
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DirectoryQueue, PolicySummary, VersionSummary } from '../api/types';
import { problemOf, useApi } from '../app/api-context';
import { usePermissions } from '../app/permissions';
import { DashboardFilters } from './DashboardFilters';
import { DecisionList, type DecisionsRequest } from './DecisionList';
import { KpiTiles } from './KpiTiles';
import { SuggestionList } from './SuggestionList';
import {
  csvFileName,
  defaultForm,
  downloadText,
  isNarrowed,
  narrowing,
  kpiCsv,
  plural,
  rangeProblem,
  reasonsOf,
  todayInstead,
  toKpiFilter,
  type DashboardForm,
  type HandoffKpis,
  type HandoffSuggestion,
} from './dashboard-model';

const DashboardCharts = lazy(() => import('./DashboardCharts').then((m) => ({ default: m.DashboardCharts })));

/** Typing in a date waits this long before the figures are asked again. */
const DEBOUNCE_MS = 250;

export function DashboardPage({ onBack, onOpenPolicy }: { onBack: () => void; onOpenPolicy: (policyId: string) => void }) {
  const { call } = useApi();
  const permissions = usePermissions();
  const [form, setForm] = useState<DashboardForm>(() => defaultForm());
  const [applied, setApplied] = useState<DashboardForm>(form);
  const [kpis, setKpis] = useState<HandoffKpis | null>(null);
  const [suggestions, setSuggestions] = useState<HandoffSuggestion[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [policies, setPolicies] = useState<PolicySummary[]>([]);
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [queues, setQueues] = useState<DirectoryQueue[]>([]);
  const [reasons, setReasons] = useState<string[]>([]);
  const [behind, setBehind] = useState<DecisionsRequest | null>(null);
  /** Today's decisions when the range applied has none but ends before today: the hint that switches to today. */
  const [today, setToday] = useState<{ form: DashboardForm; conversations: number } | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const canSuggest = permissions.can('Query.handoffSuggestions');
  const canListDecisions = permissions.can('Query.decisions');

  useEffect(() => {
    call((api) => api.policies()).then(setPolicies, () => undefined);
    if (permissions.can('Query.queues')) call((api) => api.queues()).then(setQueues, () => undefined);
  }, [call, permissions]);
  useEffect(() => {
    setVersions([]);
    if (form.policyId) call((api) => api.versions(form.policyId)).then(setVersions, () => undefined);
  }, [call, form.policyId]);

  // Apply the form once it has settled and its range is valid.
  useEffect(() => {
    if (rangeProblem(form)) return;
    const timer = setTimeout(() => setApplied(form), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [form]);

  const filter = useMemo(() => toKpiFilter(applied), [applied]);
  useEffect(() => {
    let current = true;
    setLoading(true);
    setError(null);
    const figures = call((api) => api.handoffKpis(filter, applied.bucket, applied.timeZone));
    const suggested = canSuggest ? call((api) => api.handoffSuggestions(filter)) : Promise.resolve([]);
    // Asked only when the range is empty: one more KPI query, for today, to say whether today has decisions.
    const todays = figures.then(async (k) => {
      const instead = k.overall.conversations === 0 ? todayInstead(applied) : null;
      if (!instead) return null;
      const t = await call((api) => api.handoffKpis(toKpiFilter(instead), 'DAY', instead.timeZone)).catch(() => null);
      return t && t.overall.conversations > 0 ? { form: instead, conversations: t.overall.conversations } : null;
    });
    Promise.all([figures, suggested, todays]).then(
      ([k, s, t]) => {
        if (!current) return;
        setKpis(k);
        setSuggestions(s);
        setToday(t);
        setReasons((known) => [...new Set([...known, ...reasonsOf(k)])].sort());
        setLoading(false);
      },
      (caught: unknown) => {
        if (!current) return;
        setError(problemOf(caught).message);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [call, filter, applied, canSuggest]);

  useEffect(() => {
    if (behind) dialog.current?.showModal();
    else dialog.current?.close();
  }, [behind]);

  const openBehind = useCallback((request: DecisionsRequest) => setBehind(request), []);
  const clear = () => setForm({ ...defaultForm(form.timeZone), bucket: form.bucket });
  const exportCsv = () => {
    if (kpis) downloadText(kpiCsv(kpis), csvFileName(applied));
  };
  const policyToOpen = applied.policyId || policies.find((p) => p.isDefault)?.id || null;

  const o = kpis?.overall;
  const noDecisions = o !== undefined && o.conversations === 0;
  const noOutcomes = o !== undefined && !noDecisions && o.handoffOutcomes === 0 && o.aiOutcomes === 0;
  const unit = applied.bucket === 'DAY' ? 'day' : 'week';

  return (
    <div className="bn-page bn-dash-page">
      <div className="bn-inline bn-dash-header">
        <button type="button" onClick={onBack}>
          ← Policies
        </button>
        <h1>Handoff dashboard</h1>
        <span className="bn-hint bn-dash-subtitle">
          {kpis ? `${applied.from} to ${applied.to} · per ${unit} · ${kpis.timeZone}${loading ? ' · updating…' : ''}` : loading ? 'Loading the figures…' : ''}
        </span>
        <button type="button" className="bn-dash-export" onClick={exportCsv} disabled={!kpis || noDecisions}>
          Export CSV
        </button>
      </div>
      <DashboardFilters form={form} onChange={setForm} policies={policies} versions={versions} queues={queues} reasons={reasons} onClear={clear} />
      {error ? (
        <p className="bn-error" role="alert">
          Could not read the figures: {error}
        </p>
      ) : null}
      {!kpis && loading ? (
        <p role="status" className="bn-dash-loading">
          Loading the figures…
        </p>
      ) : null}
      {kpis && o ? (
        <div aria-busy={loading} className={loading ? 'bn-dash-stale' : undefined}>
          {noDecisions ? (
            <section className="bn-dash-empty" aria-label="No data">
              {today ? (
                <div className="bn-dash-notice" role="note">
                  <p>
                    <strong>Today has {plural(today.conversations, 'conversation')} decided so far.</strong> The range presets count whole days up to yesterday,
                    so {applied.from} to {applied.to} leaves them out.
                  </p>
                  <button type="button" onClick={() => setForm(today.form)}>
                    Show today so far
                  </button>
                </div>
              ) : null}
              {isNarrowed(applied) ? (
                <>
                  <h2>No decisions match these filters</h2>
                  <p>
                    Nothing was decided from {applied.from} to {applied.to} with {narrowing(applied)}. Widen the range or clear a filter.
                  </p>
                  <button type="button" onClick={clear}>
                    Clear filters
                  </button>
                </>
              ) : (
                <>
                  <h2>No decisions in this range yet</h2>
                  <p>
                    The dashboard counts the decisions Baton logs: connect your bot so that it calls <code>decideHandoff</code> (without <code>dryRun</code>)
                    with a BOT key on every customer message, then <code>startHandoff</code> when it hands off — see the README, “Your first decision”. The
                    outcome figures (resolution, CSAT, agents&apos; verdicts) come from your helpdesk: it records them with <code>recordHandoffOutcome</code>{' '}
                    using an INTEGRATION key — see “Outcomes and KPIs”.
                  </p>
                  <p className="bn-hint">
                    To look around first, fill a demo store with a month of traffic: <code>BATON_DATA_DIR=.baton-demo npm run demo:traffic</code>, then start
                    the server on it.
                  </p>
                </>
              )}
            </section>
          ) : (
            <>
              {noOutcomes ? (
                <p className="bn-dash-notice" role="note">
                  <strong>No outcomes yet:</strong> a helpdesk records them with <code>recordHandoffOutcome</code> (first response, resolution, CSAT, the
                  agent&apos;s verdict) and the bot with <code>recordAiOutcome</code>, using an INTEGRATION key — see the README, “Outcomes and KPIs”. Until
                  then only the decision figures show.
                </p>
              ) : null}
              <KpiTiles kpis={kpis} onOpen={openBehind} />
              <Suspense fallback={<p role="status">Loading the charts…</p>}>
                <DashboardCharts kpis={kpis} onOpen={openBehind} />
              </Suspense>
            </>
          )}
          {canSuggest && suggestions && !noDecisions ? (
            <section className="bn-dash-section" aria-label="Suggestions">
              <h2>Suggestions from agents&apos; feedback</h2>
              <p className="bn-hint">
                Where agents most often said the AI could have resolved a handoff, or that its reason was another: the starting point of a policy change. Open
                one as a backtest dataset and run a draft over it.
              </p>
              <SuggestionList
                suggestions={suggestions}
                filter={filter}
                range={applied}
                timeZone={applied.timeZone}
                onOpenPolicy={policyToOpen ? () => onOpenPolicy(policyToOpen) : null}
              />
            </section>
          ) : null}
          {!noDecisions ? (
            <p className="bn-hint bn-dash-footnote">
              {plural(o.conversations, 'conversation')} decided, {plural(o.handoffOutcomes, 'handoff outcome')} and {plural(o.aiOutcomes, 'AI-only outcome')}{' '}
              recorded. Rates are over the conversations each figure could be measured on; a bucket holds the conversations first decided in it.
            </p>
          ) : null}
        </div>
      ) : null}
      <dialog
        ref={dialog}
        className="bn-dialog bn-dash-dialog"
        aria-label={behind ? `Decisions behind: ${behind.title}` : 'Decisions behind a figure'}
        onClose={() => setBehind(null)}
      >
        {behind ? (
          <>
            <div className="bn-inline bn-dash-dialog-head">
              <h2>{behind.title}</h2>
              <button type="button" onClick={() => setBehind(null)}>
                Close
              </button>
            </div>
            {canListDecisions ? (
              <DecisionList request={behind} timeZone={applied.timeZone} />
            ) : (
              <p className="bn-hint">This key may not read the decision log.</p>
            )}
          </>
        ) : null}
      </dialog>
    </div>
  );
}
