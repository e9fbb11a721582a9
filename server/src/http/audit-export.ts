/**
 * `GET /audit-log.jsonl`: the whole audit log as JSON lines, oldest first, streamed in batches,
 * for auditors' own tools. Same keys and roles as `Query.auditLog`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BatonErrorCode } from '@baton/schemas';
import { isBatonError } from '../baton-error';
import type { AuditService } from '../features/audit/audit-service';
import type { AuthService } from '../features/auth/auth-service';
import { rolesFor } from '../features/auth/permissions';
import { sendJson } from './json-response';
import { authRefusalHeaders, authRefusalStatus } from './rate-limited';

export interface AuditExportDeps {
  auth: AuthService;
  audit: AuditService;
}

/** Handles one request to `/audit-log.jsonl`. */
export function createAuditExportHandler(deps: AuditExportDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    if (req.method !== 'GET') return sendJson(res, 405, { error: `Use GET for /audit-log.jsonl (got ${req.method}).` });
    let role: string;
    try {
      role = (await deps.auth.authenticate(req.headers.authorization, req.socket.remoteAddress)).role;
    } catch (error) {
      if (isBatonError(error)) return sendJson(res, authRefusalStatus(error), { error: error.message, code: error.code }, authRefusalHeaders(error));
      throw error;
    }
    if (!(rolesFor('Query', 'auditLog') as readonly string[]).includes(role)) {
      return sendJson(res, 403, { error: `An API key with role '${role}' may not read the audit log.`, code: BatonErrorCode.Forbidden });
    }
    res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'content-disposition': 'attachment; filename="baton-audit-log.jsonl"' });
    for await (const line of deps.audit.exportJsonLines()) {
      if (!res.write(line)) await new Promise((resolve) => res.once('drain', resolve));
    }
    res.end();
  };
}
