/**
 * The SQLite KPI queries: SQL buckets a time exactly as `kpi-buckets.ts` does, and every query
 * reads the decision log and the outcomes through their KPI indexes (never a scan of the rows).
 */
import type Database from 'better-sqlite3';
import { openDatabase } from '../../store/sqlite/open-database';
import { makeTempDir, removeTempDirs } from '../../test-support/temp-dir';
import { bucketLabel, bucketPlan } from './kpi-buckets';
import { bucketSql, createSqliteKpiQueries, localDateSql } from './sqlite-kpi-queries';

afterAll(removeTempDirs);

describe('buckets in SQL', () => {
  const db = openDatabase(makeTempDir());
  afterAll(() => db.close());

  it.each(['Europe/Madrid', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'UTC'])(
    'gives the local dates and weeks kpi-buckets.ts gives, in %s',
    (zone) => {
      const from = new Date('2026-03-01T00:00:00Z');
      const to = new Date('2026-11-15T00:00:00Z');
      for (const unit of ['DAY', 'WEEK'] as const) {
        const plan = bucketPlan(from, to, unit, zone);
        const select = db.prepare(`SELECT ${bucketSql('@t', plan)} AS bucket, ${localDateSql('@t', plan.segments)} AS local`);
        // Every 37 minutes over eight and a half months: both sides of each transition.
        for (let ms = from.getTime(); ms < to.getTime(); ms += 37 * 60_000 + 13_001) {
          const { bucket } = select.get({ t: new Date(ms).toISOString() }) as { bucket: string };
          if (bucket !== bucketLabel(unit, plan.segments, ms)) throw new Error(`${zone} ${unit} at ${new Date(ms).toISOString()}: SQL ${bucket}`);
        }
      }
    },
  );
});

describe('query plans', () => {
  it('read the decision log through the KPI indexes and the outcomes through theirs', async () => {
    const db = openDatabase(makeTempDir());
    const texts: string[] = [];
    const recording = { prepare: (sql: string) => (texts.push(sql), db.prepare(sql)) } as unknown as Database.Database;
    const queries = createSqliteKpiQueries(recording);
    const filter = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z'), policyId: 'p', policyVersion: 1, channel: 'chat' };
    await queries.aggregates({
      filter: { ...filter, reasonCode: 'r', queueId: 'q', language: 'en' },
      plan: bucketPlan(filter.from, filter.to, 'DAY', 'Europe/Madrid'),
    });
    await queries.aggregates({ filter, plan: bucketPlan(filter.from, filter.to, 'WEEK', 'UTC') });
    queries.reasonFeedback(filter);
    const params = { from: 'a', to: 'b', policyId: 'p', policyVersion: 1, channel: 'chat', language: 'en', reasonCode: 'r', queueId: 'q' };
    const accesses = texts.flatMap((text) =>
      (
        db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(Object.fromEntries(Object.entries(params).filter(([name]) => text.includes(`@${name}`)))) as {
          detail: string;
        }[]
      )
        .map((row) => row.detail)
        .filter((detail) => /^(SCAN|SEARCH) (decision_log|conversation_outcomes|handoff_assignments|p|a)\b/.test(detail)),
    );
    expect(accesses.length).toBeGreaterThan(10);
    for (const access of accesses) {
      expect(access).toMatch(
        /USING (COVERING )?INDEX (decision_log_kpi_conversation|decision_log_kpi_handoff|decision_log_customer_handoff|handoff_assignments_conversation|conversation_outcomes_decided|conversation_outcomes_reason)\b/,
      );
    }
    db.close();
  });
});
