/**
 * The node:http server: `POST /graphql`, `GET /healthz`, `GET /audit-log.jsonl`, `POST /datasets`,
 * `GET /metrics` (unless `BATON_METRICS=off`) and the editor's files (when given), each (but
 * `/healthz`) within the per-address rate limit (429 with `Retry-After`);
 * everything else is 404. Every response carries the request's id in `x-request-id`, and every
 * line logged while serving it its `reqId`. A failure escaping a handler is logged and answered
 * with a generic 500 (GraphQL-shaped on /graphql).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { BatonErrorCode } from '@baton/schemas';
import { isBatonError } from '../baton-error';
import type { RateLimiter } from '../features/rate-limits/rate-limits';
import type { Logger } from '../logger';
import { sendGraphQLError, sendJson } from './json-response';
import { REQUEST_ID_HEADER, requestIdOf } from './request-id';

export interface HttpServerDeps {
  /** `POST /graphql`; `reqId` is the request's id, for lines logged on its behalf. */
  graphql: (req: IncomingMessage, res: ServerResponse, reqId: string) => Promise<void>;
  /** `GET /audit-log.jsonl`. */
  auditExport: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** `POST /datasets`: a backtest dataset file as the body. */
  datasetUpload: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** `GET /metrics`; absent when metrics are off (then 404). */
  metrics?: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** True when the store can serve requests. */
  isHealthy: () => boolean;
  /** Serves the editor's files for GET/HEAD; returns false for requests it does not answer. */
  editorAssets?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  /** A request's failures are logged through a child of it bound to the request's `reqId`. */
  logger: Logger;
  /** Requests per client address (every path but `/healthz`); none: no limit. */
  rateLimiter?: RateLimiter;
}

/** Creates (does not start) the HTTP server. */
export function createHttpServer(deps: HttpServerDeps): Server {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const reqId = requestIdOf(req);
    res.setHeader(REQUEST_ID_HEADER, reqId);
    const handle = async () => {
      if (path !== '/healthz' && deps.rateLimiter) {
        try {
          deps.rateLimiter.checkAddress(req.socket.remoteAddress ?? 'unknown');
        } catch (error) {
          if (!isBatonError(error)) throw error;
          req.resume();
          const headers = { 'retry-after': String(error.details.retryAfterSeconds) };
          if (path === '/graphql') return sendGraphQLError(res, 429, error.code, error.message, error.details, headers);
          return sendJson(res, 429, { error: error.message, code: error.code }, headers);
        }
      }
      if (path === '/graphql') return deps.graphql(req, res, reqId);
      if (path === '/datasets') return deps.datasetUpload(req, res);
      req.resume();
      if (path === '/audit-log.jsonl') return deps.auditExport(req, res);
      if (path === '/metrics') return deps.metrics ? deps.metrics(req, res) : sendJson(res, 404, { error: 'Metrics are off (BATON_METRICS=off).' });
      if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
        return deps.isHealthy() ? sendJson(res, 200, { status: 'ok' }) : sendJson(res, 503, { status: 'unavailable' });
      }
      if (deps.editorAssets && (await deps.editorAssets(req, res))) return;
      sendJson(res, 404, { error: `Nothing at ${req.method} ${path}; the API is POST /graphql.` });
    };
    handle().catch((error: unknown) => {
      deps.logger.child({ reqId }).error({ err: error, method: req.method, path }, 'unhandled HTTP error');
      if (res.headersSent) return void res.destroy();
      if (path === '/graphql') sendGraphQLError(res, 500, BatonErrorCode.Internal, 'Internal error. It has been logged; retry later.');
      else sendJson(res, 500, { error: 'Internal error' });
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;
  server.keepAliveTimeout = 5_000;
  return server;
}
