/**
 * API keys: an ADMIN creates a key with a name and a role and sees its secret once (the server
 * stores only a hash), and revokes keys; an AUDITOR reads the list. Refusals of the API are
 * shown on the field they name (`extensions.field`), tied to it with `aria-describedby`.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { FieldProblem } from '../api/api-error';
import type { EditorApiKeyFragment } from '../api/generated/operations';
import type { Role } from '../api/types';
import { problemOf, useApi } from '../app/api-context';
import { usePermissions } from '../app/permissions';
import { ROLE_CHOICES } from './key-roles';
import { useKeyNames } from './key-names';
import { SecretOnce } from './SecretOnce';

const NAME_MAX = 100;

/** The API's name rule, checked before sending so the field says it at once. */
export function keyNameProblem(name: string): string | null {
  const text = name.trim();
  if (text === '') return 'Give the key a name, e.g. “zendesk bot (prod)” or “Ana, publisher”.';
  if (text.length > NAME_MAX) return `The name has ${text.length} characters; the limit is ${NAME_MAX}.`;
  return null;
}

const when = (at: string | null) => (at ? new Date(at).toLocaleString() : '—');

export function KeysPage({ onBack }: { onBack: () => void }) {
  const { call } = useApi();
  const permissions = usePermissions();
  const id = useId();
  const [keys, setKeys] = useState<EditorApiKeyFragment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('EDITOR');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ key: EditorApiKeyFragment; secret: string } | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const label = useKeyNames((keys ?? []).map((k) => k.createdBy));

  const load = useCallback(() => {
    call((api) => api.apiKeys()).then(setKeys, (caught: unknown) => setError(problemOf(caught).message));
  }, [call]);
  useEffect(load, [load]);

  const canCreate = permissions.can('Mutation.createApiKey');
  const canRevoke = permissions.can('Mutation.revokeApiKey');
  const create = async () => {
    const problem = keyNameProblem(name);
    if (problem) {
      setFieldErrors({ name: problem });
      return;
    }
    setBusy(true);
    setFieldErrors({});
    setError(null);
    try {
      const answer = await call((api) => api.createApiKey(name.trim(), role));
      setCreated(answer);
      setName('');
      setMessage(null);
      load();
    } catch (caught) {
      const problem = problemOf(caught);
      const fields: FieldProblem[] = problem.kind === 'badInput' ? problem.fields : [];
      if (fields.length > 0) setFieldErrors(Object.fromEntries(fields.map((f) => [f.field, f.message])));
      else setError(problem.message);
    } finally {
      setBusy(false);
    }
  };
  const revoke = async (key: EditorApiKeyFragment) => {
    setError(null);
    try {
      await call((api) => api.revokeApiKey(key.id));
      setRevoking(null);
      setMessage(`Revoked “${key.name}”: it stops working at once.`);
      load();
    } catch (caught) {
      setRevoking(null);
      setError(problemOf(caught).message);
    }
  };

  const nameError = fieldErrors.name;
  const roleError = fieldErrors.role;
  return (
    <div className="bn-page bn-admin-page">
      <div className="bn-inline">
        <button type="button" onClick={onBack}>
          ← Policies
        </button>
        <h1>API keys</h1>
      </div>
      <p className="bn-hint">
        Every person and system signs in with a key of its own, so the audit log and History say who did what. A key's secret is shown once, when it is created;
        Baton keeps only a hash.
      </p>
      {created ? <SecretOnce name={created.key.name} role={created.key.role} secret={created.secret} onDone={() => setCreated(null)} /> : null}
      {canCreate ? (
        <form
          className="bn-admin-form"
          aria-label="Create an API key"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <h2>Create a key</h2>
          <div className="bn-row">
            <div className="bn-field">
              <label htmlFor={`${id}-name`}>Name (who or what uses it)</label>
              <input
                id={`${id}-name`}
                value={name}
                maxLength={NAME_MAX + 20}
                placeholder="Ana Souza, publisher"
                aria-invalid={nameError ? true : undefined}
                aria-describedby={nameError ? `${id}-name-error` : undefined}
                onChange={(e) => setName(e.target.value)}
              />
              {nameError ? (
                <p className="bn-error" id={`${id}-name-error`}>
                  {nameError}
                </p>
              ) : null}
            </div>
            <div className="bn-field">
              <label htmlFor={`${id}-role`}>Role</label>
              <select
                id={`${id}-role`}
                value={role}
                aria-invalid={roleError ? true : undefined}
                aria-describedby={`${id}-role-help${roleError ? ` ${id}-role-error` : ''}`}
                onChange={(e) => setRole(e.target.value as Role)}
              >
                {ROLE_CHOICES.map((choice) => (
                  <option key={choice.role} value={choice.role}>
                    {choice.label}
                  </option>
                ))}
              </select>
              <p className="bn-hint" id={`${id}-role-help`}>
                {ROLE_CHOICES.find((c) => c.role === role)?.description}
              </p>
              {roleError ? (
                <p className="bn-error" id={`${id}-role-error`}>
                  {roleError}
                </p>
              ) : null}
            </div>
          </div>
          <button type="submit" className="bn-primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create key'}
          </button>
        </form>
      ) : (
        <p className="bn-hint">Only an admin key creates and revokes keys.</p>
      )}
      {error ? (
        <p className="bn-error" role="alert">
          {error}
        </p>
      ) : null}
      {message ? (
        <p className="bn-hint" role="status">
          {message}
        </p>
      ) : null}
      <section aria-label="Keys">
        <h2>Keys</h2>
        {keys === null ? (
          <p role="status">Loading…</p>
        ) : (
          <table className="bn-table bn-keys-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Key id</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
                {canRevoke ? <th scope="col">Actions</th> : null}
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <tr key={key.id} className={key.active ? '' : 'bn-revoked-row'}>
                  <td>{key.name}</td>
                  <td>{key.role.toLowerCase()}</td>
                  <td>
                    <code>{key.id}</code>
                  </td>
                  <td>
                    {when(key.createdAt)}
                    <div className="bn-hint">by {label(key.createdBy)}</div>
                  </td>
                  <td>{key.lastUsedAt ? when(key.lastUsedAt) : 'never'}</td>
                  <td>{key.active ? <span className="bn-chip bn-active-chip">active</span> : `revoked ${when(key.revokedAt)}`}</td>
                  {canRevoke ? (
                    <td>
                      {!key.active ? null : revoking === key.id ? (
                        <span className="bn-inline" role="group" aria-label={`Confirm revoking ${key.name}`}>
                          <span>Revoke at once?</span>
                          <button type="button" className="bn-danger" onClick={() => void revoke(key)}>
                            Yes, revoke
                          </button>
                          <button type="button" onClick={() => setRevoking(null)}>
                            Keep
                          </button>
                        </span>
                      ) : (
                        <button type="button" onClick={() => setRevoking(key.id)} aria-label={`Revoke ${key.name}`}>
                          Revoke…
                        </button>
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
