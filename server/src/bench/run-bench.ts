/**
 * `npm run bench`: in-process, backtest and HTTP throughput of the reference policy, every figure from
 * this one run, printed as a table with the ratios the README and closing notes quote.
 * BENCH_SECONDS (default 10) sets the HTTP duration per target; in-process variants run 3 s each.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { benchBacktest } from './backtest';
import { benchInProcess } from './in-process';
import { benchHttp } from './http';

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

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

  const dataDir = mkdtempSync(path.join(tmpdir(), 'baton-bench-'));
  try {
    const http = await benchHttp(dataDir, 50, seconds);
    console.log(`HTTP on loopback, 50 connections, ${seconds} s each (autocannon):`);
    for (const m of http) {
      console.log(
        `  ${m.name.padEnd(44)} ${fmt(m.requestsPerSecond).padStart(7)} req/s   p50 ${m.latencyP50Ms} ms   p99 ${m.latencyP99Ms} ms   errors ${m.errors}   non-2xx ${m.non2xx}`,
      );
    }
    const [constant, decide] = http as [(typeof http)[0], (typeof http)[0]];
    console.log(`  Baton decideHandoff / Apollo constant resolver: ${(decide.requestsPerSecond / constant.requestsPerSecond).toFixed(2)}x (target ≥ 0.50)`);
    console.log(`  Baton decideHandoff p99: ${decide.latencyP99Ms} ms (target < 15 ms)`);
    const single = http[2];
    if (single) console.log(`  One connection (no queueing): p50 ${single.latencyP50Ms} ms, p99 ${single.latencyP99Ms} ms`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
