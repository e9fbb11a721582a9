/** The start node: where every conversation enters a graph, one per graph, with one unnamed output. */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { NodeFrame } from '../canvas/node-frame';
import { LabelField, type NodeFormProps } from '../inspector/node-form';
import type { EditorNodeSpec, FlowNodeOf, NodeOf } from './node-spec';

function StartNodeView({ data, selected }: NodeProps<FlowNodeOf<'start'>>) {
  return <NodeFrame spec={startSpec} node={data.node} selected={selected} />;
}

function StartForm({ node, onChange }: NodeFormProps<NodeOf<'start'>>) {
  return (
    <>
      <LabelField node={node} onChange={onChange} />
      <p className="bn-hint">Every conversation enters the policy here. Connect it to the first test.</p>
    </>
  );
}

export const startSpec: EditorNodeSpec<'start'> = {
  kind: 'start',
  title: 'Start',
  hint: 'Where every conversation enters (one per policy)',
  colour: '#475569',
  fill: '#ffffff',
  targets: ['escalation', 'routing'],
  input: false,
  create: (id, position) => ({ id, kind: 'start', label: 'Start', position, data: {} }),
  describe: () => 'Every conversation starts here',
  outputs: () => [{ handle: null }],
  queues: () => [],
  Renderer: memo(StartNodeView),
  Form: StartForm,
};
