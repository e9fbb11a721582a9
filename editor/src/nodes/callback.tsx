/** The callback leaf: offer a scheduled callback from a queue (used when the target is closed). */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { CallbackNode } from '@baton/schemas';
import { LeafChips, NodeFrame } from '../canvas/node-frame';
import { MessageTemplatesEditor } from '../inspector/message-templates-editor';
import { LabelField, type NodeFormProps } from '../inspector/node-form';
import { QueuedLeafFields } from '../inspector/queued-leaf-fields';
import type { EditorNodeSpec, FlowNodeOf } from './node-spec';

function CallbackNodeView({ data, selected }: NodeProps<FlowNodeOf<'callback'>>) {
  return (
    <NodeFrame spec={callbackSpec} node={data.node} selected={selected}>
      <LeafChips reasonCode={data.node.data.reasonCode} priority={data.node.data.priority} />
    </NodeFrame>
  );
}

function CallbackForm(props: NodeFormProps<CallbackNode>) {
  const { node, onChange } = props;
  return (
    <>
      <LabelField node={node} onChange={onChange} />
      <QueuedLeafFields {...props} />
      <MessageTemplatesEditor templates={node.data.message ?? {}} onChange={(message) => onChange({ ...node, data: { ...node.data, message } }, 'message')} />
    </>
  );
}

export const callbackSpec: EditorNodeSpec<'callback'> = {
  kind: 'callback',
  title: 'Callback',
  hint: 'Leaf: offer a scheduled callback',
  colour: '#d97706',
  fill: '#fffbeb',
  targets: ['escalation'],
  input: true,
  create: (id, position) => ({
    id,
    kind: 'callback',
    label: 'Offer a callback',
    position,
    data: { reasonCode: 'callback_offered', category: 'BUSINESS', queue: 'general', priority: 'NORMAL' },
  }),
  describe: (node) => `Callback from ${node.data.queue} · ${node.data.priority}`,
  outputs: () => [],
  queues: (node) => [node.data.queue],
  Renderer: memo(CallbackNodeView),
  Form: CallbackForm,
};
