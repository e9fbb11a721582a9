/**
 * The audit log for auditors and admins: filters (actor key id, or a click on an actor's name;
 * action prefix, target, time range), pages of events (oldest first, `after` cursors), the chain
 * verification result, and the whole log as JSON lines (fetched with the key, saved as a file).
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { AuditFilter, AuditPage as AuditPageData, AuditVerification } from '../api/types';
import { problemOf, useApi } from '../app/api-context';
import { useKeyNames } from '../keys/key-names';

const PAGE_SIZE = 50;

interface FilterForm {
  actorKeyId: string;
  action: string;
  targetId: string;
  from: string;
  to: string;
}

const EMPTY: FilterForm = { actorKeyId: '', action: '', targetId: '', from: '', to: '' };

/** The API filter for a filled-in form (local date-times become ISO instants; empty fields are left out). */
export function toAuditFilter(form: FilterForm): AuditFilter {
  const filter: AuditFilter = {};
  if (form.actorKeyId.trim()) filter.actorKeyId = form.actorKeyId.trim();
  if (form.action.trim()) filter.action = form.action.trim();
  if (form.targetId.trim()) filter.targetId = form.targetId.trim();
  if (form.from) filter.from = new Date(form.from).toISOString();
  if (form.to) filter.to = new Date(form.to).toISOString();
  return filter;
}

function short(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

export function AuditPage({ getKey, onBack }: { getKey: () => string | null; onBack: () => void }) {
  const { call } = useApi();
  const id = useId();
  const [form, setForm] = useState<FilterForm>(EMPTY);
  const [filter, setFilter] = useState<AuditFilter>({});
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [page, setPage] = useState<AuditPageData | null>(null);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);
  const after = cursors[cursors.length - 1] ?? null;
  // People and keys by name: actors, and the keys api-key events are about.
  const label = useKeyNames((page?.nodes ?? []).flatMap((e) => [e.actor.keyId, e.targetType === 'apiKey' ? e.targetId : null]));

  useEffect(() => {
    setPage(null);
    call((api) => api.auditLog(filter, PAGE_SIZE, after)).then(setPage, (caught: unknown) => setError(problemOf(caught).message));
  }, [call, filter, after]);
  const verify = useCallback(() => {
    setVerification(null);
    call((api) => api.verifyAuditLog()).then(setVerification, (caught: unknown) => setError(problemOf(caught).message));
  }, [call]);
  useEffect(verify, [verify]);

  const download = async () => {
    setDownloading(true);
    setError(null);
    try {
      const key = getKey();
      const response = await fetch('/audit-log.jsonl', { headers: key ? { authorization: `Bearer ${key}` } : {} });
      if (!response.ok) throw new Error(`The server answered HTTP ${response.status}.`);
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `baton-audit-log-${new Date().toISOString().slice(0, 10)}.jsonl`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (caught) {
      setError(`Could not download the audit log: ${caught instanceof Error ? caught.message : String(caught)}`);
    } finally {
      setDownloading(false);
    }
  };

  // An auditor sees people by name; picking one filters by their key without having to know its id.
  const byActor = (keyId: string) => {
    const next = { ...form, actorKeyId: keyId };
    setForm(next);
    setFilter(toAuditFilter(next));
    setCursors([null]);
  };

  const field = (name: keyof FilterForm, label: string, type = 'text', placeholder?: string) => (
    <div className="bn-field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input id={`${id}-${name}`} type={type} value={form[name]} placeholder={placeholder} onChange={(e) => setForm({ ...form, [name]: e.target.value })} />
    </div>
  );
  return (
    <main className="bn-page bn-audit-page">
      <div className="bn-inline">
        <button type="button" onClick={onBack}>
          ← Policies
        </button>
        <h1>Audit log</h1>
      </div>
      <section className="bn-verification" aria-label="Chain verification">
        <h2>Chain verification</h2>
        {verification === null ? (
          <p role="status">Verifying…</p>
        ) : verification.valid ? (
          <p role="status" className="bn-pass">
            ✓ Valid: {verification.checked} events checked, every hash and link intact.
          </p>
        ) : (
          <p role="alert" className="bn-error">
            ✗ Broken at sequence {verification.firstBrokenSequence ?? '?'}: {verification.problem ?? 'the chain does not verify'}.
          </p>
        )}
        {verification?.headHash ? (
          <p>
            Head hash (keep it outside Baton): <code className="bn-hash">{verification.headHash}</code>
          </p>
        ) : null}
        <div className="bn-inline">
          <button type="button" onClick={verify}>
            Verify again
          </button>
          <button type="button" onClick={() => void download()} disabled={downloading}>
            {downloading ? 'Downloading…' : 'Download the whole log (JSON lines)'}
          </button>
        </div>
      </section>
      <form
        className="bn-audit-filters"
        aria-label="Filters"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter(toAuditFilter(form));
          setCursors([null]);
        }}
      >
        {field('actorKeyId', 'Actor key id')}
        {field('action', 'Action (exact, or prefix ending in .)', 'text', 'policy.')}
        {field('targetId', 'Target id', 'text', 'support-default')}
        {field('from', 'From', 'datetime-local')}
        {field('to', 'To', 'datetime-local')}
        <div className="bn-inline">
          <button type="submit" className="bn-primary">
            Apply filters
          </button>
          <button
            type="button"
            onClick={() => {
              setForm(EMPTY);
              setFilter({});
              setCursors([null]);
            }}
          >
            Clear
          </button>
        </div>
      </form>
      {error ? (
        <p className="bn-error" role="alert">
          {error}
        </p>
      ) : null}
      {page === null ? (
        <p role="status">Loading…</p>
      ) : page.nodes.length === 0 ? (
        <p>No events match.</p>
      ) : (
        <table className="bn-table bn-audit-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">When</th>
              <th scope="col">Actor</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">Change</th>
              <th scope="col">Hash</th>
            </tr>
          </thead>
          <tbody>
            {page.nodes.map((e) => (
              <tr key={e.sequence}>
                <td>{e.sequence}</td>
                <td>{new Date(e.at).toLocaleString()}</td>
                <td title={e.actor.keyId ?? undefined}>
                  {e.actor.keyId ? (
                    <button
                      type="button"
                      className="bn-link"
                      aria-label={`Only events by ${label(e.actor.keyId)}`}
                      onClick={() => byActor(e.actor.keyId as string)}
                    >
                      {label(e.actor.keyId)}
                    </button>
                  ) : (
                    `Baton (${e.actor.role.toLowerCase()})`
                  )}
                </td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td title={e.targetId}>
                  {e.targetType} {e.targetType === 'apiKey' && e.targetId ? label(e.targetId) : e.targetId}
                </td>
                <td className="bn-audit-change">
                  {e.before !== null && e.before !== undefined ? <div>before: {short(e.before)}</div> : null}
                  {e.after !== null && e.after !== undefined ? <div>after: {short(e.after)}</div> : null}
                </td>
                <td>
                  <code title={e.hash}>{e.hash.slice(0, 10)}…</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="bn-inline" aria-label="Pages">
        <button type="button" onClick={() => setCursors(cursors.slice(0, -1))} disabled={cursors.length === 1}>
          ← Previous page
        </button>
        <span className="bn-hint">Page {cursors.length}</span>
        <button
          type="button"
          onClick={() => page?.pageInfo.endCursor && setCursors([...cursors, page.pageInfo.endCursor])}
          disabled={!page?.pageInfo.hasNextPage}
        >
          Next page →
        </button>
      </nav>
    </main>
  );
}
