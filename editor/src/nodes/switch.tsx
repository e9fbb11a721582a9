/** The switch node: one fact, ordered cases (`operator value`), and a `default` output. */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { OPERATORS_BY_FACT_TYPE, OPERATOR_SYMBOLS, type Operator, type SwitchNode } from '@baton/schemas';
import { NodeFrame } from '../canvas/node-frame';
import { describeComparison, factPhrase } from '../graph/node-words';
import { factSpecOf, useFactChoices } from '../inspector/fact-choices';
import { SelectField, TextField, requiredProblem } from '../inspector/fields';
import { LabelField, type NodeFormProps } from '../inspector/node-form';
import { ValueEditor, defaultValueFor } from '../inspector/value-editor';
import type { EditorNodeSpec, FlowNodeOf } from './node-spec';

/** Up to this many cases, the node lists each with the value it compares against; more stay on the outputs only. */
const SHOWN_CASES = 3;

// The fact, then (for a few cases) each case with the value it compares against, in output order.
function SwitchNodeView({ data, selected }: NodeProps<FlowNodeOf<'switch'>>) {
  const { fact, cases } = data.node.data;
  const body = (
    <>
      <div className="bn-node-words">{switchSpec.describe(data.node)}</div>
      {cases.length <= SHOWN_CASES ? (
        <ul className="bn-cases">
          {cases.map((c) => (
            <li key={c.id}>
              {c.label ?? c.id}: <strong className="bn-compare">{describeComparison(fact, c.operator, c.value)}</strong>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
  return <NodeFrame spec={switchSpec} node={data.node} selected={selected} body={body} />;
}

function SwitchForm({ node, context, onChange }: NodeFormProps<SwitchNode>) {
  const spec = factSpecOf(node.data.fact);
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
          const data: SwitchNode['data'] = {
            fact,
            cases: node.data.cases.map((c) => ({ ...c, operator: op, value: defaultValueFor(nextSpec, op, context.topics) })),
          };
          if (nextSpec.type === 'object') data.path = node.data.path ?? '$.';
          onChange({ ...node, data }, 'fact');
        }}
      />
      {spec?.type === 'object' ? (
        <TextField
          label="Path"
          value={node.data.path ?? ''}
          validate={requiredProblem}
          onCommit={(path) => onChange({ ...node, data: { ...node.data, path } }, 'path')}
        />
      ) : null}
      {node.data.cases.map((c, i) => (
        <fieldset key={c.id} className="bn-case">
          <legend>Case {i + 1}</legend>
          <TextField
            label="Case name"
            value={c.label ?? c.id}
            validate={requiredProblem}
            onCommit={(label) =>
              setCases(
                node.data.cases.map((x, j) => (j === i ? { ...x, label } : x)),
                `case-label-${c.id}`,
              )
            }
          />
          <SelectField
            label="Operator"
            value={c.operator}
            options={operators.map((op) => ({ value: op, label: `${OPERATOR_SYMBOLS[op]} (${op})` }))}
            onCommit={(operator) =>
              setCases(
                node.data.cases.map((x, j) => (j === i ? { ...x, operator, value: defaultValueFor(spec, operator, context.topics) } : x)),
                `case-op-${c.id}`,
              )
            }
          />
          <ValueEditor
            spec={spec}
            fact={node.data.fact}
            operator={c.operator}
            value={c.value}
            topics={context.topics}
            onCommit={(value) =>
              setCases(
                node.data.cases.map((x, j) => (j === i ? { ...x, value } : x)),
                `case-value-${c.id}`,
              )
            }
          />
          <button
            type="button"
            className="bn-link"
            onClick={() =>
              setCases(
                node.data.cases.filter((_, j) => j !== i),
                'cases',
              )
            }
          >
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

export const switchSpec: EditorNodeSpec<'switch'> = {
  kind: 'switch',
  title: 'Switch',
  hint: 'One fact, ordered cases and a default',
  colour: '#7c3aed',
  fill: '#ffffff',
  targets: ['escalation', 'routing'],
  input: true,
  create: (id, position) => ({
    id,
    kind: 'switch',
    label: 'New switch',
    position,
    data: { fact: 'customerTier', cases: [{ id: 'case_1', label: 'VIP', operator: 'equal', value: 'vip' }] },
  }),
  describe: (node) => `by ${factPhrase(node.data.fact, node.data.path)}`,
  outputs: (node) => [...node.data.cases.map((c) => ({ handle: c.id, label: c.label ?? c.id })), { handle: 'default' }],
  queues: () => [],
  Renderer: memo(SwitchNodeView),
  Form: SwitchForm,
};
