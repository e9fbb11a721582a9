/** The callback leaf: offer a scheduled callback from a queue (used when the target is closed). */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { CallbackNode } from '@baton/schemas';
import { LeafChips, NodeFrame } from '../canvas/node-frame';
import { MessageTemplatesEditor } from '../inspector/message-templates-editor';
import { LabelField, type NodeFormProps } from '../inspector/node-form';
import { QueuedLeafFields } from '../inspector/queued-leaf-fields';
import type { EditorNodeSpec, FlowNodeOf } from './node-spec';
import { NOT_CHOSEN, fieldsOf, queueWords, unfilledData } from './unfilled';

function CallbackNodeView({ data, selected }: NodeProps<FlowNodeOf<'callback'>>) {
  return (
    <NodeFrame spec={callbackSpec} node={data.node} selected={selected}>
      <LeafChips reasonCode={fieldsOf(data.node.data).reasonCode} priority={fieldsOf(data.node.data).priority} />
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
  create: (id, position) => ({ id, kind: 'callback', label: 'Offer a callback', position, data: unfilledData() }),
  describe: (node, names) => `Callback from ${queueWords(fieldsOf(node.data).queue, names)} · ${fieldsOf(node.data).priority ?? `(priority ${NOT_CHOSEN})`}`,
  outputs: () => [],
  queues: (node) => (fieldsOf(node.data).queue ? [node.data.queue] : []),
  Renderer: memo(CallbackNodeView),
  Form: CallbackForm,
};
