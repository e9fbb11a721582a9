import { isFactTest, type ConditionTest } from '@baton/schemas';
import type { GraphFlavour, NodeSpec } from './node-spec';
import { checkFactTest } from './check-fact-test';
import type { Diagnostic } from '../validate/diagnostic';

function checkTest(test: ConditionTest, nodeId: string, flavour: GraphFlavour): Diagnostic[] {
  if (isFactTest(test)) return checkFactTest(test, nodeId, 'This condition', flavour);
  if ('all' in test) return test.all.flatMap((t) => checkTest(t, nodeId, flavour));
  if ('any' in test) return test.any.flatMap((t) => checkTest(t, nodeId, flavour));
  return checkTest(test.not, nodeId, flavour);
}

/** A yes/no test on facts: `true` and `false` outputs. */
export const conditionSpec: NodeSpec<'condition'> = {
  kind: 'condition',
  title: 'Condition',
  outputs: () => ['true', 'false'],
  check: (node, context) => checkTest(node.data.test, node.id, context.flavour),
  defaults: () => ({ test: { fact: 'humanRequested', operator: 'equal', value: true } }),
};
