/** The stay leaf: the AI keeps the conversation (reason code, optional keep-warm note). */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { StayNode } from '@baton/schemas';
import { LeafChips, NodeFrame } from '../canvas/node-frame';
import { TextField, reasonCodeProblem } from '../inspector/fields';
import { LabelField, type NodeFormProps } from '../inspector/node-form';
import type { EditorNodeSpec, FlowNodeOf } from './node-spec';
import { fieldsOf, unfilledData } from './unfilled';

function StayNodeView({ data, selected }: NodeProps<FlowNodeOf<'stay'>>) {
  return (
    <NodeFrame spec={staySpec} node={data.node} selected={selected}>
      <LeafChips reasonCode={fieldsOf(data.node.data).reasonCode} />
    </NodeFrame>
  );
}

function StayForm({ node, onChange }: NodeFormProps<StayNode>) {
  const set = (patch: Partial<StayNode['data']>, field: string) => onChange({ ...node, data: { ...node.data, ...patch } }, field);
  return (
    <>
      <LabelField node={node} onChange={onChange} />
      <TextField
        label="Reason code"
        value={fieldsOf(node.data).reasonCode ?? ''}
        placeholder="e.g. ai_resolving"
        validate={reasonCodeProblem}
        onCommit={(reasonCode) => set({ reasonCode }, 'reasonCode')}
      />
      <TextField label="Description" multiline value={node.data.description ?? ''} onCommit={(description) => set({ description }, 'description')} />
      <TextField
        label="Keep-warm note"
        hint="Optional: what the bot should keep in mind while it stays."
        multiline
        value={node.data.keepWarm ?? ''}
        onCommit={(keepWarm) => set({ keepWarm }, 'keepWarm')}
      />
    </>
  );
}

export const staySpec: EditorNodeSpec<'stay'> = {
  kind: 'stay',
  title: 'Stay',
  hint: 'Leaf: the AI keeps the conversation',
  colour: '#15803d',
  fill: '#f0fdf4',
  targets: ['escalation'],
  input: true,
  create: (id, position) => ({ id, kind: 'stay', label: 'Stay with the AI', position, data: unfilledData() }),
  describe: () => 'Stay with the AI',
  outputs: () => [],
  queues: () => [],
  Renderer: memo(StayNodeView),
  Form: StayForm,
};
