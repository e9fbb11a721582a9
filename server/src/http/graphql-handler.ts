/**
 * `POST /graphql`: a small node:http adapter around Apollo's `executeHTTPGraphQLRequest`.
 * In order: method, API key (and its rate limit), content type, body size, JSON syntax — each refusal is a
 * GraphQL-shaped error with `extensions.code` — then Apollo runs the operation.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { BatonErrorCode } from '@baton/schemas';
import { isBatonError } from '../baton-error';
import type { AuthService, Principal } from '../features/auth/auth-service';
import type { RateLimiter } from '../features/rate-limits/rate-limits';
import type { BatonContext } from '../graphql/context';
import { sendGraphQLError } from './json-response';
import { authRefusalHeaders, authRefusalStatus } from './rate-limited';
import { readBody } from './read-body';

export interface GraphQLHandlerDeps {
  apollo: ApolloServer<BatonContext>;
  auth: AuthService;
  maxBodyBytes: number;
  /** Requests per API key, and failed authentications (given to `auth`); none: no limits. */
  rateLimiter?: RateLimiter;
  /** Builds the context of an authenticated request (`reqId`: its id, see `BatonContext.reqId`). */
  context: (principal: Principal, reqId?: string) => BatonContext;
  /** Told the code of every refusal sent here, before Apollo (the operations metrics; Apollo's own errors go through `formatError`). */
  onErrorCode?: (code: string) => void;
}

function toHeaderMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** The query string of a request target, "?" included ("" without one): what `URL.search` gives, without parsing a URL per request. */
function searchOf(target: string | undefined): string {
  const at = target?.indexOf('?') ?? -1;
  return target && at >= 0 && at < target.length - 1 ? target.slice(at).replace(/#.*$/, '') : '';
}

/** Handles one request to `/graphql`; never throws (unexpected failures are the caller's 500). */
export function createGraphQLHandler(deps: GraphQLHandlerDeps): (req: IncomingMessage, res: ServerResponse, reqId?: string) => Promise<void> {
  const sendError: typeof sendGraphQLError = (res, status, code, ...rest) => {
    deps.onErrorCode?.(code);
    sendGraphQLError(res, status, code, ...rest);
  };
  return async (req, res, reqId) => {
    // Read (and discard) the body before refusing, so the client is not cut off mid-upload.
    const drain = () => readBody(req, 0, Math.max(4 * deps.maxBodyBytes, 16 * 1024 * 1024));
    if (req.method !== 'POST') {
      await drain();
      return sendError(res, 405, BatonErrorCode.BadUserInput, `Use POST for /graphql (got ${req.method}).`, {}, { allow: 'POST' });
    }
    let principal: Principal;
    try {
      principal = await deps.auth.authenticate(req.headers.authorization, req.socket.remoteAddress);
      deps.rateLimiter?.checkKey(principal.keyId);
    } catch (error) {
      await drain();
      if (isBatonError(error)) return sendError(res, authRefusalStatus(error), error.code, error.message, error.details, authRefusalHeaders(error));
      throw error;
    }
    const contentType = req.headers['content-type'] ?? '';
    if (!/^application\/json\b/i.test(contentType)) {
      await drain();
      return sendError(res, 415, BatonErrorCode.BadUserInput, `Send the request body as JSON with "Content-Type: application/json" (got "${contentType}").`);
    }
    const read = await readBody(req, deps.maxBodyBytes);
    if (read.kind === 'aborted') return void res.destroy();
    if (read.kind === 'too-large') {
      return sendError(
        res,
        413,
        BatonErrorCode.PayloadTooLarge,
        `The request body is larger than ${deps.maxBodyBytes} bytes (BATON_MAX_BODY_BYTES). Send fewer or shorter messages.`,
        { limit: deps.maxBodyBytes },
        { connection: 'close' },
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(read.body.toString('utf8'));
    } catch (error) {
      const reason = error instanceof SyntaxError ? error.message : 'unreadable';
      return sendError(res, 400, BatonErrorCode.BadUserInput, `The request body is not valid JSON (${reason}). Send {"query": "...", "variables": {...}}.`);
    }
    const result = await deps.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers: toHeaderMap(req), search: searchOf(req.url), body },
      context: async () => deps.context(principal, reqId),
    });
    // Answers carry customers' words: no cache may keep them (Apollo's cache-control plugin, which said so, is off).
    res.setHeader('cache-control', 'no-store');
    for (const [name, value] of result.headers) res.setHeader(name, value);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') return void res.end(result.body.string);
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
