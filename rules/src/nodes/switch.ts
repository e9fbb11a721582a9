import type { NodeSpec } from './node-spec';
import { checkFactTest } from './check-fact-test';
import { DEFAULT_HANDLE } from '../graph/graph-index';

/** One fact, ordered cases (the first that matches wins) and a `default` output. */
export const switchSpec: NodeSpec<'switch'> = {
  kind: 'switch',
  title: 'Switch',
  outputs: (node) => [...node.data.cases.map((c) => c.id), DEFAULT_HANDLE],
  check: (node, context) =>
    node.data.cases.flatMap((c) =>
      checkFactTest({ fact: node.data.fact, path: node.data.path, operator: c.operator, value: c.value }, node.id, `Case "${c.label ?? c.id}"`, context.flavour),
    ),
  defaults: () => ({ fact: 'customerTier', cases: [{ id: 'vip', operator: 'equal', value: 'vip' }] }),
};
