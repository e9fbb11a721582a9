import { StartNodeSchema } from '@baton/schemas';
import type { NodeSpec } from './node-spec';
import { NEXT_HANDLE } from '../graph/graph-index';

/** The entry of a policy: one output to the first test. */
export const startSpec: NodeSpec<'start'> = {
  kind: 'start',
  schema: StartNodeSchema,
  title: 'Start',
  describe: () => 'Start',
  outputs: () => [NEXT_HANDLE],
  check: () => [],
};
