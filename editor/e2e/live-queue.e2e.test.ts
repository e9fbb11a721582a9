/**
 * End to end, the live queue: the built editor in Debian's Chromium against a real Baton server,
 * its figures pushed over the WebSocket (graphql-ws). A supervisor opens the page; a bot starts
 * handoffs through the API and they appear, without a reload, as waiting with their place in the
 * queue; an agent comes online and the queue empties. axe-core finds no serious or critical
 * violation on the page, waiting or empty. Screenshots at 1280×720 go to editor/test-output/.
 */
import type { Locator, Page } from 'playwright-core';
import { axeViolations } from './axe-check';
import { useEditorBrowser } from './browser-harness';

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

/** Runs an operation with the admin key (or `key`) and returns its data; fails on any error. */
async function api<T>(query: string, variables?: Record<string, unknown>, key?: string): Promise<T> {
  const { body } = await harness.server.gql<T>(query, variables, key);
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

/** Every conversation goes to the queue `desk` (one agent online with one chat seat, one offline). */
async function setUpDesk(): Promise<string> {
  await api(`mutation { upsertQueue(input: { id: "desk", name: "Front desk", requiredSkills: [{ skill: "desk" }], averageHandleSeconds: 240 }) { id } }`);
  for (const id of ['desk-ana', 'desk-ben']) {
    const input = { id, name: id, skills: [{ skill: 'desk', proficiency: 5 }], languages: ['en'], timeZone: 'UTC', capacity: [{ channel: 'CHAT', count: 1 }] };
    await api(`mutation A($input: AgentInput!) { upsertAgent(input: $input) { id } }`, { input });
  }
  await api(`mutation { setAgentPresence(agentId: "desk-ana", status: ONLINE) { id } }`);
  const policy = {
    id: 'desk',
    name: 'Desk',
    graph: {
      nodes: [
        { id: 'start', kind: 'start', data: {} },
        { id: 'h', kind: 'handoff', data: { reasonCode: 'desk', category: 'BUSINESS', queue: 'desk', priority: 'NORMAL' } },
      ],
      edges: [{ id: 'e', source: 'start', target: 'h' }],
    },
  };
  await api(`mutation C($input: CreatePolicyInput!) { createPolicy(input: $input) { id } }`, { input: policy });
  await api(`mutation P { publishPolicy(policyId: "desk", comment: "desk") { __typename } }`);
  return (await api<{ createApiKey: { secret: string } }>(`mutation { createApiKey(name: "chat bot", role: BOT) { secret } }`)).createApiKey.secret;
}

/** What a bot does: decide on the customer's turn, then start the handoff. */
async function startHandoff(conversationId: string, botKey: string): Promise<{ status: string; position: number | null }> {
  const input = {
    conversationId,
    policyId: 'desk',
    channel: 'web_chat',
    customer: { id: `cus-${conversationId}` },
    messages: [{ speaker: 'CUSTOMER', text: 'My parcel arrived opened and two items are missing.' }],
  };
  const { decideHandoff } = await api<{ decideHandoff: { decisionId: string } }>(
    `query D($input: DecideHandoffInput!) { decideHandoff(input: $input) { decisionId } }`,
    { input },
    botKey,
  );
  const { startHandoff: started } = await api<{ startHandoff: { status: string; position: number | null } }>(
    `mutation S($id: ID!) { startHandoff(decisionId: $id) { status position } }`,
    { id: decideHandoff.decisionId },
    botKey,
  );
  return started;
}

/** The cells of a table row: position, conversation, channel, waiting for, expected wait, back in queue. */
const cells = async (row: Locator) => (await row.getByRole('cell').allTextContents()).map((text) => text.trim());
const figure = (card: Locator, name: 'waiting' | 'longest' | 'online' | 'free' | 'estimate') => textOf(card.locator(`[data-figure="${name}"]`));

async function openLiveQueue(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Live queue', exact: true }).click();
  await page.getByRole('heading', { name: 'Live queue' }).waitFor();
  const card = page.getByRole('region', { name: 'Queue Front desk' });
  await card.waitFor();
  return card;
}

describe('the live queue', () => {
  it('shows handoffs as a bot starts them and as an agent comes online, without a reload', async () => {
    const botKey = await setUpDesk();
    // CSP bypassed only so axe-core can be injected.
    const { page, problems } = await openPage({ bypassCsp: true });
    await page.setViewportSize({ width: 1280, height: 720 });
    await signIn(page);
    const card = await openLiveQueue(page);
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    expect(await figure(card, 'waiting')).toBe('0');
    expect(await figure(card, 'online')).toBe('1');
    expect(await textOf(card)).toContain('Nobody waiting.');
    // The page was loaded once: from here on every change arrives over the WebSocket.
    const loads: string[] = [];
    page.on('framenavigated', (frame) => loads.push(frame.url()));

    expect(await startHandoff('chat-4411', botKey)).toMatchObject({ status: 'ASSIGNED' });
    expect(await startHandoff('chat-4412', botKey)).toMatchObject({ status: 'QUEUED', position: 1 });
    expect(await startHandoff('chat-4413', botKey)).toMatchObject({ status: 'QUEUED', position: 2 });
    await until(async () => (await figure(card, 'waiting')) === '2', 'two waiting');
    const waiting = card.getByRole('table', { name: 'Waiting in Front desk' });
    const rows = waiting.getByRole('row');
    await until(async () => (await rows.count()) === 3, 'two rows of waiting handoffs');
    expect((await cells(rows.nth(1))).slice(0, 3)).toEqual(['1', 'chat-4412', 'chat']);
    expect((await cells(rows.nth(2))).slice(0, 3)).toEqual(['2', 'chat-4413', 'chat']);
    // Its place over the one busy seat: the first in line waits one handle time (240 s), the second two.
    expect((await cells(rows.nth(1)))[4]).toBe('4 min 00 s');
    expect((await cells(rows.nth(2)))[4]).toBe('8 min 00 s');
    // One seat, busy, two waiting: the third in line waits for three handle times (240 s each) over one seat.
    expect(await figure(card, 'estimate')).toBe('12 min 00 s');
    // Online is not free: the one agent's one seat is taken.
    expect(await figure(card, 'free')).toBe('0');
    // That figure is a new arrival's wait, and says so.
    expect(await card.locator('dt').allTextContents()).toEqual(['Waiting', 'Longest wait', 'Agents online', 'Free chat seats', 'Wait for a new arrival']);
    await card.scrollIntoViewIfNeeded();
    await shot(page, '16-01-live-queue-waiting-1280x720');
    expect(await axeViolations(page)).toEqual([]);

    // Ben comes online: his free seat takes the first in line at once.
    await api(`mutation { setAgentPresence(agentId: "desk-ben", status: ONLINE) { id } }`);
    await until(async () => (await figure(card, 'online')) === '2' && (await figure(card, 'waiting')) === '1', 'one waiting, two online');
    await until(async () => (await rows.count()) === 2, 'one row left');
    expect((await cells(rows.nth(1))).slice(0, 3)).toEqual(['1', 'chat-4413', 'chat']);
    await card.scrollIntoViewIfNeeded();
    await shot(page, '16-02-live-queue-agent-online-1280x720');
    expect(await axeViolations(page)).toEqual([]);

    expect(loads).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('is offered to readers and refused to nobody else: an EDITOR key sees it, the figures are the same', async () => {
    const { createApiKey } = await api<{ createApiKey: { secret: string } }>(`mutation { createApiKey(name: "ops editor", role: EDITOR) { secret } }`);
    const { page, problems } = await openPage();
    await signIn(page, createApiKey.secret);
    const card = await openLiveQueue(page);
    await until(async () => (await figure(card, 'waiting')) === '1', 'the figures of the first test');
    expect(await figure(card, 'online')).toBe('2');
    expect(problems).toEqual([]);
    await page.close();
  });
});
