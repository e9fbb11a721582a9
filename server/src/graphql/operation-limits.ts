/**
 * Limits of one GraphQL operation (issue 17), all checked before anything runs:
 *
 * - tokens (`BATON_MAX_QUERY_TOKENS`): graphql-js's own parser option, so an oversized document
 *   is never parsed (HTTP 400);
 * - depth, aliases and directives (`BATON_MAX_QUERY_DEPTH`, `BATON_MAX_ALIASES`,
 *   `BATON_MAX_DIRECTIVES`): GraphQL Armor's validation rules (HTTP 400);
 * - in `didResolveOperation`, with the caller's role and the variables: root fields
 *   (`BATON_MAX_ROOT_FIELDS`), `decideHandoff` at most once, at most one mutation root field
 *   (a request changes one thing or nothing, so it never stops half-way), introspection for the
 *   roles that may (`BATON_INTROSPECTION`), and the cost (`BATON_MAX_QUERY_COST`,
 *   `query-cost.ts`). Each refusal is BAD_USER_INPUT (FORBIDDEN for introspection) naming the
 *   limit and its variable.
 *
 * Field suggestions ("Did you mean …?") are removed from error messages for the roles that may
 * not introspect, since they reveal the schema piece by piece.
 */
import type { ApolloServerOptions, ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { BatonErrorCode } from '@baton/schemas';
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { BatonError } from '../baton-error';
import type { GraphQLLimits } from '../config';
import type { Role } from '../features/auth/roles';
import type { BatonContext } from './context';
import { operationCost } from './query-cost';

/** Roles that may introspect the schema and read field suggestions when `BATON_INTROSPECTION=restricted`: those who edit policies. */
export const SCHEMA_READERS: readonly Role[] = ['admin', 'publisher', 'editor'];

/** The root field selections of `selectionSet` (through fragments, each walked once), one per response key. */
export function rootSelections(selectionSet: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): FieldNode[] {
  const byKey = new Map<string, FieldNode>();
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        if (!byKey.has(key)) byKey.set(key, selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) {
          seen.add(fragment.name.value);
          visit(fragment.selectionSet);
        }
      }
    }
  };
  visit(selectionSet);
  return [...byKey.values()];
}

const refuse = (message: string, details: Record<string, unknown>, code = BatonErrorCode.BadUserInput, status = 400): GraphQLError => {
  const error = new BatonError(code, message, details);
  return new GraphQLError(error.message, { originalError: error, extensions: { code: error.code, http: { status } } });
};

/**
 * What is wrong with `operation` for a caller of `role`, or null when it may run.
 * Pure apart from the schema read, so the rules are tested without a server.
 */
export function operationProblem(
  input: {
    document: DocumentNode;
    operation: OperationDefinitionNode;
    schema: Parameters<typeof operationCost>[0]['schema'];
    variables?: Record<string, unknown> | null;
  },
  role: string,
  limits: GraphQLLimits,
): GraphQLError | null {
  const { document, operation } = input;
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const roots = rootSelections(operation.selectionSet, fragments);
  const fields = roots.filter((field) => !field.name.value.startsWith('__'));
  if (fields.length > limits.maxRootFields) {
    return refuse(
      `The operation selects ${fields.length} root fields; the limit is ${limits.maxRootFields} (BATON_MAX_ROOT_FIELDS). Split it into several requests.`,
      { limit: limits.maxRootFields, rootFields: fields.length },
    );
  }
  if (operation.operation === 'mutation' && fields.length > 1) {
    return refuse(
      `The operation selects ${fields.length} mutations (${fields.map((f) => f.name.value).join(', ')}); send one mutation per request, ` +
        'so each change succeeds or fails on its own and nothing is left half-done.',
      { limit: 1, mutations: fields.map((f) => f.name.value) },
    );
  }
  const decisions = fields.filter((field) => field.name.value === 'decideHandoff').length;
  if (decisions > 1) {
    return refuse(`The operation calls decideHandoff ${decisions} times; call it once per request (one conversation, one decision).`, {
      limit: 1,
      field: 'decideHandoff',
    });
  }
  const introspects = roots.some((field) => field.name.value === '__schema' || field.name.value === '__type');
  if (introspects && limits.introspection === 'restricted' && !(SCHEMA_READERS as readonly string[]).includes(role)) {
    return refuse(
      `Introspection is off for API keys of role '${role}' (BATON_INTROSPECTION=restricted); the SDL is in schemas/graphql/, or use an ADMIN, PUBLISHER or EDITOR key.`,
      { role },
      BatonErrorCode.Forbidden,
      403,
    );
  }
  const cost = operationCost(input, limits.maxCost);
  if (cost > limits.maxCost) {
    return refuse(
      `The operation costs ${cost > limits.maxCost * 10 ? `more than ${limits.maxCost * 10}` : cost}; the limit is ${limits.maxCost} (BATON_MAX_QUERY_COST). ` +
        'Ask for smaller pages (first), fewer fields or fewer lists.',
      { limit: limits.maxCost, cost },
    );
  }
  return null;
}

/** "Did you mean …?" of graphql-js's messages. */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

/** The plugin: operation checks, and suggestions hidden from the roles that may not introspect. */
export function operationLimitsPlugin(limits: GraphQLLimits): ApolloServerPlugin<BatonContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, contextValue, schema, request }) {
          if (!operation) return;
          if (operation.operation === 'subscription') {
            throw refuse(
              "Subscriptions run over WebSocket (the graphql-ws protocol) at ws://<host>/graphql, not POST /graphql; see the README's Subscriptions section.",
              {
                operation: 'subscription',
              },
            );
          }
          const problem = operationProblem({ document, operation, schema, variables: request.variables }, contextValue.principal.role, limits);
          if (problem) throw problem;
        },
        async didEncounterErrors({ errors, contextValue }) {
          if (limits.introspection === 'on' || (SCHEMA_READERS as readonly string[]).includes(contextValue.principal.role)) return;
          for (const error of errors) error.message = error.message.replace(SUGGESTION, '');
        },
      };
    },
  };
}

/** The Apollo options that enforce `limits`: the parser's token limit, Armor's rules, and the plugin above. */
export function operationLimitOptions(limits: GraphQLLimits): Pick<ApolloServerOptions<BatonContext>, 'parseOptions'> & {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin<BatonContext>[];
} {
  // Armor's message, with the variable that sets the limit, as a validation error (HTTP 400).
  const report = (variable: string) => ({
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(
          new GraphQLError(`${error.message.replace(/^Syntax Error: /, '')} (${variable})`, { extensions: { code: BatonErrorCode.BadUserInput } }),
        ),
    ],
  });
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ...report('BATON_MAX_QUERY_DEPTH') },
    maxAliases: { n: limits.maxAliases, ...report('BATON_MAX_ALIASES') },
    maxDirectives: { n: limits.maxDirectives, ...report('BATON_MAX_DIRECTIVES') },
    // Baton's own checks, below and in the plugin: the token limit is graphql-js's parser option
    // (Armor's Apollo wiring answers HTTP 500 to it), the cost needs the variables (Armor's cost
    // rule prices `first: $n` as 1) and suggestions are hidden per role.
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: armor.validationRules,
    plugins: [...(armor.plugins as ApolloServerPlugin<BatonContext>[]), operationLimitsPlugin(limits)],
  };
}
