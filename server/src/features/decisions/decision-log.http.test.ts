import path from 'node:path';
import Database from 'better-sqlite3';
import { BatonErrorCode } from '@baton/schemas';
import { sampleConversations } from '@baton/seed';
import { DATABASE_FILE } from '../../store/sqlite/open-database';
import { DECIDE } from '../../test-support/operations';
import { removeTempDirs } from '../../test-support/temp-dir';
import { startTestServer, type TestServer } from '../../test-support/test-server';

afterAll(removeTempDirs);

const OUTCOME = 'action reasonCode reasonCodes priority tier queue';
const DECISION = `query One($id: ID!) { decision(id: $id) { decisionId evaluatedAt loggedAt policyId policyVersion contentHash conversationId input facts outcome { ${OUTCOME} } reasons { code nodeId } latencyMs } }`;
const DECISIONS = `query List($filter: DecisionFilter, $first: Int, $after: String) { decisions(filter: $filter, first: $first, after: $after) { nodes { decisionId conversationId evaluatedAt outcome { ${OUTCOME} } } pageInfo { endCursor hasNextPage } } }`;
const REPLAY = `query Replay($id: ID!) { replayDecision(id: $id) { decisionId policyId policyVersion contentHash original { ${OUTCOME} } replayed { ${OUTCOME} } identical differences } }`;

interface Outcome {
  action: string;
  reasonCode: string | null;
  reasonCodes: string[];
  priority: string;
  tier: string;
  queue: string | null;
}
interface Listed {
  decisionId: string;
  conversationId: string;
  evaluatedAt: string;
  outcome: Outcome;
}
interface Page {
  nodes: Listed[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}
interface Replay {
  policyVersion: number;
  original: Outcome;
  replayed: Outcome | null;
  identical: boolean;
  differences: string[];
}

const sample = (name: string) => {
  const found = sampleConversations.find((s) => s.name.startsWith(name));
  if (!found) throw new Error(`no sample ${name}`);
  return found;
};
const SECURITY = sample('security (en)');
const BILLING = sample('billing_dispute (en)');
const STAY = sampleConversations.find((s) => s.expected.action === 'STAY') ?? sample('stay');

describe('decision log queries over HTTP', () => {
  let t: TestServer;
  const ids: Record<'security' | 'billing' | 'stay', string> = { security: '', billing: '', stay: '' };
  beforeAll(async () => {
    // Evaluated after every sample conversation (the evaluation clock may not be earlier than the messages).
    t = await startTestServer({ decisionLog: { flushMs: 0, batchSize: 100 } });
    for (const [key, s, at] of [
      ['security', SECURITY, '2026-05-01T10:00:00Z'],
      ['billing', BILLING, '2026-05-02T10:00:00Z'],
      ['stay', STAY, '2026-05-03T10:00:00Z'],
    ] as const) {
      const { body } = await t.gql<{ decideHandoff: { decisionId: string } }>(DECIDE, {
        input: { ...s.input, dryRun: false, conversationId: `conv-${key}`, now: at },
      });
      expect(body.errors).toBeUndefined();
      ids[key] = body.data!.decideHandoff.decisionId;
    }
  });
  afterAll(() => t.close());

  it('reads a decision as soon as it is answered (group commit: it is written before the answer)', async () => {
    expect(t.server.decisionLog.pending).toBe(0);
    const pending = await t.gql<{ decision: Record<string, unknown> }>(DECISION, { id: ids.security });
    expect(pending.body.errors).toBeUndefined();
    expect(pending.body.data?.decision).toMatchObject({
      decisionId: ids.security,
      evaluatedAt: '2026-05-01T10:00:00.000Z',
      policyId: 'support-default',
      policyVersion: 1,
      conversationId: 'conv-security',
      outcome: { action: 'HANDOFF', reasonCode: 'security_incident', queue: 'trust_safety', priority: 'URGENT', tier: 'HUMAN_LED' },
      reasons: [expect.objectContaining({ code: 'security_incident', nodeId: 'h_security' })],
    });
    expect((pending.body.data?.decision.facts as { topics: string[] }).topics).toContain('security');
    await t.server.decisionLog.flush();
    const written = await t.gql<{ decision: Record<string, unknown> }>(DECISION, { id: ids.security });
    expect(written.body.data?.decision).toEqual(pending.body.data?.decision);
    expect((await t.gql(DECISION, { id: 'no-such-decision' })).body).toEqual({ data: { decision: null } });
  });

  it('lists newest first and filters by every field', async () => {
    const list = async (filter?: Record<string, unknown>) => {
      const { body } = await t.gql<{ decisions: Page }>(DECISIONS, { filter });
      expect(body.errors).toBeUndefined();
      return body.data!.decisions.nodes.map((n) => n.decisionId);
    };
    expect(await list()).toEqual([ids.stay, ids.billing, ids.security]);
    expect(await list({ action: 'STAY' })).toEqual([ids.stay]);
    expect(await list({ reasonCode: 'billing_dispute' })).toEqual([ids.billing]);
    expect(await list({ queue: 'trust_safety' })).toEqual([ids.security]);
    expect(await list({ conversationId: 'conv-billing' })).toEqual([ids.billing]);
    expect(await list({ policyId: 'support-default', policyVersion: 1 })).toEqual([ids.stay, ids.billing, ids.security]);
    expect(await list({ policyVersion: 2 })).toEqual([]);
    expect(await list({ from: '2026-05-02T10:00:00Z', to: '2026-05-03T10:00:00Z' })).toEqual([ids.billing]);
  });

  it('pages with an opaque cursor until hasNextPage is false', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page += 1) {
      const response: { body: { data?: { decisions: Page } | null } } = await t.gql<{ decisions: Page }>(DECISIONS, { first: 2, after });
      const decisions: Page = response.body.data!.decisions;
      seen.push(...decisions.nodes.map((n) => n.decisionId));
      if (!decisions.pageInfo.hasNextPage) break;
      after = decisions.pageInfo.endCursor;
    }
    expect(seen).toEqual([ids.stay, ids.billing, ids.security]);
  });

  it('replays a decision on the version that made it', async () => {
    const { body } = await t.gql<{ replayDecision: Replay }>(REPLAY, { id: ids.billing });
    expect(body.errors).toBeUndefined();
    const replay = body.data!.replayDecision;
    expect(replay).toMatchObject({ policyVersion: 1, identical: true, differences: [] });
    expect(replay.replayed).toEqual(replay.original);
    expect(replay.original).toMatchObject({ action: 'HANDOFF', reasonCode: 'billing_dispute', queue: 'billing' });
  });

  it.each<[string, string, Record<string, unknown>, BatonErrorCode, RegExp]>([
    ['first 0', DECISIONS, { first: 0 }, BatonErrorCode.BadUserInput, /first must be between 1 and 500, got 0/],
    ['first above the cap', DECISIONS, { first: 501 }, BatonErrorCode.BadUserInput, /first must be between 1 and 500/],
    ['a malformed cursor', DECISIONS, { after: 'not-a-cursor' }, BatonErrorCode.BadUserInput, /pass pageInfo.endCursor/],
    [
      'a cursor with a bad date',
      DECISIONS,
      { after: Buffer.from(JSON.stringify(['soon', 'x'])).toString('base64url') },
      BatonErrorCode.BadUserInput,
      /after is not a cursor/,
    ],
    [
      'from not before to',
      DECISIONS,
      { filter: { from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' } },
      BatonErrorCode.BadUserInput,
      /filter.from .* must be before filter.to/,
    ],
    ['an unknown decision to replay', REPLAY, { id: 'no-such-decision' }, BatonErrorCode.NotFound, /Decision 'no-such-decision' is not in the decision log/],
  ])('refuses %s', async (_name, query, variables, code, message) => {
    const { body } = await t.gql(query, variables);
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions.code).toBe(code);
    expect(body.errors?.[0]?.message).toMatch(message);
  });

  it('refuses an unknown action as bad input before running anything', async () => {
    const { status, body } = await t.gql(DECISIONS, { filter: { action: 'ESCALATE' } });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.BadUserInput);
  });

  describe('replay of a log edited behind Baton', () => {
    /** Edits one row directly in the SQLite file, as an attacker with file access would (lifting the append-only trigger). */
    function tamper(id: string, set: string): void {
      const db = new Database(path.join(t.config.dataDir, DATABASE_FILE));
      try {
        db.exec('DROP TRIGGER decision_log_append_only');
        db.prepare(`UPDATE decision_log SET ${set} WHERE id = ?`).run(id);
        db.exec("CREATE TRIGGER decision_log_append_only BEFORE UPDATE ON decision_log BEGIN SELECT RAISE(ABORT, 'the decision log is append-only'); END");
      } finally {
        db.close();
      }
    }

    it('reports the difference when the stored facts no longer give the stored outcome', async () => {
      await t.server.decisionLog.flush();
      tamper(ids.security, `facts = json_set(facts, '$.topics', json('[]'))`);
      const { body } = await t.gql<{ replayDecision: Replay }>(REPLAY, { id: ids.security });
      const replay = body.data!.replayDecision;
      expect(replay.identical).toBe(false);
      expect(replay.original.reasonCode).toBe('security_incident');
      expect(replay.replayed?.reasonCode).not.toBe('security_incident');
      expect(replay.differences).toEqual(
        expect.arrayContaining([expect.stringMatching(/^reasonCode: security_incident → /), expect.stringMatching(/^queue: trust_safety → /)]),
      );
    });

    it('says why it cannot replay facts with a fact missing, or a decision naming another content hash', async () => {
      tamper(ids.stay, `facts = json_remove(facts, '$.humanRequested')`);
      const missing = (await t.gql<{ replayDecision: Replay }>(REPLAY, { id: ids.stay })).body.data!.replayDecision;
      expect(missing).toMatchObject({ identical: false, replayed: null, differences: [expect.stringMatching(/stored facts lack humanRequested/)] });
      tamper(ids.billing, `content_hash = '${'0'.repeat(64)}'`);
      const rehashed = (await t.gql<{ replayDecision: Replay }>(REPLAY, { id: ids.billing })).body.data!.replayDecision;
      expect(rehashed).toMatchObject({
        identical: false,
        replayed: null,
        differences: [expect.stringMatching(/^contentHash: the log names 0{64}, but version 1 is [0-9a-f]{64}/)],
      });
    });
  });
});
