/**
 * Soak test (issue 17): `node server/dist/bench/soak.js` starts Baton as a child process
 * (`server/dist/main.js`, a temporary data directory) and runs `SOAK_MINUTES` (default 10) of
 * mixed traffic from `SOAK_CLIENTS` (default 8) clients — logged and dry-run decisions, handoffs
 * started, accepted and resolved, decision-log and assignment reads — then prints one line per
 * minute (requests, errors, p50/p99 latency in ms, the server's RSS in MB) and a verdict: RSS
 * growth from the end of the first minute to the end (target < 10 %), errors (target 0), and
 * the last minute's throughput against the best minute's (target ≥ 50 %: work that grows with
 * the data, like a scan of every handoff ever made, shows as a steady decline; the margin
 * leaves room for other load on a shared machine). Exit code 1 when a target is missed. Not part of `npm run bench`: it takes minutes.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sampleConversations } from '@baton/seed';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 8);
const ADMIN_KEY = `soak-admin-${'k'.repeat(40)}`;
const MAIN = path.resolve(__dirname, '../main.js');

const DECIDE = `query D($input: DecideHandoffInput!) { decideHandoff(input: $input) { decisionId action } }`;
const START = `mutation S($id: ID!) { startHandoff(decisionId: $id) { status agentId } }`;
const ACCEPT = `mutation A($id: ID!) { acceptHandoff(decisionId: $id) { status } }`;
const RESOLVE = `mutation R($id: ID!) { resolveHandoff(decisionId: $id) { status } }`;
const RELEASE = `mutation L($id: ID!) { releaseAssignment(decisionId: $id) { status } }`;
const LIST = `query { decisions(first: 20) { nodes { decisionId outcome { action } } } }`;
const ONE = `query O($id: ID!) { decision(id: $id) { decisionId } }`;

interface Minute {
  requests: number;
  errors: number;
  latencies: number[];
  rssMb: number;
}

/** Starts the server; resolves with its URL and pid once it logs that it listens. */
function startServer(dataDir: string): Promise<{ url: string; pid: number; stop: () => void }> {
  const env = {
    ...process.env,
    BATON_DATA_DIR: dataDir,
    PORT: '0',
    BATON_ADMIN_KEY: ADMIN_KEY,
    // info: the "Baton is listening" line carries the URL.
    BATON_LOG_LEVEL: 'info',
    // One key and one address make all the traffic here: the limits would measure themselves.
    BATON_RATE_LIMIT_PER_KEY: '0',
    BATON_RATE_LIMIT_PER_ADDRESS: '0',
    MONGODB_URI: '',
  };
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => l.includes('"Baton is listening"'));
      if (line) {
        child.stdout.removeAllListeners('data');
        child.stdout.resume();
        resolve({ url: (JSON.parse(line) as { url: string }).url, pid: child.pid as number, stop: () => child.kill('SIGTERM') });
      }
    });
    child.once('exit', (code) => reject(new Error(`the server exited with code ${code} before listening`)));
  });
}

/** Resident set size of `pid` in MB, from /proc (Linux). */
function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-soak-'));
  const server = await startServer(dataDir);
  const minutes: Minute[] = [];
  const started = Date.now();
  const end = started + MINUTES * 60_000;
  const current = (): Minute => {
    const index = Math.floor((Date.now() - started) / 60_000);
    while (minutes.length <= index) minutes.push({ requests: 0, errors: 0, latencies: [], rssMb: 0 });
    return minutes[index] as Minute;
  };
  const errorSamples: string[] = [];
  const call = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T | undefined> => {
    const t0 = performance.now();
    let failure: string | undefined;
    let data: T | undefined;
    try {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
      // A refused handoff step (CONFLICT: taken meanwhile, no agent) is an answer, not a failure.
      const unexpected = body.errors?.find((e) => e.extensions?.code !== 'CONFLICT');
      if (response.status >= 500 || unexpected) failure = `${response.status} ${unexpected?.extensions?.code}: ${unexpected?.message}`;
      data = body.data ?? undefined;
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    const minute = current();
    minute.requests += 1;
    minute.latencies.push(performance.now() - t0);
    if (failure) {
      minute.errors += 1;
      if (errorSamples.length < 5) errorSamples.push(failure);
    }
    return data;
  };
  let n = 0;
  const client = async (id: number): Promise<void> => {
    while (Date.now() < end) {
      n += 1;
      const sample = sampleConversations[n % sampleConversations.length]!;
      const input = { ...sample.input, conversationId: `soak-${id}-${n}`, dryRun: false };
      const roll = n % 10;
      if (roll < 3) {
        await call(DECIDE, { input: { ...input, dryRun: true } });
      } else if (roll < 5) {
        await call(LIST);
      } else {
        const decided = await call<{ decideHandoff: { decisionId: string; action: string } }>(DECIDE, { input });
        const decision = decided?.decideHandoff;
        if (!decision) continue;
        if (roll === 5) await call(ONE, { id: decision.decisionId });
        if (decision.action !== 'HANDOFF' || roll < 8) continue;
        const started = await call<{ startHandoff: { status: string } }>(START, { id: decision.decisionId });
        if (started?.startHandoff.status === 'ASSIGNED') {
          await call(ACCEPT, { id: decision.decisionId });
          await call(RESOLVE, { id: decision.decisionId });
        } else if (started) {
          await call(RELEASE, { id: decision.decisionId });
        }
      }
    }
  };
  const sampler = setInterval(() => (current().rssMb = rssMb(server.pid)), 5000);
  process.stdout.write(`Soak: ${MINUTES} min, ${CLIENTS} clients, server pid ${server.pid}, ${os.cpus().length} CPUs (shared machines skew latency)\n`);
  await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
  clearInterval(sampler);
  const finalRss = rssMb(server.pid);
  server.stop();
  let total = 0;
  let errors = 0;
  minutes.forEach((m, i) => {
    const sorted = [...m.latencies].sort((a, b) => a - b);
    total += m.requests;
    errors += m.errors;
    process.stdout.write(
      `minute ${i + 1}: ${m.requests} requests (${(m.requests / 60).toFixed(0)}/s), ${m.errors} errors, p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, RSS ${m.rssMb ? `${m.rssMb.toFixed(0)} MB` : '-'}\n`,
    );
  });
  const baseline = minutes[0]?.rssMb || finalRss;
  const growth = ((finalRss - baseline) / baseline) * 100;
  process.stdout.write(`RSS ${baseline.toFixed(0)} MB after minute 1 -> ${finalRss.toFixed(0)} MB at the end: ${growth.toFixed(1)} % (target < 10 %)\n`);
  process.stdout.write(`${total} requests, ${errors} errors (target 0)${errorSamples.length ? `; e.g. ${errorSamples.join(' | ')}` : ''}\n`);
  // The trailing partial minute (clients finishing) is left out.
  const rates = minutes.slice(0, MINUTES).map((m) => m.requests / 60);
  const best = Math.max(...rates);
  const last = rates[rates.length - 1] ?? 0;
  const held = best > 0 ? (last / best) * 100 : 0;
  process.stdout.write(`Throughput: ${last.toFixed(0)}/s in the last minute, ${best.toFixed(0)}/s at best: ${held.toFixed(0)} % (target ≥ 50 %)\n`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (growth >= 10 || errors > 0 || held < 50) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`soak failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
