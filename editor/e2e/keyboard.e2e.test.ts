/**
 * End to end, the canvas from the keyboard alone: Tab reaches nodes (with a focus ring) but never
 * an edge, Enter selects the focused node, and the inspector's outputs connect it to another node
 * chosen by title: the edge appears on the canvas as dragging would make it, named to screen
 * readers by titles. Choosing "not connected" removes it. The inspector passes axe-core.
 * Screenshots at 1280×720 go to editor/test-output/.
 */
import type { Page } from 'playwright-core';
import { axeViolations } from './axe-check';
import { useEditorBrowser } from './browser-harness';

const harness = useEditorBrowser();
const { openPage, shot, signIn } = harness;

/** What has the focus: a node (its id), an edge, a labelled control, and whether it shows an outline. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return null;
    const style = getComputedStyle(el);
    const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null;
    return {
      edge: Boolean(el.closest('.react-flow__edge')),
      nodeId: el.classList.contains('react-flow__node') ? el.getAttribute('data-id') : null,
      label: label ?? el.getAttribute('aria-label') ?? (el.tagName === 'BUTTON' ? el.textContent?.trim() : null),
      ring: style.outlineStyle !== 'none' && style.outlineWidth !== '0px',
    };
  });
}

/** Presses Tab until `reached` holds for the focused element (at most `limit` presses), checking that no press lands on an edge. */
async function tabTo(page: Page, reached: (f: NonNullable<Awaited<ReturnType<typeof focused>>>) => boolean, limit = 120): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (!f) continue;
    expect(f.edge).toBe(false);
    if (f.nodeId) expect(f.ring).toBe(true);
    if (reached(f)) return presses;
  }
  throw new Error(`Tab did not reach the element within ${limit} presses`);
}

const edgeFrom = (page: Page, source: string, handle: string) => page.locator(`.react-flow__edge[data-id^="e_${source}_${handle}"]`);

describe('the canvas from the keyboard', () => {
  it('selects a node with Tab and Enter, connects it to another through the inspector, and Tab never lands on an edge', async () => {
    const { page, problems } = await openPage({ bypassCsp: true });
    await page.setViewportSize({ width: 1280, height: 720 });
    await signIn(page);
    await page.getByRole('button', { name: 'Open Support default' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('.react-flow__node[data-id="c_legal"]').waitFor();
    // No edge is in the tab order at all, and each is named by the titles of its ends.
    expect(await page.locator('.react-flow__edge[tabindex]').count()).toBe(0);
    expect(await page.locator('.react-flow__edge[data-id="e_c_security_true"]').getAttribute('aria-label')).toBe(
      'From “Security incident?” (true) to “Security → Trust & Safety”',
    );
    expect(await page.locator('.react-flow__node[data-id="c_legal"]').getAttribute('aria-label')).toBe('Condition: Legal or compliance?');

    // From the search box, Tab walks to the legal check; Enter selects it and the inspector shows it.
    await page.getByRole('searchbox', { name: 'Search nodes' }).focus();
    await tabTo(page, (f) => f.nodeId === 'c_legal');
    await page.keyboard.press('Enter');
    await page.getByLabel('Name on the canvas').and(page.locator('[value="Legal or compliance?"]')).waitFor();
    const whenTrue = page.getByRole('combobox', { name: 'When true, go to' });
    expect(await whenTrue.inputValue()).toBe('h_legal');

    // On to the inspector's outputs, still by Tab, then the type-ahead of the list picks a node by its title.
    await tabTo(page, (f) => f.label === 'When true, go to');
    await page.keyboard.type('Cancellation');
    expect(await whenTrue.inputValue()).toBe('h_cancellation');
    const edge = edgeFrom(page, 'c_legal', 'true');
    await edge.waitFor();
    expect(await edge.count()).toBe(1);
    // The same edge dragging makes: one per output, id from its source and output, drawn to the chosen node.
    expect(await edge.getAttribute('data-id')).toBe('e_c_legal_true_1');
    expect(await edge.getAttribute('aria-label')).toBe('From “Legal or compliance?” (true) to “Cancellation → Retention”');
    expect(await page.locator('.react-flow__edge[data-id="e_c_legal_true"]').count()).toBe(0);
    await page.locator('.bn-outputs').scrollIntoViewIfNeeded();
    await shot(page, '19-11-inspector-connect-1280x720');
    expect(await axeViolations(page)).toEqual([]);

    // "Not connected" (the first entry, Home) removes the edge.
    await page.keyboard.press('Home');
    expect(await whenTrue.inputValue()).toBe('');
    await edge.waitFor({ state: 'detached' });
    // And back, by keyboard again: arrow keys walk the list to the legal leaf (typing a title
    // relies on the type-ahead's one-second window, which a loaded machine outlasts).
    for (let step = 0; step < 40 && (await whenTrue.inputValue()) !== 'h_legal'; step += 1) {
      await whenTrue.focus();
      await page.keyboard.press('ArrowDown');
    }
    expect(await whenTrue.inputValue()).toBe('h_legal');
    await edgeFrom(page, 'c_legal', 'true').waitFor();

    // The rest of the page from here: Tab still never lands on an edge.
    await tabTo(page, (f) => f.label === 'Delete node');
    expect(problems).toEqual([]);
    await page.close();
  });
});
