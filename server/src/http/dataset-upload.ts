/**
 * `POST /datasets?name=<name>&fileName=<file>`: a dataset file of any size up to
 * `BATON_BACKTEST_MAX_BYTES` as the raw request body (GraphQL's `importDataset` carries the file
 * in a JSON string, so it is bound by `BATON_MAX_BODY_BYTES`). Same keys, roles and checks as
 * `Mutation.importDataset`; answers in GraphQL's shape, `{ data: { importDataset } }` or
 * `{ errors: [{ message, extensions: { code, problems? } }] }`, so clients handle both alike.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BatonErrorCode } from '@baton/schemas';
import { isBatonError } from '../baton-error';
import type { AuthService } from '../features/auth/auth-service';
import { rolesFor } from '../features/auth/permissions';
import type { DatasetRecord } from '../features/backtest/backtest-store';
import type { DatasetService } from '../features/backtest/dataset-service';
import { readBody } from './read-body';
import { sendGraphQLError, sendJson } from './json-response';

export interface DatasetUploadDeps {
  auth: AuthService;
  datasets: DatasetService;
  /** Largest file accepted, bytes (`BATON_BACKTEST_MAX_BYTES`). */
  maxBytes: number;
}

const STATUS: Partial<Record<string, number>> = {
  [BatonErrorCode.BadUserInput]: 400,
  [BatonErrorCode.Unauthenticated]: 401,
  [BatonErrorCode.Forbidden]: 403,
  [BatonErrorCode.NotFound]: 404,
  [BatonErrorCode.Conflict]: 409,
  [BatonErrorCode.RateLimited]: 429,
};

/** The dataset as `Mutation.importDataset` answers it. */
function datasetJson(dataset: DatasetRecord) {
  return {
    ...dataset,
    format: dataset.format.toUpperCase(),
    expectations: Object.entries(dataset.expectations).map(([key, count]) => ({ key, count })),
    createdAt: dataset.createdAt.toISOString(),
  };
}

/** Handles one request to `/datasets`. */
export function createDatasetUploadHandler(deps: DatasetUploadDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    if (req.method !== 'POST') {
      req.resume();
      return sendGraphQLError(
        res,
        405,
        BatonErrorCode.BadUserInput,
        `Use POST for /datasets (got ${req.method}), with the file as the body.`,
        {},
        { allow: 'POST' },
      );
    }
    const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
    try {
      const principal = await deps.auth.authenticate(req.headers.authorization, req.socket.remoteAddress);
      if (!(rolesFor('Mutation', 'importDataset') as readonly string[]).includes(principal.role)) {
        req.resume();
        return sendGraphQLError(res, 403, BatonErrorCode.Forbidden, `An API key with role '${principal.role}' may not import datasets; ask for an editor key.`);
      }
      const body = await readBody(req, deps.maxBytes);
      if (body.kind === 'aborted') return;
      if (body.kind === 'too-large') {
        const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
        return sendGraphQLError(
          res,
          413,
          BatonErrorCode.PayloadTooLarge,
          `The file is over ${mb(deps.maxBytes)}, the limit (BATON_BACKTEST_MAX_BYTES); split it into smaller datasets.`,
        );
      }
      const fileName = params.get('fileName') ?? params.get('name') ?? 'dataset.jsonl';
      const dataset = await deps.datasets.import({ name: params.get('name') ?? fileName, fileName, bytes: body.body }, principal);
      sendJson(res, 200, { data: { importDataset: datasetJson(dataset) } });
    } catch (error) {
      if (!isBatonError(error)) throw error;
      req.resume();
      const retryAfter = error.code === BatonErrorCode.RateLimited ? { 'retry-after': String(error.details.retryAfterSeconds) } : undefined;
      sendGraphQLError(res, STATUS[error.code] ?? 400, error.code, error.message, error.details, retryAfter);
    }
  };
}
