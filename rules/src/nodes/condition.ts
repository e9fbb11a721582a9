import { isFactTest, type ConditionTest } from '@baton/schemas';
import type { NodeSpec } from './node-spec';
import { checkFactTest } from './check-fact-test';
import type { Diagnostic } from '../validate/diagnostic';

function checkTest(test: ConditionTest, nodeId: string): Diagnostic[] {
  if (isFactTest(test)) return checkFactTest(test, nodeId);
  if ('all' in test) return test.all.flatMap((t) => checkTest(t, nodeId));
  if ('any' in test) return test.any.flatMap((t) => checkTest(t, nodeId));
  return checkTest(test.not, nodeId);
}

/** A yes/no test on facts: `true` and `false` outputs. */
export const conditionSpec: NodeSpec<'condition'> = {
  kind: 'condition',
  title: 'Condition',
  outputs: () => ['true', 'false'],
  check: (node) => checkTest(node.data.test, node.id),
  defaults: () => ({ test: { fact: 'humanRequested', operator: 'equal', value: true } }),
};
