/** Sign-in: the API key, checked against the server before it is kept (session storage only). */
import { useId, useState } from 'react';

export interface SignInProps {
  /** Checks the key; resolves to an error message, or null when accepted. */
  onSubmit: (key: string) => Promise<string | null>;
  /** Why sign-in is asked again (a refused key while working). */
  reason?: string | null;
}

export function SignIn({ onSubmit, reason }: SignInProps) {
  const id = useId();
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="bn-signin"
      aria-label="Sign in"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(await onSubmit(key.trim()));
        setBusy(false);
      }}
    >
      <h1>Baton policy editor</h1>
      {reason ? (
        <p className="bn-notice bn-notice-error" role="alert">
          {reason}
        </p>
      ) : null}
      <label htmlFor={id}>API key</label>
      <input
        id={id}
        type="password"
        autoComplete="off"
        value={key}
        onChange={(e) => setKey(e.target.value)}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error ${id}-hint` : `${id}-hint`}
        autoFocus
      />
      <p className="bn-hint" id={`${id}-hint`}>
        The key Baton printed on first start, or one an admin created for you. It is kept only in this browser tab.
      </p>
      {error ? (
        <p className="bn-error" role="alert" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <button type="submit" className="bn-primary" disabled={busy || key.trim() === ''}>
        {busy ? 'Checking…' : 'Sign in'}
      </button>
    </form>
  );
}
