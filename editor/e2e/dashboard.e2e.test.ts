/**
 * End to end, the handoff dashboard: the built editor in Debian's Chromium against a real Baton
 * server. On the empty store the dashboard says what to connect; then a month of demo traffic
 * (`npm run demo:traffic`'s generator, small) goes into the server's store, and an ops lead reads
 * the figures and charts (checked against the API), narrows them to a channel, switches to
 * weekly buckets, exports the buckets as CSV, opens the decisions behind a figure and a
 * conversation, replays a logged decision on its version, turns a suggestion into a backtest
 * dataset, and meets the empty state of a filter nothing matches. An AUDITOR reads it all but
 * makes no dataset. Screenshots at 1280×720 and 1440×900 go to editor/test-output/ (and one to
 * docs/images/).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { seedDemoTraffic } from '../../server/src/demo/demo-traffic';
import { axeViolations } from './axe-check';
import { useEditorBrowser } from './browser-harness';

const DOCS_IMAGES = path.resolve(__dirname, '..', '..', 'docs', 'images');

const harness = useEditorBrowser();
const { openPage, shot, signIn } = harness;

/** Polls until `check` holds (15 s). */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const textOf = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

interface Overall {
  conversations: number;
  handoffs: number;
  handoffRate: number | null;
  unnecessaryEscalationRate: number | null;
}

/** The figures the API gives for the range on screen (its From and To, in UTC: the test browser's time zone). */
async function apiFigures(page: Page, extra: Record<string, string> = {}, bucket = 'DAY'): Promise<{ overall: Overall; buckets: number }> {
  const from = await page.getByLabel('From').inputValue();
  const to = await page.getByLabel('To (inclusive)').inputValue();
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString();
  const answer = await harness.server.gql<{ handoffKpis: { overall: Overall; buckets: unknown[] } }>(
    `query($filter: KpiFilter!, $bucket: KpiBucket) { handoffKpis(filter: $filter, bucket: $bucket) { overall { conversations handoffs handoffRate unnecessaryEscalationRate } buckets { label } } }`,
    { filter: { from: `${from}T00:00:00.000Z`, to: end, ...extra }, bucket },
  );
  const kpis = answer.body.data?.handoffKpis;
  if (!kpis) throw new Error(JSON.stringify(answer.body.errors));
  return { overall: kpis.overall, buckets: kpis.buckets.length };
}

const pct = (rate: number | null) => (rate === null ? '–' : `${(rate * 100).toFixed(1)}%`);

async function openDashboard(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Dashboard', exact: true }).click();
  await page.getByRole('heading', { name: 'Handoff dashboard' }).waitFor();
}

describe('the handoff dashboard', () => {
  it('says what to connect while the store has no decision', async () => {
    const { page, problems } = await openPage();
    await signIn(page);
    await openDashboard(page);
    const empty = page.getByRole('region', { name: 'No data' });
    await empty.getByRole('heading', { name: 'No decisions in this range yet' }).waitFor();
    expect(await textOf(empty)).toContain('calls decideHandoff (without dryRun) with a BOT key');
    expect(await textOf(empty)).toContain('npm run demo:traffic');
    expect(await page.getByRole('button', { name: 'Export CSV' }).isDisabled()).toBe(true);
    await shot(page, '8-01-dashboard-empty-store');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reads a month of demo traffic: figures, charts, a channel, weekly buckets, CSV, the decisions behind a figure, a suggestion as a dataset', async () => {
    const seeded = await seedDemoTraffic(harness.server.server.store, { conversations: 1000, days: 30 });
    expect(seeded.handoffs).toBeGreaterThan(100);

    const { page, problems } = await openPage({ bypassCsp: true });
    await page.setViewportSize({ width: 1280, height: 720 });
    await signIn(page);
    await openDashboard(page);
    const figures = page.getByLabel('Figures of the range');
    await figures.waitFor();

    // The headline figures are the API's for the range on screen (the last 30 whole days).
    const all = await apiFigures(page);
    expect(all.overall.conversations).toBeGreaterThan(800);
    expect(all.buckets).toBe(30);
    const handoffRate = figures.locator('.bn-figure').filter({ hasText: 'Handoff rate' });
    await until(async () => (await textOf(handoffRate)).includes(pct(all.overall.handoffRate)), 'the handoff rate tile');
    expect(await textOf(handoffRate)).toContain(
      `${all.overall.handoffs.toLocaleString('en')} handoffs of ${all.overall.conversations.toLocaleString('en')} conversations`,
    );
    expect(await textOf(figures.locator('.bn-figure').filter({ hasText: 'Unnecessary escalations' }))).toContain(pct(all.overall.unnecessaryEscalationRate));

    // Every chart is drawn: a line per day, stacked bars per reason, the month-over-month table.
    for (const name of [
      'Handoff rate over time',
      'Handoffs per reason',
      'Time to human',
      'Resolution after handoff',
      'Repeat handoffs',
      'CSAT: handoff vs AI-only',
      'Unnecessary escalations per reason',
      'Sentiment at handoff',
    ]) {
      const chart = page.getByRole('figure', { name, exact: true });
      await chart.waitFor();
      await until(async () => (await chart.locator('.recharts-surface').count()) > 0, `the chart ${name}`);
    }
    const rateChart = page.getByRole('figure', { name: 'Handoff rate over time' });
    await until(async () => (await rateChart.locator('.recharts-line-dot').count()) === 30, 'a dot per day');
    expect(await page.getByRole('figure', { name: 'Handoffs per reason' }).locator('.recharts-bar-rectangle').count()).toBeGreaterThan(60);
    const trend = page.getByRole('table', { name: 'Unnecessary escalations month over month' });
    expect(await textOf(trend.getByRole('row').nth(1))).toMatch(/^All reasons/);
    await page.waitForTimeout(300);
    await shot(page, '8-02-dashboard-1280x720');

    await page.setViewportSize({ width: 1440, height: 900 });
    await page.waitForTimeout(400);
    await shot(page, '8-03-dashboard-1440x900');
    fs.mkdirSync(DOCS_IMAGES, { recursive: true });
    await page.screenshot({ path: path.join(DOCS_IMAGES, 'editor-dashboard.png') });

    // Suggestions from agents' feedback, with examples; one becomes a backtest dataset.
    const suggestions = page.getByRole('region', { name: 'Suggestions' });
    const first = suggestions
      .getByRole('listitem')
      .filter({ has: page.getByRole('button', { name: 'Open as backtest dataset' }) })
      .first();
    await first.waitFor();
    expect(await first.getByRole('list', { name: 'Example conversations' }).getByRole('listitem').count()).toBeGreaterThan(0);
    await first.scrollIntoViewIfNeeded();
    await shot(page, '8-04-dashboard-suggestions');
    await first.getByRole('button', { name: 'Open as backtest dataset' }).click();
    const created = suggestions.getByRole('status').filter({ hasText: 'Created the backtest dataset' });
    await created.waitFor();
    const datasets = await harness.server.gql<{ datasets: { name: string; rows: number; format: string }[] }>('{ datasets { name rows format } }');
    const dataset = datasets.body.data?.datasets[0];
    expect(dataset?.format).toBe('DECISION_LOG');
    expect(await textOf(created)).toContain(`“${dataset?.name}” with ${dataset?.rows}`);

    // The decisions behind the handoff rate: the logged HANDOFF decisions, a conversation opens.
    await handoffRate.getByRole('button', { name: 'Decisions behind it' }).click();
    const dialog = page.getByRole('dialog', { name: 'Decisions behind: Handoffs of the range' });
    await dialog.waitFor();
    const rows = dialog.locator('tbody > tr');
    await until(async () => (await rows.count()) === 25, 'a page of 25 decisions');
    for (const row of await rows.all()) expect(await textOf(row.locator('td').nth(2))).toMatch(/^HANDOFF /);
    await dialog.getByRole('button', { name: 'Show 25 more' }).click();
    await until(async () => (await rows.count()) === 50, 'two pages of decisions');
    await rows.first().getByRole('button').click();
    await dialog.getByRole('list', { name: /^Conversation demo-/ }).waitFor();
    expect(await textOf(dialog.getByRole('list', { name: /^Conversation demo-/ }))).toContain('Customer');
    await shot(page, '8-05-dashboard-decisions-behind');

    // Replay: the logged decision evaluated again on its version gives the same outcome, as the API says.
    const decisionId = await textOf(dialog.locator('.bn-dash-transcript-row code').first());
    const api = await harness.server.gql<{ replayDecision: { identical: boolean; policyId: string; policyVersion: number; contentHash: string } }>(
      'query($id: ID!) { replayDecision(id: $id) { identical policyId policyVersion contentHash } }',
      { id: decisionId },
    );
    const replay = api.body.data?.replayDecision;
    expect(replay?.identical).toBe(true);
    await page.setViewportSize({ width: 1280, height: 720 });
    await dialog.getByRole('button', { name: 'Replay' }).click();
    const result = dialog.getByRole('status', { name: 'Replay result' });
    await result.waitFor();
    expect(await textOf(result)).toContain(`Identical: yes. Replayed on ${replay?.policyId} v${replay?.policyVersion}, content hash ${replay?.contentHash}.`);
    expect(await dialog.getByRole('alert').count()).toBe(0);
    await result.scrollIntoViewIfNeeded();
    await shot(page, '8-05b-dashboard-replay-1280x720');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // A channel: every figure narrows to email.
    const filters = page.getByRole('form', { name: 'Dashboard filters' });
    await filters.getByLabel('Channel').selectOption('email');
    const email = await apiFigures(page, { channel: 'email' });
    expect(email.overall.conversations).toBeLessThan(all.overall.conversations);
    await until(async () => (await textOf(handoffRate)).includes(`of ${email.overall.conversations.toLocaleString('en')} conversations`), 'the email figures');
    expect(await textOf(handoffRate)).toContain(pct(email.overall.handoffRate));

    // Weekly buckets, exported as CSV: a row per week on screen, then the total.
    await filters.getByLabel('Week').check();
    const weekly = await apiFigures(page, { channel: 'email' }, 'WEEK');
    await until(async () => (await page.getByText('· per week ·').count()) === 1, 'weekly buckets');
    await until(async () => !(await page.locator('[aria-busy="true"]').count()), 'the figures updated');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const from = await filters.getByLabel('From').inputValue();
    const to = await filters.getByLabel('To (inclusive)').inputValue();
    expect(download.suggestedFilename()).toBe(`baton-handoff-kpis_${from}_${to}_week.csv`);
    const csv = fs
      .readFileSync(await download.path(), 'utf8')
      .trimEnd()
      .split('\r\n');
    const header = (csv[0] as string).split(',');
    expect(header.slice(0, 6)).toEqual(['bucket', 'start', 'end', 'time_zone', 'conversations', 'handoffs']);
    expect(csv).toHaveLength(weekly.buckets + 2);
    const total = (csv.at(-1) as string).split(',');
    expect(total[0]).toBe('total');
    expect(Number(total[header.indexOf('conversations')])).toBe(weekly.overall.conversations);
    expect(Number(total[header.indexOf('handoffs')])).toBe(weekly.overall.handoffs);

    // A language nobody wrote in: the empty state says so and offers to clear the filters.
    await filters.getByLabel('Language').selectOption('it');
    const empty = page.getByRole('region', { name: 'No data' });
    await empty.getByRole('heading', { name: 'No decisions match these filters' }).waitFor();
    expect(await page.getByRole('button', { name: 'Export CSV' }).isDisabled()).toBe(true);
    await shot(page, '8-06-dashboard-no-match');
    await empty.getByRole('button', { name: 'Clear filters' }).click();
    await until(async () => (await textOf(handoffRate)).includes(pct(all.overall.handoffRate)), 'all figures again');
    expect(await filters.getByLabel('Channel').inputValue()).toBe('');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows an AUDITOR the figures and suggestions but no dataset to make', async () => {
    const created = await harness.server.gql<{ createApiKey: { secret: string } }>(
      'mutation { createApiKey(name: "e2e dashboard auditor", role: AUDITOR) { secret } }',
    );
    const { page, problems } = await openPage();
    await signIn(page, created.body.data?.createApiKey.secret as string);
    await openDashboard(page);
    await page.getByRole('figure', { name: 'Handoff rate over time' }).waitFor();
    const suggestions = page.getByRole('region', { name: 'Suggestions' });
    await suggestions.getByRole('listitem').first().waitFor();
    expect(await suggestions.getByRole('button', { name: 'Open as backtest dataset' }).count()).toBe(0);
    await page.getByLabel('Figures of the range').getByRole('button', { name: 'Decisions behind it' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('tbody > tr').first().getByRole('button').click();
    await dialog.getByRole('button', { name: 'Replay' }).click();
    expect(await textOf(dialog.getByRole('status', { name: 'Replay result' }))).toMatch(/^Identical: yes\. Replayed on \S+ v\d+, content hash \S+\./);
    expect(problems).toEqual([]);
    await page.close();
  });
});
