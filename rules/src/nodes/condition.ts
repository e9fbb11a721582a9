import { ConditionNodeSchema, isFactTest, type ConditionTest } from '@baton/schemas';
import { conditionName } from '../compiler/engine-conditions';
import { describeTest } from '../graph/describe-test';
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
  schema: ConditionNodeSchema,
  title: 'Condition',
  describe: (node) => describeTest(node.data.test),
  outputs: () => ['true', 'false'],
  check: (node, context) => checkTest(node.data.test, node.id, context.flavour),
  branching: {
    branches: (node) => [{ handle: 'true', test: node.data.test, condition: conditionName(node.id) }],
    otherwise: 'false',
    outputsFromData: false,
    // A bare reference: trigger collection reads a `true` step's own result.
    step: (node, handle) => (handle === 'true' ? { condition: conditionName(node.id) } : { not: { condition: conditionName(node.id) } }),
  },
};
