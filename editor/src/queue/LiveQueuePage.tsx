/**
 * The live queue for supervisors and agent desks: every queue's figures (waiting, longest wait,
 * agents online, the wait a new arrival should expect) and the handoffs waiting, pushed by the server over the
 * WebSocket (`queueStatusUpdated`) as handoffs start and move, agents come and go, and waits grow.
 * Nothing is polled: what is on screen is the last status the server sent for each queue.
 */
import { useEffect, useState } from 'react';
import { toApiProblem } from '../api/api-error';
import { useApi } from '../app/api-context';
import { formatSeconds, sortedQueues, totalWaiting, withStatus, type LiveQueueStatus, type LiveQueues } from './live-queue-model';

type Connection = { kind: 'connecting' } | { kind: 'live' } | { kind: 'ended'; message: string };

/** Whole seconds between a handoff's start and the time of the figures it came with (floored, as the server's longest wait). */
const waitedSeconds = (createdAt: string, at: string) => Math.floor((Date.parse(at) - Date.parse(createdAt)) / 1000);

function QueueCard({ status }: { status: LiveQueueStatus }) {
  return (
    <section className="bn-live-queue" aria-label={`Queue ${status.queueName}`}>
      <div className="bn-inline">
        <h2>{status.queueName}</h2>
        <code className="bn-hint">{status.queueId}</code>
        <span className={status.openNow ? 'bn-live-open' : 'bn-live-closed'}>{status.openNow ? 'open' : 'closed'}</span>
      </div>
      <dl className="bn-live-figures">
        <div>
          <dt>Waiting</dt>
          <dd data-figure="waiting">{status.waiting}</dd>
        </div>
        <div>
          <dt>Longest wait</dt>
          <dd data-figure="longest">{status.waiting > 0 ? formatSeconds(status.longestWaitSeconds) : '—'}</dd>
        </div>
        <div>
          <dt>Agents online</dt>
          <dd data-figure="online">{status.agentsOnline}</dd>
        </div>
        <div>
          <dt>Free chat seats</dt>
          <dd data-figure="free" title="Chat conversations the online agents can still take now">
            {status.freeChatSeats}
          </dd>
        </div>
        <div>
          {/* Not the wait of those already in line (each row's Expected says that): a conversation handed off now waits behind them. */}
          <dt>Wait for a new arrival</dt>
          <dd data-figure="estimate" title="What a chat conversation handed off to this queue now should expect to wait, behind those already waiting">
            {!status.openNow ? 'closed now' : status.agentsOnline === 0 ? 'nobody online' : formatSeconds(status.estimatedWaitSeconds)}
          </dd>
        </div>
      </dl>
      {status.handoffs.length === 0 ? (
        <p className="bn-hint">Nobody waiting.</p>
      ) : (
        <table className="bn-table" aria-label={`Waiting in ${status.queueName}`}>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Conversation</th>
              <th scope="col">Channel</th>
              <th scope="col">Waited</th>
              <th scope="col">Expected</th>
              <th scope="col" title="Times it went back to the queue because an assigned agent did not accept in time">
                Requeued
              </th>
            </tr>
          </thead>
          <tbody>
            {status.handoffs.map((h) => (
              <tr key={h.decisionId}>
                <td>{h.position}</td>
                <td>
                  <code>{h.conversationId}</code>
                </td>
                <td>{h.channel.toLowerCase()}</td>
                <td>{formatSeconds(waitedSeconds(h.createdAt, status.at))}</td>
                <td>{formatSeconds(h.estimatedWaitSeconds)}</td>
                <td>{h.requeues > 0 ? `${h.requeues}×` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {status.waiting > status.handoffs.length ? <p className="bn-hint">and {status.waiting - status.handoffs.length} more waiting.</p> : null}
    </section>
  );
}

export function LiveQueuePage({ onBack }: { onBack: () => void }) {
  const { api } = useApi();
  const [queues, setQueues] = useState<LiveQueues>(new Map());
  const [connection, setConnection] = useState<Connection>({ kind: 'connecting' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setConnection({ kind: 'connecting' });
    return api.watchQueueStatus(
      null,
      (status) => {
        setConnection({ kind: 'live' });
        setQueues((current) => withStatus(current, status));
      },
      (error) =>
        setConnection({
          kind: 'ended',
          message: error === null ? 'The server ended the live updates.' : toApiProblem(error).message,
        }),
    );
  }, [api, attempt]);

  const list = sortedQueues(queues);
  const latest = list.reduce<string | null>((max, q) => (max === null || q.at > max ? q.at : max), null);
  return (
    <div className="bn-page bn-admin-page">
      <div className="bn-inline">
        <button type="button" onClick={onBack}>
          ← Policies
        </button>
        <h1>Live queue</h1>
        <span className={`bn-live-state bn-live-${connection.kind}`} role="status">
          {connection.kind === 'live' ? '● Live' : connection.kind === 'connecting' ? 'Connecting…' : 'Disconnected'}
        </span>
      </div>
      <p className="bn-hint">
        Handoffs waiting for an agent, per queue, as they happen: figures change when a handoff starts, is taken or ends, when agents come online or leave, and
        every few seconds as waits grow.
      </p>
      {connection.kind === 'ended' ? (
        <p className="bn-error" role="alert">
          {connection.message}{' '}
          <button type="button" onClick={() => setAttempt((n) => n + 1)}>
            Reconnect
          </button>
        </p>
      ) : null}
      {list.length > 0 ? (
        <p className="bn-hint" aria-label="Summary">
          {totalWaiting(queues)} waiting across {list.length} queue{list.length === 1 ? '' : 's'}
          {latest ? ` · updated ${new Date(latest).toLocaleTimeString()}` : ''}
        </p>
      ) : connection.kind === 'connecting' ? (
        <p role="status">Waiting for the first figures…</p>
      ) : null}
      <div className="bn-live-grid">
        {list.map((status) => (
          <QueueCard key={status.queueId} status={status} />
        ))}
      </div>
    </div>
  );
}
