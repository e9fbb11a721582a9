/**
 * In-process throughput on the reference policy, all measured in one run on the same fact sets
 * (computed once from the seed conversations):
 * - hand-written TypeScript of the policy (the floor),
 * - raw json-rules-engine: one Engine built once from the compiled rules, runs in sequence,
 * - Baton's evaluation (`runEngine`: every path's results kept for triggers and trace; the same
 *   fact values come back, so this is the memo of runs by fact values, `engine-pool.ts`),
 * - Baton's full decision (`decide`: signals + rules + reasons + trace + context), without routing,
 * - the same with routing: the reference routing graph and a 500-agent directory snapshot.
 * The full decisions read inputs whose latest customer message no other input has (`bench-bodies.ts`),
 * so each one analyses a new message as on real traffic. Each variant runs for a fixed wall time;
 * the figure is decisions per second.
 */
import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import { compilePolicy, computeSignals, decide, preparePolicy, runEngine } from '@baton/rules';
import { referencePolicy, sampleConversations, toDecideHandoffInput } from '@baton/seed';
import { uniqueInputs } from './bench-bodies';
import { benchDirectory } from './bench-directory';
import type { Facts } from '@baton/schemas';
import { referencePolicyByHand } from './reference-policy-by-hand';

export interface Measurement {
  name: string;
  opsPerSecond: number;
}

async function measure(name: string, durationMs: number, op: (i: number) => unknown): Promise<Measurement> {
  for (let i = 0; i < 200; i++) await op(i);
  let count = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(durationMs) * 1_000_000n;
  while (process.hrtime.bigint() < deadline) {
    for (let k = 0; k < 50; k++) await op(count++);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { name, opsPerSecond: count / seconds };
}

/**
 * Measures two variants in alternating slices (20 rounds), so load from other processes falls
 * on both alike: a ratio between them stays meaningful on a busy machine.
 */
async function measureInterleaved(
  names: [string, string],
  durationMs: number,
  ops: [(i: number) => unknown, (i: number) => unknown],
): Promise<[Measurement, Measurement]> {
  const counts = [0, 0];
  const nanos = [0n, 0n];
  for (const op of ops) for (let i = 0; i < 200; i++) await op(i);
  const slice = BigInt(Math.max(1, Math.round(durationMs / 20))) * 1_000_000n;
  for (let round = 0; round < 20; round++) {
    for (const [k, op] of ops.entries()) {
      const start = process.hrtime.bigint();
      while (process.hrtime.bigint() - start < slice) {
        for (let j = 0; j < 10; j++) await op((counts[k] as number) + j);
        counts[k] = (counts[k] as number) + 10;
      }
      nanos[k] = (nanos[k] as bigint) + (process.hrtime.bigint() - start);
    }
  }
  const rate = (k: number): number => (counts[k] as number) / (Number(nanos[k]) / 1e9);
  return [
    { name: names[0], opsPerSecond: rate(0) },
    { name: names[1], opsPerSecond: rate(1) },
  ];
}

/** Runs the four variants for `durationMs` each and checks they agree before measuring. */
export async function benchInProcess(durationMs: number): Promise<Measurement[]> {
  const document = referencePolicy.document;
  const compiled = compilePolicy(document);
  const { routing: _routing, ...withoutRouting } = document;
  const prepared = preparePolicy(withoutRouting, compilePolicy(withoutRouting));
  const preparedRouting = preparePolicy(document, compiled);
  const directory = benchDirectory(500);
  const inputs = sampleConversations.map((s) => toDecideHandoffInput(s.input));
  const now = new Date('2026-11-21T12:00:00Z');
  const facts: Facts[] = inputs.map((input) => computeSignals(input, prepared.signals, input.now ?? now).facts);
  const fresh = uniqueInputs(40_000, true).map(toDecideHandoffInput);

  const shared = new Engine([], { allowUndefinedFacts: false });
  for (const [name, c] of Object.entries(compiled.conditions)) shared.setCondition(name, c as TopLevelCondition);
  for (const rule of compiled.rules) shared.addRule(rule as unknown as RuleProperties);

  for (const f of facts) {
    const baton = (await runEngine(compiled, f)).decision.params.leaf.id;
    const raw = (await shared.run(f as unknown as Record<string, unknown>)).events[0]?.params as { leaf: { id: string } } | undefined;
    if (baton !== referencePolicyByHand(f) || raw?.leaf.id !== baton)
      throw new Error(`Variants disagree: ${baton} / ${raw?.leaf.id} / ${referencePolicyByHand(f)}`);
  }

  const pick = <T>(list: T[], i: number): T => list[i % list.length] as T;
  const policy = { id: referencePolicy.id, name: referencePolicy.name, version: 1, contentHash: 'bench' };
  return [
    await measure('hand-written TypeScript', durationMs, (i) => referencePolicyByHand(pick(facts, i))),
    await measure('raw json-rules-engine (shared Engine, sequential)', durationMs, (i) => shared.run(pick(facts, i) as unknown as Record<string, unknown>)),
    await measure('Baton evaluation (runEngine, repeated fact values: memo of runs)', durationMs, (i) => runEngine(compiled, pick(facts, i))),
    ...(await measureInterleaved(
      ['Baton full decision (signals + rules + context)', 'Baton full decision + routing (routing graph, 500 agents)'],
      2 * durationMs,
      [
        (i) => decide(prepared, pick(fresh, 2 * i), { now, decisionId: `bench-${i}`, policy }),
        (i) => decide(preparedRouting, pick(fresh, 2 * i + 1), { now, decisionId: `bench-${i}`, policy, directory }),
      ],
    )),
  ];
}
