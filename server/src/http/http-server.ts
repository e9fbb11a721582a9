/**
 * The node:http server: `POST /graphql`, `GET /healthz`, `GET /audit-log.jsonl` and the editor's files (when given);
 * everything else is 404. A failure escaping a handler is logged and answered with a generic
 * 500 (GraphQL-shaped on /graphql).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { BatonErrorCode } from '@baton/schemas';
import type { Logger } from '../logger';
import { sendGraphQLError, sendJson } from './json-response';

export interface HttpServerDeps {
  graphql: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** `GET /audit-log.jsonl`. */
  auditExport: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** True when the store can serve requests. */
  isHealthy: () => boolean;
  /** Serves the editor's files for GET/HEAD; returns false for requests it does not answer. */
  editorAssets?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  logger: Logger;
}

/** Creates (does not start) the HTTP server. */
export function createHttpServer(deps: HttpServerDeps): Server {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const handle = async () => {
      if (path === '/graphql') return deps.graphql(req, res);
      req.resume();
      if (path === '/audit-log.jsonl') return deps.auditExport(req, res);
      if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
        return deps.isHealthy() ? sendJson(res, 200, { status: 'ok' }) : sendJson(res, 503, { status: 'unavailable' });
      }
      if (deps.editorAssets && (await deps.editorAssets(req, res))) return;
      sendJson(res, 404, { error: `Nothing at ${req.method} ${path}; the API is POST /graphql.` });
    };
    handle().catch((error: unknown) => {
      deps.logger.error('unhandled HTTP error', { path, message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined });
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
