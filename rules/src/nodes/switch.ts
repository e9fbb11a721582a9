import { OPERATOR_SYMBOLS, SwitchNodeSchema, type SwitchNode } from '@baton/schemas';
import type { Branch, NodeSpec } from './node-spec';
import { checkFactTest } from './check-fact-test';
import { caseName, firstMatchStep } from '../compiler/engine-conditions';
import { subject } from '../graph/describe-test';
import { DEFAULT_HANDLE } from '../graph/graph-index';

/** Each case tests the switch's fact. */
const caseBranches = (node: SwitchNode): Branch[] =>
  node.data.cases.map((c) => ({
    handle: c.id,
    test: { fact: node.data.fact, path: node.data.path, operator: c.operator, value: c.value },
    condition: caseName(node.id, c.id),
  }));

/** One fact, ordered cases (the first that matches wins) and a `default` output. */
export const switchSpec: NodeSpec<'switch'> = {
  kind: 'switch',
  schema: SwitchNodeSchema,
  title: 'Switch',
  describe: (node) =>
    `${subject(node.data.fact, node.data.path)}: ${node.data.cases.map((c) => `${c.label ?? c.id} (${OPERATOR_SYMBOLS[c.operator]} ${JSON.stringify(c.value)})`).join(', ')}, otherwise default`,
  outputs: (node) => [...node.data.cases.map((c) => c.id), DEFAULT_HANDLE],
  check: (node, context) =>
    node.data.cases.flatMap((c) =>
      checkFactTest(
        { fact: node.data.fact, path: node.data.path, operator: c.operator, value: c.value },
        node.id,
        `Case "${c.label ?? c.id}"`,
        context.flavour,
      ),
    ),
  branching: {
    branches: caseBranches,
    otherwise: DEFAULT_HANDLE,
    outputsFromData: true,
    step: (node, handle) => firstMatchStep(caseBranches(node), handle),
  },
};
