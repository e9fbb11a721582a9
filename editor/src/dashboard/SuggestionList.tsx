/**
 * Suggestions from agents' feedback over the range: reasons agents often call unnecessary
 * escalations, and reasons they corrected to another, each with example conversations and a
 * one-click "Open as backtest dataset" (editors and up).
 */
import { useState } from 'react';
import type { KpiFilter } from '../api/generated/operations';
import { problemOf, useApi } from '../app/api-context';
import { usePermissions } from '../app/permissions';
import { lastCustomerText, percent, plural, type HandoffSuggestion } from './dashboard-model';

interface Created {
  key: string;
  name: string;
  rows: number;
}

const keyOf = (s: HandoffSuggestion) => `${s.kind}:${s.reasonCode}:${s.correctedReasonCode ?? ''}`;

/** The dataset's name: what it holds and the range, e.g. "no_progress handoffs the AI could keep (2026-11-07 to 2026-12-06)". */
export function datasetName(s: HandoffSuggestion, range: { from: string; to: string }): string {
  const what =
    s.kind === 'UNNECESSARY_ESCALATION'
      ? `${s.reasonCode} handoffs the AI could keep`
      : `${s.reasonCode} handoffs that were ${s.correctedReasonCode ?? 'another reason'}`;
  return `${what} (${range.from} to ${range.to})`;
}

export function SuggestionList({
  suggestions,
  filter,
  range,
  timeZone,
  onOpenPolicy,
}: {
  suggestions: HandoffSuggestion[];
  filter: KpiFilter;
  /** The local dates of the range, for dataset names. */
  range: { from: string; to: string };
  timeZone: string;
  /** Opens the policy the datasets are for (its Backtest tab runs drafts over them). */
  onOpenPolicy: (() => void) | null;
}) {
  const { call } = useApi();
  const permissions = usePermissions();
  const [busy, setBusy] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canCreate = permissions.can('Mutation.createDatasetFromSuggestion');

  const open = async (s: HandoffSuggestion) => {
    const key = keyOf(s);
    setBusy(key);
    setError(null);
    setCreated(null);
    try {
      const name = datasetName(s, range);
      const dataset = await call((api) =>
        api.createDatasetFromSuggestion({ name, kind: s.kind, reasonCode: s.reasonCode, correctedReasonCode: s.correctedReasonCode ?? null, filter }),
      );
      setCreated({ key, name: dataset.name, rows: dataset.rows });
    } catch (caught) {
      setError(problemOf(caught).message);
    } finally {
      setBusy(null);
    }
  };

  if (suggestions.length === 0) {
    return (
      <p className="bn-dash-empty-note" role="status">
        No suggestion for this range: no reason has 20 or more agent verdicts with over 10% saying the AI could have resolved it, and no reason was corrected 3
        times or more.
      </p>
    );
  }
  return (
    <>
      {created ? (
        <p className="bn-dash-notice" role="status">
          Created the backtest dataset “{created.name}” with {plural(created.rows, 'conversation')}.{' '}
          {onOpenPolicy ? (
            <button type="button" className="bn-link" onClick={onOpenPolicy}>
              Open the policy and run a draft over it on its Backtest tab
            </button>
          ) : (
            'Open a policy and run a draft over it on its Backtest tab.'
          )}
        </p>
      ) : null}
      {error ? (
        <p className="bn-error" role="alert">
          Could not create the dataset: {error}
        </p>
      ) : null}
      <ul className="bn-dash-suggestions">
        {suggestions.map((s) => {
          const key = keyOf(s);
          return (
            <li
              key={key}
              className="bn-dash-suggestion"
              aria-label={`Suggestion: ${s.reasonCode}${s.correctedReasonCode ? ` → ${s.correctedReasonCode}` : ''}`}
            >
              <div className="bn-dash-suggestion-head">
                <span className={`bn-chip bn-dash-kind-${s.kind === 'UNNECESSARY_ESCALATION' ? 'unnecessary' : 'correction'}`}>
                  {s.kind === 'UNNECESSARY_ESCALATION' ? 'Unnecessary escalations' : 'Reason corrected'}
                </span>
                <strong>
                  {s.reasonCode}
                  {s.correctedReasonCode ? ` → ${s.correctedReasonCode}` : ''}
                </strong>
                <span className="bn-hint">
                  {s.kind === 'UNNECESSARY_ESCALATION'
                    ? `${percent(s.unnecessaryEscalationRate)} · ${s.unnecessary} of ${plural(s.verdicts, 'verdict')}`
                    : plural(s.corrections, 'correction')}
                </span>
                {canCreate ? (
                  <button type="button" className="bn-dash-open-dataset" disabled={busy !== null} onClick={() => void open(s)}>
                    {busy === key ? 'Creating…' : 'Open as backtest dataset'}
                  </button>
                ) : null}
              </div>
              <p className="bn-dash-summary">{s.summary}</p>
              {s.examples.length > 0 ? (
                <ul className="bn-dash-examples" aria-label="Example conversations">
                  {s.examples.map((e) => (
                    <li key={e.decisionId}>
                      <span className="bn-dash-example-meta">
                        {e.conversationId} ·{' '}
                        {new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(e.decidedAt))}
                        {e.resolution ? ` · ${e.resolution.toLowerCase()}` : ''}
                        {e.csat ? ` · CSAT ${e.csat}` : ''}
                      </span>{' '}
                      <q>{lastCustomerText(e.decision?.input) ?? '(conversation no longer in the decision log)'}</q>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
