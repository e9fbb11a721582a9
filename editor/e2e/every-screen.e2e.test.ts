/**
 * End to end, every screen an ops lead uses (issue 19's bar): the canvas, the test panel with a
 * routing result, History, the audit log, API keys and the directory, each at 1280×720 and
 * 1440×900 and in the system's light and dark colour scheme (Chromium's emulated
 * `prefers-color-scheme`). Each must fit the window without the page itself scrolling (its header
 * stays put; long content scrolls inside), run no wider than the window, follow the colour scheme,
 * and pass axe-core without a serious or critical violation. Screenshots go to editor/test-output/
 * as `19-screen-<screen>-<width>x<height>[-dark].png`.
 */
import type { Page } from 'playwright-core';
import { axeViolations } from './axe-check';
import { useEditorBrowser } from './browser-harness';

const harness = useEditorBrowser();
const { openPage, shot, signIn } = harness;

const SIZES = [
  [1280, 720],
  [1440, 900],
] as const;

/** Whether the page fits the window: no page scroll either way (the app's main area scrolls instead). */
function fits(page: Page): Promise<{ tall: boolean; wide: boolean }> {
  return page.evaluate(() => ({
    tall: document.documentElement.scrollHeight > window.innerHeight,
    wide: document.documentElement.scrollWidth > window.innerWidth,
  }));
}

/** The page background's relative luminance (WCAG 2.1), 0 (black) to 1 (white), from the first opaque computed background. */
function backgroundLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const shown = [document.querySelector('.bn-main'), document.body, document.documentElement].map((el) => (el ? getComputedStyle(el).backgroundColor : ''));
    const colour = shown.find((c) => c !== '' && c !== 'rgba(0, 0, 0, 0)') ?? 'rgb(255, 255, 255)';
    const [r, g, b] = (colour.match(/\d+(\.\d+)?/g) ?? ['255', '255', '255']).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  });
}

const go = (page: Page, hash: string) =>
  page.evaluate((h) => {
    window.location.hash = h;
  }, hash);

/** Each screen: how to reach it (from anywhere), and what shows it is ready. */
const SCREENS: { name: string; open: (page: Page) => Promise<void> }[] = [
  {
    name: 'canvas',
    open: async (page) => {
      await go(page, '#/policies/support-default');
      await page.locator('.react-flow__node[data-id="stay_default"]').waitFor();
      await page.getByRole('button', { name: 'Canvas', exact: true }).click();
      await page.waitForTimeout(400);
    },
  },
  {
    name: 'test-panel-routing',
    open: async (page) => {
      await page.getByRole('tab', { name: 'Test' }).click();
      const sample = page.getByLabel('Sample conversation');
      const label = (await sample.locator('option').allTextContents()).find((t) => t.startsWith('billing_dispute (en)'));
      if (!label) throw new Error('No billing_dispute sample');
      await sample.selectOption({ label });
      await page.getByRole('button', { name: 'Run test' }).click();
      await page.locator('.bn-action').getByText('HANDOFF · billing_dispute → Billing').waitFor();
      await page.getByRole('region', { name: 'Routing' }).scrollIntoViewIfNeeded();
    },
  },
  {
    name: 'history',
    open: async (page) => {
      await page.getByRole('button', { name: 'History' }).click();
      await page.getByRole('row', { name: /^v1 active/ }).waitFor();
    },
  },
  {
    name: 'audit',
    open: async (page) => {
      await go(page, '#/audit');
      await page.getByText(/✓ Valid: \d+ events checked/).waitFor();
      await page.locator('.bn-audit-table tbody tr').first().waitFor();
    },
  },
  {
    name: 'api-keys',
    open: async (page) => {
      await go(page, '#/keys');
      await page.getByRole('heading', { name: 'API keys' }).waitFor();
      await page.getByRole('cell', { name: 'e2e screens editor', exact: true }).waitFor();
    },
  },
  {
    name: 'directory',
    open: async (page) => {
      await go(page, '#/directory');
      await page.getByRole('heading', { name: 'Directory' }).waitFor();
      await page
        .getByRole('cell', { name: /^Billing billing/ })
        .first()
        .waitFor();
    },
  },
];

describe('every screen at 1280×720 and 1440×900, light and dark', () => {
  it('fits the window, follows the system colour scheme and passes axe-core on the canvas, test panel, History, audit log, API keys and directory', async () => {
    // A second key, so the keys screen and the audit log hold more than the bootstrap admin.
    const created = await harness.server.gql('mutation { createApiKey(name: "e2e screens editor", role: EDITOR) { key { id } } }');
    expect(created.body.errors).toBeUndefined();
    const { page, problems } = await openPage({ bypassCsp: true });
    await signIn(page);
    const failures: string[] = [];
    for (const [width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      for (const screen of SCREENS) {
        await page.emulateMedia({ colorScheme: 'light' });
        await screen.open(page);
        await page.waitForTimeout(300);
        const where = `${screen.name} at ${width}×${height}`;
        const size = await fits(page);
        if (size.tall) failures.push(`${where}: the page scrolls (its header would scroll away)`);
        if (size.wide) failures.push(`${where}: the page is wider than the window`);
        const light = await backgroundLuminance(page);
        await shot(page, `19-screen-${screen.name}-${width}x${height}`);
        failures.push(...(await axeViolations(page)).map((v) => `${where}, light: ${v}`));

        await page.emulateMedia({ colorScheme: 'dark' });
        await page.waitForTimeout(200);
        const dark = await backgroundLuminance(page);
        if (!(light > 0.5 && dark < 0.1)) failures.push(`${where}: background luminance ${light.toFixed(2)} light, ${dark.toFixed(2)} dark`);
        await shot(page, `19-screen-${screen.name}-${width}x${height}-dark`);
        failures.push(...(await axeViolations(page)).map((v) => `${where}, dark: ${v}`));
      }
    }
    expect(failures).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
