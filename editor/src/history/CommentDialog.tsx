/** A modal asking for a required comment or reason before a governance action (rollback, rejection). */
import { useEffect, useId, useRef, useState } from 'react';
import { problemOf } from '../app/api-context';

export interface CommentDialogProps {
  title: string;
  label: string;
  confirm: string;
  intro?: string;
  /** The confirm button in the danger colour: the action bypasses a safeguard. */
  danger?: boolean;
  onConfirm: (comment: string) => Promise<void>;
  onClose: () => void;
}

export function CommentDialog({ title, label, confirm, intro, danger = false, onConfirm, onClose }: CommentDialogProps) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="bn-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={async (e) => {
          e.preventDefault();
          if (text.trim() === '') return;
          setBusy(true);
          setError(null);
          try {
            await onConfirm(text.trim());
          } catch (caught) {
            setError(problemOf(caught).message);
            setBusy(false);
          }
        }}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        {intro ? <p>{intro}</p> : null}
        <div className="bn-field">
          <label htmlFor={id}>{label}</label>
          <textarea
            id={id}
            rows={3}
            maxLength={1000}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-describedby={error ? `${id}-error` : undefined}
            required
          />
        </div>
        {error ? (
          <p className="bn-error" role="alert" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
        <div className="bn-inline bn-dialog-actions">
          <button type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="submit" className={danger ? 'bn-danger' : 'bn-primary'} disabled={busy || text.trim() === ''}>
            {busy ? 'Working…' : confirm}
          </button>
        </div>
      </form>
    </dialog>
  );
}
