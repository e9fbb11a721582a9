/**
 * End to end, readable by default: the reference policy opens at a legible zoom on its start
 * node (the routing canvas too), titles wrap, conditions show the values they compare against,
 * auto-layout keeps the decision ladder a ladder, search centres a node, Tab walks nodes and
 * controls with a visible focus ring but never an edge, the page fits the window with the
 * "Draft saved" banner and the account bar beside no panel, error texts are tied to their
 * fields, an auditor's canvas does not invite dragging, and axe-core finds no serious or
 * critical violation on the canvas and the test panel, in light and dark mode. Screenshots at
 * 1280×720 and 1440×900, light and dark, go to editor/test-output/ (the dark canvas also to docs/images/).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { axeViolations } from './axe-check';
import { useEditorBrowser } from './browser-harness';

const DOCS_IMAGES = path.resolve(__dirname, '..', '..', 'docs', 'images');
/** The editor's MIN_READABLE_ZOOM (editor/src/canvas/readable-view.ts). */
const MIN_READABLE_ZOOM = 0.8;

const harness = useEditorBrowser();
const { openPage, shot, signIn } = harness;

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

/** Polls until `check` holds (10 s). */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The canvas viewport (React Flow's transform of the flow). */
async function viewport(page: Page, canvas = page.locator('.bn-canvas').first()): Promise<{ x: number; y: number; zoom: number }> {
  const style = (await canvas.locator('.react-flow__viewport').getAttribute('style')) ?? '';
  const match = /translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([-\d.]+)\)/.exec(style);
  if (!match) throw new Error(`No viewport transform in "${style}"`);
  return { x: Number(match[1]), y: Number(match[2]), zoom: Number(match[3]) };
}

type Box = { x: number; y: number; width: number; height: number };
const box = async (locator: Locator): Promise<Box> => {
  const b = await locator.boundingBox();
  if (!b) throw new Error(`${locator} has no box`);
  return b;
};
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 1 &&
  inner.y >= outer.y - 1 &&
  inner.x + inner.width <= outer.x + outer.width + 1 &&
  inner.y + inner.height <= outer.y + outer.height + 1;
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Waits until the canvas has opened (its viewport moved from React Flow's default) and settled. */
async function opened(page: Page): Promise<void> {
  await until(async () => (await viewport(page)).zoom !== 1 || (await viewport(page)).x !== 0, 'the canvas to open');
  await page.waitForTimeout(300);
}

/** Whether the page fits the window: nothing scrolls the document or the page area, the header is at the top. */
function pageFits(page: Page) {
  return page.evaluate(() => {
    const main = document.querySelector('.bn-main') as HTMLElement;
    return {
      page: document.documentElement.scrollHeight <= window.innerHeight,
      main: main.scrollHeight <= main.clientHeight,
      headerTop: (document.querySelector('.bn-topbar') as HTMLElement).getBoundingClientRect().top,
    };
  });
}

describe('the editor, readable by default', () => {
  it('opens the reference policy legible on its start node, wraps titles, shows compared values, lays out a ladder, searches, and passes axe', async () => {
    const { page, problems } = await openPage({ bypassCsp: true });
    await page.setViewportSize({ width: 1280, height: 720 });
    await signIn(page);
    await page.getByRole('button', { name: 'Open Support default' }).click();
    await node(page, 'stay_default').waitFor();
    await opened(page);

    // Opens at a legible zoom (the tree is taller than the window), with the start node in view.
    const view = await viewport(page);
    expect(view.zoom).toBeGreaterThanOrEqual(MIN_READABLE_ZOOM);
    const pane = await box(page.locator('.react-flow__renderer').first());
    expect(inside(await box(node(page, 'start')), pane)).toBe(true);
    expect(inside(await box(node(page, 'c_crisis')), pane)).toBe(true);

    // Titles wrap: none is cut.
    const cut = await page
      .locator('.bn-node-title')
      .evaluateAll((titles) => titles.filter((t) => t.scrollWidth > t.clientWidth || t.scrollHeight > t.clientHeight).map((t) => t.textContent));
    expect(cut).toEqual([]);
    await until(async () => ((await node(page, 'c_low_confidence').textContent()) ?? '').includes('Bot unsure twice in a row?'), 'the whole title');

    // Every condition shows what it compares against, with the threshold behind a counted fact.
    const lowConfidence = node(page, 'c_low_confidence');
    expect(await lowConfidence.locator('.bn-compare').allTextContents()).toEqual(['≥ 2']);
    expect(await lowConfidence.locator('.bn-threshold-note').textContent()).toBe('low confidence: below 0.7');
    expect(await node(page, 'c_negative_sentiment').locator('.bn-threshold-note').textContent()).toContain('negative: sentiment ≤ -0.3');
    expect(await node(page, 'c_enterprise').locator('.bn-compare').textContent()).toBe('= "enterprise"');
    expect(await node(page, 's_sentiment_tier').locator('.bn-compare').textContent()).toBe('= "vip"');
    for (const id of await page.locator('.react-flow__node-condition').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id') as string)))
      expect(await node(page, id).locator('.bn-compare').count()).toBeGreaterThan(0);

    await shot(page, '7-01-readable-1280x720');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.waitForTimeout(300);
    await shot(page, '7-02-readable-1440x900');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForTimeout(200);
    await shot(page, '7-03-readable-dark-1440x900');
    fs.mkdirSync(DOCS_IMAGES, { recursive: true });
    await page.screenshot({ path: path.join(DOCS_IMAGES, 'editor-dark.png') });
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.waitForTimeout(300);
    await shot(page, '7-04-readable-dark-1280x720');
    await page.emulateMedia({ colorScheme: 'light' });

    // Search: by a value only the data holds (the retention queue), then Enter to the next match.
    await page.keyboard.press('Control+f');
    const search = page.getByRole('searchbox', { name: 'Search nodes' });
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
    await search.fill('retention');
    await page.getByRole('status').filter({ hasText: '1 of 1' }).waitFor();
    await until(async () => /bn-selected/.test((await node(page, 'h_cancellation').locator('.bn-node').getAttribute('class')) ?? ''), 'the match selected');
    await page.waitForTimeout(400);
    const centre = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
    const found = centre(await box(node(page, 'h_cancellation')));
    const middle = centre(await box(page.locator('.react-flow__renderer').first()));
    expect(Math.abs(found.x - middle.x)).toBeLessThan(30);
    expect(Math.abs(found.y - middle.y)).toBeLessThan(30);
    expect((await viewport(page)).zoom).toBeGreaterThanOrEqual(MIN_READABLE_ZOOM);
    await page.getByRole('heading', { name: /Hand off/ }).waitFor();
    // A fact's internal name finds its condition; Enter walks to the next match and round again.
    await search.fill('lowConfidenceStreak');
    await until(async () => /bn-selected/.test((await node(page, 'c_low_confidence').locator('.bn-node').getAttribute('class')) ?? ''), 'the fact found');
    await search.fill('general');
    const status = page.locator('.bn-search-status');
    await until(async () => /^1 of \d+$/.test((await status.textContent()) ?? ''), 'several matches');
    await search.press('Enter');
    await until(async () => /^2 of \d+$/.test((await status.textContent()) ?? ''), 'the next match');
    await shot(page, '7-05-search');

    // The test panel passes axe too, after a run with the path lit.
    await page.getByRole('tab', { name: 'Test' }).click();
    const sample = page.getByLabel('Sample conversation');
    const lowSample = (await sample.locator('option').allTextContents()).find((t) => t.startsWith('low_confidence (en)')) as string;
    await sample.selectOption({ label: lowSample });
    await page.getByRole('button', { name: 'Run test' }).click();
    await page.locator('.bn-action').getByText('HANDOFF · low_confidence').waitFor();
    // The long test panel scrolls on its own: the page and its header stay put.
    expect(await pageFits(page)).toEqual({ page: true, main: true, headerTop: 0 });
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForTimeout(200);
    await shot(page, '7-06-test-panel-dark-1280x720');
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });

    // Auto-layout keeps the ladder: conditions in one column, each true branch beside its test.
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    await page.waitForTimeout(600);
    expect((await viewport(page)).zoom).toBeGreaterThanOrEqual(MIN_READABLE_ZOOM);
    const xs = await page.locator('.react-flow__node-condition').evaluateAll((nodes) => nodes.map((n) => Math.round(n.getBoundingClientRect().x)));
    expect(new Set(xs).size).toBe(1);
    const crisis = await box(node(page, 'c_crisis'));
    const crisisLeaf = await box(node(page, 'h_crisis'));
    expect(crisisLeaf.x).toBeGreaterThan(crisis.x + crisis.width);
    expect(Math.abs(crisisLeaf.y - crisis.y)).toBeLessThan(crisis.height);
    await shot(page, '7-07-auto-layout');

    // The routing canvas opens legible and centred on its start node too.
    await page.getByRole('button', { name: 'Routing rules' }).click();
    await node(page, 's_queue').waitFor();
    await until(async () => inside(await box(node(page, 'start')), await box(page.locator('.react-flow__renderer').first())), 'the routing start node in view');
    await page.waitForTimeout(300);
    const routingStart = centre(await box(node(page, 'start')));
    const routingPane = centre(await box(page.locator('.react-flow__renderer').first()));
    expect(Math.abs(routingStart.x - routingPane.x)).toBeLessThan(30);
    expect((await viewport(page)).zoom).toBeGreaterThanOrEqual(MIN_READABLE_ZOOM);
    await shot(page, '7-08-routing-opens-centred');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps the header with the "Draft saved" banner, the account bar beside the panels, Tab off edges with a focus ring, and errors tied to fields', async () => {
    const { page, problems } = await openPage({ bypassCsp: true });
    await page.setViewportSize({ width: 1280, height: 720 });
    await signIn(page);
    await page.getByRole('button', { name: 'Open Support default' }).click();
    await node(page, 'stay_default').waitFor();
    await opened(page);

    // An edit, saved: the banner shows and the page still fits the window.
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await page.getByRole('searchbox', { name: 'Search nodes' }).fill('Bot unsure');
    await page.getByLabel('Name on the canvas').fill('Bot unsure twice in a row? (checked)');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText(/Draft saved \(revision/).waitFor();
    expect(await pageFits(page)).toEqual({ page: true, main: true, headerTop: 0 });
    const account = await box(page.getByRole('contentinfo', { name: 'Account' }));
    const sidebar = await box(page.getByRole('complementary', { name: 'Details' }));
    expect(overlaps(account, sidebar)).toBe(false);
    expect(account.y + account.height).toBeLessThanOrEqual(720);
    await shot(page, '7-09-draft-saved-1280x720');

    // Errors are bound to their fields.
    await page.getByRole('button', { name: 'Trigger settings' }).click();
    const threshold = page.getByLabel('Low-confidence threshold');
    await threshold.fill('1.5');
    const describedBy = (await threshold.getAttribute('aria-describedby')) ?? '';
    expect(describedBy).not.toBe('');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(/Enter a number/);
    expect(await threshold.getAttribute('aria-invalid')).toBe('true');
    await threshold.fill('0.7');
    await page.getByRole('button', { name: 'Canvas' }).click();
    await opened(page);

    // Tab: from the search box through the canvas; never an edge, and the focused node shows a ring.
    await page.getByRole('searchbox', { name: 'Search nodes' }).focus();
    let nodesReached = 0;
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return null;
        const style = getComputedStyle(el);
        return {
          edge: Boolean(el.closest('.react-flow__edge')),
          node: el.classList.contains('react-flow__node'),
          ring: style.outlineStyle !== 'none' && style.outlineWidth !== '0px',
        };
      });
      expect(focused?.edge).toBe(false);
      if (focused?.node) {
        nodesReached++;
        expect(focused.ring).toBe(true);
        if (nodesReached === 3) await shot(page, '7-10-focus-ring');
      }
    }
    expect(nodesReached).toBeGreaterThan(3);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('gives an auditor a read-only canvas that does not invite dragging', async () => {
    const created = await harness.server.gql<{ createApiKey: { secret: string } }>(
      'mutation { createApiKey(name: "e2e readable auditor", role: AUDITOR) { secret } }',
    );
    const { page, problems } = await openPage({ bypassCsp: true });
    await page.setViewportSize({ width: 1280, height: 720 });
    await signIn(page, created.body.data?.createApiKey.secret as string);
    await page.getByRole('button', { name: 'Open Support default' }).click();
    await node(page, 'stay_default').waitFor();
    await opened(page);
    await page.getByText('This view is read-only.').waitFor();
    expect(await page.getByText(/Drag nodes in from the palette/).count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Node palette' }).count()).toBe(0);
    expect((await viewport(page)).zoom).toBeGreaterThanOrEqual(MIN_READABLE_ZOOM);
    await shot(page, '7-11-auditor-1280x720');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
