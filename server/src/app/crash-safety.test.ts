/**
 * Crash safety (issue 17, finding 8): a real server process (`node server/dist/main.js`) is
 * killed with SIGKILL while it publishes, approves change requests, starts handoffs and logs decisions from several
 * clients; then it is started again on the same data directory. Everything it acknowledged must
 * be there (every decision answered with a decisionId is in the log, every published version and
 * started handoff exists), nothing is half-written (versions run 1..N with the last one active)
 * and the audit chain verifies.
 */
import type { ChildProcess } from 'node:child_process';
import { AuditService } from '../features/audit/audit-service';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store';
import { stayGraph } from '../test-support/fixtures';
import { CREATE_POLICY, DECIDE, decideInput, PUBLISH, SAVE_DRAFT } from '../test-support/operations';
import { startServerProcess } from '../test-support/server-process';
import { makeTempDir, removeTempDirs } from '../test-support/temp-dir';
import { TEST_ADMIN_KEY } from '../test-support/test-server';

const START = `mutation S($id: ID!) { startHandoff(decisionId: $id) { decisionId status } }`;
/** Asks for a person: the reference policy hands it off. */
const HUMAN = [{ speaker: 'CUSTOMER', text: 'Please put me through to a real person, this bot is not helping' }];

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  removeTempDirs();
});

/** Starts Baton on `dataDir`; resolves with its URL and process once it listens. */
async function startBaton(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const { url, child } = await startServerProcess({
    BATON_DATA_DIR: dataDir,
    PORT: '0',
    BATON_ADMIN_KEY: TEST_ADMIN_KEY,
    BATON_LOG_LEVEL: 'info',
    BATON_RATE_LIMIT_PER_KEY: '0',
    BATON_RATE_LIMIT_PER_ADDRESS: '0',
  });
  children.push(child);
  return { url, child };
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

async function gql<T>(url: string, query: string, variables: Record<string, unknown>, key = TEST_ADMIN_KEY): Promise<T | undefined> {
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    return body.errors ? undefined : body.data;
  } catch {
    // The connection died with the server: not acknowledged.
    return undefined;
  }
}

/**
 * Runs `clients` loops of `step` against a fresh server, SIGKILLs it after `killAfter`,
 * restarts it (it must come up), stops it gracefully, and hands the store to `check`.
 */
async function crashDuring<A>(
  options: { clients: number; killAfter: { acknowledged: number; maxMs: number }; setup?: (url: string) => Promise<void> },
  step: (url: string, client: number, n: number) => Promise<A | undefined>,
  check: (acknowledged: A[], store: Awaited<ReturnType<typeof openSqliteStore>>) => Promise<void>,
): Promise<number> {
  const dataDir = makeTempDir();
  const { url, child } = await startBaton(dataDir);
  await options.setup?.(url);
  const acknowledged: A[] = [];
  let alive = true;
  const loops = Array.from({ length: options.clients }, async (_, client) => {
    for (let n = 0; alive; n += 1) {
      const answer = await step(url, client, n);
      if (answer !== undefined && alive) acknowledged.push(answer);
    }
  });
  // Mid-flight: once enough was acknowledged (or time is up on a slow machine), while requests are still in flight.
  const deadline = Date.now() + options.killAfter.maxMs;
  while (acknowledged.length < options.killAfter.acknowledged && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  child.kill('SIGKILL');
  await exited(child);
  // Answers that arrive after the kill cannot exist; stop the loops once their last request failed.
  alive = false;
  await Promise.all(loops);
  const restarted = await startBaton(dataDir);
  restarted.child.kill('SIGTERM');
  await exited(restarted.child);
  const store = await openSqliteStore(dataDir);
  try {
    await check(acknowledged, store);
    const audit = await new AuditService(store.auditLog).verify();
    expect(audit).toMatchObject({ valid: true });
  } finally {
    await store.close();
  }
  return acknowledged.length;
}

describe('kill -9 and restart (finding 8)', () => {
  it('keeps every decision answered with a decisionId, with eight clients logging decisions', async () => {
    const count = await crashDuring(
      { clients: 8, killAfter: { acknowledged: 300, maxMs: 20_000 } },
      async (url, client, n) =>
        (await gql<{ decideHandoff: { decisionId: string } }>(url, DECIDE, { input: decideInput({ conversationId: `crash-${client}-${n}` }) }))?.decideHandoff
          .decisionId,
      async (ids, store) => {
        expect(ids.length).toBeGreaterThan(20);
        const missing = [];
        for (const id of ids) if (!(await store.decisionLog.getDecision(id))) missing.push(id);
        expect(missing).toEqual([]);
        expect(await store.decisionLog.countDecisions()).toBeGreaterThanOrEqual(ids.length);
      },
    );
    process.stdout.write(`crash during decisions: ${count} acknowledged, all in the log after the restart\n`);
  }, 90_000);

  it('keeps every published version, runs versions 1..N with the last active, while publishing in a loop', async () => {
    const policyId = 'crash-publish';
    let revision = 0;
    const count = await crashDuring(
      {
        clients: 1,
        killAfter: { acknowledged: 5, maxMs: 20_000 },
        setup: async (url) => {
          const created = await gql<{ createPolicy: { draft: { revision: number } } }>(url, CREATE_POLICY, {
            input: { id: policyId, name: 'Crash publish', graph: stayGraph() },
          });
          revision = created?.createPolicy.draft.revision ?? 0;
          expect(revision).toBeGreaterThan(0);
        },
      },
      async (url, _client, n) => {
        const graph = stayGraph();
        graph.nodes[0]!.label = `Start ${n}`;
        const saved = await gql<{ savePolicyDraft: { revision: number } }>(url, SAVE_DRAFT, { policyId, graph, baseRevision: revision });
        if (!saved) return undefined;
        revision = saved.savePolicyDraft.revision;
        const published = await gql<{ publishPolicy: { version: { version: number; contentHash: string } } }>(url, PUBLISH, {
          policyId,
          comment: `publish ${n}`,
        });
        return published?.publishPolicy.version ?? undefined;
      },
      async (versions, store) => {
        expect(versions.length).toBeGreaterThan(2);
        const stored = await store.policies.listVersions(policyId);
        const numbers = stored.map((v) => v.version).sort((a, b) => a - b);
        expect(numbers).toEqual(numbers.map((_, i) => i + 1));
        for (const { version, contentHash } of versions) expect(stored.find((v) => v.version === version)?.contentHash).toBe(contentHash);
        expect((await store.policies.getPolicy(policyId))?.activeVersion).toBe(numbers.at(-1));
      },
    );
    process.stdout.write(`crash during publishing: ${count} versions acknowledged, all stored\n`);
  }, 90_000);

  it('keeps every approval that published, under four eyes, while an admin asks and a second publisher approves in a loop', async () => {
    const policyId = 'crash-approve';
    let revision = 0;
    let approver = '';
    const count = await crashDuring(
      {
        clients: 1,
        killAfter: { acknowledged: 4, maxMs: 20_000 },
        setup: async (url) => {
          const created = await gql<{ createPolicy: { draft: { revision: number } } }>(url, CREATE_POLICY, {
            input: { id: policyId, name: 'Crash approve', graph: stayGraph() },
          });
          revision = created?.createPolicy.draft.revision ?? 0;
          expect(await gql(url, `mutation { setRequiredApprovals(policyId: "${policyId}", count: 1) { requiredApprovals } }`, {})).toBeDefined();
          const key = await gql<{ createApiKey: { secret: string } }>(
            url,
            `mutation { createApiKey(name: "second publisher", role: PUBLISHER) { secret } }`,
            {},
          );
          approver = key?.createApiKey.secret ?? '';
          expect(approver).not.toBe('');
        },
      },
      async (url, _client, n) => {
        const graph = stayGraph();
        graph.nodes[0]!.label = `Start ${n}`;
        const saved = await gql<{ savePolicyDraft: { revision: number } }>(url, SAVE_DRAFT, { policyId, graph, baseRevision: revision });
        if (!saved) return undefined;
        revision = saved.savePolicyDraft.revision;
        const asked = await gql<{ publishPolicy: { changeRequest: { id: string } | null } }>(
          url,
          `mutation P($policyId: ID!, $comment: String!) { publishPolicy(policyId: $policyId, comment: $comment) { changeRequest { id } } }`,
          { policyId, comment: `change ${n}` },
        );
        const id = asked?.publishPolicy.changeRequest?.id;
        if (!id) return undefined;
        const approved = await gql<{ approveChangeRequest: { changeRequest: { id: string }; version: { version: number; contentHash: string } | null } }>(
          url,
          `mutation A($id: ID!) { approveChangeRequest(id: $id) { changeRequest { id } version { version contentHash } } }`,
          { id },
          approver,
        );
        const version = approved?.approveChangeRequest.version;
        return version ? { id, ...version } : undefined;
      },
      async (approvals, store) => {
        expect(approvals.length).toBeGreaterThan(1);
        const versions = await store.policies.listVersions(policyId);
        const numbers = versions.map((v) => v.version).sort((a, b) => a - b);
        expect(numbers).toEqual(numbers.map((_, i) => i + 1));
        for (const { id, version, contentHash } of approvals) {
          expect(versions.find((v) => v.version === version)?.contentHash).toBe(contentHash);
          expect(await store.changeRequests.getChangeRequest(id)).toMatchObject({ status: 'PUBLISHED', publishedVersion: version });
        }
        // Nothing half-done: a request is published exactly when its version exists.
        for (const request of await store.changeRequests.listChangeRequests(policyId)) {
          if (request.status === 'PUBLISHED') expect(numbers).toContain(request.publishedVersion);
          else expect(request.publishedVersion ?? null).toBeNull();
        }
        expect((await store.policies.getPolicy(policyId))?.activeVersion).toBe(numbers.at(-1));
      },
    );
    process.stdout.write(`crash during approvals: ${count} approvals acknowledged, each with its version\n`);
  }, 90_000);

  it('keeps every started handoff, with four clients deciding and starting handoffs', async () => {
    const count = await crashDuring(
      { clients: 4, killAfter: { acknowledged: 30, maxMs: 20_000 } },
      async (url, client, n) => {
        const decided = await gql<{ decideHandoff: { decisionId: string; action: string } }>(url, DECIDE, {
          input: decideInput({ conversationId: `handoff-${client}-${n}`, messages: HUMAN }),
        });
        if (decided?.decideHandoff.action !== 'HANDOFF') return undefined;
        return (await gql<{ startHandoff: { decisionId: string } }>(url, START, { id: decided.decideHandoff.decisionId }))?.startHandoff.decisionId;
      },
      async (ids, store) => {
        expect(ids.length).toBeGreaterThan(5);
        const missing = [];
        for (const id of ids) if (!(await store.handoffs.getAssignment(id))) missing.push(id);
        expect(missing).toEqual([]);
      },
    );
    process.stdout.write(`crash during handoff starts: ${count} acknowledged, all stored\n`);
  }, 90_000);
});
