/**
 * Internal: KPI query timings on the embedded store against issue 15's bar (one million logged
 * decisions, every KPI query under 2 s). Run after a build:
 *
 *   node server/dist/bench/kpis.js [decisions]     (default 1,000,000)
 *
 * Seeds a month (March 2026) of synthetic traffic straight into a new `baton.sqlite` in a
 * temporary directory — decisions in batched transactions with the decision log's indexes built
 * afterwards, assignments for most handoffs, outcomes for some conversations — then opens it as the
 * server does (`openSqliteStore`) and times `handoffKpis` and `handoffSuggestions` through
 * `OutcomeService`, cold and warm, with and without filters. Not part of the tests.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DATABASE_FILE, openDatabase } from '../store/sqlite/open-database';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store';
import { INSERT_OUTCOME, outcomeParams } from '../features/outcomes/sqlite-outcome-repositories';
import { OutcomeService } from '../features/outcomes/outcome-service';
import type { OutcomeRecord } from '../features/outcomes/outcome-store';

const BAR_SECONDS = 2;
const MONTH_START = Date.parse('2026-03-01T00:00:00Z');
const MONTH_MS = 31 * 86_400_000;
const TURNS = 4;
const REASONS = [
  'billing_dispute',
  'customer_request',
  'security_incident',
  'negative_sentiment',
  'low_confidence',
  'cancellation',
  'repeated_question',
  'no_progress',
];
const CHANNELS = ['chat', 'chat', 'email', 'voice'];
const LANGUAGES = ['en', 'en', 'es', 'de', 'fr'];
const RESOLUTIONS = ['RESOLVED', 'RESOLVED', 'RESOLVED', 'UNRESOLVED', 'TRANSFERRED', 'ABANDONED'] as const;
const VERDICTS = ['YES', 'NO', 'NO', 'UNSURE'] as const;
const TEXTS = ['Hi, I was charged twice for my order this month.', 'Where is my parcel? It was due yesterday.', 'Can I talk to a real person please?'];

/** A small deterministic generator, so every run seeds the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(items: readonly T[], r: number): T => items[Math.floor(r * items.length) % items.length] as T;
const iso = (ms: number) => new Date(ms).toISOString();

/** The facts a decision logs: the whole catalog, as the decision log stores it. */
function facts(channel: string, language: string, sentiment: number): string {
  return JSON.stringify({
    sentimentLatest: sentiment,
    sentimentPrevious: 0,
    sentimentMin: Math.min(0, sentiment),
    negativeStreak: sentiment < -0.3 ? 1 : 0,
    negativeTurns: sentiment < -0.3 ? 1 : 0,
    sentimentSharpDrop: false,
    botConfidenceLatest: 0.8,
    lowConfidenceStreak: 0,
    hedgingCount: 0,
    humanRequested: false,
    repeatedQuestionCount: 1,
    topics: ['billing'],
    messageLengthGrowth: 1.2,
    customerMessageCount: 2,
    botReplyCount: 1,
    conversationMinutes: 3,
    elapsedMinutes: 3,
    language,
    customerTier: 'pro',
    lifetimeValue: 250,
    channel,
    attemptCount: 0,
    failedAttemptCount: 0,
    customerAttributes: {},
    attributes: {},
  });
}

interface Seeded {
  decisions: number;
  conversations: number;
  handoffs: number;
  assignments: number;
  outcomes: number;
  seconds: number;
}

/** Writes `total` decisions (and their assignments and outcomes) into a new store in `dir`. */
function seed(dir: string, total: number): Seeded {
  const started = performance.now();
  const db = openDatabase(dir);
  db.pragma('synchronous = OFF');
  // Built once after the load: cheaper than keeping them up to date row by row.
  const indexes = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'decision_log' AND sql IS NOT NULL`).all() as {
    name: string;
    sql: string;
  }[];
  for (const index of indexes) db.exec(`DROP INDEX ${index.name}`);
  db.prepare(
    `INSERT INTO directory_queues (id, name, required_skills, languages, hours, priority, fallback_queue_id, max_wait_seconds,
    average_handle_seconds, created_at, updated_at) VALUES ('general', 'General', '[]', '["en"]', NULL, 5, NULL, 600, 600, ?, ?)`,
  ).run(iso(MONTH_START), iso(MONTH_START));
  const decision = db.prepare(`INSERT INTO decision_log (id, evaluated_at, logged_at, policy_id, policy_version, content_hash, conversation_id,
    input, facts, action, reason_code, reasons, queue, priority, tier, latency_ms) VALUES (?, ?, ?, 'support-default', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const assignment = db.prepare(`INSERT INTO handoff_assignments (decision_id, conversation_id, customer_id, queue_id, agent_id, channel, status,
    rank, fallback_used, explanation, created_at, assigned_at, released_at) VALUES (?, ?, ?, 'general', 'agent-1', 'chat', 'RELEASED', 101, 0, '[]', ?, ?, ?)`);
  const outcome = db.prepare(INSERT_OUTCOME);
  const hashes = ['a'.repeat(64), 'b'.repeat(64)];
  const r = random(15);
  const counts = { decisions: 0, conversations: 0, handoffs: 0, assignments: 0, outcomes: 0 };
  const conversations = Math.ceil(total / TURNS);
  const customers = Math.max(1, Math.floor(conversations / 6));

  const batch = db.transaction((first: number, last: number) => {
    for (let c = first; c < last; c += 1) {
      const conversationId = `conv-${c}`;
      const customerId = `cus-${Math.floor(r() * customers)}`;
      const channel = pick(CHANNELS, r());
      const language = pick(LANGUAGES, r());
      const version = c < conversations / 2 ? 1 : 2;
      const start = MONTH_START + Math.floor(r() * (MONTH_MS - 3_600_000));
      const handedOff = r() < 0.2;
      const reason = pick(REASONS, r());
      const turns = Math.min(TURNS, total - counts.decisions);
      let last = { id: '', at: 0, sentiment: 0 };
      for (let turn = 0; turn < turns; turn += 1) {
        const id = `d-${c}-${turn}`;
        const at = start + turn * 45_000;
        const handoff = handedOff && turn === turns - 1;
        const sentiment = Math.round((r() * 2 - 1) * 100) / 100;
        const input = JSON.stringify({
          conversationId,
          channel,
          customer: { id: customerId, language },
          messages: [{ speaker: 'CUSTOMER', text: pick(TEXTS, r()), at: iso(at - 1000) }],
          now: iso(at),
        });
        const reasons = handoff ? JSON.stringify([{ code: reason, category: 'CONTENT', description: reason, evidence: ['message 1'], nodeId: reason }]) : '[]';
        decision.run(
          id,
          iso(at),
          iso(at),
          version,
          hashes[version - 1],
          conversationId,
          input,
          facts(channel, language, sentiment),
          handoff ? 'HANDOFF' : 'STAY',
          handoff ? reason : 'ai_resolving',
          reasons,
          handoff ? 'general' : null,
          handoff ? 'HIGH' : 'NORMAL',
          handoff ? 'HUMAN_LED' : 'AI_RESOLVED',
          0.4,
        );
        counts.decisions += 1;
        last = { id, at, sentiment };
      }
      counts.conversations += 1;
      const anchor = {
        conversationId,
        decisionId: last.id,
        decidedAt: new Date(last.at),
        policyId: 'support-default',
        policyVersion: version,
        channel,
        language,
      };
      const base: Omit<OutcomeRecord, 'kind' | 'reasonCode' | 'queue'> = {
        ...anchor,
        firstAgentResponseAt: null,
        resolution: null,
        resolvedAt: null,
        csat: null,
        agentVerdict: null,
        correctedReasonCode: null,
        reopened: null,
        resolvedByAi: null,
        fieldTimes: {},
        createdAt: new Date(last.at + 3_600_000),
        updatedAt: new Date(last.at + 3_600_000),
        updatedBy: 'desk-key-001',
      };
      if (handedOff) {
        counts.handoffs += 1;
        const wait = Math.floor(r() * 600_000);
        if (r() < 0.9) {
          assignment.run(last.id, conversationId, customerId, iso(last.at + 1000), iso(last.at + wait), iso(last.at + wait + 1_200_000));
          counts.assignments += 1;
        }
        if (r() < 0.6) {
          const responded = last.at + wait + Math.floor(r() * 120_000);
          const at = new Date(responded + 900_000);
          outcome.run(
            outcomeParams({
              ...base,
              kind: 'HANDOFF',
              reasonCode: reason,
              queue: 'general',
              firstAgentResponseAt: new Date(responded),
              resolution: pick(RESOLUTIONS, r()),
              resolvedAt: at,
              csat: 1 + Math.floor(r() * 5),
              agentVerdict: r() < 0.7 ? pick(VERDICTS, r()) : null,
              correctedReasonCode: r() < 0.05 ? pick(REASONS, r()) : null,
              reopened: r() < 0.1,
              fieldTimes: { firstAgentResponseAt: at, resolution: at, resolvedAt: at, csat: at },
            }),
          );
          counts.outcomes += 1;
        }
      } else if (r() < 0.2) {
        const at = new Date(last.at + 600_000);
        outcome.run(
          outcomeParams({
            ...base,
            kind: 'AI_ONLY',
            reasonCode: 'ai_resolving',
            queue: null,
            resolvedByAi: r() < 0.8,
            csat: 1 + Math.floor(r() * 5),
            fieldTimes: { csat: at },
          }),
        );
        counts.outcomes += 1;
      }
    }
  });
  const PER_BATCH = 5_000;
  for (let c = 0; c < conversations; c += PER_BATCH) {
    batch(c, Math.min(conversations, c + PER_BATCH));
    if ((c / PER_BATCH) % 20 === 19) process.stdout.write(`  ${counts.decisions.toLocaleString('en')} decisions written\n`);
  }
  const loaded = performance.now();
  for (const index of indexes) db.exec(index.sql);
  process.stdout.write(`  indexes built in ${((performance.now() - loaded) / 1000).toFixed(1)} s\n`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { ...counts, seconds: (performance.now() - started) / 1000 };
}

interface Timing {
  name: string;
  seconds: number;
}

async function time(name: string, run: () => Promise<unknown>): Promise<Timing> {
  const started = performance.now();
  await run();
  return { name, seconds: (performance.now() - started) / 1000 };
}

async function main(): Promise<void> {
  const total = Number(process.argv[2] ?? 1_000_000);
  if (!Number.isInteger(total) || total < TURNS)
    throw new Error(`Give the number of decisions as a whole number of at least ${TURNS}; got ${process.argv[2]}.`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-kpi-bench-'));
  try {
    process.stdout.write(`Seeding ${total.toLocaleString('en')} decisions in ${dir}\n`);
    const seeded = seed(dir, total);
    const size = fs.statSync(path.join(dir, DATABASE_FILE)).size;
    process.stdout.write(
      `Seeded in ${seeded.seconds.toFixed(1)} s (${(size / 1024 / 1024).toFixed(0)} MB): ${seeded.decisions.toLocaleString('en')} decisions, ` +
        `${seeded.conversations.toLocaleString('en')} conversations, ${seeded.handoffs.toLocaleString('en')} handed off, ` +
        `${seeded.assignments.toLocaleString('en')} assignments, ${seeded.outcomes.toLocaleString('en')} outcomes\n\n`,
    );
    const store = await openSqliteStore(dir);
    const service = new OutcomeService({
      store: store.outcomes,
      decisionLog: store.decisionLog,
      flushDecisionLog: async () => undefined,
      datasets: { fromLoggedDecisions: async () => Promise.reject(new Error('not in the benchmark')) },
      maxDatasetRows: 50_000,
    });
    const month = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };
    const runs: [string, () => Promise<unknown>][] = [
      ['handoffKpis, March, DAY, UTC (first query, cold)', () => service.kpis(month, 'DAY', 'UTC')],
      ['handoffKpis, March, DAY, UTC', () => service.kpis(month, 'DAY', 'UTC')],
      ['handoffKpis, March, WEEK, Europe/Madrid (summer time starts on the 29th)', () => service.kpis(month, 'WEEK', 'Europe/Madrid')],
      [
        'handoffKpis, March, DAY, America/New_York, channel chat, language en',
        () => service.kpis({ ...month, channel: 'chat', language: 'en' }, 'DAY', 'America/New_York'),
      ],
      ['handoffKpis, March, DAY, UTC, policy version 2', () => service.kpis({ ...month, policyId: 'support-default', policyVersion: 2 }, 'DAY', 'UTC')],
      [
        'handoffKpis, March, DAY, UTC, reason billing_dispute, queue general',
        () => service.kpis({ ...month, reasonCode: 'billing_dispute', queueId: 'general' }, 'DAY', 'UTC'),
      ],
      ['handoffKpis, one week, DAY, UTC', () => service.kpis({ from: new Date('2026-03-09T00:00:00Z'), to: new Date('2026-03-16T00:00:00Z') }, 'DAY', 'UTC')],
      ['handoffSuggestions, March', () => service.suggestions(month)],
    ];
    const timings: Timing[] = [];
    for (const [name, run] of runs) {
      const timing = await time(name, run);
      timings.push(timing);
      process.stdout.write(`  ${timing.seconds.toFixed(3).padStart(7)} s  ${name}\n`);
    }
    const overall = await service.kpis(month, 'DAY', 'UTC');
    process.stdout.write(
      `\nMarch overall: ${overall.overall.conversations.toLocaleString('en')} conversations, ${overall.overall.handoffs.toLocaleString('en')} handoffs ` +
        `(rate ${overall.overall.handoffRate?.toFixed(3)}), time to assignment p50 ${overall.overall.timeToAssignment.p50Seconds} s / p90 ` +
        `${overall.overall.timeToAssignment.p90Seconds} s, repeat-handoff rate ${overall.overall.repeatHandoffRate?.toFixed(3)}\n`,
    );
    const slowest = Math.max(...timings.map((t) => t.seconds));
    process.stdout.write(`Slowest query ${slowest.toFixed(3)} s: ${slowest < BAR_SECONDS ? 'under' : 'OVER'} the ${BAR_SECONDS} s bar\n`);
    await store.close();
    if (slowest >= BAR_SECONDS) process.exitCode = 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
});
