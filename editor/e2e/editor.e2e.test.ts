/**
 * End to end: the built editor in Debian's Chromium against a real Baton server (ephemeral port,
 * temporary data dir). Draws, saves, tests, publishes, then checks the bot's answer over GraphQL;
 * opens the reference policy and checks every node renders; draws a decision table, edits it as a
 * grid and decides with it. Screenshots go to editor/test-output/ (and the editor's in docs/images/).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { useEditorBrowser } from './browser-harness';

const DOCS_IMAGES = path.resolve(__dirname, '..', '..', 'docs', 'images');

const harness = useEditorBrowser();
const { openPage, shot, signIn } = harness;

/** Drags from one element's centre to another's with the mouse, in small steps as a person would. */
async function dragBetween(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('element not visible');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

describe('the policy editor in a browser', () => {
  it('draws a tree from an empty policy with the mouse, saves, tests, publishes, and the bot gets the new behaviour', async () => {
    const { page, problems } = await openPage();
    await shot(page, '1-01-sign-in');
    await signIn(page);
    await page.getByLabel('Name').fill('Human requests');
    await page.getByRole('button', { name: 'Create and open' }).click();
    await node(page, 'start').waitFor();
    await shot(page, '1-02-empty-policy');

    const canvas = page.locator('.react-flow__pane');
    const box = (await canvas.boundingBox()) as { x: number; y: number; width: number; height: number };
    await page.getByRole('button', { name: 'Add Condition node' }).dragTo(canvas, { targetPosition: { x: box.width * 0.45, y: box.height * 0.4 } });
    await page.getByRole('button', { name: 'Add Hand off node' }).dragTo(canvas, { targetPosition: { x: box.width * 0.8, y: box.height * 0.2 } });
    await page.getByRole('button', { name: 'Add Stay node' }).dragTo(canvas, { targetPosition: { x: box.width * 0.8, y: box.height * 0.7 } });
    await node(page, 'stay_1').waitFor();

    // New leaves start empty: each is filled before the draft can be published.
    await node(page, 'handoff_1').click();
    await page.getByLabel('Reason code', { exact: true }).fill('customer_request');
    await page.getByLabel('Trigger category').selectOption('CUSTOMER_REQUEST');
    await page.getByLabel('Queue', { exact: true }).fill('general');
    await page.getByLabel('Priority', { exact: true }).selectOption('NORMAL');
    await node(page, 'stay_1').click();
    await page.getByLabel('Reason code', { exact: true }).fill('ai_resolving');

    await node(page, 'condition_1').click();
    await page.getByLabel('Name on the canvas').fill('Customer asks for a human');
    await page.getByLabel('Fact').selectOption('humanRequested');
    await expectLocator(node(page, 'condition_1')).toContainText('customer asks for a human');

    await dragBetween(page, node(page, 'start').locator('.react-flow__handle.source'), node(page, 'condition_1').locator('.react-flow__handle.target'));
    await dragBetween(page, node(page, 'condition_1').locator('.bn-handle-true'), node(page, 'handoff_1').locator('.react-flow__handle.target'));
    await dragBetween(page, node(page, 'condition_1').locator('.bn-handle-false'), node(page, 'stay_1').locator('.react-flow__handle.target'));
    await expectLocator(page.locator('.react-flow__edge')).toHaveCount(3);
    await page.getByRole('tab', { name: /Problems/ }).click();
    // The only problem left: the new handoff has no customer message in the lexicons' languages (a warning).
    await page.getByText('0 errors, 1 warning.').waitFor();
    await page.getByText(/"Hand off" \(handoff_1\) has no customer message in German \(de\), English \(en\)/).waitFor();
    await shot(page, '1-03-drawn');

    // An empty spot of the canvas, below the search box.
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 90 } });
    await page.keyboard.press('Control+s');
    await page.getByText('All changes saved').waitFor();
    await shot(page, '1-04-saved');

    await page.getByRole('tab', { name: 'Test' }).click();
    await page.getByLabel('Text of turn 1').fill('This is not working. I want to talk to a human, please.');
    await page.getByRole('button', { name: 'Run test' }).click();
    await page.locator('.bn-action').getByText('HANDOFF · customer_request').waitFor();
    await expectLocator(node(page, 'handoff_1').locator('.bn-node')).toHaveClass(/bn-on-path/);
    await expectLocator(node(page, 'stay_1').locator('.bn-node')).toHaveClass(/bn-off-path/);
    await expectLocator(node(page, 'condition_1')).toContainText('saw true → true');
    await expectLocator(page.locator('.react-flow__edge.bn-edge-lit')).toHaveCount(2);
    await shot(page, '1-05-tested');

    await page.getByRole('button', { name: 'Publish…' }).click();
    await page.getByLabel('Comment (required): what changes and why').fill('Hand off when the customer asks for a person');
    await shot(page, '1-06-publish-dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
    await page.getByText(/Published version 1/).waitFor();
    await shot(page, '1-07-published');

    const policyId = page.url().split('#/policies/')[1] as string;
    const decide = (text: string) =>
      harness.server.gql<{ decideHandoff: { action: string; reasonCode: string; policy: { version: number } } }>(
        'query D($input: DecideHandoffInput!) { decideHandoff(input: $input) { action reasonCode policy { version } } }',
        { input: { conversationId: 'e2e', policyId, dryRun: true, customer: { id: 'c1' }, messages: [{ speaker: 'CUSTOMER', text }] } },
      );
    expect((await decide('Can I speak to a real person?')).body.data?.decideHandoff).toEqual({
      action: 'HANDOFF',
      reasonCode: 'customer_request',
      policy: { version: 1 },
    });
    expect((await decide('Where can I download my invoice?')).body.data?.decideHandoff).toMatchObject({ action: 'STAY', reasonCode: 'ai_resolving' });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens the reference policy with every node rendered, tests a sample, and tunes the low-confidence threshold', async () => {
    const { page, problems } = await openPage();
    await signIn(page);
    await page.getByRole('button', { name: 'Open Support default' }).click();
    await node(page, 'stay_default').waitFor();
    const policy = (await harness.server.server.policies.getPolicy('support-default'))!;
    await expectLocator(page.locator('.react-flow__node')).toHaveCount(policy.draft.graph.nodes.length);
    for (const n of policy.draft.graph.nodes) {
      await expectLocator(page.getByTestId(`node-${n.id}`)).toHaveCount(1);
      await expectLocator(page.getByTestId(`node-${n.id}`)).toContainText(n.label ?? n.id);
    }
    await expectLocator(page.locator('.react-flow__edge')).toHaveCount(policy.draft.graph.edges.length);
    await page.getByRole('tab', { name: /Problems \(0\)/ }).waitFor();
    await shot(page, '2-01-seed-policy');
    fs.mkdirSync(DOCS_IMAGES, { recursive: true });
    await page.screenshot({ path: path.join(DOCS_IMAGES, 'editor-canvas.png') });

    await page.getByRole('tab', { name: 'Test' }).click();
    const sample = page.getByLabel('Sample conversation');
    const lowConfidence = (await sample.locator('option').allTextContents()).find((t) => t.startsWith('low_confidence (en)')) as string;
    await sample.selectOption({ label: lowConfidence });
    await page.getByRole('button', { name: 'Run test' }).click();
    await page.locator('.bn-action').getByText('HANDOFF · low_confidence').waitFor();
    await expectLocator(node(page, 'c_low_confidence')).toContainText('saw 2 → true');
    await shot(page, '2-02-seed-tested');
    await page.screenshot({ path: path.join(DOCS_IMAGES, 'editor-test-panel.png') });

    await page.getByRole('button', { name: 'Trigger settings' }).click();
    const threshold = page.getByLabel('Low-confidence threshold');
    await threshold.fill('0.3');
    await shot(page, '2-03-threshold');
    if (problems.length > 0) throw new Error(problems.join('\n'));
    await page.getByRole('button', { name: 'Canvas' }).click();
    await page.getByRole('button', { name: 'Run test' }).click();
    await page.locator('.bn-action').getByText('STAY · ai_resolving').waitFor();
    await shot(page, '2-04-threshold-tested');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('draws a decision table, edits it as a grid, connects its rows, and the server validates it and decides with it', async () => {
    const { page, problems } = await openPage();
    await signIn(page);
    await page.getByLabel('Name').fill('VIP escalation');
    await page.getByRole('button', { name: 'Create and open' }).click();
    await node(page, 'start').waitFor();

    const canvas = page.locator('.react-flow__pane');
    const box = (await canvas.boundingBox()) as { x: number; y: number; width: number; height: number };
    await page.getByRole('button', { name: 'Add Decision table node' }).dragTo(canvas, { targetPosition: { x: box.width * 0.15, y: box.height * 0.6 } });
    await expectLocator(node(page, 'decisionTable_1')).toContainText('VIP and upset');
    await page.getByRole('button', { name: 'Add Hand off node' }).dragTo(canvas, { targetPosition: { x: box.width * 0.78, y: box.height * 0.1 } });
    await page.getByRole('button', { name: 'Add Hand off node' }).dragTo(canvas, { targetPosition: { x: box.width * 0.78, y: box.height * 0.4 } });
    await page.getByRole('button', { name: 'Add Stay node' }).dragTo(canvas, { targetPosition: { x: box.width * 0.78, y: box.height * 0.7 } });
    await node(page, 'stay_1').waitFor();

    await node(page, 'handoff_1').click();
    await page.getByLabel('Name on the canvas').fill('Upset VIP to a senior agent');
    await page.getByLabel('Reason code', { exact: true }).fill('vip_upset');
    await page.getByLabel('Trigger category').selectOption('SENTIMENT');
    await page.getByLabel('Queue', { exact: true }).fill('senior');
    await page.getByLabel('Priority', { exact: true }).selectOption('URGENT');
    await node(page, 'handoff_2').click();
    await page.getByLabel('Name on the canvas').fill('Key account');
    await page.getByLabel('Reason code', { exact: true }).fill('key_account');
    await page.getByLabel('Trigger category').selectOption('BUSINESS');
    await page.getByLabel('Queue', { exact: true }).fill('enterprise');
    await page.getByLabel('Priority', { exact: true }).selectOption('HIGH');
    await node(page, 'stay_1').click();
    await page.getByLabel('Reason code', { exact: true }).fill('ai_resolving');

    // A third row: first written so an earlier row shadows it (the server warns), then fixed.
    await node(page, 'decisionTable_1').click();
    await page.getByLabel('Name on the canvas').fill('Who gets a human');
    await page.getByRole('button', { name: 'Add a row' }).click();
    await page.getByLabel('Name of row 3').fill('Enterprise');
    await page.getByLabel('Row 3, customer tier: operator').selectOption('equal');
    await page.getByLabel('Row 3, customer tier: value').fill('vip');
    const nodeProblems = page.getByRole('list', { name: 'Problems on this node' });
    // Messages name the table as ops see it on the canvas.
    await nodeProblems.getByText(/"Enterprise" of decision table "Who gets a human" can never match/).waitFor();
    await shot(page, '5-01-decision-table-row-unreachable');
    await page.getByLabel('Row 3, customer tier: value').fill('enterprise');
    await expectLocator(nodeProblems.getByText(/can never match/)).toHaveCount(0);
    await expectLocator(node(page, 'decisionTable_1')).toContainText('Enterprise');

    const table = node(page, 'decisionTable_1');
    const input = (id: string) => node(page, id).locator('.react-flow__handle.target');
    await dragBetween(page, node(page, 'start').locator('.react-flow__handle.source'), input('decisionTable_1'));
    await dragBetween(page, table.locator('.bn-handle-row_1'), input('handoff_1'));
    await dragBetween(page, table.locator('.bn-handle-row_2'), input('handoff_2'));
    await dragBetween(page, table.locator('.bn-handle-row_3'), input('handoff_2'));
    await dragBetween(page, table.locator('.bn-handle-default'), input('stay_1'));
    await expectLocator(page.locator('.react-flow__edge')).toHaveCount(5);
    await expectLocator(page.locator('.react-flow__edge-text')).toContainText('VIP and upset');
    // A wider window than the harness's 1280×800, so the laid-out tree and the grid are both legible in the docs.
    await page.setViewportSize({ width: 1600, height: 900 });
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('All changes saved').waitFor();
    await page.getByRole('tab', { name: /Problems/ }).click();
    // Warnings only: the two new handoffs have no customer messages yet.
    await page.getByText('0 errors, 2 warnings.').waitFor();
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await table.click({ position: { x: 40, y: 12 } });
    await page.getByRole('table', { name: 'Rows, first match wins' }).waitFor();
    await page.waitForTimeout(500);
    await shot(page, '5-02-decision-table');
    await page.screenshot({ path: path.join(DOCS_IMAGES, 'editor-decision-table.png') });

    await page.getByRole('button', { name: 'Publish…' }).click();
    await page.getByLabel('Comment (required): what changes and why').fill('Route VIP and enterprise customers by a decision table');
    await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
    await page.getByText(/Published version 1/).waitFor();
    const policyId = page.url().split('#/policies/')[1] as string;
    const decide = async (tier: string, texts: string[]) =>
      (
        await harness.server.gql<{ decideHandoff: { action: string; reasonCode: string } }>(
          'query D($input: DecideHandoffInput!) { decideHandoff(input: $input) { action reasonCode } }',
          {
            input: {
              conversationId: 'e2e-table',
              policyId,
              dryRun: true,
              customer: { id: 'c1', tier },
              messages: texts.map((text) => ({ speaker: 'CUSTOMER', text })),
            },
          },
        )
      ).body.data?.decideHandoff;
    const upset = ['This is terrible, nothing works and I am furious.', 'Still broken. This is awful and useless, I am so angry.'];
    expect(await decide('vip', upset)).toEqual({ action: 'HANDOFF', reasonCode: 'vip_upset' });
    expect(await decide('vip', ['Where can I download my invoice?'])).toEqual({ action: 'HANDOFF', reasonCode: 'key_account' });
    expect(await decide('enterprise', upset)).toEqual({ action: 'HANDOFF', reasonCode: 'key_account' });
    expect(await decide('free', upset)).toMatchObject({ action: 'STAY' });
    expect(problems).toEqual([]);
    await page.close();
  });
});

/** Polls a Playwright locator until it meets a condition (10 s), failing with what was awaited. */
function expectLocator(locator: Locator): {
  toContainText(text: string): Promise<void>;
  toHaveClass(re: RegExp): Promise<void>;
  toHaveCount(n: number): Promise<void>;
} {
  const poll = async (check: () => Promise<boolean>, what: string) => {
    const deadline = Date.now() + 10_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting: ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return {
    toContainText: (text) => poll(async () => ((await locator.first().textContent()) ?? '').includes(text), `${locator} to contain "${text}"`),
    toHaveClass: (re) => poll(async () => re.test((await locator.first().getAttribute('class')) ?? ''), `${locator} to have class ${re}`),
    toHaveCount: (n) => poll(async () => (await locator.count()) === n, `${locator} to have ${n} elements`),
  };
}
