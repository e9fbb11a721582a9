import { RouteNodeSchema } from '@baton/schemas';
import type { NodeSpec } from './node-spec';
import { DiagnosticCode, error, type Diagnostic } from '../validate/diagnostic';

/**
 * Leaf of a routing graph: an ordered list of targets (queue, optional agent filter, timeout,
 * skip-if-no-agent), tried in turn — the TaskRouter workflow model. With the directory's
 * queue ids in the check context, a target naming any other queue is an error on this node.
 */
export const routeSpec: NodeSpec<'route'> = {
  kind: 'route',
  schema: RouteNodeSchema,
  title: 'Route',
  describe: (node) => `Route to ${node.data.targets.map((t) => t.queue).join(', then ') || 'nowhere'}`,
  outputs: () => [],
  check: (node, context) => {
    const problems: Diagnostic[] = [];
    node.data.targets.forEach((target, i) => {
      const where = `Target ${i + 1} of route "${node.id}"`;
      if (target.queue.trim() === '') problems.push(error(DiagnosticCode.MissingParameter, `${where} needs a queue.`, { nodeId: node.id }));
      else if (context.knownQueues && !context.knownQueues.has(target.queue)) {
        const known = [...context.knownQueues].sort();
        problems.push(
          error(
            DiagnosticCode.UnknownQueue,
            `${where} sends to queue "${target.queue}", which is not in the directory. Create it with upsertQueue or pick one of: ${known.join(', ') || 'none yet'}.`,
            { nodeId: node.id },
          ),
        );
      }
      const skills = (target.agentFilter?.skills ?? []).map((s) => s.skill);
      const repeated = skills.filter((s, k) => skills.indexOf(s) !== k);
      if (repeated.length > 0)
        problems.push(
          error(DiagnosticCode.DuplicateId, `${where} requires skill "${repeated[0]}" twice; keep one requirement per skill.`, { nodeId: node.id }),
        );
    });
    return problems;
  },
};
