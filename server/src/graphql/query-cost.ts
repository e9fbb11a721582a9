/**
 * The cost of one GraphQL operation, computed before it runs from the document, the schema and
 * the request's variables (so `decisions(first: $n)` costs what `$n` asks for):
 *
 * - every field costs 1, and the fields in `FIELD_WEIGHTS` what is written there: decisions,
 *   replays and test runs evaluate rules, `verifyAuditLog` walks the whole chain, and the stored
 *   documents (a logged decision's input and facts, a version's graph, settings and compiled
 *   rules, a dataset row, a backtest report) are read and sent whole;
 * - a field with a `first` argument multiplies the cost of everything under it by the page size
 *   asked for (its SDL default when omitted, `UNBOUNDED_PAGE` when it has none); the list of a
 *   page (`nodes`) then counts once;
 * - any other list of objects multiplies what is under it by `LIST_ESTIMATE`;
 * - introspection (`__schema`, `__type`) and `__typename` cost nothing here: introspection has
 *   its own switch (`BATON_INTROSPECTION`).
 *
 * Cost bounds the work an operation can ask for; `BATON_MAX_QUERY_COST` is the ceiling.
 */
import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/** Fields that cost more than reading a record, `Type.field` → cost of the field itself. */
export const FIELD_WEIGHTS: Readonly<Record<string, number>> = {
  'Query.decideHandoff': 100,
  'Query.testPolicyDraft': 100,
  'Query.replayDecision': 100,
  'Query.validatePolicyGraph': 20,
  'Query.policyDiff': 20,
  'Query.runPolicyTests': 500,
  'Query.verifyAuditLog': 500,
  'Query.handoffKpis': 100,
  'Query.handoffSuggestions': 100,
  'Mutation.publishPolicy': 100,
  'Mutation.approveChangeRequest': 100,
  'Mutation.startBacktest': 100,
  'Mutation.importDataset': 100,
  // Stored documents, sent whole: a conversation as logged (up to BATON_MAX_BODY_BYTES), its facts, a policy's graph (tens of KB).
  'LoggedDecision.input': 50,
  'LoggedDecision.facts': 10,
  'PolicyVersion.graph': 10,
  'PolicyVersion.settings': 10,
  'PolicyVersion.routing': 10,
  'PolicyVersion.compiledRules': 10,
  'PolicyDraft.graph': 10,
  'PolicyDraft.settings': 10,
  'PolicyDraft.routing': 10,
  'DatasetRow.input': 10,
  'BacktestReport.json': 50,
};
/** What a list of objects without a `first` argument is assumed to hold. */
export const LIST_ESTIMATE = 10;
/** Page size assumed for a `first` argument left out with no SDL default (the services cap these at 100 to 500). */
export const UNBOUNDED_PAGE = 100;

export interface CostInput {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables?: Record<string, unknown> | null;
}

/**
 * Costs of operations that read no variable, by parsed operation: Apollo keeps each document it
 * parsed, so a bot sending the same query every turn has it costed once.
 */
const fixedCosts = new WeakMap<OperationDefinitionNode, { schema: GraphQLSchema; cost: number }>();

/** The cost of `operation` (see the file comment). Stops counting once it passes `ceiling`. */
export function operationCost(input: CostInput, ceiling = Number.POSITIVE_INFINITY): number {
  const known = fixedCosts.get(input.operation);
  if (known?.schema === input.schema) return known.cost;
  const { cost, readVariables } = walkCost(input, ceiling);
  // A cost cut short at the ceiling is a lower bound, right for this ceiling only.
  if (!readVariables && cost <= ceiling) fixedCosts.set(input.operation, { schema: input.schema, cost });
  return cost;
}

function walkCost({ schema, document, operation, variables }: CostInput, ceiling: number): { cost: number; readVariables: boolean } {
  let readVariables = false;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const variableDefaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) variableDefaults.set(definition.variable.name.value, definition.defaultValue);
  }

  const intOf = (node: ValueNode | undefined): number | undefined => {
    if (!node) return undefined;
    if (node.kind === Kind.INT) return Number(node.value);
    if (node.kind === Kind.VARIABLE) {
      readVariables = true;
      const given = variables?.[node.name.value];
      if (typeof given === 'number') return given;
      if (given === undefined) return intOf(variableDefaults.get(node.name.value));
    }
    return undefined;
  };

  const pageSize = (field: GraphQLField<unknown, unknown>, argument: ValueNode | undefined): number => {
    const asked = intOf(argument);
    if (asked !== undefined && Number.isFinite(asked)) return Math.max(1, Math.trunc(asked));
    const fallback = field.args.find((arg) => arg.name === 'first')?.defaultValue;
    return typeof fallback === 'number' ? fallback : UNBOUNDED_PAGE;
  };

  // A fragment's cost, computed once per page context: fragments spreading fragments twice over
  // would otherwise cost 2^n walks (validation has already refused cycles).
  const fragmentCosts = new Map<string, number>();

  const costOf = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, paged: boolean): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (total > ceiling) return total;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total += costOf(selection.selectionSet, (type as GraphQLCompositeType | undefined) ?? parent, paged);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment) continue;
        const key = `${fragment.name.value}:${paged}`;
        let cost = fragmentCosts.get(key);
        if (cost === undefined) {
          fragmentCosts.set(key, 0);
          const type = schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType | undefined;
          cost = costOf(fragment.selectionSet, type ?? parent, paged);
          fragmentCosts.set(key, cost);
        }
        total += cost;
        continue;
      }
      const name = selection.name.value;
      if (name.startsWith('__')) continue;
      const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
      if (!field) continue;
      const own = FIELD_WEIGHTS[`${parent.name}.${name}`] ?? 1;
      if (!selection.selectionSet) {
        total += own;
        continue;
      }
      const hasFirst = field.args.some((arg) => arg.name === 'first');
      const firstArgument = selection.arguments?.find((arg) => arg.name.value === 'first')?.value;
      const multiplier = hasFirst ? pageSize(field, firstArgument) : isListType(getNullableType(field.type)) && !paged ? LIST_ESTIMATE : 1;
      total += own + multiplier * costOf(selection.selectionSet, getNamedType(field.type) as GraphQLCompositeType, hasFirst);
    }
    return total;
  };

  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  return { cost: root ? costOf(operation.selectionSet, root, false) : 0, readVariables };
}
