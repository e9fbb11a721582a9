/**
 * decideHandoff over HTTP on loopback with autocannon, side by side with an Apollo Server whose
 * `decideHandoff` resolver returns a constant decision (same SDL, same query, same response
 * size): the cost of Apollo + HTTP alone versus a full dry-run decision through Baton (auth,
 * limits, policy cache, signals, rules, context). Bounded: `durationSeconds` per target.
 */
import autocannon from 'autocannon';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { typeDefs } from '@baton/schemas';
import { sampleConversations } from '@baton/seed';
import { createBatonServer } from '../app/create-baton-server';
import { DEFAULT_LIMITS } from '../config';
import { scalarResolvers } from '../graphql/scalars';
import { silentLogger } from '../logger';

const QUERY = `query Decide($input: DecideHandoffInput!) {
  decideHandoff(input: $input) {
    decisionId action priority tier customerMessage evaluatedAt
    reasons { code category description evidence nodeId }
    routing { queueId queueName explanation }
    context { summary }
    policy { id version contentHash }
  }
}`;

export interface HttpMeasurement {
  name: string;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  errors: number;
  non2xx: number;
}

async function load(
  name: string,
  url: string,
  headers: Record<string, string>,
  bodies: string[],
  connections: number,
  durationSeconds: number,
): Promise<HttpMeasurement> {
  let next = 0;
  const result = await autocannon({
    url: `${url}/graphql`,
    connections,
    duration: durationSeconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
      },
    ],
  });
  return {
    name,
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

/**
 * Runs both targets for `durationSeconds` each at `connections` concurrent connections, then
 * Baton alone on one connection for half as long (its latency without queueing).
 */
export async function benchHttp(dataDir: string, connections: number, durationSeconds: number): Promise<HttpMeasurement[]> {
  const adminKey = 'bench-admin-key-0123456789abcdefghijklmnop';
  const baton = await createBatonServer(
    { port: 0, host: '127.0.0.1', dataDir, adminKey, limits: DEFAULT_LIMITS, decisionLog: { flushMs: 1000, batchSize: 100 } },
    { logger: silentLogger },
  );
  const bodies = sampleConversations.map((s) => JSON.stringify({ query: QUERY, variables: { input: { ...s.input, dryRun: true } } }));
  const first = await fetch(`${baton.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` },
    body: bodies[0],
  });
  const sample = (await first.json()) as { data?: { decideHandoff: unknown }; errors?: unknown };
  if (!sample.data) throw new Error(`Baton did not answer the benchmark query: ${JSON.stringify(sample.errors)}`);

  const constant = new ApolloServer({ typeDefs, resolvers: { ...scalarResolvers, Query: { decideHandoff: () => sample.data?.decideHandoff } } });
  const { url: constantUrl } = await startStandaloneServer(constant, { listen: { port: 0, host: '127.0.0.1' } });
  try {
    const apolloConstant = await load('Apollo Server, constant resolver', constantUrl.replace(/\/$/, ''), {}, bodies, connections, durationSeconds);
    const auth = { authorization: `Bearer ${adminKey}` };
    const batonDecide = await load('Baton decideHandoff (dry run)', baton.url, auth, bodies, connections, durationSeconds);
    const batonSingle = await load('Baton decideHandoff, 1 connection', baton.url, auth, bodies, 1, Math.max(2, Math.round(durationSeconds / 2)));
    return [apolloConstant, batonDecide, batonSingle];
  } finally {
    await constant.stop();
    await baton.close();
  }
}
