/**
 * End to end, governance: as admin, publish a v2 of the reference policy from the editor, open
 * the history and see the server's diff highlighted on the canvas, roll back to v1 with a
 * comment, and `decideHandoff` answers with v1; the routing rules tab shows the seed's route
 * nodes; an AUDITOR key gets a read-only canvas and the audit log with a valid chain.
 * Screenshots go to editor/test-output/.
 */
import type { Locator, Page } from 'playwright-core';
import { useEditorBrowser } from './browser-harness';

const harness = useEditorBrowser();
const { openPage, shot, signIn } = harness;

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
/** Selects a node as an ops lead would on a canvas larger than the window: by searching for it (it is centred). */
const findNode = (page: Page, text: string) => page.getByRole('searchbox', { name: 'Search nodes' }).fill(text);

/** Polls until `check` holds (10 s). */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const hasClass = (locator: Locator, re: RegExp) =>
  until(async () => re.test((await locator.first().getAttribute('class')) ?? ''), `${locator} to have class ${re}`);

describe('governance in the editor', () => {
  it('publishes v2, shows the diff on the canvas, rolls back to v1 with a comment, and the bot gets v1', async () => {
    const { page, problems } = await openPage();
    await signIn(page);
    await page.getByRole('button', { name: 'Open Support default' }).click();
    await node(page, 'c_low_confidence').waitFor();

    await findNode(page, 'Bot unsure twice');
    await page.getByLabel('Name on the canvas').fill('Bot unsure twice (v2)');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('All changes saved').waitFor();
    await page.getByRole('button', { name: 'Publish…' }).click();
    await page.getByText(/Version 1 → draft/).waitFor();
    await page.getByText(/No errors/).waitFor();
    await page.getByText(/no test cases/).waitFor();
    await page.getByLabel('Comment (required): what changes and why').fill('Rename the low-confidence check');
    await shot(page, '3-01-publish-dialog-diff');
    await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
    await page.getByText(/Published version 2/).waitFor();

    await page.getByRole('button', { name: 'History' }).click();
    await page.getByRole('button', { name: 'Compare version 2 with version 1' }).click();
    await page.getByText(/Version 1 → version 2/).waitFor();
    const changed = page.locator('.bn-version-viewer').getByTestId('node-c_low_confidence');
    await hasClass(changed, /bn-diff-changed/);
    // On a loaded machine the viewer may still be fitting its view when the node is first
    // clicked, so the click can land beside it: click again until its changes show.
    const nodeChanges = page.getByRole('region', { name: 'Changes to this node' }).getByText('Bot unsure twice (v2)');
    for (let attempt = 1; ; attempt += 1) {
      await page.locator('.bn-version-viewer .react-flow__node[data-id="c_low_confidence"]').click();
      try {
        await nodeChanges.waitFor({ timeout: 10_000 });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
    await page.waitForTimeout(700);
    await shot(page, '3-02-history-diff');

    await page.getByRole('button', { name: 'Make version 1 active' }).click();
    await page.getByLabel('Comment (required): why this version').fill('Back to the reviewed wording');
    await page.getByRole('dialog').getByRole('button', { name: 'Make active' }).click();
    await page.getByText('Version 1 is active now: the next decision uses it.').waitFor();
    await until(async () => (await page.locator('.bn-active-row').first().textContent())?.startsWith('v1') ?? false, 'v1 marked active');
    await shot(page, '3-03-rolled-back');

    const answer = await harness.server.gql<{ decideHandoff: { policy: { version: number } } }>(
      'query D($input: DecideHandoffInput!) { decideHandoff(input: $input) { policy { version } } }',
      {
        input: {
          conversationId: 'e2e-gov',
          policyId: 'support-default',
          dryRun: true,
          customer: { id: 'c1' },
          messages: [{ speaker: 'CUSTOMER', text: 'Where is my invoice?' }],
        },
      },
    );
    expect(answer.body.data?.decideHandoff.policy.version).toBe(1);

    // Under four eyes, making a version active opens a change request instead.
    await harness.server.gql('mutation { setRequiredApprovals(policyId: "support-default", count: 1) { id } }');
    await page.getByRole('button', { name: 'Canvas' }).click();
    await page.getByRole('button', { name: 'History' }).click();
    await page.getByRole('button', { name: 'Make version 2 active' }).click();
    await page
      .getByRole('dialog')
      .getByText(/needs 1 approval: a change request opens/)
      .waitFor();
    await page.getByLabel('Comment (required): why this version').fill('The renamed check reads better after all');
    await page.getByRole('dialog').getByRole('button', { name: 'Request approval' }).click();
    await page.getByText(/asks to make version 2 active; it waits for 1 approval/).waitFor();
    await page.locator('.bn-cr-open').getByText('Make version 2 active').waitFor();
    await page
      .locator('.bn-cr-open')
      .getByText(/Approvals 0\/\s*1/)
      .waitFor();
    expect((await page.locator('.bn-active-row').first().textContent())?.startsWith('v1')).toBe(true);
    await shot(page, '3-03b-activation-requested');

    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Routing rules' }).click();
    await node(page, 'r_trust_safety').waitFor();
    await findNode(page, 'Trust & Safety, same language');
    await page.getByLabel('Queue of target 1').waitFor();
    await expect(page.getByRole('navigation', { name: 'Node palette' }).getByRole('button', { name: 'Add Route node' }).count()).resolves.toBe(1);
    await expect(page.getByRole('navigation', { name: 'Node palette' }).getByRole('button', { name: 'Add Hand off node' }).count()).resolves.toBe(0);
    await shot(page, '3-04-routing-rules');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('gives an AUDITOR key a read-only canvas and the audit log with a valid chain', async () => {
    const created = await harness.server.gql<{ createApiKey: { secret: string } }>('mutation { createApiKey(name: "e2e auditor", role: AUDITOR) { secret } }');
    const secret = created.body.data?.createApiKey.secret as string;
    expect(secret).toBeTruthy();
    const { page, problems } = await openPage();
    await signIn(page, secret);
    await expect(page.getByRole('button', { name: 'Create and open' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Open Support default' }).click();
    await node(page, 'stay_default').waitFor();
    await page.getByText(/Read-only \(auditor key\)/).waitFor();
    await expect(page.getByRole('navigation', { name: 'Node palette' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Save draft' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Publish…' }).count()).resolves.toBe(0);
    await findNode(page, 'Bot unsure twice');
    await until(() => page.getByLabel('Name on the canvas').isDisabled(), 'the inspector to be read-only');
    await shot(page, '4-01-auditor-read-only');

    await page.getByRole('button', { name: 'Audit log' }).click();
    await page.getByText(/✓ Valid: \d+ events checked/).waitFor();
    await until(async () => (await page.locator('.bn-audit-table tbody tr').count()) > 0, 'audit events listed');
    await page.getByLabel('Action (exact, or prefix ending in .)').fill('apiKey.');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.locator('.bn-audit-table').getByText('apiKey.create').first().waitFor();
    await shot(page, '4-02-audit-log');
    // Picking an actor by name filters by that actor's key.
    const actor = page
      .locator('.bn-audit-table tbody')
      .getByRole('button', { name: /^Only events by / })
      .first();
    const actorName = (await actor.textContent()) ?? '';
    await actor.click();
    await until(async () => (await page.getByLabel('Actor key id').inputValue()).length > 0, 'the actor filter filled in');
    await until(async () => {
      const rows = await page.locator('.bn-audit-table tbody tr').count();
      const byActor = await page
        .locator('.bn-audit-table tbody tr')
        .getByRole('button', { name: `Only events by ${actorName}`, exact: true })
        .count();
      return rows > 0 && rows === byActor;
    }, 'only that actor’s events');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the whole log (JSON lines)' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.jsonl$/);
    expect(problems).toEqual([]);
    await page.close();
  });
});
