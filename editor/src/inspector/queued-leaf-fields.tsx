/** The fields a leaf that sends the conversation to a queue shares (handoff and callback). */
import { PRIORITIES, TRIGGER_CATEGORIES, type CallbackNode, type HandoffNode } from '@baton/schemas';
import type { CanvasNode } from '../graph/canvas-graph';
import { SelectField, TextField, reasonCodeProblem } from './fields';
import type { NodeFormProps } from './node-form';
import { QueueField } from './queue-field';
import { fieldsOf } from '../nodes/unfilled';

/** Reason code, trigger category, description, queue and priority of a handoff or callback leaf. */
export function QueuedLeafFields<N extends HandoffNode | CallbackNode>({ node, context, onChange }: NodeFormProps<N>) {
  const set = (patch: Partial<N['data']>, field: string) => onChange({ ...node, data: { ...node.data, ...patch } } as CanvasNode, field);
  const listId = `queues-${node.id}`;
  const data = fieldsOf(node.data);
  return (
    <>
      <TextField
        label="Reason code"
        value={data.reasonCode ?? ''}
        placeholder="e.g. billing_dispute"
        validate={reasonCodeProblem}
        onCommit={(reasonCode) => set({ reasonCode } as Partial<N['data']>, 'reasonCode')}
      />
      <SelectField
        label="Trigger category"
        value={data.category}
        options={TRIGGER_CATEGORIES.map((c) => ({ value: c, label: c.toLowerCase().replace('_', ' ') }))}
        onCommit={(category) => set({ category } as Partial<N['data']>, 'category')}
      />
      <TextField
        label="Description (for the human agent)"
        multiline
        value={node.data.description ?? ''}
        onCommit={(description) => set({ description } as Partial<N['data']>, 'description')}
      />
      <QueueField context={context} value={data.queue ?? ''} listId={listId} onCommit={(queue) => set({ queue } as Partial<N['data']>, 'queue')} />
      <SelectField
        label="Priority"
        value={data.priority}
        options={PRIORITIES.map((p) => ({ value: p, label: p.toLowerCase() }))}
        onCommit={(priority) => set({ priority } as Partial<N['data']>, 'priority')}
      />
    </>
  );
}
