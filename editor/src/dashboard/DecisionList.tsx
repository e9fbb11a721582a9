/**
 * The logged decisions behind a figure: the `decisions` query on the filter the API linked to it
 * (newest first, 25 a page), or the decisions of a list of ids (outcome figures). Each row opens
 * the conversation as the policy saw it (redacted), the reasons it gave and, for auditors and up,
 * a replay of it on the version that made it.
 */
import { Fragment, useCallback, useEffect, useState } from 'react';
import type { DecisionFilter, EditorLoggedDecisionFragment } from '../api/generated/operations';
import { problemOf, useApi } from '../app/api-context';
import { usePermissions } from '../app/permissions';
import { lastCustomerText } from './dashboard-model';
import { DecisionReplay } from './DecisionReplay';

/** Where the decisions come from. */
export type DecisionSource = { kind: 'filter'; filter: DecisionFilter } | { kind: 'ids'; ids: string[] };

/** What a figure's link opens. */
export interface DecisionsRequest {
  title: string;
  source: DecisionSource;
  /** Said under the title, e.g. that only the newest are listed. */
  note?: string;
}

const PAGE = 25;

interface Message {
  speaker?: string;
  text?: string;
  at?: string;
}

function formatTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

function describeFilter(filter: DecisionFilter): string {
  const parts = Object.entries(filter)
    .filter(([key]) => key !== 'from' && key !== 'to')
    .map(([key, value]) => `${key} ${String(value)}`);
  return parts.length > 0 ? parts.join(' · ') : 'every decision';
}

export function DecisionList({ request, timeZone }: { request: DecisionsRequest; timeZone: string }) {
  const { call } = useApi();
  const [rows, setRows] = useState<EditorLoggedDecisionFragment[]>([]);
  const [next, setNext] = useState<{ after: string | null; offset: number } | null>({ after: null, offset: 0 });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const canReplay = usePermissions().can('Query.replayDecision');

  const load = useCallback(
    async (from: { after: string | null; offset: number }) => {
      setLoading(true);
      setError(null);
      try {
        if (request.source.kind === 'filter') {
          const { filter } = request.source;
          const page = await call((api) => api.decisions(filter, PAGE, from.after));
          setRows((current) => [...current, ...page.nodes]);
          setNext(page.pageInfo.hasNextPage ? { after: page.pageInfo.endCursor ?? null, offset: 0 } : null);
        } else {
          const ids = request.source.ids.slice(from.offset, from.offset + PAGE);
          const found = await Promise.all(ids.map((decisionId) => call((api) => api.decision(decisionId))));
          setRows((current) => [...current, ...found.filter((d): d is EditorLoggedDecisionFragment => d !== null)]);
          const offset = from.offset + PAGE;
          setNext(offset < request.source.ids.length ? { after: null, offset } : null);
        }
      } catch (caught) {
        setError(problemOf(caught).message);
      } finally {
        setLoading(false);
      }
    },
    [call, request],
  );

  useEffect(() => {
    setRows([]);
    setOpen(null);
    void load({ after: null, offset: 0 });
  }, [load]);

  return (
    <section className="bn-dash-decisions" aria-label="Decisions behind the figure">
      <p className="bn-hint">
        {request.note ? `${request.note} ` : ''}
        {request.source.kind === 'filter'
          ? `Newest first: ${describeFilter(request.source.filter)}, ${formatTime(request.source.filter.from ?? '', timeZone)} to ${formatTime(request.source.filter.to ?? '', timeZone)} (${timeZone}).`
          : `${request.source.ids.length.toLocaleString('en')} decisions, newest first.`}
      </p>
      {error ? (
        <p className="bn-error" role="alert">
          Could not read the decisions: {error}
        </p>
      ) : null}
      {rows.length === 0 && !loading && !error ? <p role="status">No decision behind this figure.</p> : null}
      {rows.length > 0 ? (
        <table className="bn-dash-table">
          <thead>
            <tr>
              <th scope="col">Decided</th>
              <th scope="col">Conversation</th>
              <th scope="col">Decision</th>
              <th scope="col">Queue</th>
              <th scope="col">Channel · language</th>
              <th scope="col">Policy</th>
              <th scope="col">Customer wrote last</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => {
              const input = d.input as { channel?: string; customer?: { language?: string }; messages?: Message[] } | null;
              const shown = open === d.decisionId;
              return (
                <Fragment key={d.decisionId}>
                  <tr>
                    <td>{formatTime(d.evaluatedAt, timeZone)}</td>
                    <td>
                      <button type="button" className="bn-link" aria-expanded={shown} onClick={() => setOpen(shown ? null : d.decisionId)}>
                        {d.conversationId}
                      </button>
                    </td>
                    <td>
                      <span className={`bn-chip bn-dash-action-${d.outcome.action.toLowerCase()}`}>{d.outcome.action}</span> {d.outcome.reasonCode ?? ''}
                    </td>
                    <td>{d.outcome.queue ?? ''}</td>
                    <td>
                      {input?.channel ?? ''} · {input?.customer?.language ?? ''}
                    </td>
                    <td>
                      {d.policyId} v{d.policyVersion}
                    </td>
                    <td className="bn-dash-last-text">{lastCustomerText(d.input) ?? ''}</td>
                  </tr>
                  {shown ? (
                    <tr className="bn-dash-transcript-row">
                      <td colSpan={7}>
                        <ol className="bn-dash-transcript" aria-label={`Conversation ${d.conversationId}`}>
                          {(input?.messages ?? []).map((m, i) => (
                            <li key={i} className={m.speaker === 'CUSTOMER' ? 'bn-dash-customer' : 'bn-dash-bot'}>
                              <strong>{m.speaker === 'CUSTOMER' ? 'Customer' : m.speaker === 'BOT' ? 'Bot' : (m.speaker ?? '')}</strong> {m.text}
                            </li>
                          ))}
                        </ol>
                        {d.reasons.length > 0 ? (
                          <p className="bn-hint">
                            Why: {d.reasons.map((r) => `${r.code} (${r.description}${r.evidence.length > 0 ? `: ${r.evidence.join('; ')}` : ''})`).join(' · ')}
                          </p>
                        ) : null}
                        <p className="bn-hint">
                          Decision <code>{d.decisionId}</code>
                        </p>
                        {canReplay ? <DecisionReplay decisionId={d.decisionId} /> : null}
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {loading ? <p role="status">Loading decisions…</p> : null}
      {next && !loading && rows.length > 0 ? (
        <button type="button" onClick={() => void load(next)}>
          Show {PAGE} more
        </button>
      ) : null}
    </section>
  );
}
