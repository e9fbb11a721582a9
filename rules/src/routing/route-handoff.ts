/**
 * Routing step of a decision: the targets (from the policy's routing graph, run on the decision's
 * facts, or the leaf's queue alone) and, with a directory snapshot, the queue, agent and wait
 * they lead to.
 */
import type { CallbackNode, DecideHandoffInput, Facts, HandoffNode } from '@baton/schemas';
import { queueDisplayName } from '../context/customer-message';
import { capacityChannel } from './channel';
import { evaluateRouting, type RouteResult } from './evaluate-routing';
import type { PreparedDirectory } from './prepare-directory';
import { routingFacts } from './routing-facts';
import { runRoutingGraph, type PreparedRouting } from './run-routing-graph';

export interface RouteHandoffRequest {
  /** The policy's routing graph (`PreparedPolicy.routing`); null when it has none. */
  routing: PreparedRouting | null;
  leaf: HandoffNode | CallbackNode;
  facts: Facts;
  input: Pick<DecideHandoffInput, 'channel' | 'customer'>;
  /** Without a directory the decision names the first target's queue and no agent. */
  directory?: PreparedDirectory;
  /** The agent who most recently took a handoff of this customer; null or absent when none. */
  lastAgentId?: string | null;
  now: Date;
  withQualified?: boolean;
}

/**
 * Routes a handoff or callback leaf.
 * @returns the routing result; `closed` true means the decision becomes a CALLBACK
 * @throws EvaluationInvariantError when the routing graph's compiled rules reach no route of it
 */
export async function routeHandoff(request: RouteHandoffRequest): Promise<RouteResult> {
  const { leaf, facts, input, routing } = request;
  const chosen = routing
    ? await runRoutingGraph(
        routing,
        routingFacts(facts, {
          action: leaf.kind === 'handoff' ? 'HANDOFF' : 'CALLBACK',
          reasonCode: leaf.data.reasonCode,
          priority: leaf.data.priority,
          tier: leaf.kind === 'handoff' ? (leaf.data.tier ?? 'HUMAN_LED') : 'HUMAN_LED',
          queue: leaf.data.queue,
        }),
      )
    : null;
  const targets = chosen ? chosen.route.data.targets : [{ queue: leaf.data.queue }];
  const routePath = chosen ? [...chosen.nodeIds] : null;
  if (request.directory) {
    const result = evaluateRouting({
      targets,
      routeNodeId: chosen?.route.id ?? null,
      routeNodeLabel: chosen?.route.label ?? null,
      directory: request.directory,
      channel: capacityChannel(input.channel),
      language: facts.language,
      priority: leaf.data.priority,
      customerId: input.customer.id,
      accountOwnerId: input.customer.accountOwnerId ?? null,
      lastAgentId: request.lastAgentId,
      now: request.now,
      withQualified: request.withQualified,
    });
    return { ...result, target: { ...result.target, routePath } };
  }
  const first = targets[0] ?? { queue: leaf.data.queue };
  return {
    target: {
      queueId: first.queue,
      queueName: queueDisplayName(first.queue),
      agentId: null,
      agentName: null,
      requiredSkills: (first.agentFilter?.skills ?? []).map((s) => s.skill),
      language: facts.language,
      estimatedWaitSeconds: null,
      fallbackUsed: false,
      explanation: [
        chosen
          ? `Route "${chosen.route.label ?? chosen.route.id}" of the routing graph names queue "${first.queue}" first; no directory was given to pick an agent.`
          : `Queue "${leaf.data.queue}" is set on the policy's ${leaf.kind} node "${leaf.label ?? leaf.id}".`,
      ],
      candidates: [],
      nextOpeningAt: null,
      routeNodeId: chosen?.route.id ?? null,
      routePath,
    },
    closed: false,
    ranked: [],
    qualified: [],
    waitSeconds: null,
  };
}
