/** History's activity: every publish, activation, rollback and emergency activation with when, who and the comment, newest first. */
import type { Activity } from './activity';
import { describeActivity } from './activity';

export function ActivityList({ activity, label }: { activity: readonly Activity[] | null; label: (keyId: string | null) => string }) {
  return (
    <section className="bn-activity" aria-label="Activations and rollbacks">
      <h2>Activations and rollbacks</h2>
      {activity === null ? (
        <p role="status">Loading…</p>
      ) : activity.length === 0 ? (
        <p className="bn-hint">Nothing published yet.</p>
      ) : (
        <ol className="bn-activity-list">
          {activity.map((a) => (
            <li key={a.sequence} className={`bn-activity-${a.kind}`}>
              <strong>{describeActivity(a)}</strong> by {label(a.actor)}, {new Date(a.at).toLocaleString()}
              {a.comment ? <> — “{a.comment}”</> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
