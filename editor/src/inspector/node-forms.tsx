/**
 * The inspector form of each node kind, in a registry keyed by kind (a new kind fails the type
 * check until it has a form). Forms commit valid values only; each field's edits coalesce into
 * one undo step.
 */
import type { ComponentType } from 'react';
import {
  OPERATORS_BY_FACT_TYPE,
  OPERATOR_SYMBOLS,
  PRIORITIES,
  SUPPORT_TIERS,
  TRIGGER_CATEGORIES,
  type CallbackNode,
  type ConditionNode,
  type HandoffNode,
  type Operator,
  type StayNode,
  type SwitchNode,
} from '@baton/schemas';
import type { CanvasNode, CanvasNodeKind } from '../graph/canvas-graph';
import { factSpecOf, useFactChoices } from './fact-choices';
import { ConditionTestEditor } from './condition-test-editor';
import { specOf } from './fact-test-editor';
import { SelectField, TextField, reasonCodeProblem, requiredProblem } from './fields';
import { MessageTemplatesEditor } from './message-templates-editor';
import { QueueField } from './queue-field';
import { RouteForm } from './route-form';
import { defaultValueFor, ValueEditor } from './value-editor';

export interface NodeFormContext {
  /** Topic names the policy's lexicons define. */
  topics: readonly string[];
  /** Queue ids to offer (the directory's when known, else those the graph uses). */
  queues: readonly string[];
  /** The directory's queue ids; null when unknown (then no queue is warned about). */
  directoryQueues?: readonly string[] | null;
}

export interface NodeFormProps<N extends CanvasNode> {
  node: N;
  context: NodeFormContext;
  /** Commits the node; edits with the same `field` coalesce into one undo step. */
  onChange: (node: CanvasNode, field: string) => void;
}


function LabelField<N extends CanvasNode>({ node, onChange }: Pick<NodeFormProps<N>, 'node' | 'onChange'>) {
  return <TextField label="Name on the canvas" value={node.label ?? ''} onCommit={(label) => onChange({ ...node, label }, 'label')} />;
}

function StartForm({ node, onChange }: NodeFormProps<Extract<CanvasNode, { kind: 'start' }>>) {
  return (
    <>
      <LabelField node={node} onChange={onChange} />
      <p className="bn-hint">Every conversation enters the policy here. Connect it to the first test.</p>
    </>
  );
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

function SwitchForm({ node, context, onChange }: NodeFormProps<SwitchNode>) {
  const spec = specOf(node.data.fact);
  const choices = useFactChoices();
  const operators: readonly Operator[] = spec ? OPERATORS_BY_FACT_TYPE[spec.type] : ['equal'];
  const setCases = (cases: SwitchNode['data']['cases'], field: string) => onChange({ ...node, data: { ...node.data, cases } }, field);
  const caseIds = new Set(node.data.cases.map((c) => c.id));
  return (
    <>
      <LabelField node={node} onChange={onChange} />
      <SelectField
        label="Fact"
        value={node.data.fact}
        hint={spec?.description}
        options={choices.map((c) => ({ value: c.name, label: `${c.phrase} — ${c.name} (${c.spec.type})` }))}
        onCommit={(fact) => {
          const nextSpec = factSpecOf(fact);
          if (!nextSpec) return;
          const op = OPERATORS_BY_FACT_TYPE[nextSpec.type][0] as Operator;
          const data: SwitchNode['data'] = { fact, cases: node.data.cases.map((c) => ({ ...c, operator: op, value: defaultValueFor(nextSpec, op, context.topics) })) };
          if (nextSpec.type === 'object') data.path = node.data.path ?? '$.';
          onChange({ ...node, data }, 'fact');
        }}
      />
      {spec?.type === 'object' ? (
        <TextField label="Path" value={node.data.path ?? ''} validate={requiredProblem} onCommit={(path) => onChange({ ...node, data: { ...node.data, path } }, 'path')} />
      ) : null}
      {node.data.cases.map((c, i) => (
        <fieldset key={c.id} className="bn-case">
          <legend>Case {i + 1}</legend>
          <TextField
            label="Case name"
            value={c.label ?? c.id}
            validate={requiredProblem}
            onCommit={(label) => setCases(node.data.cases.map((x, j) => (j === i ? { ...x, label } : x)), `case-label-${c.id}`)}
          />
          <SelectField
            label="Operator"
            value={c.operator}
            options={operators.map((op) => ({ value: op, label: `${OPERATOR_SYMBOLS[op]} (${op})` }))}
            onCommit={(operator) => setCases(node.data.cases.map((x, j) => (j === i ? { ...x, operator, value: defaultValueFor(spec, operator, context.topics) } : x)), `case-op-${c.id}`)}
          />
          <ValueEditor
            spec={spec}
            fact={node.data.fact}
            operator={c.operator}
            value={c.value}
            topics={context.topics}
            onCommit={(value) => setCases(node.data.cases.map((x, j) => (j === i ? { ...x, value } : x)), `case-value-${c.id}`)}
          />
          <button type="button" className="bn-link" onClick={() => setCases(node.data.cases.filter((_, j) => j !== i), 'cases')}>
            Remove case {i + 1}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() => {
          let n = node.data.cases.length + 1;
          while (caseIds.has(`case_${n}`)) n++;
          const operator = operators[0] as Operator;
          setCases([...node.data.cases, { id: `case_${n}`, label: `Case ${n}`, operator, value: defaultValueFor(spec, operator, context.topics) }], 'cases');
        }}
      >
        Add a case
      </button>
      <p className="bn-hint">Cases are tried in order; the default output takes everything else.</p>
    </>
  );
}

function QueuedLeafFields<N extends HandoffNode | CallbackNode>({ node, context, onChange }: NodeFormProps<N>) {
  const set = (patch: Partial<N['data']>, field: string) => onChange({ ...node, data: { ...node.data, ...patch } } as CanvasNode, field);
  const listId = `queues-${node.id}`;
  return (
    <>
      <TextField label="Reason code" value={node.data.reasonCode} validate={reasonCodeProblem} onCommit={(reasonCode) => set({ reasonCode } as Partial<N['data']>, 'reasonCode')} />
      <SelectField
        label="Trigger category"
        value={node.data.category}
        options={TRIGGER_CATEGORIES.map((c) => ({ value: c, label: c.toLowerCase().replace('_', ' ') }))}
        onCommit={(category) => set({ category } as Partial<N['data']>, 'category')}
      />
      <TextField label="Description (for the human agent)" multiline value={node.data.description ?? ''} onCommit={(description) => set({ description } as Partial<N['data']>, 'description')} />
      <QueueField context={context} value={node.data.queue} listId={listId} onCommit={(queue) => set({ queue } as Partial<N['data']>, 'queue')} />
      <SelectField
        label="Priority"
        value={node.data.priority}
        options={PRIORITIES.map((p) => ({ value: p, label: p.toLowerCase() }))}
        onCommit={(priority) => set({ priority } as Partial<N['data']>, 'priority')}
      />
    </>
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

function StayForm({ node, onChange }: NodeFormProps<StayNode>) {
  const set = (patch: Partial<StayNode['data']>, field: string) => onChange({ ...node, data: { ...node.data, ...patch } }, field);
  return (
    <>
      <LabelField node={node} onChange={onChange} />
      <TextField label="Reason code" value={node.data.reasonCode} validate={reasonCodeProblem} onCommit={(reasonCode) => set({ reasonCode }, 'reasonCode')} />
      <TextField label="Description" multiline value={node.data.description ?? ''} onCommit={(description) => set({ description }, 'description')} />
      <TextField label="Keep-warm note" hint="Optional: what the bot should keep in mind while it stays." multiline value={node.data.keepWarm ?? ''} onCommit={(keepWarm) => set({ keepWarm }, 'keepWarm')} />
    </>
  );
}

/** The form for each node kind. */
export const NODE_FORMS: { [K in CanvasNodeKind]: ComponentType<NodeFormProps<Extract<CanvasNode, { kind: K }>>> } = {
  start: StartForm,
  condition: ConditionForm,
  switch: SwitchForm,
  handoff: HandoffForm,
  stay: StayForm,
  callback: CallbackForm,
  route: RouteForm,
};
