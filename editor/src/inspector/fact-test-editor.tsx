/**
 * One fact test: a fact picker listing every known fact with its type and description, the
 * operators valid for that type, a path for object facts, and a value editor for the type.
 */
import { useId } from 'react';
import { OPERATORS_BY_FACT_TYPE, OPERATOR_SYMBOLS, type FactTest, type Operator } from '@baton/schemas';
import { factSpecOf, useFactChoices } from './fact-choices';
import { Field, TextField, jsonPathProblem } from './fields';
import { ValueEditor, defaultValueFor } from './value-editor';

/** The test after picking another fact: the first operator its type allows and a default value. */
export function withFact(test: FactTest, fact: string, topics: readonly string[]): FactTest {
  const spec = factSpecOf(fact);
  if (!spec) return { ...test, fact };
  const operators = OPERATORS_BY_FACT_TYPE[spec.type];
  const operator = operators.includes(test.operator) ? test.operator : (operators[0] as Operator);
  const next: FactTest = { fact, operator, value: defaultValueFor(spec, operator, topics) };
  if (spec.type === 'object') next.path = test.path ?? '$.';
  return next;
}

export function FactTestEditor({ test, topics, onChange }: { test: FactTest; topics: readonly string[]; onChange: (test: FactTest) => void }) {
  const factId = useId();
  const operatorId = useId();
  const spec = factSpecOf(test.fact);
  const choices = useFactChoices();
  const operators = spec ? OPERATORS_BY_FACT_TYPE[spec.type] : [test.operator];
  return (
    <div className="bn-fact-test">
      <Field
        label="Fact"
        id={factId}
        hint={spec ? `${spec.type}${spec.unit ? `, ${spec.unit}` : ''}: ${spec.description}` : `Unknown fact "${test.fact}"; pick one from the list.`}
      >
        <select id={factId} value={test.fact} onChange={(e) => onChange(withFact(test, e.target.value, topics))}>
          {spec ? null : <option value={test.fact}>{test.fact} (unknown)</option>}
          {choices.map((c) => (
            <option key={c.name} value={c.name} title={c.spec.description}>
              {c.phrase} — {c.name} ({c.spec.type})
            </option>
          ))}
        </select>
      </Field>
      {spec?.type === 'object' ? (
        <TextField
          label="Path"
          hint="A JSONPath into the object, e.g. $.plan"
          value={test.path ?? ''}
          validate={jsonPathProblem}
          onCommit={(path) => onChange({ ...test, path })}
        />
      ) : null}
      <Field label="Operator" id={operatorId}>
        <select
          id={operatorId}
          value={test.operator}
          onChange={(e) => {
            const operator = e.target.value as Operator;
            const listChange = (operator === 'in' || operator === 'notIn') !== Array.isArray(test.value);
            onChange({ ...test, operator, value: listChange ? defaultValueFor(spec, operator, topics) : test.value });
          }}
        >
          {operators.map((op) => (
            <option key={op} value={op}>
              {OPERATOR_SYMBOLS[op]} ({op})
            </option>
          ))}
        </select>
      </Field>
      <ValueEditor
        spec={spec}
        fact={test.fact}
        operator={test.operator}
        value={test.value}
        topics={topics}
        onCommit={(value) => onChange({ ...test, value })}
      />
    </div>
  );
}
