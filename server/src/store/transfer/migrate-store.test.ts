/**
 * Store migration, SQLite to a fresh SQLite file: a store seeded as `npm start` does, plus
 * governance, directory, handoff and decision activity, is copied record for record; the copy
 * verifies, reads back equal through every port, decides the same and accepts the same keys.
 * A non-empty target is refused untouched; a tampered source audit row is reported.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { AuditService } from '../../features/audit/audit-service';
import { stayGraph } from '../../test-support/fixtures';
import { CREATE_POLICY, PUBLISH, SAVE_DRAFT, decideInput } from '../../test-support/operations';
import { makeTempDir, removeTempDirs } from '../../test-support/temp-dir';
import { startTestServer, TEST_ADMIN_KEY, type TestServer } from '../../test-support/test-server';
import type { BatonStore } from '../baton-store';
import { DATABASE_FILE } from '../sqlite/open-database';
import { openSqliteStore } from '../sqlite/open-sqlite-store';
import { migrateStore, type MigrationReport } from './migrate-store';
import { MigrationError } from './migration-error';
import { openSqliteTransferSource, openSqliteTransferTarget } from './sqlite-transfer';
import type { TransferEndpoint } from './transfer-port';
import { TRANSFER_COLLECTIONS, type TransferCollection } from './transfer-records';

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
const DECIDE_ID = `query ($input: DecideHandoffInput!) { decideHandoff(input: $input) { decisionId action } }`;
const DECIDE_ALL = `query ($input: DecideHandoffInput!) { decideHandoff(input: $input) {
  decisionId action reasonCode priority tier customerMessage evaluatedAt signals
  reasons { code category description evidence nodeId }
  routing { queueId queueName agentId requiredSkills language estimatedWaitSeconds fallbackUsed explanation }
  context { summary } policy { id name version contentHash } trace { nodeId kind result evaluated } } }`;
const WHO_AM_I = `{ policies { id } }`;

/** The README's billing dispute: a HANDOFF routed over the seed directory, at a fixed clock. */
const billingDispute = {
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

function expectOk<T>(response: { body: { data?: T | null; errors?: unknown[] } }): T {
  expect(response.body.errors).toBeUndefined();
  return response.body.data as T;
}

/** Builds the source store: every collection gets rows, through the API as users would. */
async function populate(t: TestServer): Promise<{ keys: Record<string, string>; revokedKey: string; decided: Record<string, unknown> }> {
  const keys: Record<string, string> = {};
  for (const name of ['pub1', 'pub2']) {
    keys[name] = expectOk<{ createApiKey: { secret: string } }>(await t.gql(CREATE_KEY, { name, role: 'PUBLISHER' })).createApiKey.secret;
  }
  const bot = expectOk<{ createApiKey: { secret: string; key: { id: string } } }>(await t.gql(CREATE_KEY, { name: 'old bot', role: 'BOT' })).createApiKey;
  expectOk(await t.gql(REVOKE_KEY, { id: bot.key.id }));

  // Four eyes: a change request approved by a second publisher, and a test case.
  expectOk(await t.gql(CREATE_POLICY, { input: { id: 'four-eyes', name: 'Four eyes', graph: stayGraph() } }));
  expectOk(await t.gql(SET_APPROVALS, { policyId: 'four-eyes', count: 1 }, keys.pub1));
  const opened = expectOk<{ publishPolicy: { changeRequest: { id: string } } }>(await t.gql(PUBLISH, { policyId: 'four-eyes', comment: 'v1' }, keys.pub1));
  expect(expectOk(await t.gql(APPROVE, { id: opened.publishPolicy.changeRequest.id }, keys.pub2))).toEqual({ approveChangeRequest: { changeRequest: { status: 'PUBLISHED' }, version: { version: 1 } } });
  const testCase = { id: 'stays', name: 'Bot keeps it', input: decideInput(), expected: { action: 'STAY' } };
  expectOk(await t.gql(SAVE_CASE, { policyId: 'four-eyes', input: testCase }));

  // A queue always open, one agent online with one chat slot and one offline: assigned, queued, released.
  expectOk(await t.gql(UPSERT_QUEUE, { input: { id: 'overflow', name: 'Overflow', requiredSkills: [{ skill: 'overflow' }], maxWaitSeconds: 86_400 } }));
  for (const id of ['over-1', 'over-2']) {
    const input = { id, name: id, skills: [{ skill: 'overflow', proficiency: 5 }], languages: ['en'], timeZone: 'UTC', capacity: [{ channel: 'CHAT', count: 1 }] };
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

  // Last, so the copy holds exactly the state this answer came from.
  const decided = expectOk<{ decideHandoff: Record<string, unknown> }>(await t.gql(DECIDE_ALL, { input: billingDispute })).decideHandoff;
  return { keys, revokedKey: bot.secret, decided };
}

/** Everything the ports return, for deep comparison of two stores. */
async function throughPorts(store: BatonStore) {
  const policies = await store.policies.listPolicies();
  const perPolicy = [];
  for (const p of policies) {
    perPolicy.push({
      versions: await store.policies.listVersions(p.id),
      changeRequests: await store.changeRequests.listChangeRequests(p.id),
      testCases: await store.policyTests.listTestCases(p.id),
      head: await store.policies.getPolicyHead(p.id),
    });
  }
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
  };
}

/** Every record of every collection through the transfer port, one page at a time. */
async function allRecords(endpoint: TransferEndpoint): Promise<Record<TransferCollection, unknown[]>> {
  const result = {} as Record<TransferCollection, unknown[]>;
  for (const collection of TRANSFER_COLLECTIONS) {
    const records: unknown[] = [];
    for (let after: string | null = null; ; ) {
      const page: { records: unknown[]; next: string | null } = await endpoint.readPage(collection, after, 7);
      records.push(...page.records);
      if (page.next === null) break;
      after = page.next;
    }
    result[collection] = records;
  }
  return result;
}

async function withStore<T>(dataDir: string, fn: (store: BatonStore) => Promise<T>): Promise<T> {
  const store = await openSqliteStore(dataDir);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

async function migrate(sourceDir: string, targetDir: string, pageSize = 3): Promise<MigrationReport> {
  const source = openSqliteTransferSource(sourceDir);
  const target = openSqliteTransferTarget(targetDir);
  try {
    return await migrateStore(source, target, { pageSize });
  } finally {
    await source.close();
    await target.close();
  }
}

let sourceDir: string;
let copyDir: string;
let report: MigrationReport;
let populated: Awaited<ReturnType<typeof populate>>;

beforeAll(async () => {
  const t = await startTestServer();
  try {
    populated = await populate(t);
  } finally {
    await t.close();
  }
  sourceDir = t.config.dataDir;
  copyDir = makeTempDir();
  // A small page size: every collection spans several pages.
  report = await migrate(sourceDir, copyDir, 3);
}, 60_000);
afterAll(removeTempDirs);

describe('migrateStore, SQLite to a new SQLite file', () => {
  it('copies every collection, each non-empty, with equal counts, and verifies', async () => {
    expect(report.collections.map((c) => c.collection)).toEqual([...TRANSFER_COLLECTIONS]);
    for (const c of report.collections) {
      expect({ collection: c.collection, copied: c.copied, target: c.target }).toEqual({ collection: c.collection, copied: c.source, target: c.source });
      expect({ collection: c.collection, nonEmpty: c.source > 0 }).toEqual({ collection: c.collection, nonEmpty: true });
    }
    const count = (name: TransferCollection) => report.collections.find((c) => c.collection === name)?.source;
    // The seed policy, four-eyes and overflow; the admin key and the three created here.
    expect(count('policies')).toBe(3);
    expect(count('apiKeys')).toBe(4);
    expect(count('assignments')).toBe(3);
    expect(count('changeRequests')).toBe(1);
    expect(report).toMatchObject({ ok: true, integrity: [], versions: { mismatchCount: 0 }, audit: { headsMatch: true, source: { valid: true }, target: { valid: true } } });
    expect(report.versions.checked).toBe(count('policyVersions'));
    expect(report.audit.target.checked).toBe(count('auditLog'));
  });

  it('reads back equal through every port, and record for record through the transfer port', async () => {
    const [original, copy] = [await withStore(sourceDir, throughPorts), await withStore(copyDir, throughPorts)];
    expect(copy).toEqual(original);
    expect(copy.assignments.map((a) => a?.status).sort()).toEqual(['ASSIGNED', 'QUEUED', 'RELEASED']);
    expect(copy.keys.filter((k) => k.revokedAt !== null)).toHaveLength(1);

    const source = openSqliteTransferSource(sourceDir);
    const target = openSqliteTransferSource(copyDir);
    try {
      const [a, b] = [await allRecords(source), await allRecords(target)];
      expect(b).toEqual(a);
      // Stored fields the ports do not expose made it too.
      expect((b.assignments as { status: string; candidates: string[] }[]).find((x) => x.status === 'QUEUED')?.candidates).toEqual(['over-1', 'over-2']);
      expect((b.queues as { createdAt: Date }[]).every((q) => q.createdAt instanceof Date)).toBe(true);
    } finally {
      await source.close();
      await target.close();
    }
  });

  it('keeps the audit chain: it verifies on the copy and ends on the same hash, with no event added', async () => {
    const [original, copy] = [
      await withStore(sourceDir, (s) => new AuditService(s.auditLog).verify()),
      await withStore(copyDir, (s) => new AuditService(s.auditLog).verify()),
    ];
    expect(copy).toEqual(original);
    expect(copy).toMatchObject({ valid: true });
    expect(report.audit.targetHead).toEqual(report.audit.sourceHead);
    expect(report.audit.targetHead?.hash).toBe(copy.headHash);
  });

  it('refuses a non-empty target and leaves it as it was', async () => {
    const before = await withStore(copyDir, throughPorts);
    await expect(migrate(sourceDir, copyDir)).rejects.toThrow(MigrationError);
    await expect(migrate(sourceDir, copyDir)).rejects.toMatchObject({ kind: 'target', message: expect.stringMatching(/is not empty \(apiKeys: 4, .*nothing was written/) });
    expect(await withStore(copyDir, throughPorts)).toEqual(before);
  });

  it('reports a source audit row edited behind the log: the chain is copied as it was and fails verification', async () => {
    const tamperedDir = makeTempDir();
    const original = new Database(path.join(sourceDir, DATABASE_FILE), { readonly: true });
    original.exec(`VACUUM INTO '${path.join(tamperedDir, DATABASE_FILE)}'`);
    original.close();
    const db = new Database(path.join(tamperedDir, DATABASE_FILE));
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare('UPDATE audit_log SET actor_role = ? WHERE sequence = 5').run('admin');
    db.close();

    const tampered = await migrate(tamperedDir, makeTempDir());
    expect(tampered.ok).toBe(false);
    expect(tampered.audit.source).toMatchObject({ valid: false, firstBrokenSequence: 5, problem: expect.stringMatching(/edited/) });
    expect(tampered.audit.target).toMatchObject({ valid: false, firstBrokenSequence: 5 });
    expect(tampered.audit.headsMatch).toBe(true);
    expect(tampered.collections.every((c) => c.source === c.target)).toBe(true);
  });
});

describe('a server on the copy', () => {
  let copy: TestServer;
  beforeAll(async () => {
    // No BATON_ADMIN_KEY: the copied key must be what authenticates.
    copy = await startTestServer({ dataDir: copyDir, adminKey: undefined }, { announceAdminKey: () => { throw new Error('the copy has an admin key; none may be generated'); } });
  });
  afterAll(() => copy.close());

  it('answers decideHandoff as the original did for the same input', async () => {
    const decided = expectOk<{ decideHandoff: Record<string, unknown> }>(await copy.gql(DECIDE_ALL, { input: billingDispute })).decideHandoff;
    expect({ ...decided, decisionId: 'x' }).toEqual({ ...populated.decided, decisionId: 'x' });
    expect(decided).toMatchObject({ action: 'HANDOFF', routing: { queueId: 'billing' } });
  });

  it('authenticates the copied keys and still refuses the revoked one', async () => {
    expect((await copy.gql(WHO_AM_I, undefined, TEST_ADMIN_KEY)).body.errors).toBeUndefined();
    expect((await copy.gql(WHO_AM_I, undefined, populated.keys.pub1)).body.errors).toBeUndefined();
    const revoked = await copy.gql(WHO_AM_I, undefined, populated.revokedKey);
    expect(revoked.body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });
});
