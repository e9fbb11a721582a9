/**
 * The policy graph the editor draws and the store keeps: nodes of seven kinds joined by edges
 * whose `sourceHandle` names the output taken (`true` / `false`, a switch case id, a decision
 * table row id, `default`).
 * JSON Schema and TypeScript type come from the same TypeBox definitions.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { PRIORITIES, SUPPORT_TIERS, TRIGGER_CATEGORIES } from '../decision/enums';
import { ConditionTestSchema, ConditionValueSchema } from './condition-test';
import { OPERATORS } from '../facts/operators';
import { stringEnum } from './string-enum';

export const NODE_KINDS = ['start', 'condition', 'switch', 'decisionTable', 'handoff', 'stay', 'callback'] as const;
/** Kind of a policy graph node. */
export type NodeKind = (typeof NODE_KINDS)[number];

/** Canvas position in pixels; stored so the editor shows the graph as drawn. */
export const PositionSchema = Type.Object({ x: Type.Number(), y: Type.Number() }, { additionalProperties: false });

const nodeOf = <K extends NodeKind, D extends TSchema>(kind: K, data: D) =>
  Type.Object(
    {
      id: Type.String({ minLength: 1, maxLength: 100 }),
      kind: Type.Literal(kind),
      label: Type.Optional(Type.String({ maxLength: 200 })),
      position: Type.Optional(PositionSchema),
      data,
    },
    { additionalProperties: false },
  );

const ReasonCode = Type.String({ pattern: '^[a-z][a-z0-9_]*$', maxLength: 64 });

/** A customer message template per language code, e.g. `{ en: "...", es: "..." }`. */
export const MessageTemplatesSchema = Type.Record(Type.String({ pattern: '^[a-z]{2}$' }), Type.String({ maxLength: 2000 }));

export const StartNodeSchema = nodeOf('start', Type.Object({}, { additionalProperties: false }));
export const ConditionNodeSchema = nodeOf('condition', Type.Object({ test: ConditionTestSchema }, { additionalProperties: false }));
export const SwitchCaseSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 100 }),
    label: Type.Optional(Type.String({ maxLength: 200 })),
    operator: stringEnum(OPERATORS),
    value: ConditionValueSchema,
  },
  { additionalProperties: false },
);
export const SwitchNodeSchema = nodeOf(
  'switch',
  Type.Object(
    {
      fact: Type.String({ minLength: 1 }),
      path: Type.Optional(Type.String({ pattern: '^\\$' })),
      cases: Type.Array(SwitchCaseSchema),
    },
    { additionalProperties: false },
  ),
);
/** A column of a decision table: the fact (and JSONPath into it) its cells compare. */
export const DecisionTableColumnSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 100 }),
    label: Type.Optional(Type.String({ maxLength: 200 })),
    fact: Type.String({ minLength: 1 }),
    path: Type.Optional(Type.String({ pattern: '^\\$' })),
  },
  { additionalProperties: false },
);
/** One cell: its column's fact `operator` `value`. */
export const DecisionTableCellSchema = Type.Object({ operator: stringEnum(OPERATORS), value: ConditionValueSchema }, { additionalProperties: false });
/** A row: cells by column id, every one must hold; a column without a cell matches anything. The row id is its output. */
export const DecisionTableRowSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 100 }),
    label: Type.Optional(Type.String({ maxLength: 200 })),
    cells: Type.Record(Type.String({ minLength: 1, maxLength: 100 }), DecisionTableCellSchema),
  },
  { additionalProperties: false },
);
/** Rows of conditions over several facts (GoRules' decision table, first-hit policy): the first row whose cells all hold picks its output, `default` when none does. */
export const DecisionTableNodeSchema = nodeOf(
  'decisionTable',
  Type.Object(
    {
      columns: Type.Array(DecisionTableColumnSchema, { minItems: 1, maxItems: 20 }),
      rows: Type.Array(DecisionTableRowSchema, { maxItems: 200 }),
    },
    { additionalProperties: false },
  ),
);
/** What a leaf that sends the conversation to a queue carries (handoff and callback). */
const queuedLeafFields = {
  reasonCode: ReasonCode,
  category: stringEnum(TRIGGER_CATEGORIES),
  description: Type.Optional(Type.String({ maxLength: 500 })),
  queue: Type.String({ minLength: 1, maxLength: 100 }),
  priority: stringEnum(PRIORITIES),
  message: Type.Optional(MessageTemplatesSchema),
};

export const HandoffNodeSchema = nodeOf(
  'handoff',
  Type.Object({ ...queuedLeafFields, tier: Type.Optional(stringEnum(SUPPORT_TIERS)) }, { additionalProperties: false }),
);
export const StayNodeSchema = nodeOf(
  'stay',
  Type.Object(
    {
      reasonCode: ReasonCode,
      description: Type.Optional(Type.String({ maxLength: 500 })),
      keepWarm: Type.Optional(Type.String({ maxLength: 500 })),
    },
    { additionalProperties: false },
  ),
);
export const CallbackNodeSchema = nodeOf('callback', Type.Object(queuedLeafFields, { additionalProperties: false }));

export const PolicyNodeSchema = Type.Union([
  StartNodeSchema,
  ConditionNodeSchema,
  SwitchNodeSchema,
  DecisionTableNodeSchema,
  HandoffNodeSchema,
  StayNodeSchema,
  CallbackNodeSchema,
]);

export const PolicyEdgeSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 200 }),
    source: Type.String({ minLength: 1 }),
    target: Type.String({ minLength: 1 }),
    sourceHandle: Type.Optional(Type.String({ minLength: 1 })),
  },
  { additionalProperties: false },
);

export const PolicyGraphSchema = Type.Object(
  {
    nodes: Type.Array(PolicyNodeSchema, { maxItems: 2000 }),
    edges: Type.Array(PolicyEdgeSchema, { maxItems: 4000 }),
  },
  { additionalProperties: false, $id: 'https://baton.dev/schemas/policy-graph.json' },
);

export type StartNode = Static<typeof StartNodeSchema>;
export type ConditionNode = Static<typeof ConditionNodeSchema>;
export type SwitchCase = Static<typeof SwitchCaseSchema>;
export type SwitchNode = Static<typeof SwitchNodeSchema>;
export type DecisionTableColumn = Static<typeof DecisionTableColumnSchema>;
export type DecisionTableCell = Static<typeof DecisionTableCellSchema>;
export type DecisionTableRow = Static<typeof DecisionTableRowSchema>;
export type DecisionTableNode = Static<typeof DecisionTableNodeSchema>;
export type HandoffNode = Static<typeof HandoffNodeSchema>;
export type StayNode = Static<typeof StayNodeSchema>;
export type CallbackNode = Static<typeof CallbackNodeSchema>;
/** Any node of a policy graph, discriminated by `kind`. */
export type PolicyNode = Static<typeof PolicyNodeSchema>;
/** A leaf: the node that ends a path with a decision. */
export type LeafNode = HandoffNode | StayNode | CallbackNode;
/** A directed edge; `sourceHandle` is `true`/`false` on conditions, a case or row id or `default` on switches and decision tables. */
export type PolicyEdge = Static<typeof PolicyEdgeSchema>;
/** A whole policy graph. */
export type PolicyGraph = Static<typeof PolicyGraphSchema>;
export type MessageTemplates = Static<typeof MessageTemplatesSchema>;

/** True for the node kinds that end a path. */
export function isLeaf(node: PolicyNode): node is LeafNode {
  return node.kind === 'handoff' || node.kind === 'stay' || node.kind === 'callback';
}
