/**
 * decideHandoff over HTTP on loopback with autocannon, side by side with an Apollo Server whose
 * `decideHandoff` resolver returns a constant decision (same SDL, same query, same response
 * size): the cost of Apollo + HTTP alone versus a full decision through Baton (auth, limits,
 * policy cache, signals, rules, routing, context). Each server runs as its own process
 * (`node server/dist/main.js` for Baton, its default configuration over a fresh embedded store
 * but for rate limits, which are off; both with NODE_ENV=production, and Baton with
 * MALLOC_ARENA_MAX=2, as the Docker image runs them),
 * pinned to one core while autocannon runs pinned to the other (`pinning.ts`).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { decideBodies } from './bench-bodies';
import { benchPerTurn, type PerTurnMeasurement } from './per-turn';
import { choosePinning, pinSelf, type Pinning } from './pinning';
import { freePort, startServerProcess, type ServerProcess } from './server-process';

export interface HttpMeasurement {
  name: string;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  errors: number;
  non2xx: number;
}

export interface HttpBench {
  pinning: Pinning | null;
  /** The constant resolver, Baton dry run, Baton logging every decision, Baton on one connection. */
  runs: [HttpMeasurement, HttpMeasurement, HttpMeasurement, HttpMeasurement];
  /** Peak resident memory of the Baton process over the runs at 50 connections, MB (null off Linux). */
  batonPeakRssMb: number | null;
  perTurn: PerTurnMeasurement;
}

const ADMIN_KEY = 'bench-admin-key-0123456789abcdefghijklmnop';
/** Bodies per run: more than a run sends at the expected rates, so no latest message repeats. */
const BODIES_PER_SECOND = 4000;
const WARM_UP_SECONDS = 10;

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

/** Baton (`node server/dist/main.js`) on a fresh embedded store in `dataDir`, pinned to the server core when there is one. */
async function startBaton(dataDir: string, pinning: Pinning | null): Promise<ServerProcess> {
  const port = await freePort();
  return startServerProcess(
    [path.join(__dirname, '..', 'main.js')],
    port,
    // Rate limits off: one key from one address sends thousands a second here, to measure capacity.
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      BATON_DATA_DIR: dataDir,
      BATON_ADMIN_KEY: ADMIN_KEY,
      BATON_LOG_LEVEL: 'warn',
      BATON_RATE_LIMIT_PER_KEY: '0',
      BATON_RATE_LIMIT_PER_ADDRESS: '0',
      NODE_ENV: 'production',
      MALLOC_ARENA_MAX: '2',
    },
    pinning?.server,
  );
}

/**
 * The per-turn measure alone (`per-turn.ts`, `turnConversations` conversations of 202 turns) on a
 * Baton warmed up as in {@link benchHttp}, pinned the same way: for working on the cost per turn
 * without the throughput runs.
 */
export async function benchPerTurnOnly(connections: number, turnConversations: number): Promise<{ pinning: Pinning | null; perTurn: PerTurnMeasurement }> {
  const pinning = choosePinning();
  if (pinning) pinSelf(pinning.load);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'baton-bench-'));
  const baton = await startBaton(dataDir, pinning);
  try {
    const auth = { authorization: `Bearer ${ADMIN_KEY}` };
    await load('warm-up', baton.url, auth, decideBodies(BODIES_PER_SECOND * WARM_UP_SECONDS, true, 900_000), connections, WARM_UP_SECONDS);
    return { pinning, perTurn: await benchPerTurn(baton.url, ADMIN_KEY, turnConversations) };
  } finally {
    await baton.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Runs the constant resolver, then Baton (dry run, then logging every decision) for
 * `durationSeconds` each at `connections` connections, Baton on one connection for half as long,
 * and the per-turn measure (`per-turn.ts`, `turnConversations` conversations of 202 turns).
 */
export async function benchHttp(connections: number, durationSeconds: number, turnConversations: number): Promise<HttpBench> {
  const pinning = choosePinning();
  if (pinning) pinSelf(pinning.load);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'baton-bench-'));
  const bodyCount = BODIES_PER_SECOND * durationSeconds;
  const auth = { authorization: `Bearer ${ADMIN_KEY}` };
  const baton = await startBaton(dataDir, pinning);
  try {
    const [first] = decideBodies(1, true);
    const sample = (await (
      await fetch(`${baton.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: first })
    ).json()) as {
      data?: { decideHandoff: unknown };
      errors?: unknown;
    };
    if (!sample.data) throw new Error(`Baton did not answer the benchmark query: ${JSON.stringify(sample.errors)}`);

    const decisionFile = path.join(dataDir, 'constant-decision.json');
    writeFileSync(decisionFile, JSON.stringify(sample.data.decideHandoff));
    const constantPort = await freePort();
    const constant = await startServerProcess(
      [path.join(__dirname, 'constant-server.js'), decisionFile, String(constantPort)],
      constantPort,
      { NODE_ENV: 'production' },
      pinning?.server,
    );
    let floor: HttpMeasurement;
    try {
      floor = await load('Apollo Server, constant resolver', constant.url, {}, decideBodies(bodyCount, true), connections, durationSeconds);
    } finally {
      await constant.stop();
    }
    // Warm-up, not measured: the JIT, the prepared policy and the memos settle in the first seconds; a server runs for hours.
    await load('warm-up', baton.url, auth, decideBodies(BODIES_PER_SECOND * WARM_UP_SECONDS, true, 900_000), connections, WARM_UP_SECONDS);
    const dry = await load('Baton decideHandoff (dry run)', baton.url, auth, decideBodies(bodyCount, true), connections, durationSeconds);
    const logged = await load('Baton decideHandoff (logged)', baton.url, auth, decideBodies(bodyCount, false, 500_000), connections, durationSeconds);
    const peak = baton.peakRssMb();
    const singleSeconds = Math.max(2, Math.round(durationSeconds / 2));
    const single = await load(
      'Baton decideHandoff (dry run), 1 connection',
      baton.url,
      auth,
      decideBodies(BODIES_PER_SECOND * singleSeconds, true, 1_000_000),
      1,
      singleSeconds,
    );
    const perTurn = await benchPerTurn(baton.url, ADMIN_KEY, turnConversations);
    return { pinning, runs: [floor, dry, logged, single], batonPeakRssMb: peak, perTurn };
  } finally {
    await baton.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
