/**
 * A routing graph: the TaskRouter-style workflow a policy consults after a HANDOFF or CALLBACK
 * to pick the queue and agent. Same graph model as the escalation tree (start, condition and
 * switch nodes, edges with handles); its leaves are `route` nodes, each an ordered list of
 * targets tried in turn.
 */
import { Type, type Static } from '@sinclair/typebox';
import { PolicyEdgeSchema, PositionSchema, StartNodeSchema, ConditionNodeSchema, SwitchNodeSchema } from './policy-graph';

/** A skill an agent must have, at `minProficiency` (1..10) or better. */
export const SkillRequirementSchema = Type.Object(
  {
    skill: Type.String({ minLength: 1, maxLength: 64 }),
    minProficiency: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
  },
  { additionalProperties: false },
);

/** Narrows the agents of a target queue. Every field is optional; all given must hold. */
export const AgentFilterSchema = Type.Object(
  {
    /** Skills required on top of the queue's own. */
    skills: Type.Optional(Type.Array(SkillRequirementSchema, { maxItems: 20 })),
    /** Only agents speaking the customer's language (the `language` fact). */
    matchCustomerLanguage: Type.Optional(Type.Boolean()),
    /** Only agents with seniority or de-escalation training. */
    senior: Type.Optional(Type.Boolean()),
    /** Only the customer's account owner (`customer.accountOwnerId`). */
    accountOwner: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** One step of a route: a queue, optionally narrowed to some agents. */
export const RouteTargetSchema = Type.Object(
  {
    queue: Type.String({ minLength: 1, maxLength: 100 }),
    agentFilter: Type.Optional(AgentFilterSchema),
    /** Seconds the conversation may wait for this target before the next one is tried. */
    timeoutSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 86_400 })),
    /** Go straight to the next target when no agent of this one is available now. */
    skipIfNoAgentAvailable: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const RouteNodeSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 100 }),
    kind: Type.Literal('route'),
    label: Type.Optional(Type.String({ maxLength: 200 })),
    position: Type.Optional(PositionSchema),
    data: Type.Object({ targets: Type.Array(RouteTargetSchema, { minItems: 1, maxItems: 20 }) }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

export const RoutingNodeSchema = Type.Union([StartNodeSchema, ConditionNodeSchema, SwitchNodeSchema, RouteNodeSchema]);

export const RoutingGraphSchema = Type.Object(
  {
    nodes: Type.Array(RoutingNodeSchema, { maxItems: 2000 }),
    edges: Type.Array(PolicyEdgeSchema, { maxItems: 4000 }),
  },
  // Its own base URI: the condition test's relative $id must not collide with the escalation graph's inside one document schema.
  { additionalProperties: false, $id: 'https://baton.dev/schemas/routing/routing-graph.json' },
);

export type SkillRequirement = Static<typeof SkillRequirementSchema>;
export type AgentFilter = Static<typeof AgentFilterSchema>;
export type RouteTarget = Static<typeof RouteTargetSchema>;
export type RouteNode = Static<typeof RouteNodeSchema>;
export type RoutingNode = Static<typeof RoutingNodeSchema>;
/** A whole routing graph. */
export type RoutingGraph = Static<typeof RoutingGraphSchema>;

/**
 * Facts a routing graph may test on top of every escalation fact (`FACT_CATALOG`): the
 * decision the escalation tree made. Escalation trees cannot test them (they are its output).
 */
export const ROUTING_FACT_CATALOG = {
  action: { type: 'string', description: 'What the escalation tree decided: HANDOFF or CALLBACK.' },
  reasonCode: { type: 'string', description: 'Reason code of the escalation leaf reached, e.g. billing_dispute.' },
  priority: { type: 'string', description: 'Priority of the escalation leaf: LOW, NORMAL, HIGH or URGENT.' },
  tier: { type: 'string', description: 'Support tier of the escalation leaf: AI_RESOLVED, AI_ASSISTED or HUMAN_LED.' },
  queue: { type: 'string', description: 'Queue named on the escalation leaf, e.g. billing.' },
} as const;

/** Name of a decision fact only routing graphs see. */
export type RoutingFactName = keyof typeof ROUTING_FACT_CATALOG;

/** True when `name` is a decision fact of {@link ROUTING_FACT_CATALOG}. */
export function isRoutingFactName(name: string): name is RoutingFactName {
  return Object.prototype.hasOwnProperty.call(ROUTING_FACT_CATALOG, name);
}
