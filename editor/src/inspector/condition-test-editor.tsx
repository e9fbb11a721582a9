/**
 * A condition's test, at any depth: a single fact test, "all of" / "any of" a list of tests, or
 * "not" a test. Each level says what it is and can be turned into another shape.
 */
import { useId } from 'react';
import { isFactTest, type ConditionTest, type FactTest } from '@baton/schemas';
import { Field } from './fields';
import { FactTestEditor } from './fact-test-editor';

type Shape = 'single' | 'all' | 'any' | 'not';

const NEW_TEST: FactTest = { fact: 'humanRequested', operator: 'equal', value: true };

function shapeOf(test: ConditionTest): Shape {
  if (isFactTest(test)) return 'single';
  if ('all' in test) return 'all';
  if ('any' in test) return 'any';
  return 'not';
}

function childrenOf(test: ConditionTest): ConditionTest[] {
  if (isFactTest(test)) return [test];
  if ('all' in test) return test.all;
  if ('any' in test) return test.any;
  return [test.not];
}

/** `test` reshaped, keeping its tests: a group keeps its children, a single test keeps the first one. */
export function reshape(test: ConditionTest, shape: Shape): ConditionTest {
  const children = childrenOf(test);
  const first = children[0] ?? NEW_TEST;
  switch (shape) {
    case 'single': {
      let inner: ConditionTest = first;
      while (!isFactTest(inner)) inner = childrenOf(inner)[0] ?? NEW_TEST;
      return inner;
    }
    case 'all':
      return { all: children.length > 0 ? children : [NEW_TEST] };
    case 'any':
      return { any: children.length > 0 ? children : [NEW_TEST] };
    case 'not':
      return { not: test };
  }
}

function withChildren(test: ConditionTest, children: ConditionTest[]): ConditionTest {
  if ('all' in test) return { all: children };
  if ('any' in test) return { any: children };
  return { not: children[0] ?? NEW_TEST };
}

export function ConditionTestEditor({
  test,
  topics,
  onChange,
  depth = 0,
}: {
  test: ConditionTest;
  topics: readonly string[];
  onChange: (test: ConditionTest) => void;
  depth?: number;
}) {
  const id = useId();
  const shape = shapeOf(test);
  const children = childrenOf(test);
  return (
    <fieldset className="bn-test" data-depth={depth}>
      <legend>{depth === 0 ? 'Test' : `Test (level ${depth + 1})`}</legend>
      <Field label="Shape" id={id}>
        <select id={id} value={shape} onChange={(e) => onChange(reshape(test, e.target.value as Shape))}>
          <option value="single">a single fact test</option>
          <option value="all">all of these (and)</option>
          <option value="any">any of these (or)</option>
          <option value="not">not (negate)</option>
        </select>
      </Field>
      {isFactTest(test) ? (
        <FactTestEditor test={test} topics={topics} onChange={onChange} />
      ) : (
        <>
          {children.map((child, i) => (
            <div className="bn-test-child" key={i}>
              <ConditionTestEditor
                test={child}
                topics={topics}
                depth={depth + 1}
                onChange={(next) =>
                  onChange(
                    withChildren(
                      test,
                      children.map((c, j) => (j === i ? next : c)),
                    ),
                  )
                }
              />
              {shape !== 'not' && children.length > 1 ? (
                <button
                  type="button"
                  className="bn-link"
                  onClick={() =>
                    onChange(
                      withChildren(
                        test,
                        children.filter((_, j) => j !== i),
                      ),
                    )
                  }
                >
                  Remove this test
                </button>
              ) : null}
            </div>
          ))}
          {shape !== 'not' ? (
            <button type="button" onClick={() => onChange(withChildren(test, [...children, NEW_TEST]))}>
              Add a test
            </button>
          ) : null}
        </>
      )}
    </fieldset>
  );
}
