/**
 * A queue picker: a text box suggesting the directory's queues (and those the graph already
 * uses). Free text stays allowed for a queue not yet in the directory, with a warning, because
 * ops may draw before an admin creates the queue (validation then reports it as a problem).
 */
import { TextField } from './fields';
import type { NodeFormContext } from './node-form';

const QUEUE_ID = /^[A-Za-z0-9_.-]{1,100}$/;

/** Why `queue` cannot be a queue id (null when it can). */
export function queueProblem(queue: string): string | null {
  return QUEUE_ID.test(queue) ? null : 'Name a queue: letters, digits, _ . - (e.g. billing).';
}

/** The warning for a queue the directory does not know (null when it does, or the directory is unknown). */
export function queueWarning(queue: string, directoryQueues: readonly string[] | null | undefined): string | null {
  if (queue === '' || !directoryQueues || directoryQueues.includes(queue)) return null;
  return `⚠ “${queue}” is not in the directory yet: an admin must create it (upsertQueue) before this can be published.`;
}

export function QueueField({
  context,
  value,
  listId,
  label = 'Queue',
  onCommit,
}: {
  context: NodeFormContext;
  value: string;
  listId: string;
  label?: string;
  onCommit: (queue: string) => void;
}) {
  const warning = queueWarning(value, context.directoryQueues);
  const known = context.directoryQueues ?? context.queues;
  return (
    <>
      <TextField
        label={label}
        list={listId}
        hint={warning ?? `${value === '' ? 'Required: choose a queue. ' : ''}${known.length > 0 ? `Directory queues: ${known.join(', ')}` : ''}`.trim()}
        placeholder={value === '' ? 'e.g. general' : undefined}
        value={value}
        validate={queueProblem}
        onCommit={onCommit}
      />
      <datalist id={listId}>
        {context.queues.map((q) => (
          <option key={q} value={q} />
        ))}
      </datalist>
    </>
  );
}
