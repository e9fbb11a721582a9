/**
 * `GET /metrics`: the operations metrics in Prometheus text format (see `metrics/baton-metrics.ts`).
 * `BATON_METRICS=key` (the default) asks for an API key of role admin or auditor, like
 * `/audit-log.jsonl`; `open` answers anyone (for a scraper on a private network); `off` is
 * handled by not routing `/metrics` at all (404).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BatonErrorCode } from '@baton/schemas';
import { isBatonError } from '../baton-error';
import type { AuthService } from '../features/auth/auth-service';
import type { Role } from '../features/auth/roles';
import type { BatonMetrics } from '../metrics/baton-metrics';
import { sendJson } from './json-response';
import { authRefusalHeaders, authRefusalStatus } from './rate-limited';

/** Roles whose keys may read `/metrics` when it asks for a key. */
export const METRICS_ROLES: readonly Role[] = ['admin', 'auditor'];

export interface MetricsEndpointDeps {
  metrics: Pick<BatonMetrics, 'render' | 'contentType'>;
  /** Set when a key is required (`BATON_METRICS=key`). */
  auth?: AuthService;
}

/** Handles one request to `/metrics`. */
export function createMetricsHandler(deps: MetricsEndpointDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendJson(res, 405, { error: `Use GET for /metrics (got ${req.method}).` }, { allow: 'GET, HEAD' });
    }
    if (deps.auth) {
      let role: string;
      try {
        role = (await deps.auth.authenticate(req.headers.authorization, req.socket.remoteAddress)).role;
      } catch (error) {
        if (isBatonError(error)) return sendJson(res, authRefusalStatus(error), { error: error.message, code: error.code }, authRefusalHeaders(error));
        throw error;
      }
      if (!(METRICS_ROLES as readonly string[]).includes(role)) {
        return sendJson(res, 403, {
          error: `An API key with role '${role}' may not read /metrics; use an ${METRICS_ROLES.join(' or ')} key (or set BATON_METRICS=open).`,
          code: BatonErrorCode.Forbidden,
        });
      }
    }
    const text = await deps.metrics.render();
    res.writeHead(200, { 'content-type': deps.metrics.contentType, 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : text);
  };
}
