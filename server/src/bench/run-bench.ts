/**
 * `npm run bench`: in-process, backtest and HTTP throughput of the reference policy, every figure from
 * this one run, printed with the ratios and targets the README and closing notes quote (issue 18:
 * decideHandoff at ≥ 0.3× a constant-resolver Apollo Server, p99 ≤ 50 ms at 50 connections,
 * logging within 10 %, flat cost per turn, ≤ 250 MB resident).
 * BENCH_SECONDS (default 10) sets the HTTP duration per target; in-process variants run 3 s each.
 * `run-bench.js per-turn` runs only the turn-by-turn measure (on a warmed-up, pinned Baton).
 */
import { benchBacktest } from './backtest';
import { benchInProcess } from './in-process';
import { benchHttp, benchPerTurnOnly } from './http';
import type { PerTurnMeasurement } from './per-turn';

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Conversations of the turn-by-turn measure: one per language of the seed (en, es, de, pt, fr). */
const TURN_CONVERSATIONS = 5;

function printPerTurn({ earlyMs, lateMs, conversations }: PerTurnMeasurement): void {
  console.log(
    `  Turn by turn (${conversations} conversations, 1 connection, dry run): turns 3–7 ${earlyMs.toFixed(2)} ms, turns 198–202 ${lateMs.toFixed(2)} ms: ${(lateMs / earlyMs).toFixed(2)}x (target ≤ 1.5x)`,
  );
}

/** Only the turn-by-turn measure. */
async function perTurnOnly(): Promise<void> {
  const { pinning, perTurn } = await benchPerTurnOnly(50, TURN_CONVERSATIONS);
  console.log(`Baton benchmark, turn by turn only — Node ${process.version}, ${pinning ? `pinned to core ${pinning.server}` : 'not pinned'}`);
  printPerTurn(perTurn);
}

async function main(): Promise<void> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  console.log(`Baton benchmark — Node ${process.version}, reference policy, seed conversations\n`);

  const inProcess = await benchInProcess(3000);
  console.log('In-process (decisions per second, single thread):');
  for (const m of inProcess) console.log(`  ${m.name.padEnd(68)} ${fmt(m.opsPerSecond).padStart(10)}/s`);
  const [hand, raw, baton, full, routed] = inProcess.map((m) => m.opsPerSecond) as [number, number, number, number, number];
  console.log(`  Baton evaluation / raw json-rules-engine: ${(baton / raw).toFixed(2)}x`);
  console.log(`  Baton full decision / raw json-rules-engine: ${(full / raw).toFixed(2)}x`);
  console.log(`  raw json-rules-engine / hand-written: ${(raw / hand).toFixed(4)}x`);
  console.log(`  routing's share of a decision's cost, 500 agents: +${((full / routed - 1) * 100).toFixed(1)}% (target < 20%)\n`);

  console.log('Backtest (worker pool, one thread per core, reference policy):');
  for (const b of await benchBacktest()) {
    console.log(`  ${b.name.padEnd(68)} ${b.seconds.toFixed(1).padStart(7)} s (target < ${b.target} s, ${fmt(b.rows / b.seconds)} rows/s)`);
  }
  console.log('');

  const http = await benchHttp(50, seconds, TURN_CONVERSATIONS);
  const where = http.pinning
    ? `servers pinned to core ${http.pinning.server}, autocannon to core ${http.pinning.load} (taskset)`
    : 'not pinned (needs taskset and 2 cores)';
  console.log(`HTTP on loopback, 50 connections, ${seconds} s each (autocannon; ${where}):`);
  for (const m of http.runs) {
    console.log(
      `  ${m.name.padEnd(46)} ${fmt(m.requestsPerSecond).padStart(7)} req/s   p50 ${m.latencyP50Ms} ms   p99 ${m.latencyP99Ms} ms   errors ${m.errors}   non-2xx ${m.non2xx}`,
    );
  }
  const [constant, dry, logged] = http.runs;
  console.log(
    `  Baton decideHandoff (dry run) / Apollo constant resolver: ${(dry.requestsPerSecond / constant.requestsPerSecond).toFixed(2)}x (target ≥ 0.30)`,
  );
  console.log(`  Baton decideHandoff (dry run) p99 at 50 connections: ${dry.latencyP99Ms} ms (target ≤ 50 ms)`);
  console.log(`  Logged / dry run: ${(logged.requestsPerSecond / dry.requestsPerSecond).toFixed(2)}x (target ≥ 0.90)`);
  console.log(`  Baton peak resident memory under that load: ${http.batonPeakRssMb ?? 'n/a'} MB (target ≤ 250 MB)`);
  printPerTurn(http.perTurn);
}

(process.argv[2] === 'per-turn' ? perTurnOnly() : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
