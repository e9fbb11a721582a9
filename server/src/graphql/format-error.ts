/**
 * Turns every error Apollo is about to send into Baton's shape: `extensions.code` is always a
 * `BatonErrorCode`. `BatonError`s keep their message and details; GraphQL request errors
 * (syntax, validation, variable coercion, bad request) become BAD_USER_INPUT with Apollo's
 * actionable message and the original code in `extensions.reason`; anything else is logged
 * (with the request's `reqId`, which `errorRequestIdsPlugin` tells it) with a reference id and
 * answered with a generic INTERNAL_SERVER_ERROR, so internal messages never reach a client.
 */
import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import { BatonErrorCode } from '@baton/schemas';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isBatonError } from '../baton-error';
import type { Logger } from '../logger';
import type { BatonContext } from './context';

/** Apollo codes that mean the client sent a request that cannot run. */
const CLIENT_REQUEST_CODES: ReadonlySet<unknown> = new Set([
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
]);

/** graphql-js's message for a variable it could not coerce: `Variable "$input" got invalid value … at "input.attributes"; why`. */
const VARIABLE_ERROR = /^(Variable "\$[^"]+") got invalid value (.*) at "([^"]+)"; (.*)$/s;
/** Longest message sent back as it is; longer variable errors drop the echoed value. */
const MAX_MESSAGE_CHARS = 2000;

/** graphql-js's message for a required input field left out: `… got invalid value {…}[ at "input.customer"]; Field "id" of required type "ID!" was not provided.` */
const MISSING_FIELD = /^Variable "\$([^"]+)" got invalid value (?:.*?)(?: at "([^"]+)")?; Field "([^"]+)" of required type "([^"]+)" was not provided\.$/s;

/** The required field a variable error says is missing, as a path (`input.conversationId`) with its type. */
function missingField(message: string): { field: string; type: string } | null {
  const parts = MISSING_FIELD.exec(message);
  return parts ? { field: `${parts[2] ?? parts[1]}.${parts[3]}`, type: parts[4] as string } : null;
}

/** The field a variable error names (`extensions.field`), e.g. `input.customer.attributes`. */
function variableField(message: string): { field?: string } {
  const field = missingField(message)?.field ?? VARIABLE_ERROR.exec(message)?.[3];
  return field === undefined ? {} : { field };
}

/** graphql-js's parser refusing a document over `maxTokens` (sic). */
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more that (\d+) tokens\. Parsing aborted\.$/;

/** The message without the echo of a huge value (graphql-js repeats the whole variable), and with the variable behind a limit. */
function shortened(message: string): string {
  const tokens = TOO_MANY_TOKENS.exec(message)?.[1];
  if (tokens !== undefined) return `The document has more than ${tokens} tokens (BATON_MAX_QUERY_TOKENS); send a smaller operation.`;
  // Without the echo of the whole input (a conversation of hundreds of messages), which says nothing here.
  const missing = missingField(message);
  if (missing) return `${missing.field} is required (${missing.type}) but was not provided.`;
  if (message.length <= MAX_MESSAGE_CHARS) return message;
  const parts = VARIABLE_ERROR.exec(message);
  if (parts) return `${parts[1]} is invalid at "${parts[3]}"; ${parts[4]}`.slice(0, MAX_MESSAGE_CHARS);
  return `${message.slice(0, MAX_MESSAGE_CHARS)}…`;
}

/** The id of the HTTP request each error was met in (Apollo calls `formatError` without the request's context). */
const requestIds = new WeakMap<object, string>();

/**
 * Tells `formatError` the request id of every error a request meets, so the line it logs carries
 * that `reqId` (an id kept per error object rather than in async context, whose promise hooks
 * cost every await of every request: about 7% of a request's CPU, measured under load).
 */
export function errorRequestIdsPlugin(): ApolloServerPlugin<BatonContext> {
  const listener: GraphQLRequestListener<BatonContext> = {
    async didEncounterErrors({ contextValue, errors }) {
      if (contextValue.reqId === undefined) return;
      for (const error of errors) requestIds.set(error, contextValue.reqId);
    },
  };
  return { requestDidStart: async () => listener };
}

/**
 * Builds Apollo's `formatError` hook; unknown errors are logged with their stack at `error` by
 * `logger`, with the request's `reqId` when `errorRequestIdsPlugin` saw the error. `onCode` is told the
 * `extensions.code` of every error sent (the operations metrics).
 */
export function createFormatError(
  logger: Logger,
  onCode?: (code: string) => void,
): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  const format = (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const unwrapped = unwrapResolverError(error);
    // Errors thrown by plugins (e.g. the role check) arrive as GraphQLErrors around a BatonError.
    const original = unwrapped instanceof GraphQLError && isBatonError(unwrapped.originalError) ? unwrapped.originalError : unwrapped;
    const where = { ...(formatted.path ? { path: formatted.path } : {}), ...(formatted.locations ? { locations: formatted.locations } : {}) };
    if (isBatonError(original)) {
      return { message: original.message, ...where, extensions: { ...original.details, code: original.code } };
    }
    const code = formatted.extensions?.code;
    if (CLIENT_REQUEST_CODES.has(code)) {
      const reason = code === BatonErrorCode.BadUserInput ? {} : { reason: code };
      const limit = typeof formatted.extensions?.limit === 'number' ? { limit: formatted.extensions.limit } : {};
      return {
        message: shortened(formatted.message),
        ...where,
        extensions: { code: BatonErrorCode.BadUserInput, ...reason, ...variableField(formatted.message), ...limit },
      };
    }
    const errorId = randomUUID();
    const cause = original instanceof Error ? original : error instanceof Error ? error : undefined;
    const reqId = typeof error === 'object' && error !== null ? requestIds.get(error) : undefined;
    (reqId === undefined ? logger : logger.child({ reqId })).error(
      { errorId, err: cause ?? original, path: formatted.path },
      'unexpected error while handling a GraphQL request',
    );
    return {
      message: `Internal error (reference ${errorId}). It has been logged; retry, and report the reference if it persists.`,
      ...where,
      extensions: { code: BatonErrorCode.Internal, errorId },
    };
  };
  if (!onCode) return format;
  return (formatted, error) => {
    const sent = format(formatted, error);
    onCode(String(sent.extensions?.code));
    return sent;
  };
}
