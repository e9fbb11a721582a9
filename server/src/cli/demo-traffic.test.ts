import { seedDemoTraffic } from '../demo/demo-traffic';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store';
import { makeTempDir, removeTempDirs } from '../test-support/temp-dir';
import { startTestServer } from '../test-support/test-server';
import { DEMO_TRAFFIC_EXIT, runDemoTrafficCommand } from './demo-traffic-command';

async function demoTraffic(argv: string[], dataDir: string): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDemoTrafficCommand(argv, {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    cwd: makeTempDir(),
    env: { BATON_DATA_DIR: dataDir },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const countOf = (out: string, label: string): number => Number(new RegExp(`${label}\\s+([\\d,]+)`).exec(out)?.[1]?.replace(/,/g, '') ?? NaN);

interface Figures {
  conversations: number;
  handoffs: number;
  handoffRate: number;
  timeToAssignment: { count: number; p50Seconds: number };
  timeToFirstResponse: { count: number; p50Seconds: number; p90Seconds: number };
  resolutions: number;
  resolved: number;
  csatHandoff: { responses: number };
  csatAiOnly: { responses: number };
  aiOutcomes: number;
  verdicts: number;
  unnecessary: number;
  sentimentMeasured: number;
  byReason: { reasonCode: string }[];
}

afterAll(removeTempDirs);

describe('npm run demo:traffic', () => {
  it('fills a new store with a month of decisions, assignments and outcomes the KPIs read, and refuses to run on it again', async () => {
    const dataDir = makeTempDir();
    const first = await demoTraffic(['--conversations', '150', '--days', '14'], dataDir);
    expect(first).toMatchObject({ code: DEMO_TRAFFIC_EXIT.done, err: '' });
    expect(first.out).toContain(`Demo traffic written to ${dataDir}`);
    const conversations = countOf(first.out, 'conversations');
    const decisions = countOf(first.out, 'decisions');
    const handoffs = countOf(first.out, 'handoffs');
    expect(conversations).toBeGreaterThanOrEqual(150);
    expect(decisions).toBeGreaterThan(conversations);
    expect(handoffs).toBeGreaterThan(15);
    expect(handoffs).toBeLessThan(conversations * 0.6);

    const store = await openSqliteStore(dataDir);
    expect(await store.decisionLog.countDecisions()).toBe(decisions);
    await store.close();

    // The figures of the period, as the dashboard reads them.
    const server = await startTestServer({ dataDir });
    try {
      const to = new Date();
      const from = new Date(to.getTime() - 15 * 86_400_000);
      const answer = await server.gql<{ handoffKpis: { overall: Figures; buckets: { figures: { conversations: number } }[] } }>(
        `query($filter: KpiFilter!) { handoffKpis(filter: $filter) {
          overall { conversations handoffs handoffRate timeToAssignment { count p50Seconds } timeToFirstResponse { count p50Seconds p90Seconds }
            resolutions resolved csatHandoff { responses } csatAiOnly { responses } aiOutcomes verdicts unnecessary sentimentMeasured byReason { reasonCode } }
          buckets { figures { conversations } } } }`,
        { filter: { from: from.toISOString(), to: to.toISOString() } },
      );
      expect(answer.body.errors).toBeUndefined();
      const { overall, buckets } = answer.body.data?.handoffKpis ?? { overall: null, buckets: [] };
      expect(overall).toMatchObject({ conversations, handoffs });
      const figures = overall as Figures;
      expect(figures.timeToAssignment.count).toBeGreaterThan(handoffs * 0.7);
      expect(figures.timeToFirstResponse.count).toBeGreaterThan(handoffs * 0.5);
      expect(figures.timeToFirstResponse.p90Seconds).toBeGreaterThan(figures.timeToFirstResponse.p50Seconds);
      expect(figures.resolved).toBeGreaterThan(figures.resolutions * 0.5);
      expect(figures.csatHandoff.responses).toBeGreaterThan(0);
      expect(figures.csatAiOnly.responses).toBeGreaterThan(0);
      expect(figures.aiOutcomes).toBeGreaterThan(conversations * 0.4);
      expect(figures.verdicts).toBeGreaterThan(figures.unnecessary);
      expect(figures.unnecessary).toBeGreaterThan(0);
      expect(figures.sentimentMeasured).toBe(handoffs);
      expect(figures.byReason.length).toBeGreaterThanOrEqual(5);
      // Spread over the 14 days, not bunched on one.
      expect(buckets.filter((b) => b.figures.conversations > 0).length).toBeGreaterThanOrEqual(13);
    } finally {
      await server.close();
    }

    const again = await demoTraffic(['--conversations', '20'], dataDir);
    expect(again.code).toBe(DEMO_TRAFFIC_EXIT.refused);
    expect(again.err).toContain(`nothing written: the store already has ${decisions.toLocaleString('en-US')} logged decisions`);
    expect(again.err).toContain('BATON_DATA_DIR=.baton-demo');
    expect(again.out).toBe('');
    const unchanged = await openSqliteStore(dataDir);
    expect(await unchanged.decisionLog.countDecisions()).toBe(decisions);
    await unchanged.close();
  });

  it('gives the same month for the same seed, size and end', async () => {
    const end = new Date('2026-03-31T12:00:00Z');
    const runs = [];
    for (let i = 0; i < 2; i += 1) {
      const store = await openSqliteStore(makeTempDir());
      try {
        const { byReason, ...summary } = await seedDemoTraffic(store, { conversations: 60, days: 7, end, seed: 4 });
        runs.push({ ...summary, byReason });
      } finally {
        await store.close();
      }
    }
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[0]).toMatchObject({ from: new Date('2026-03-24T12:00:00Z'), to: end });
  });

  it('exits 2 on bad options, naming them', async () => {
    expect(await demoTraffic(['--conversations', '0'], makeTempDir())).toMatchObject({
      code: 2,
      err: expect.stringContaining('--conversations must be a whole number from 1'),
    });
    expect(await demoTraffic(['--size', '3'], makeTempDir())).toMatchObject({ code: 2, err: expect.stringContaining("Unknown option '--size'") });
    expect((await demoTraffic(['--help'], makeTempDir())).out).toContain('Usage: npm run demo:traffic');
  });
});
