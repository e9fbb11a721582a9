/**
 * Role checks before execution: an Apollo plugin that looks at every root field the chosen
 * operation selects (through fragments too) and refuses the whole operation with FORBIDDEN
 * when the caller's role may not call one of them, so nothing runs half-way.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { BatonErrorCode } from '@baton/schemas';
import { GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { BatonError } from '../baton-error';
import { rolesFor } from '../features/auth/permissions';
import type { BatonContext } from './context';

function rootFields(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): string[] {
  return selectionSet.selections.flatMap((selection) => {
    switch (selection.kind) {
      case Kind.FIELD:
        return [selection.name.value];
      case Kind.INLINE_FRAGMENT:
        return rootFields(selection.selectionSet, fragments, seen);
      case Kind.FRAGMENT_SPREAD: {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || seen.has(name)) return [];
        seen.add(name);
        return rootFields(fragment.selectionSet, fragments, seen);
      }
    }
  });
}

/** The root fields a role may not call in `operation`, as `Type.field` (subscriptions: checked by the graphql-ws server). */
export function forbiddenFields(document: DocumentNode, operation: OperationDefinitionNode, role: string): string[] {
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const rootType = operation.operation === 'mutation' ? 'Mutation' : operation.operation === 'subscription' ? 'Subscription' : 'Query';
  return [...new Set(rootFields(operation.selectionSet, fragments))]
    .filter((field) => !field.startsWith('__'))
    .filter((field) => !(rolesFor(rootType, field) as readonly string[]).includes(role))
    .map((field) => `${rootType}.${field}`);
}

/** The plugin; the caller's role comes from `contextValue.principal`. */
export function authorizePlugin(): ApolloServerPlugin<BatonContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, contextValue }) {
          // Apollo refuses a document without a runnable operation before this hook.
          if (!operation) return;
          const { role } = contextValue.principal;
          const refused = forbiddenFields(document, operation, role);
          if (refused.length === 0) return;
          const error = new BatonError(
            BatonErrorCode.Forbidden,
            `An API key with role '${role}' may not call ${refused.join(', ')}. ` +
              `Ask an admin for a key with a role that may (see the role matrix in the README).`,
            { role, fields: refused },
          );
          throw new GraphQLError(error.message, { originalError: error, extensions: { code: error.code, http: { status: 403 } } });
        },
      };
    },
  };
}
