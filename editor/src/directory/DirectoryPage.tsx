/**
 * The routing directory: queues (languages, skills, business hours, open now, waiting) and
 * agents (skills, languages, capacity per channel, presence, the queues they serve). An ADMIN
 * creates and edits both, sets presence and removes agents; other people read. A filter box
 * narrows the agents (name, skill, language, queue, presence) in a long directory.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { AgentStatus, EditorAgentDetailFragment, EditorQueueDetailFragment } from '../api/generated/operations';
import { problemOf, useApi } from '../app/api-context';
import { usePermissions } from '../app/permissions';
import { AgentEditor } from './AgentEditor';
import { filterAgents } from './agent-filter';
import { QueueEditor } from './QueueEditor';
import { formatSchedule } from './schedule-text';

const STATUSES: readonly AgentStatus[] = ['ONLINE', 'AWAY', 'OFFLINE'];

type Editing = { kind: 'queue'; queue: EditorQueueDetailFragment | null } | { kind: 'agent'; agent: EditorAgentDetailFragment | null } | null;

function hoursText(queue: EditorQueueDetailFragment): string {
  if (!queue.hours) return 'always open';
  const holidays = queue.hours.holidays.length;
  return `${formatSchedule(queue.hours.weekly) || 'never open'} (${queue.hours.timeZone})${holidays > 0 ? `, ${holidays} holiday${holidays === 1 ? '' : 's'}` : ''}`;
}

const counts = (list: ReadonlyArray<{ channel: string; count: number }>) =>
  list.length === 0 ? 'none' : list.map((c) => `${c.channel.toLowerCase()} ${c.count}`).join(', ');

export function DirectoryPage({ onBack }: { onBack: () => void }) {
  const { call } = useApi();
  const permissions = usePermissions();
  const [queues, setQueues] = useState<EditorQueueDetailFragment[] | null>(null);
  const [agents, setAgents] = useState<EditorAgentDetailFragment[] | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const filterId = useId();

  const load = useCallback(() => {
    call((api) => api.directory()).then(
      (d) => {
        setQueues(d.queues);
        setAgents(d.agents);
      },
      (caught: unknown) => setMessage({ kind: 'error', text: problemOf(caught).message }),
    );
  }, [call]);
  useEffect(load, [load]);

  const canQueue = permissions.can('Mutation.upsertQueue');
  const canAgent = permissions.can('Mutation.upsertAgent');
  const canPresence = permissions.can('Mutation.setAgentPresence');
  const canRemove = permissions.can('Mutation.removeAgent');
  const act = (request: Promise<unknown>, done: string) =>
    request.then(
      () => {
        setMessage({ kind: 'info', text: done });
        load();
      },
      (caught: unknown) => setMessage({ kind: 'error', text: problemOf(caught).message }),
    );
  const queueName = (id: string) => queues?.find((q) => q.id === id)?.name ?? id;
  const shownAgents = agents === null ? null : filterAgents(agents, filter, queueName);

  return (
    <div className="bn-page bn-admin-page">
      <div className="bn-inline">
        <button type="button" onClick={onBack}>
          ← Policies
        </button>
        <h1>Directory</h1>
      </div>
      <p className="bn-hint">
        Queues and agents that routing chooses from: a handoff goes to an agent online, with the skills and language the queue asks for and a free seat.
      </p>
      {message ? (
        <p className={message.kind === 'error' ? 'bn-error' : 'bn-hint'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
      <section aria-label="Queues" className="bn-admin-section">
        <div className="bn-inline">
          <h2>Queues</h2>
          {canQueue && editing?.kind !== 'queue' ? (
            <button type="button" onClick={() => setEditing({ kind: 'queue', queue: null })}>
              New queue…
            </button>
          ) : null}
        </div>
        {editing?.kind === 'queue' ? (
          <QueueEditor
            key={editing.queue?.id ?? 'new'}
            queue={editing.queue}
            queueIds={(queues ?? []).map((q) => q.id)}
            onCancel={() => setEditing(null)}
            onSaved={(queue) => {
              setEditing(null);
              setMessage({ kind: 'info', text: `Saved queue “${queue.name}” (${queue.id}).` });
              load();
            }}
          />
        ) : null}
        {queues === null ? (
          <p role="status">Loading…</p>
        ) : (
          <table className="bn-table">
            <thead>
              <tr>
                <th scope="col">Queue</th>
                <th scope="col">Languages</th>
                <th scope="col">Required skills</th>
                <th scope="col">Hours</th>
                <th scope="col">Now</th>
                <th scope="col">Priority</th>
                <th scope="col">Fallback</th>
                {canQueue ? <th scope="col">Actions</th> : null}
              </tr>
            </thead>
            <tbody>
              {queues.map((q) => (
                <tr key={q.id}>
                  <td>
                    {q.name} <code className="bn-hint">{q.id}</code>
                  </td>
                  <td>{q.languages.join(', ') || 'any'}</td>
                  <td>
                    {q.requiredSkills.map((s) => (s.minProficiency && s.minProficiency > 1 ? `${s.skill} ≥ ${s.minProficiency}` : s.skill)).join(', ') || '—'}
                  </td>
                  <td>{hoursText(q)}</td>
                  <td>
                    {q.openNow ? 'open' : `closed${q.nextOpeningAt ? `, opens ${new Date(q.nextOpeningAt).toLocaleString()}` : ''}`}
                    {q.waiting > 0 ? `, ${q.waiting} waiting` : ''}
                  </td>
                  <td>{q.priority}</td>
                  <td>{q.fallbackQueueId ? queueName(q.fallbackQueueId) : '—'}</td>
                  {canQueue ? (
                    <td>
                      <button type="button" onClick={() => setEditing({ kind: 'queue', queue: q })} aria-label={`Edit queue ${q.name}`}>
                        Edit…
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-label="Agents" className="bn-admin-section">
        <div className="bn-inline">
          <h2>Agents</h2>
          {canAgent && editing?.kind !== 'agent' ? (
            <button type="button" onClick={() => setEditing({ kind: 'agent', agent: null })}>
              New agent…
            </button>
          ) : null}
        </div>
        {editing?.kind === 'agent' ? (
          <AgentEditor
            key={editing.agent?.id ?? 'new'}
            agent={editing.agent}
            onCancel={() => setEditing(null)}
            onSaved={(agent) => {
              setEditing(null);
              setMessage({
                kind: 'info',
                text: `Saved agent “${agent.name}”: serves ${agent.queueIds.length > 0 ? agent.queueIds.map(queueName).join(', ') : 'no queue yet (check skills and languages)'}.`,
              });
              load();
            }}
          />
        ) : null}
        <div className="bn-inline bn-agent-filter">
          <label htmlFor={filterId}>Filter agents</label>
          <input
            id={filterId}
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder="name, skill, language, queue or presence"
            aria-describedby={`${filterId}-count`}
          />
          <span id={`${filterId}-count`} className="bn-hint" role="status">
            {agents === null || shownAgents === null
              ? ''
              : filter.trim() === ''
                ? `${agents.length} agent${agents.length === 1 ? '' : 's'}`
                : `${shownAgents.length} of ${agents.length} agents match`}
          </span>
        </div>
        {shownAgents === null ? (
          <p role="status">Loading…</p>
        ) : shownAgents.length === 0 && filter.trim() !== '' ? (
          <p className="bn-hint">No agent matches “{filter.trim()}”.</p>
        ) : (
          <table className="bn-table">
            <thead>
              <tr>
                <th scope="col">Agent</th>
                <th scope="col">Skills</th>
                <th scope="col">Languages</th>
                <th scope="col">Capacity</th>
                <th scope="col">In progress</th>
                <th scope="col">Presence</th>
                <th scope="col">Serves</th>
                {canAgent || canRemove ? <th scope="col">Actions</th> : null}
              </tr>
            </thead>
            <tbody>
              {shownAgents.map((a) => (
                <tr key={a.id}>
                  <td>
                    {a.name} <code className="bn-hint">{a.id}</code>
                    <div className="bn-hint">
                      {a.seniority.toLowerCase()}
                      {a.deescalationTrained ? ', de-escalation' : ''} · {a.timeZone}
                    </div>
                  </td>
                  <td>{a.skills.map((s) => `${s.skill} ${s.proficiency}`).join(', ') || '—'}</td>
                  <td>{a.languages.join(', ') || '—'}</td>
                  <td>{counts(a.capacity)}</td>
                  <td>{counts(a.activeConversations)}</td>
                  <td>
                    {canPresence ? (
                      <select
                        aria-label={`Presence of ${a.name}`}
                        value={a.status}
                        onChange={(e) =>
                          void act(
                            call((api) => api.setAgentPresence(a.id, e.target.value as AgentStatus)),
                            `${a.name} is ${e.target.value.toLowerCase()} now.`,
                          )
                        }
                      >
                        {STATUSES.map((s) => (
                          <option key={s} value={s}>
                            {s.toLowerCase()}
                          </option>
                        ))}
                      </select>
                    ) : (
                      a.status.toLowerCase()
                    )}
                  </td>
                  <td>{a.queueIds.map(queueName).join(', ') || '—'}</td>
                  {canAgent || canRemove ? (
                    <td>
                      {canAgent ? (
                        <button type="button" onClick={() => setEditing({ kind: 'agent', agent: a })} aria-label={`Edit agent ${a.name}`}>
                          Edit…
                        </button>
                      ) : null}
                      {canRemove ? (
                        removing === a.id ? (
                          <span className="bn-inline" role="group" aria-label={`Confirm removing ${a.name}`}>
                            <button
                              type="button"
                              className="bn-danger"
                              onClick={() => {
                                setRemoving(null);
                                void act(
                                  call((api) => api.removeAgent(a.id)),
                                  `Removed ${a.name}.`,
                                );
                              }}
                            >
                              Yes, remove
                            </button>
                            <button type="button" onClick={() => setRemoving(null)}>
                              Keep
                            </button>
                          </span>
                        ) : (
                          <button type="button" onClick={() => setRemoving(a.id)} aria-label={`Remove agent ${a.name}`}>
                            Remove…
                          </button>
                        )
                      ) : null}
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
