/** The condition node: a test on facts (or a group of tests) with a `true` and a `false` output. */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { ConditionNode } from '@baton/schemas';
import { useCanvasOverlay } from '../canvas/canvas-overlay';
import { NodeFrame } from '../canvas/node-frame';
import { TestWords } from '../canvas/test-words';
import { describeTest } from '../graph/node-words';
import { ConditionTestEditor } from '../inspector/condition-test-editor';
import { LabelField, type NodeFormProps } from '../inspector/node-form';
import type { EditorNodeSpec, FlowNodeOf } from './node-spec';

// The test with its compared values in bold and what the thresholds make its facts count.
function ConditionNodeView({ data, selected }: NodeProps<FlowNodeOf<'condition'>>) {
  const { thresholds } = useCanvasOverlay();
  return <NodeFrame spec={conditionSpec} node={data.node} selected={selected} body={<TestWords test={data.node.data.test} thresholds={thresholds} />} />;
}

function ConditionForm({ node, context, onChange }: NodeFormProps<ConditionNode>) {
  return (
    <>
      <LabelField node={node} onChange={onChange} />
      <ConditionTestEditor test={node.data.test} topics={context.topics} onChange={(test) => onChange({ ...node, data: { test } }, 'test')} />
      <p className="bn-hint">Two outputs: true when the test holds, false otherwise. The first branch that holds, in drawing order, wins.</p>
    </>
  );
}

export const conditionSpec: EditorNodeSpec<'condition'> = {
  kind: 'condition',
  title: 'Condition',
  hint: 'A test on a fact: true / false outputs',
  colour: '#2563eb',
  fill: '#ffffff',
  targets: ['escalation', 'routing'],
  input: true,
  create: (id, position) => ({
    id,
    kind: 'condition',
    label: 'New condition',
    position,
    data: { test: { fact: 'humanRequested', operator: 'equal', value: true } },
  }),
  describe: (node) => describeTest(node.data.test),
  outputs: () => [{ handle: 'true' }, { handle: 'false' }],
  queues: () => [],
  Renderer: memo(ConditionNodeView),
  Form: ConditionForm,
};
