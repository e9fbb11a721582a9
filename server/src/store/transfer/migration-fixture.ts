/**
 * Internal (tests only): a store worth migrating and ways to compare two stores. `populate`
 * drives a server seeded as `npm start` does through the API until every transfer collection
 * has rows (backtest records through its store: runs finish in worker threads, at no fixed
 * time); `throughPorts` and `allRecords` read a whole store back for deep comparison.
 */
import { apiKeyId } from '../../features/auth/api-key';
import { conversationRows, datasetRecord, messageRows, runRecord, storedReport } from '../../test-support/backtest-records';
import { stayGraph } from '../../test-support/fixtures';
import { CREATE_POLICY, PUBLISH, SAVE_DRAFT, decideInput } from '../../test-support/operations';
import { TEST_ADMIN_KEY, type TestServer } from '../../test-support/test-server';
import type { BatonStore } from '../baton-store';
import type { TransferEndpoint } from './transfer-port';
import { TRANSFER_COLLECTIONS, type TransferCollection, type TransferRecords } from './transfer-records';

const CREATE_KEY = `mutation ($name: String!, $role: Role!) { createApiKey(name: $name, role: $role) { secret key { id } } }`;
const REVOKE_KEY = `mutation ($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`;
const SET_APPROVALS = `mutation ($policyId: ID!, $count: Int!) { setRequiredApprovals(policyId: $policyId, count: $count) { requiredApprovals } }`;
const APPROVE = `mutation ($id: ID!) { approveChangeRequest(id: $id) { changeRequest { status } version { version } } }`;
const SAVE_CASE = `mutation ($policyId: ID!, $input: PolicyTestCaseInput!) { savePolicyTestCase(policyId: $policyId, input: $input) { id } }`;
const UPSERT_QUEUE = `mutation ($input: QueueInput!) { upsertQueue(input: $input) { id } }`;
const UPSERT_AGENT = `mutation ($input: AgentInput!) { upsertAgent(input: $input) { id } }`;
const ONLINE = `mutation ($agentId: ID!) { setAgentPresence(agentId: $agentId, status: ONLINE) { id } }`;
const START = `mutation ($id: ID!) { startHandoff(decisionId: $id) { status agentId } }`;
const RELEASE = `mutation ($id: ID!) { releaseAssignment(decisionId: $id) { status } }`;
const ACCEPT = `mutation ($id: ID!) { acceptHandoff(decisionId: $id) { status } }`;
const RECORD_OUTCOME = `mutation ($input: HandoffOutcomeInput!) { recordHandoffOutcome(input: $input) { conversationId } }`;
const RECORD_AI_OUTCOME = `mutation ($input: AiOutcomeInput!) { recordAiOutcome(input: $input) { conversationId } }`;
const CREATE_WEBHOOK = `mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }`;
const ROTATE_SECRET = `mutation ($id: ID!) { rotateWebhookSecret(id: $id) { endpoint { id } } }`;
const DECIDE_ID = `query ($input: DecideHandoffInput!) { decideHandoff(input: $input) { decisionId action } }`;
export const DECIDE_ALL = `query ($input: DecideHandoffInput!) { decideHandoff(input: $input) {
  decisionId action reasonCode priority tier customerMessage evaluatedAt signals
  reasons { code category description evidence nodeId }
  routing { queueId queueName agentId requiredSkills language estimatedWaitSeconds fallbackUsed explanation }
  context { summary } policy { id name version contentHash } trace { nodeId kind result evaluated } } }`;
export const WHO_AM_I = `{ policies { id } }`;

/** The README's billing dispute: a HANDOFF routed over the seed directory, at a fixed clock. */
export const billingDispute = {
  conversationId: 'conv-1042',
  channel: 'chat',
  customer: { id: 'cus-77', name: 'Maria', tier: 'pro', language: 'en' },
  messages: [
    { speaker: 'CUSTOMER', text: 'Hi, I was charged twice for order 1234 this month.', at: '2026-11-21T09:00:00Z' },
    { speaker: 'BOT', text: 'I can help with billing. Here is the list of your invoices.', at: '2026-11-21T09:00:05Z', confidence: 0.82 },
    { speaker: 'CUSTOMER', text: 'This is ridiculous, I already checked them and the money left my account twice!!', at: '2026-11-21T09:01:10Z' },
  ],
  now: '2026-11-21T09:01:12Z',
};

const overflowPolicy = (reasonCode: string) => ({
  nodes: [
    { id: 'start', kind: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'h', kind: 'handoff', position: { x: 0, y: 120 }, data: { reasonCode, category: 'BUSINESS', queue: 'overflow', priority: 'NORMAL' } },
  ],
  edges: [{ id: 'e', source: 'start', target: 'h' }],
});

export function expectOk<T>(response: { body: { data?: T | null; errors?: unknown[] } }): T {
  expect(response.body.errors).toBeUndefined();
  return response.body.data as T;
}

/** What `populate` did that tests check against. */
export interface Populated {
  /** Secrets of the publisher keys `pub1` and `pub2`. */
  keys: Record<string, string>;
  keyIds: Record<string, string>;
  /** Secret of a bot key revoked since. */
  revokedKey: string;
  /** The answer to `billingDispute` (asked last, so a copy of the store must give it too). */
  decided: Record<string, unknown>;
}

/** Builds the source store: every collection gets rows, through the API as users would. */
export async function populate(t: TestServer): Promise<Populated> {
  const keys: Record<string, string> = {};
  const keyIds: Record<string, string> = {};
  for (const name of ['pub1', 'pub2']) {
    const created = expectOk<{ createApiKey: { secret: string; key: { id: string } } }>(await t.gql(CREATE_KEY, { name, role: 'PUBLISHER' })).createApiKey;
    keys[name] = created.secret;
    keyIds[name] = created.key.id;
  }
  const bot = expectOk<{ createApiKey: { secret: string; key: { id: string } } }>(await t.gql(CREATE_KEY, { name: 'old bot', role: 'BOT' })).createApiKey;
  expectOk(await t.gql(REVOKE_KEY, { id: bot.key.id }));

  // Four eyes: a change request approved by a second publisher, and a test case.
  expectOk(await t.gql(CREATE_POLICY, { input: { id: 'four-eyes', name: 'Four eyes', graph: stayGraph() } }));
  expectOk(await t.gql(SET_APPROVALS, { policyId: 'four-eyes', count: 1 }, keys.pub1));
  const opened = expectOk<{ publishPolicy: { changeRequest: { id: string } } }>(await t.gql(PUBLISH, { policyId: 'four-eyes', comment: 'v1' }, keys.pub1));
  expect(expectOk(await t.gql(APPROVE, { id: opened.publishPolicy.changeRequest.id }, keys.pub2))).toEqual({
    approveChangeRequest: { changeRequest: { status: 'PUBLISHED' }, version: { version: 1 } },
  });
  const testCase = { id: 'stays', name: 'Bot keeps it', input: decideInput(), expected: { action: 'STAY' } };
  expectOk(await t.gql(SAVE_CASE, { policyId: 'four-eyes', input: testCase }));

  // A helpdesk webhook on handoff.started (at a port nothing listens on: its deliveries fail and
  // wait for a retry), its secret rotated so it holds two; the handoffs below fill its outbox.
  const webhook = expectOk<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
    await t.gql(CREATE_WEBHOOK, { input: { url: 'http://127.0.0.1:9/helpdesk', eventTypes: ['handoff.started'], description: 'helpdesk' } }),
  ).createWebhookEndpoint.endpoint;
  expectOk(await t.gql(ROTATE_SECRET, { id: webhook.id }));

  // A queue always open, one agent online with one chat slot and one offline: accepted, queued, released.
  expectOk(await t.gql(UPSERT_QUEUE, { input: { id: 'overflow', name: 'Overflow', requiredSkills: [{ skill: 'overflow' }], maxWaitSeconds: 86_400 } }));
  for (const id of ['over-1', 'over-2']) {
    const input = {
      id,
      name: id,
      skills: [{ skill: 'overflow', proficiency: 5 }],
      languages: ['en'],
      timeZone: 'UTC',
      capacity: [{ channel: 'CHAT', count: 1 }],
    };
    expectOk(await t.gql(UPSERT_AGENT, { input }));
  }
  expectOk(await t.gql(ONLINE, { agentId: 'over-1' }));
  expectOk(await t.gql(CREATE_POLICY, { input: { id: 'overflow', name: 'Overflow', graph: overflowPolicy('overflow_v1') } }));
  expectOk(await t.gql(PUBLISH, { policyId: 'overflow', comment: 'v1' }));
  expectOk(await t.gql(SAVE_DRAFT, { policyId: 'overflow', graph: overflowPolicy('overflow_v2'), baseRevision: 1 }));
  expectOk(await t.gql(PUBLISH, { policyId: 'overflow', comment: 'v2' }));
  const ids: string[] = [];
  for (let i = 1; i <= 3; i++) {
    const input = decideInput({ policyId: 'overflow', conversationId: `over-conv-${i}`, customer: { id: `over-cust-${i}` }, channel: 'web_chat' });
    ids.push(expectOk<{ decideHandoff: { decisionId: string } }>(await t.gql(DECIDE_ID, { input })).decideHandoff.decisionId);
  }
  const started = [];
  for (const id of ids) started.push(expectOk<{ startHandoff: { status: string } }>(await t.gql(START, { id })).startHandoff.status);
  expect(started).toEqual(['ASSIGNED', 'QUEUED', 'QUEUED']);
  expectOk(await t.gql(RELEASE, { id: ids[0] }));
  // The freed slot took the second, whose agent accepts it: released, accepted and queued handoffs.
  expectOk(await t.gql(ACCEPT, { id: ids[1] }));
  // Outcomes: what happened to two of the handoffs, and to a conversation the AI kept.
  const outcome = { firstAgentResponseAt: new Date().toISOString(), resolution: 'RESOLVED', csat: 4, agentVerdict: 'NO', reopened: false };
  expectOk(await t.gql(RECORD_OUTCOME, { input: { conversationId: 'over-conv-1', ...outcome } }));
  expectOk(await t.gql(RECORD_OUTCOME, { input: { conversationId: 'over-conv-2', correctedReasonCode: 'billing_dispute' } }));
  const kept = decideInput({ policyId: 'four-eyes', conversationId: 'kept-conv', customer: { id: 'kept-cust' } });
  expect(expectOk<{ decideHandoff: { action: string } }>(await t.gql(DECIDE_ID, { input: kept })).decideHandoff.action).toBe('STAY');
  expectOk(await t.gql(RECORD_AI_OUTCOME, { input: { conversationId: 'kept-conv', resolvedByAi: true, csat: 5 } }));

  // Backtests: two datasets (rows with dates and without), a publish gate on one and two
  // finished runs over it, one started by the gate. After the last publish, which the gate would check.
  const { backtests } = t.server.store;
  const admin = { keyId: apiKeyId(TEST_ADMIN_KEY), role: 'admin' };
  await backtests.insertDataset(datasetRecord('ds-conversations'), conversationRows(), admin);
  const messages = datasetRecord('ds-messages', { format: 'messages', source: 'hand-worked.jsonl', rows: 10, createdAt: new Date('2026-03-02T09:00:00Z') });
  await backtests.insertDataset(messages, messageRows(), admin);
  await backtests.replaceGates('four-eyes', [{ datasetId: 'ds-messages', minRecall: 0.5, maxFalsePositiveRate: 0.5 }], new Date('2026-03-02T09:30:00Z'), admin);
  const report = await storedReport();
  await backtests.insertRun(runRecord('run-manual', report, { policyId: 'four-eyes' }));
  await backtests.insertRun(runRecord('run-gate', report, { policyId: 'four-eyes', startedAt: new Date('2026-03-02T11:00:00Z'), gateFailures: [] }));

  // Last, so the copy holds exactly the state this answer came from.
  const decided = expectOk<{ decideHandoff: Record<string, unknown> }>(await t.gql(DECIDE_ALL, { input: billingDispute })).decideHandoff;
  return { keys, keyIds, revokedKey: bot.secret, decided };
}

/** Every decision time a store may hold, for listing every outcome. */
const EVER = { from: new Date(0), to: new Date('2999-01-01T00:00:00Z') };

/** Everything the ports return, for deep comparison of two stores. */
export async function throughPorts(store: BatonStore) {
  const policies = await store.policies.listPolicies();
  const perPolicy = [];
  for (const p of policies) {
    perPolicy.push({
      versions: await store.policies.listVersions(p.id),
      changeRequests: await store.changeRequests.listChangeRequests(p.id),
      testCases: await store.policyTests.listTestCases(p.id),
      head: await store.policies.getPolicyHead(p.id),
      gates: await store.backtests.findGates(p.id),
    });
  }
  const datasets = await store.backtests.listDatasets();
  const datasetRows = [];
  for (const d of datasets) datasetRows.push(await store.backtests.datasetRows(d.id));
  const { decisions } = await store.decisionLog.queryDecisions({ filter: {}, first: 10_000 });
  const assignments = [];
  for (const d of decisions) assignments.push(await store.handoffs.getAssignment(d.decisionId));
  return {
    policies,
    perPolicy,
    defaultHead: await store.policies.getPolicyHead(null),
    keys: await store.apiKeys.listKeys(),
    roles: await store.apiKeys.listRoles(),
    audit: await store.auditLog.scanEvents(0, 100_000),
    directory: await store.directory.snapshot(),
    decisions,
    assignments,
    datasets,
    datasetRows,
    runs: await store.backtests.listRuns({ limit: 10_000 }),
    outcomes: [
      ...(await store.outcomes.listOutcomes({ filter: EVER, kind: 'HANDOFF' }, 10_000)),
      ...(await store.outcomes.listOutcomes({ filter: EVER, kind: 'AI_ONLY' }, 10_000)),
    ],
    webhookEndpoints: await store.webhooks.listEndpoints(),
    webhookDeliveries: await store.webhooks.queryDeliveries({}, 10_000, null),
  };
}

/** Every record of every collection of `endpoint`, read in small pages (so paging is exercised too). */
export async function allRecords(endpoint: TransferEndpoint): Promise<{ [C in TransferCollection]: TransferRecords[C][] }> {
  const result: Partial<Record<TransferCollection, unknown[]>> = {};
  for (const collection of TRANSFER_COLLECTIONS) {
    const records: unknown[] = [];
    for (let after: string | null = null; ;) {
      const page: { records: unknown[]; next: string | null } = await endpoint.readPage(collection, after, 7);
      records.push(...page.records);
      if (page.next === null) break;
      after = page.next;
    }
    result[collection] = records;
  }
  return result as { [C in TransferCollection]: TransferRecords[C][] };
}
