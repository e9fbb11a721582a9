/** The policies: open one, or create a new, empty one (just a start node) to draw from scratch. */
import { useEffect, useId, useState } from 'react';
import type { PolicySummary } from '../api/types';
import { problemOf, useApi } from '../app/api-context';
import { usePermissions } from '../app/permissions';
import { useKeyNames } from '../keys/key-names';

const EMPTY_GRAPH = { nodes: [{ id: 'start', kind: 'start' as const, label: 'Start', position: { x: 0, y: 0 }, data: {} }], edges: [] };

export function PolicyList({ onOpen }: { onOpen: (id: string) => void }) {
  const { call } = useApi();
  const permissions = usePermissions();
  const nameId = useId();
  const [policies, setPolicies] = useState<PolicySummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const keyName = useKeyNames((policies ?? []).map((p) => p.draft.updatedBy));
  const load = () =>
    call((api) => api.policies()).then(
      (list) => {
        setPolicies(list);
        setError(null);
      },
      (caught: unknown) => setError(problemOf(caught).message),
    );
  useEffect(() => {
    void load();
    // Loads once on mount; Retry calls load again.
  }, []);
  return (
    <main className="bn-page bn-policy-list">
      <h1>Policies</h1>
      {error ? (
        <p className="bn-error" role="alert">
          {error}{' '}
          <button type="button" onClick={() => void load()}>
            Retry
          </button>
        </p>
      ) : null}
      {policies === null && !error ? <p>Loading…</p> : null}
      {policies ? (
        <table>
          <thead>
            <tr>
              <th scope="col">Policy</th>
              <th scope="col">Active version</th>
              <th scope="col">Draft</th>
              <th scope="col">
                <span className="bn-visually-hidden">Open</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {policies.map((p) => (
              <tr key={p.id}>
                <td>
                  <strong>{p.name}</strong> <span className="bn-node-id">{p.id}</span> {p.isDefault ? <span className="bn-chip">default</span> : null}
                </td>
                <td>{p.activeVersion ? `v${p.activeVersion.version}, ${new Date(p.activeVersion.publishedAt).toLocaleString()}` : 'not published'}</td>
                <td>
                  revision {p.draft.revision}
                  {p.draft.updatedBy ? ` by ${keyName(p.draft.updatedBy)}` : ''}
                </td>
                <td>
                  <button type="button" onClick={() => onOpen(p.id)} aria-label={`Open ${p.name}`}>
                    Open
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {permissions.can('Mutation.createPolicy') ? (
        <form
          className="bn-new-policy"
          onSubmit={async (e) => {
            e.preventDefault();
            try {
              const id = await call((api) => api.createPolicy({ name: name.trim(), graph: EMPTY_GRAPH }));
              onOpen(id);
            } catch (caught) {
              setError(problemOf(caught).message);
            }
          }}
        >
          <h2>New policy</h2>
          <label htmlFor={nameId}>Name</label>
          <input id={nameId} type="text" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} placeholder="Support EU" />
          <button type="submit" disabled={name.trim() === ''}>
            Create and open
          </button>
          <p className="bn-hint">Starts from a start node and the reference trigger settings.</p>
        </form>
      ) : null}
    </main>
  );
}
