/**
 * End to end, the admin screens and governance by name (issue 19): an ADMIN creates a second
 * publisher in the API keys screen (its secret shown once); under four eyes, publisher A's
 * publish dialog says it opens a change request; publisher B, signed in with the new key, sees
 * the request appear in History without a reload, opens its diff and approves it, and the
 * publish shows in History with its comment and author's name. The directory screen creates a
 * queue and an agent, each first refused by the API with the error on the bad field. Both
 * screens and History pass axe-core; screenshots at 1280×720 and 1440×900 go to editor/test-output/.
 */
import type { Locator, Page } from 'playwright-core';
import { axeViolations } from './axe-check';
import { useEditorBrowser } from './browser-harness';

const harness = useEditorBrowser();
const { openPage, shot, signIn } = harness;

/** Screenshots of the screen at 1280×720 and 1440×900 (with `focus` scrolled into view), then back to the harness's size. */
async function shotBoth(page: Page, name: string, focus?: Locator): Promise<void> {
  for (const [width, height] of [
    [1280, 720],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(300);
    await focus?.scrollIntoViewIfNeeded();
    await shot(page, `${name}-${width}x${height}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** The error text tied to a field by its aria-describedby. */
async function describedError(page: Page, label: string): Promise<string> {
  const field = page.getByLabel(label, { exact: true });
  await page.waitForFunction(
    (el) => (el?.getAttribute('aria-describedby') ?? '').split(' ').some((id) => document.getElementById(id)?.classList.contains('bn-error')),
    await field.elementHandle(),
  );
  return field.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id))
      .filter((n) => n?.classList.contains('bn-error'))
      .map((n) => n?.textContent ?? '')
      .join(' '),
  );
}

async function createKey(page: Page, name: string, role: string): Promise<string> {
  await page.getByLabel('Name (who or what uses it)').fill(name);
  await page.getByLabel('Role', { exact: true }).selectOption(role);
  await page.getByRole('button', { name: 'Create key' }).click();
  const secret = await page.getByLabel('Secret', { exact: true }).inputValue();
  expect(secret.length).toBeGreaterThan(20);
  return secret;
}

/** Signs out and goes back to the policy list, where the next key signs in. */
async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('API key').waitFor();
  await page.evaluate(() => {
    window.location.hash = '#/';
  });
}

describe('admin screens and governance by name', () => {
  it('creates a second publisher in the keys screen, and that publisher approves publisher A’s change request in History', async () => {
    const { page, problems } = await openPage({ bypassCsp: true });
    await signIn(page);
    await page.getByRole('button', { name: 'API keys' }).click();
    await page.getByRole('heading', { name: 'API keys' }).waitFor();

    // The name is checked as the API checks it, and the error is tied to the field.
    await page.getByRole('button', { name: 'Create key' }).click();
    expect(await describedError(page, 'Name (who or what uses it)')).toMatch(/Give the key a name/);

    const secretA = await createKey(page, 'Marta Reis', 'PUBLISHER');
    await page.getByRole('button', { name: 'I have stored it' }).click();
    const secretB = await createKey(page, 'Bea Lima', 'PUBLISHER');
    await page.getByText('Copy the secret now: it is shown only this once.').waitFor();
    await page.getByRole('cell', { name: 'Bea Lima', exact: true }).waitFor();
    await shotBoth(page, '19-01-keys-secret-once');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'I have stored it' }).click();
    // Shown once: gone from the page, and the list never holds it.
    expect(await page.content()).not.toContain(secretB);
    await shotBoth(page, '19-02-keys-list');

    // A revoked key stays listed, marked revoked.
    const secretC = await createKey(page, 'Old widget bot', 'BOT');
    expect(secretC).not.toBe(secretB);
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await page.getByRole('button', { name: 'Revoke Old widget bot' }).click();
    await page.getByRole('button', { name: 'Yes, revoke' }).click();
    await page.getByText('Revoked “Old widget bot”: it stops working at once.').waitFor();
    await page
      .getByRole('row', { name: /Old widget bot/ })
      .getByText(/^revoked /)
      .waitFor();

    // Four eyes on the reference policy, set in History.
    await page.getByRole('button', { name: '← Policies' }).click();
    await page.getByRole('button', { name: 'Open Support default' }).click();
    await page.getByRole('button', { name: 'History' }).click();
    await page.getByLabel('Required approvals (0–10)').fill('1');
    await page.getByRole('button', { name: 'Set', exact: true }).click();
    await page.getByText('Publishing needs 1 approval(s) from other publishers now.').waitFor();
    await signOut(page);

    // Publisher B has History open before anything is asked: it says so, then shows the request without a reload.
    const second = await openPage({ bypassCsp: true });
    const pageB = second.page;
    await signIn(pageB, secretB);
    await pageB.getByRole('button', { name: 'Open Support default' }).click();
    await pageB.getByRole('button', { name: 'History' }).click();
    await pageB.getByText('No change requests.').waitFor();
    await pageB.getByText('Signed in as Bea Lima (publisher)').waitFor();

    // Publisher A edits and publishes: the dialog says a change request opens.
    await signIn(page, secretA);
    await page.getByRole('button', { name: 'Open Support default' }).click();
    await page.getByRole('searchbox', { name: 'Search nodes' }).fill('Bot unsure twice');
    await page.getByLabel('Name on the canvas').fill('Bot unsure twice, reviewed');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('All changes saved').waitFor();
    await page.getByRole('button', { name: 'Publish…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Open a change request for “Support default”' }).waitFor();
    await dialog.getByText(/needs 1 approval from publishers other than you: sending opens a change request/).waitFor();
    // The summary names nodes by their titles, not internal ids.
    await dialog.getByText(/1 node changed \(“Bot unsure twice, reviewed”: label/).waitFor();
    await page.getByLabel('Comment (required): what changes and why').fill('Clearer name for the confidence check');
    await shotBoth(page, '19-03-publish-opens-change-request');
    await dialog.getByRole('button', { name: 'Open change request' }).click();
    await page.getByText(/Change request opened: this policy needs 1 approval/).waitFor();

    // B's History shows it within the polling interval, with names instead of key ids.
    const request = pageB.locator('.bn-cr-open');
    await request.getByText('Publish the draft (revision 2)').waitFor({ timeout: 15_000 });
    await request.getByText(/asked by Marta Reis \(publisher\)/).waitFor();
    await request.getByRole('button', { name: 'Show the diff: v1 → draft' }).click();
    await pageB
      .getByText(/Version 1 → draft/)
      .first()
      .waitFor();
    await pageB.locator('.bn-version-viewer').getByTestId('node-c_low_confidence').waitFor();
    // The read-only canvas names queues as the editable one does: from the directory.
    const securityLeaf = await pageB.locator('.bn-version-viewer').getByTestId('node-h_security').textContent();
    expect(securityLeaf).toContain('Trust & Safety');
    expect(securityLeaf).not.toContain('trust_safety');
    expect(
      await pageB
        .locator('.bn-approvals')
        .getByRole('button', { name: /[0-9a-f]{8}-[0-9a-f]{4}/ })
        .count(),
    ).toBe(0);
    await shotBoth(pageB, '19-04-history-request-and-diff');
    expect(await axeViolations(pageB)).toEqual([]);

    await request.getByRole('button', { name: 'Approve' }).click();
    await pageB.getByText('Approved: version 2 is published and active.').waitFor();
    const activity = pageB.getByRole('region', { name: 'Activations and rollbacks' });
    await activity.getByText(/Published v2 \(v1 was active\)/).waitFor();
    await activity.getByText(/by Bea Lima \(publisher\).*“Clearer name for the confidence check”/).waitFor();
    await pageB.getByRole('row', { name: /^v2 active Bea Lima \(publisher\)/ }).waitFor();
    await shotBoth(pageB, '19-05-history-approved');
    expect(await axeViolations(pageB)).toEqual([]);

    expect(problems).toEqual([]);
    expect(second.problems).toEqual([]);
    await pageB.close();
    await page.close();
  });

  it('lets an EDITOR request review: the dialog says so, and History names the editor on the request', async () => {
    const created = await harness.server.gql<{ createApiKey: { secret: string } }>('mutation { createApiKey(name: "Tomas Varga", role: EDITOR) { secret } }');
    const { page, problems } = await openPage();
    await signIn(page, created.body.data?.createApiKey.secret);
    await page.getByRole('button', { name: 'Open Support default' }).click();
    await expect(page.getByRole('button', { name: 'Publish…' }).count()).resolves.toBe(0);
    await page.getByRole('searchbox', { name: 'Search nodes' }).fill('Same question 3+');
    await page.getByLabel('Name on the canvas').fill('Same question asked 3+ times?');
    await page.getByRole('button', { name: 'Request review…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Request review of “Support default”' }).waitFor();
    await dialog.getByText(/a publisher other than you reviews the draft, and the last approval publishes it/).waitFor();
    await page.getByLabel('Comment (required): what changes and why').fill('Say how often the question was asked');
    await dialog.getByRole('button', { name: 'Request review', exact: true }).click();
    await page.getByText(/Review requested: a change request waits for 1 approval/).waitFor();
    await page.getByRole('button', { name: 'History' }).click();
    const request = page.locator('.bn-cr-open');
    await request.getByText(/asked by Tomas Varga \(editor\).*“Say how often the question was asked”/).waitFor();
    // An editor reads the request but neither approves nor rejects it.
    await expect(request.getByRole('button', { name: 'Approve' }).count()).resolves.toBe(0);
    await shot(page, '19-08-editor-review-requested');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('lets an ADMIN roll back in an emergency under four eyes, with a required reason, and History shows it', async () => {
    // A publisher under four eyes is offered a change request only, never the emergency path.
    const publisher = await harness.server.gql<{ createApiKey: { secret: string } }>(
      'mutation { createApiKey(name: "Ivo Pinto", role: PUBLISHER) { secret } }',
    );
    const other = await openPage();
    await signIn(other.page, publisher.body.data?.createApiKey.secret);
    await other.page.getByRole('button', { name: 'Open Support default' }).click();
    await other.page.getByRole('button', { name: 'History' }).click();
    await other.page.getByRole('button', { name: 'Make version 1 active…' }).waitFor();
    expect(await other.page.getByRole('button', { name: /Emergency rollback/ }).count()).toBe(0);
    await other.page.close();

    const { page, problems } = await openPage({ bypassCsp: true });
    await page.setViewportSize({ width: 1280, height: 720 });
    await signIn(page);
    await page.getByRole('button', { name: 'Open Support default' }).click();
    await page.getByRole('button', { name: 'History' }).click();
    await page.getByRole('row', { name: /^v2 active/ }).waitFor();
    await page.getByRole('button', { name: 'Emergency rollback to version 1, without approvals…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Emergency rollback to version 1' });
    await dialog.getByText(/skips the four-eyes rule: version 1 becomes active at once, without the 1 approval this policy needs/).waitFor();
    await dialog.getByText(/recorded in the audit log as an emergency activation/).waitFor();
    const confirm = dialog.getByRole('button', { name: 'Make version 1 active now' });
    // The reason is required: the dialog does not act without one.
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Reason (required): what is going wrong').fill('v2 sends refund questions to the wrong desk');
    expect(await confirm.isDisabled()).toBe(false);
    await shot(page, '19-09-emergency-rollback-dialog-1280x720');
    expect(await axeViolations(page)).toEqual([]);
    await confirm.click();

    await page.getByText('Emergency rollback: version 1 is active now, without approvals. The audit log records it.').waitFor();
    await page.getByRole('row', { name: /^v1 active/ }).waitFor();
    const activity = page.getByRole('region', { name: 'Activations and rollbacks' });
    await activity.getByText(/Emergency activation of v1 \(v2 was active\), without approvals/).waitFor();
    await activity.getByText(/“v2 sends refund questions to the wrong desk”/).waitFor();
    await shot(page, '19-10-emergency-rollback-in-history-1280x720');

    // The audit log has it under its own action, with the reason.
    const audit = await harness.server.gql<{ auditLog: { nodes: { action: string; after: { comment?: string; activeVersion?: number } }[] } }>(
      '{ auditLog(filter: { action: "policy.emergencyActivate" }, first: 5) { nodes { action after } } }',
    );
    expect(audit.body.data?.auditLog.nodes).toEqual([
      expect.objectContaining({
        action: 'policy.emergencyActivate',
        after: expect.objectContaining({ activeVersion: 1, comment: 'v2 sends refund questions to the wrong desk' }),
      }),
    ]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('creates a queue and an agent in the directory screen, each bad field refused by the API on that field', async () => {
    const { page, problems } = await openPage({ bypassCsp: true });
    await signIn(page);
    await page.getByRole('button', { name: 'Directory' }).click();
    await page.getByRole('heading', { name: 'Directory' }).waitFor();
    await page
      .getByRole('region', { name: 'Queues' })
      .getByRole('cell', { name: /trust_safety/ })
      .waitFor();

    await page.getByRole('button', { name: 'New queue…' }).click();
    await page.getByLabel('Queue id').fill('billing_pt');
    await page.getByLabel('Name', { exact: true }).fill('Portuguese billing');
    await page.getByLabel('Languages', { exact: true }).fill('pt, portuguese');
    await page.getByLabel('Required skills').fill('billing:5');
    await page.getByLabel('Time zone', { exact: true }).fill('America/Sao_Paulo');
    await page.getByLabel('Weekly hours').fill('MON-FRI 08:00-13:00, 12:00-18:00');
    await page.getByRole('button', { name: 'Create queue' }).click();
    // Both problems come from the API, each on its own field.
    expect(await describedError(page, 'Languages')).toContain('"portuguese" is not a two-letter ISO 639-1 code');
    expect(await describedError(page, 'Weekly hours')).toMatch(/overlaps/);
    await shotBoth(page, '19-06-directory-queue-refused');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Languages', { exact: true }).fill('pt');
    await page.getByLabel('Weekly hours').fill('MON-FRI 08:00-18:00; SAT 09:00-13:00');
    await page.getByRole('button', { name: 'Create queue' }).click();
    await page.getByText('Saved queue “Portuguese billing” (billing_pt).').waitFor();
    await page
      .getByRole('row', { name: /Portuguese billing/ })
      .getByText('MON-FRI 08:00-18:00; SAT 09:00-13:00 (America/Sao_Paulo)')
      .waitFor();

    await page.getByRole('button', { name: 'New agent…' }).click();
    await page.getByLabel('Agent id').fill('rui.costa');
    await page.getByLabel('Agent name').fill('Rui Costa');
    await page.getByLabel('Agent languages').fill('pt, es');
    await page.getByLabel('Skills', { exact: true }).fill('billing:8, refunds:6');
    await page.getByLabel('Agent time zone').fill('Brazil/Recife');
    await page.getByRole('button', { name: 'Create agent' }).click();
    expect(await describedError(page, 'Agent time zone')).toContain('"Brazil/Recife" is not an IANA time zone');
    await page.getByLabel('Agent time zone').fill('America/Recife');
    await page.getByRole('button', { name: 'Create agent' }).click();
    await page.getByText(/Saved agent “Rui Costa”: serves .*Portuguese billing/).waitFor();
    await page.getByLabel('Presence of Rui Costa').selectOption('ONLINE');
    await page.getByText('Rui Costa is online now.').waitFor();
    const row = page.getByRole('row', { name: /Rui Costa/ });
    await row.getByText('chat 3').waitFor();
    await shotBoth(page, '19-07-directory', row);
    expect(await axeViolations(page)).toEqual([]);

    // The filter narrows a long list of agents: by name, then by skill and language together, then by a queue's name.
    const agents = page.getByRole('region', { name: 'Agents' });
    const filter = page.getByRole('searchbox', { name: 'Filter agents' });
    const agentRows = agents.getByRole('row');
    const everyone = (await agentRows.count()) - 1;
    expect(everyone).toBeGreaterThan(3);
    await filter.fill('Rui Costa');
    await agents.getByText(`1 of ${everyone} agents match`).waitFor();
    expect(await agentRows.count()).toBe(2);
    await filter.fill('refunds PT');
    await agents.getByRole('row', { name: /Rui Costa/ }).waitFor();
    expect(await agentRows.count()).toBeLessThan(everyone + 1);
    await filter.scrollIntoViewIfNeeded();
    await shot(page, '19-12-directory-filter-1280x800');
    await filter.fill('portuguese billing');
    await agents.getByRole('row', { name: /Rui Costa/ }).waitFor();
    await filter.fill('nobody-by-this-name');
    await agents.getByText('No agent matches “nobody-by-this-name”.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await filter.fill('');
    await agents.getByText(`${everyone} agents`, { exact: true }).waitFor();

    // What the screen shows is what the API stored.
    const stored = await harness.server.gql<{ agent: { status: string; timeZone: string; queueIds: string[] } }>(
      '{ agent(id: "rui.costa") { status timeZone queueIds } }',
    );
    expect(stored.body.data?.agent).toMatchObject({ status: 'ONLINE', timeZone: 'America/Recife' });
    expect(stored.body.data?.agent.queueIds).toContain('billing_pt');
    expect(problems).toEqual([]);
    await page.close();
  });
});
