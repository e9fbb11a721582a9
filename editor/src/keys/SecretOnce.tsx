/** A new key's secret, shown once: copy it now, then confirm; it is gone from the screen afterwards. */
import { useEffect, useId, useRef, useState } from 'react';

export function SecretOnce({ name, role, secret, onDone }: { name: string; role: string; secret: string; onDone: () => void }) {
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);
  return (
    <section className="bn-secret-once" role="region" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        Key “{name}” ({role.toLowerCase()}) created
      </h2>
      <p>
        <strong>Copy the secret now: it is shown only this once.</strong> Baton stores only its hash, so a lost secret means a new key.
      </p>
      <div className="bn-inline">
        <label htmlFor={`${id}-secret`}>Secret</label>
        <input id={`${id}-secret`} ref={field} readOnly value={secret} className="bn-secret" onFocus={(e) => e.target.select()} />
        <button
          type="button"
          onClick={() =>
            navigator.clipboard.writeText(secret).then(
              () => setCopied('Copied.'),
              () => setCopied('The browser refused the clipboard: select the secret and copy it.'),
            )
          }
        >
          Copy
        </button>
      </div>
      {copied ? (
        <p className="bn-hint" role="status">
          {copied}
        </p>
      ) : null}
      <button type="button" className="bn-primary" onClick={onDone}>
        I have stored it
      </button>
    </section>
  );
}
