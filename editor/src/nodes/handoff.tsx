/** The handoff leaf: send the conversation to a human queue, with reason, priority, tier and message. */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { SUPPORT_TIERS, type HandoffNode } from '@baton/schemas';
import { LeafChips, NodeFrame } from '../canvas/node-frame';
import { SelectField } from '../inspector/fields';
import { MessageTemplatesEditor } from '../inspector/message-templates-editor';
import { LabelField, type NodeFormProps } from '../inspector/node-form';
import { QueuedLeafFields } from '../inspector/queued-leaf-fields';
import type { EditorNodeSpec, FlowNodeOf } from './node-spec';
import { NOT_CHOSEN, fieldsOf, queueWords, unfilledData } from './unfilled';

function HandoffNodeView({ data, selected }: NodeProps<FlowNodeOf<'handoff'>>) {
  return (
    <NodeFrame spec={handoffSpec} node={data.node} selected={selected}>
      <LeafChips reasonCode={fieldsOf(data.node.data).reasonCode} priority={fieldsOf(data.node.data).priority} />
    </NodeFrame>
  );
}

function HandoffForm(props: NodeFormProps<HandoffNode>) {
  const { node, onChange } = props;
  return (
    <>
      <LabelField node={node} onChange={onChange} />
      <QueuedLeafFields {...props} />
      <SelectField
        label="Support tier"
        value={node.data.tier ?? 'HUMAN_LED'}
        options={SUPPORT_TIERS.map((t) => ({ value: t, label: t.toLowerCase().replace('_', ' ') }))}
        onCommit={(tier) => onChange({ ...node, data: { ...node.data, tier } }, 'tier')}
      />
      <MessageTemplatesEditor templates={node.data.message ?? {}} onChange={(message) => onChange({ ...node, data: { ...node.data, message } }, 'message')} />
    </>
  );
}

export const handoffSpec: EditorNodeSpec<'handoff'> = {
  kind: 'handoff',
  title: 'Hand off',
  hint: 'Leaf: send to a human queue',
  colour: '#dc2626',
  fill: '#fef2f2',
  targets: ['escalation'],
  input: true,
  create: (id, position) => ({ id, kind: 'handoff', label: 'Hand off', position, data: unfilledData() }),
  describe: (node, names) => `Hand off to ${queueWords(fieldsOf(node.data).queue, names)} · ${fieldsOf(node.data).priority ?? `(priority ${NOT_CHOSEN})`}`,
  outputs: () => [],
  queues: (node) => (fieldsOf(node.data).queue ? [node.data.queue] : []),
  Renderer: memo(HandoffNodeView),
  Form: HandoffForm,
};
