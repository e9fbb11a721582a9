/**
 * Publishing: what will change against the active version, whether validation passes, and a
 * required comment. A draft with errors cannot be sent; unsaved work is saved first.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { ApiDiagnostic } from '../api/api-error';
import type { PolicyDetail } from '../api/types';
import type { DraftDocument } from '../graph/draft-document';
import { diffGraphs } from '../graph/graph-diff';

export interface PublishDialogProps {
  policy: PolicyDetail;
  document: DraftDocument;
  diagnostics: readonly ApiDiagnostic[];
  validationPending: boolean;
  dirty: boolean;
  onPublish: (comment: string) => Promise<void>;
  onClose: () => void;
}

export function PublishDialog({ policy, document, diagnostics, validationPending, dirty, onPublish, onClose }: PublishDialogProps) {
  const commentId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const errors = diagnostics.filter((d) => d.severity === 'ERROR');
  const warnings = diagnostics.filter((d) => d.severity === 'WARNING');
  const active = policy.activeVersion;
  const marks = active ? diffGraphs(active.graph, document.graph) : null;
  const count = (mark: string) => (marks ? [...marks.values()].filter((m) => m === mark).length : 0);
  const settingsChanged = active ? JSON.stringify(active.settings) !== JSON.stringify(document.settings) : false;
  const canPublish = errors.length === 0 && !validationPending && comment.trim() !== '' && !busy;
  return (
    <dialog ref={dialog} className="bn-dialog" aria-labelledby={`${commentId}-title`} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!canPublish) return;
          setBusy(true);
          setError(null);
          try {
            await onPublish(comment.trim());
          } catch (caught) {
            setError(caught instanceof Error ? caught.message : String(caught));
            setBusy(false);
          }
        }}
      >
        <h2 id={`${commentId}-title`}>Publish “{policy.name}”</h2>
        <section>
          <h3>Changes</h3>
          {active ? (
            <p>
              Against active version {active.version}: {count('added')} node(s) added, {count('removed')} removed, {count('changed')} changed
              {settingsChanged ? '; trigger settings changed' : '; trigger settings unchanged'}.
            </p>
          ) : (
            <p>This policy has no published version yet: this will be version 1.</p>
          )}
          {dirty ? <p className="bn-hint">Your unsaved changes are saved first.</p> : null}
        </section>
        <section>
          <h3>Validation</h3>
          {validationPending ? (
            <p role="status">Checking…</p>
          ) : errors.length > 0 ? (
            <>
              <p className="bn-error">Fix these errors first (Problems tab):</p>
              <ul>
                {errors.map((d, i) => (
                  <li key={i}>{d.message}</li>
                ))}
              </ul>
            </>
          ) : (
            <p role="status">No errors{warnings.length > 0 ? `; ${warnings.length} warning(s) — publishing is allowed` : ''}.</p>
          )}
        </section>
        <div className="bn-field">
          <label htmlFor={commentId}>Comment (required): what changes and why</label>
          <textarea id={commentId} rows={3} maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} required />
        </div>
        {error ? (
          <p className="bn-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="bn-inline bn-dialog-actions">
          <button type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="bn-primary" disabled={!canPublish}>
            {busy ? 'Publishing…' : dirty ? 'Save and publish' : 'Publish'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
