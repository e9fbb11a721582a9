/**
 * The audit log over HTTP: every mutation leaves one event, filters and pages work, the
 * JSON-lines export matches, and an edit made directly in the SQLite file is found.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { BatonErrorCode } from '@baton/schemas';
import { stayGraph } from '../../test-support/fixtures';
import { CREATE_POLICY, PUBLISH, SAVE_DRAFT } from '../../test-support/operations';
import { removeTempDirs } from '../../test-support/temp-dir';
import { startTestServer, TEST_ADMIN_KEY, type TestServer } from '../../test-support/test-server';
import { DATABASE_FILE } from '../../store/sqlite/open-database';

afterAll(removeTempDirs);

const AUDIT_LOG = `query ($filter: AuditFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    nodes { sequence action targetType targetId actor { keyId role } before after prevHash hash }
    pageInfo { endCursor hasNextPage }
  }
}`;
const VERIFY = `{ verifyAuditLog { valid checked firstBrokenSequence problem headHash } }`;

interface EventJson {
  sequence: number;
  action: string;
  targetId: string;
  actor: { keyId: string | null; role: string };
  before: unknown;
  after: unknown;
  prevHash: string;
  hash: string;
}
interface Page {
  auditLog: { nodes: EventJson[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
}

describe('audit log over HTTP', () => {
  let t: TestServer;
  let auditorKey: string;

  beforeAll(async () => {
    t = await startTestServer();
    const created = await t.gql<{ createApiKey: { secret: string } }>(`mutation { createApiKey(name: "auditor", role: AUDITOR) { secret } }`);
    auditorKey = created.body.data?.createApiKey.secret as string;
    await t.gql(CREATE_POLICY, { input: { id: 'audited', name: 'Audited', graph: stayGraph() } });
    await t.gql(SAVE_DRAFT, { policyId: 'audited', graph: stayGraph('changed'), baseRevision: 1 });
    await t.gql(PUBLISH, { policyId: 'audited', comment: 'first' });
    // Refused writes leave no event.
    await t.gql(SAVE_DRAFT, { policyId: 'audited', graph: stayGraph('stale'), baseRevision: 1 });
    await t.gql(PUBLISH, { policyId: 'audited', comment: '   ' });
  });
  afterAll(() => t.close());

  it('records every change with its actor, and nothing for refused writes', async () => {
    const { body } = await t.gql<Page>(AUDIT_LOG, { filter: { targetId: 'audited' } }, auditorKey);
    expect(body.data?.auditLog.nodes.map((e) => e.action)).toEqual(['policy.create', 'policy.draft.save', 'policy.publish']);
    const publish = body.data?.auditLog.nodes[2];
    expect(publish).toMatchObject({
      actor: { role: 'admin' },
      before: { activeVersion: null },
      after: { activeVersion: 1, comment: 'first', draftRevision: 2 },
    });
    const all = await t.gql<Page>(AUDIT_LOG, { first: 500 }, auditorKey);
    const actions = all.body.data?.auditLog.nodes.map((e) => e.action) ?? [];
    // Start-up: the admin key, the seed directory (queues, agents, presence), the seed policy and its publish; then the auditor key.
    expect(actions.filter((a) => !a.startsWith('directory.')).slice(0, 4)).toEqual(['apiKey.create', 'policy.create', 'policy.setDefault', 'policy.publish']);
    expect(actions.slice(1, 4)).toEqual(['directory.queue.upsert', 'directory.queue.upsert', 'directory.queue.upsert']);
    expect(actions).toContain('apiKey.create');
  });

  it('filters by action prefix and actor, and pages with a cursor', async () => {
    const policyEvents = await t.gql<Page>(AUDIT_LOG, { filter: { action: 'policy.' }, first: 2 }, auditorKey);
    const page1 = policyEvents.body.data?.auditLog;
    expect(page1?.nodes).toHaveLength(2);
    expect(page1?.pageInfo.hasNextPage).toBe(true);
    const page2 = (await t.gql<Page>(AUDIT_LOG, { filter: { action: 'policy.' }, first: 500, after: page1?.pageInfo.endCursor }, auditorKey)).body.data
      ?.auditLog;
    expect(page2?.nodes[0]?.sequence).toBeGreaterThan(page1?.nodes[1]?.sequence ?? Infinity);
    expect([...(page1?.nodes ?? []), ...(page2?.nodes ?? [])].every((e) => e.action.startsWith('policy.'))).toBe(true);
    expect(page2?.pageInfo.hasNextPage).toBe(false);
    const bySeed = await t.gql<Page>(AUDIT_LOG, { filter: { actorKeyId: 'system:seed' } }, auditorKey);
    expect(bySeed.body.data?.auditLog.nodes.map((e) => e.action)).toEqual(['policy.create', 'policy.setDefault', 'policy.publish']);
    const badCursor = await t.gql(AUDIT_LOG, { after: 'not-a-cursor' }, auditorKey);
    expect(badCursor.body.errors?.[0]).toMatchObject({ extensions: { code: BatonErrorCode.BadUserInput, field: 'after' } });
    const tooMany = await t.gql(AUDIT_LOG, { first: 501 }, auditorKey);
    expect(tooMany.body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.BadUserInput);
  });

  it('exports the same events as JSON lines to readers only', async () => {
    const response = await fetch(`${t.url}/audit-log.jsonl`, { headers: { authorization: `Bearer ${auditorKey}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as EventJson);
    const listed = (await t.gql<Page>(AUDIT_LOG, { first: 500 }, auditorKey)).body.data?.auditLog.nodes ?? [];
    expect(lines.map((e) => e.hash)).toEqual(listed.map((e) => e.hash));
    expect((await fetch(`${t.url}/audit-log.jsonl`)).status).toBe(401);
    const bot = (await t.gql<{ createApiKey: { secret: string } }>(`mutation { createApiKey(name: "bot", role: BOT) { secret } }`)).body.data?.createApiKey
      .secret;
    expect((await fetch(`${t.url}/audit-log.jsonl`, { headers: { authorization: `Bearer ${bot}` } })).status).toBe(403);
  });

  it('verifies the chain, and finds a row edited directly in the SQLite file', async () => {
    const intact = await t.gql<{ verifyAuditLog: { valid: boolean; checked: number; headHash: string } }>(VERIFY, undefined, auditorKey);
    expect(intact.body.data?.verifyAuditLog).toMatchObject({ valid: true, firstBrokenSequence: null });
    expect(intact.body.data?.verifyAuditLog.checked).toBeGreaterThan(5);

    const target = (await t.gql<Page>(AUDIT_LOG, { filter: { targetId: 'audited', action: 'policy.publish' } }, auditorKey)).body.data?.auditLog
      .nodes[0] as EventJson;
    const db = new Database(path.join(t.config.dataDir, DATABASE_FILE));
    // Someone with the file drops the append-only trigger and rewrites who published.
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare(`UPDATE audit_log SET after = ? WHERE sequence = ?`).run(JSON.stringify({ activeVersion: 1, comment: 'approved by the CEO' }), target.sequence);
    db.close();

    const broken = await t.gql<{ verifyAuditLog: { valid: boolean; firstBrokenSequence: number; problem: string } }>(VERIFY, undefined, auditorKey);
    expect(broken.body.data?.verifyAuditLog).toMatchObject({ valid: false, firstBrokenSequence: target.sequence });
    expect(broken.body.data?.verifyAuditLog.problem).toMatch(/edited/);
  });

  it('refuses to update the log through SQL while the trigger stands', () => {
    const db = new Database(path.join(t.config.dataDir, DATABASE_FILE));
    try {
      expect(() => db.prepare('DELETE FROM audit_log WHERE sequence = 1').run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });

  it('is readable by the admin key too', async () => {
    const { body } = await t.gql<Page>(AUDIT_LOG, { first: 1 }, TEST_ADMIN_KEY);
    expect(body.data?.auditLog.nodes[0]?.sequence).toBe(1);
  });
});
