/**
 * The `Idempotency-Key` header on `POST /graphql`, as an Apollo plugin: once the operation is
 * known, a request calling `decideHandoff` or `startHandoff` (alone) with the header claims its
 * key (`IdempotencyService`); a retry whose first answer is stored gets that answer back without
 * executing anything (header `Idempotent-Replayed: true`), so nothing is logged or reserved
 * twice; a fresh run's answer is stored when it succeeded, its claim dropped when it failed.
 */
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { GraphQLError, Kind, print, type OperationDefinitionNode } from 'graphql';
import { BatonErrorCode } from '@baton/schemas';
import { isBatonError, badInput, type BatonError } from '../../baton-error';
import { forbiddenFields } from '../../graphql/authorize';
import type { BatonContext } from '../../graphql/context';
import { checkIdempotencyKey, IN_PROGRESS_RETRY_AFTER_SECONDS, requestHash } from './idempotency-rules';
import type { Claim } from './idempotency-service';
import { IDEMPOTENT_OPERATIONS, type IdempotentOperation } from './idempotency-store';

/** The request header carrying the key (case-insensitive, as every HTTP header). */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** The response header telling a client it got a stored answer. */
export const REPLAYED_HEADER = 'idempotent-replayed';

const HTTP_STATUS: Partial<Record<BatonErrorCode, number>> = {
  [BatonErrorCode.BadUserInput]: 400,
  [BatonErrorCode.Conflict]: 409,
  [BatonErrorCode.IdempotencyKeyReused]: 422,
};

/** `error` as Apollo sends it from a plugin, with its HTTP status (and `Retry-After` for a key in use). */
function toGraphQLError(error: BatonError): GraphQLError {
  const retry = error.details.reason === 'IDEMPOTENCY_KEY_IN_PROGRESS' ? new HeaderMap([['retry-after', String(IN_PROGRESS_RETRY_AFTER_SECONDS)]]) : undefined;
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: { code: error.code, http: { status: HTTP_STATUS[error.code] ?? 500, ...(retry ? { headers: retry } : {}) } },
  });
}

/** The operation's root fields (fragments spread at the root are not followed: bots send plain documents). */
function rootFieldNames(operation: OperationDefinitionNode): string[] {
  return operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD && s.name.value !== '__typename' ? [s.name.value] : [s.kind]));
}

/**
 * The operation a key may guard, or a refusal.
 * @throws BAD_USER_INPUT when the operation calls anything but exactly one of `decideHandoff`, `startHandoff`
 */
function guardedOperation(operation: OperationDefinitionNode): IdempotentOperation {
  const fields = rootFieldNames(operation);
  const [only] = fields;
  if (fields.length === 1 && (IDEMPOTENT_OPERATIONS as readonly string[]).includes(only ?? '')) return only as IdempotentOperation;
  throw badInput(
    `An Idempotency-Key makes one decideHandoff or one startHandoff safe to retry; this operation selects ${fields.join(', ') || 'nothing'}. ` +
      'Send the call alone (no other root fields, no root fragments), or drop the header.',
    { field: 'Idempotency-Key' },
  );
}

async function claimFor(context: GraphQLRequestContextDidResolveOperation<BatonContext>, key: string): Promise<Claim | null> {
  const { document, operation, request, contextValue } = context;
  // Apollo refuses a document without a runnable operation before this hook.
  if (!operation) return null;
  // The role check (authorize.ts) refuses this operation; claiming a key for it would only block a retry.
  if (forbiddenFields(document, operation, contextValue.principal.role).length > 0) return null;
  checkIdempotencyKey(key);
  const kind = guardedOperation(operation);
  const hash = requestHash({ document: print(document), operationName: request.operationName ?? null, variables: request.variables ?? {} });
  return contextValue.idempotency.claim(contextValue.principal.keyId, key, kind, hash);
}

/** The plugin; the service comes from `contextValue.idempotency`, the API key from `contextValue.principal`. */
export function idempotencyPlugin(): ApolloServerPlugin<BatonContext> {
  return {
    async requestDidStart({ request }) {
      const key = request.http?.headers.get(IDEMPOTENCY_HEADER);
      if (key === undefined) return;
      let claiming: Promise<Claim | null> | undefined;
      return {
        async didResolveOperation(context) {
          claiming = claimFor(context, key.trim());
          try {
            await claiming;
          } catch (error) {
            throw isBatonError(error) ? toGraphQLError(error) : error;
          }
        },
        async responseForOperation() {
          const claim = await claiming;
          if (claim?.kind !== 'replay') return null;
          return {
            http: { status: undefined, headers: new HeaderMap([[REPLAYED_HEADER, 'true']]) },
            body: { kind: 'single', singleResult: JSON.parse(claim.response) as FormattedExecutionResult },
          };
        },
        async willSendResponse({ response, contextValue, logger }) {
          // Another plugin may have refused the operation while the claim was being written: wait for it.
          const claim = await claiming?.catch(() => null);
          if (claim?.kind !== 'claimed') return;
          const { body } = response;
          const answered = body.kind === 'single' && !body.singleResult.errors?.length && body.singleResult.data != null;
          try {
            if (answered) await contextValue.idempotency.complete(claim, JSON.stringify(body.singleResult));
            else await contextValue.idempotency.release(claim);
          } catch (error) {
            // The answer still goes out; a retry within the lease gets CONFLICT, after it runs again.
            logger.warn(`Could not store the answer of Idempotency-Key '${claim.key}': ${error instanceof Error ? error.message : String(error)}`);
          }
        },
      };
    },
  };
}
