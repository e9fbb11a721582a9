/**
 * GraphQL subscriptions over WebSocket: the graphql-ws protocol (`graphql-transport-ws`) on
 * `/graphql` of Baton's node:http server, wired as Apollo Server's subscriptions guide does it (a
 * `ws` WebSocketServer and graphql-ws's `useServer` over the executable schema Apollo serves).
 *
 * - Authentication: the connection parameters carry the API key as the HTTP header does,
 *   `{ authorization: 'Bearer <key>' }`; a missing or invalid key closes the socket with 4401
 *   (Unauthorized) before any subscription. Each subscription checks the key again (through the
 *   auth cache), so a revoked key opens nothing new.
 * - Each subscription passes what a POST /graphql operation passes before it runs: the token
 *   limit, graphql-js's validation with GraphQL Armor's depth, alias and directive rules, the
 *   root-field, introspection and cost checks of `operation-limits.ts`, and the role matrix
 *   (`permissions.ts`). Queries and mutations are refused here: they go to POST /graphql, where
 *   the request pipeline (audit, metrics, body limits) lives.
 * - Refusals — these checks, and the resolver's own (FORBIDDEN, NOT_FOUND) — are graphql-ws
 *   `error` messages with Baton's `extensions.code`, formatted as HTTP errors are
 *   (`format-error.ts`); the subscription is set up inside `onSubscribe` for that.
 *
 * Events come from this process (`handoff-events.ts`): with several servers on one store, a
 * subscriber sees the changes made through the server it is connected to.
 */
import type { Server } from 'node:http';
import { BatonErrorCode } from '@baton/schemas';
import {
  GraphQLError,
  getOperationAST,
  parse,
  specifiedRules,
  subscribe,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { BatonError, isBatonError } from '../baton-error';
import type { GraphQLLimits } from '../config';
import type { AuthService, Principal } from '../features/auth/auth-service';
import { forbiddenFields } from '../graphql/authorize';
import type { BatonContext } from '../graphql/context';
import { operationLimitOptions, operationProblem } from '../graphql/operation-limits';

export interface GraphQLWsDeps {
  /** The HTTP server whose upgrades to `/graphql` this serves. */
  server: Server;
  schema: GraphQLSchema;
  auth: AuthService;
  /** Builds the context of a subscription of an authenticated key. */
  context: (principal: Principal) => BatonContext;
  limits: GraphQLLimits;
  /** Largest message a client may send, bytes (`BATON_MAX_BODY_BYTES`). */
  maxPayloadBytes: number;
  /** Most subscriptions open at once on one connection (`BATON_MAX_SUBSCRIPTIONS_PER_CONNECTION`). */
  maxSubscriptionsPerConnection: number;
  /** `createFormatError`'s hook: every error sent goes through it. */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

export interface GraphQLWsServer {
  /** Closes every socket (1001 Going Away, which completes its subscriptions; a socket that does not answer is cut after 2 s) and stops accepting upgrades. */
  close(): Promise<void>;
}

/** Per connection: the key it authenticated with and its open subscriptions. */
interface Connection {
  authorization: string;
  open: number;
}

/** The `authorization` connection parameter (any case), as the HTTP header carries it. */
function authorizationOf(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const entry = Object.entries(params ?? {}).find(([name]) => name.toLowerCase() === 'authorization');
  return typeof entry?.[1] === 'string' ? entry[1] : undefined;
}

const refusal = (code: BatonErrorCode, message: string, details: Record<string, unknown> = {}): GraphQLError => {
  const error = new BatonError(code, message, details);
  return new GraphQLError(error.message, { originalError: error, extensions: { code } });
};

/** A graphql-js parse or validation error as the client's mistake (BAD_USER_INPUT, as over HTTP). */
const asBadInput = (error: GraphQLError): GraphQLError =>
  error.extensions.code
    ? error
    : new GraphQLError(error.message, {
        nodes: error.nodes,
        source: error.source,
        positions: error.positions,
        extensions: { code: BatonErrorCode.BadUserInput },
      });

/** Longest close reason WebSocket allows is 123 bytes. */
const UNAUTHORIZED_MISSING = 'Send the API key in the connection params: { authorization: "Bearer <key>" }.';
const UNAUTHORIZED_INVALID = 'The API key is not valid (revoked or mistyped); connect again with a valid key.';

/**
 * Serves subscriptions on `deps.server`. Call before the server listens, and `close()` before
 * closing it (upgraded sockets keep `server.close()` waiting).
 */
export function attachGraphQLWs(deps: GraphQLWsDeps): GraphQLWsServer {
  const wss = new WebSocketServer({ server: deps.server, path: '/graphql', maxPayload: deps.maxPayloadBytes });
  const limitRules = operationLimitOptions(deps.limits).validationRules;
  const connections = new WeakMap<object, Connection>();
  /** Subscriptions set up in `onSubscribe`, handed to graphql-ws by their arguments. */
  const prepared = new WeakMap<ExecutionArgs, AsyncGenerator<ExecutionResult, void, void>>();
  const format = (errors: readonly GraphQLError[]) => errors.map((error) => deps.formatError(error.toJSON(), error));

  const prepare = async (
    connection: Connection,
    query: string,
    operationName: string | null | undefined,
    variables: Record<string, unknown> | null | undefined,
  ) => {
    let principal: Principal;
    try {
      principal = await deps.auth.authenticate(connection.authorization);
    } catch (error) {
      if (isBatonError(error)) return [refusal(error.code, UNAUTHORIZED_INVALID)];
      throw error;
    }
    if (connection.open >= deps.maxSubscriptionsPerConnection) {
      return [
        refusal(
          BatonErrorCode.BadUserInput,
          `This connection has ${connection.open} subscriptions open, the most allowed (BATON_MAX_SUBSCRIPTIONS_PER_CONNECTION); complete one first.`,
          { limit: deps.maxSubscriptionsPerConnection },
        ),
      ];
    }
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: deps.limits.maxTokens });
    } catch (error) {
      if (error instanceof GraphQLError) return [asBadInput(error)];
      throw error;
    }
    const operation = getOperationAST(document, operationName);
    if (!operation) return [refusal(BatonErrorCode.BadUserInput, 'The document has no operation to run, or several and no operationName naming one.')];
    if (operation.operation !== 'subscription') {
      return [
        refusal(
          BatonErrorCode.BadUserInput,
          `This WebSocket carries subscriptions only; send ${operation.operation === 'query' ? 'queries' : 'mutations'} to POST /graphql.`,
          {
            operation: operation.operation,
          },
        ),
      ];
    }
    const invalid = validate(deps.schema, document, [...specifiedRules, ...limitRules]);
    if (invalid.length > 0) return invalid.map(asBadInput);
    const problem = operationProblem({ document, operation, schema: deps.schema, variables }, principal.role, deps.limits);
    if (problem) return [problem];
    const refused = forbiddenFields(document, operation, principal.role);
    if (refused.length > 0) {
      return [
        refusal(
          BatonErrorCode.Forbidden,
          `An API key with role '${principal.role}' may not subscribe to ${refused.join(', ')}. Ask an admin for a key with a role that may (see the role matrix in the README).`,
          { role: principal.role, fields: refused },
        ),
      ];
    }
    const args: ExecutionArgs = { schema: deps.schema, document, operationName, variableValues: variables, contextValue: deps.context(principal) };
    const result = await subscribe(args);
    if (!(Symbol.asyncIterator in result)) return result.errors ?? [refusal(BatonErrorCode.Internal, 'The subscription could not be set up.')];
    prepared.set(args, result);
    connection.open += 1;
    return args;
  };

  const disposable = useServer(
    {
      schema: deps.schema,
      // Hide internal error text in close reasons; Baton's refusals carry their own messages.
      isProd: true,
      onConnect: async (ctx) => {
        const authorization = authorizationOf(ctx.connectionParams);
        try {
          await deps.auth.authenticate(authorization);
        } catch (error) {
          if (!isBatonError(error)) throw error;
          ctx.extra.socket.close(CloseCode.Unauthorized, authorization ? UNAUTHORIZED_INVALID : UNAUTHORIZED_MISSING);
          return false;
        }
        connections.set(ctx, { authorization: authorization as string, open: 0 });
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        const connection = connections.get(ctx);
        if (!connection) return [refusal(BatonErrorCode.Unauthenticated, UNAUTHORIZED_MISSING)];
        try {
          return await prepare(connection, payload.query, payload.operationName, payload.variables);
        } catch (error) {
          // Thrown here, graphql-ws would close the whole socket; refuse this subscription instead.
          return [new GraphQLError('subscription setup failed', { originalError: error instanceof Error ? error : new Error(String(error)) })];
        }
      },
      subscribe: (args) => {
        const result = prepared.get(args);
        prepared.delete(args);
        return result ?? subscribe(args);
      },
      onComplete: (ctx) => {
        const connection = connections.get(ctx);
        if (connection) connection.open = Math.max(0, connection.open - 1);
      },
      onError: (_ctx, _id, _payload, errors) => format(errors),
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: format(result.errors) } : undefined),
    },
    wss,
  );

  return {
    async close() {
      // dispose() closes every socket (1001) and resolves once all have closed; a client that never answers is cut.
      const cut = setTimeout(() => wss.clients.forEach((socket) => socket.terminate()), 2000);
      await disposable.dispose();
      clearTimeout(cut);
    },
  };
}
