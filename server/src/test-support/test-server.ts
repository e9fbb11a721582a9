/**
 * Internal (tests only): a real Baton server on an ephemeral port and a temporary data dir,
 * plus small `fetch` helpers for GraphQL over HTTP.
 */
import { createBatonServer, type BatonServer, type BatonServerOptions } from '../app/create-baton-server';
import { DEFAULT_LIMITS, type BatonConfig } from '../config';
import { silentLogger } from '../logger';
import { makeTempDir } from './temp-dir';

/** Admin key every test server starts with. */
export const TEST_ADMIN_KEY = 'test-admin-key-0123456789abcdefghijklmnopqrstuvwxyz';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  body: { data?: T | null; errors?: { message: string; path?: unknown[]; extensions: { code: string; [key: string]: unknown } }[] };
}

export interface TestServer {
  server: BatonServer;
  config: BatonConfig;
  url: string;
  /** POSTs a GraphQL operation with the admin key (or `key`, or none when `key` is null). */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, key?: string | null): Promise<GraphQLResponse<T>>;
  /** POSTs a raw body to /graphql with the admin key unless headers say otherwise. */
  raw(body: string | Buffer, headers?: Record<string, string>): Promise<GraphQLResponse>;
  close(): Promise<void>;
}

/** Starts a server; `overrides` patch the config (limits, data dir, flush interval...). */
export async function startTestServer(overrides: Partial<BatonConfig> = {}, options: BatonServerOptions = {}): Promise<TestServer> {
  const config: BatonConfig = {
    port: 0,
    host: '127.0.0.1',
    dataDir: makeTempDir(),
    adminKey: TEST_ADMIN_KEY,
    limits: { ...DEFAULT_LIMITS },
    decisionLog: { flushMs: 0, batchSize: 100 },
    ...overrides,
  };
  const server = await createBatonServer(config, { logger: silentLogger, ...options });
  const raw = async (body: string | Buffer, headers: Record<string, string> = {}): Promise<GraphQLResponse> => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_KEY}`, ...headers },
      body,
    });
    const text = await response.text();
    return { status: response.status, body: JSON.parse(text) as GraphQLResponse['body'] };
  };
  const gql = async <T>(query: string, variables?: Record<string, unknown>, key?: string | null) => {
    const headers: Record<string, string> = key === null ? { authorization: '' } : key !== undefined ? { authorization: `Bearer ${key}` } : {};
    return (await raw(JSON.stringify({ query, variables }), headers)) as GraphQLResponse<T>;
  };
  return { server, config, url: server.url, gql, raw, close: () => server.close() };
}
