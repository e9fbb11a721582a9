/**
 * Backtests over HTTP: datasets imported (GraphQL and POST /datasets), validated, redacted and
 * stored; runs of a version or an unsaved draft, compared with the active version, cancelled;
 * publish gates refusing a draft with BACKTEST_FAILED; roles; datasets from the decision log.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BatonErrorCode } from '@baton/schemas';
import { referencePolicy } from '@baton/seed';
import { removeTempDirs } from '../../test-support/temp-dir';
import { startTestServer, TEST_ADMIN_KEY, type GraphQLResponse, type TestServer } from '../../test-support/test-server';

afterAll(removeTempDirs);

const FIXTURE = fs.readFileSync(path.join(__dirname, 'fixtures', 'hand-worked.jsonl'), 'utf8');
const POLICY = referencePolicy.id;

const DATASET_FIELDS = 'id name format source rows expectations { key count } redactions warnings createdBy';
const IMPORT = `mutation ($input: ImportDatasetInput!) { importDataset(input: $input) { ${DATASET_FIELDS} } }`;
const DATASETS = `{ datasets { id name rows } }`;
const START = `mutation ($input: StartBacktestInput!) { startBacktest(input: $input) { id status done total version } }`;
const RUN = `query ($id: ID!) { backtestRun(id: $id) {
  id status done total version contentHash error gateFailures
  report { rows handoffs handoffRate recall falsePositiveRate falseNegativeCount falsePositiveCount
    byExpected { key total matched recall } confusion { expected got rows } byReason { key count }
    falseNegatives { id expected got customerTexts path reasons { code } } warnings json }
  comparison { version changed byChange { key count } changes { id before after expected customerTexts } }
} }`;

interface Dataset {
  id: string;
  name: string;
  format: string;
  rows: number;
  expectations: { key: string; count: number }[];
  redactions: number;
}
interface Run {
  id: string;
  status: string;
  done: number;
  total: number;
  version: number;
  error: string | null;
  gateFailures: string[];
  report: {
    rows: number;
    handoffs: number;
    recall: number;
    falsePositiveRate: number;
    falseNegativeCount: number;
    byExpected: { key: string; total: number; matched: number }[];
    confusion: { expected: string; got: string; rows: number }[];
    falseNegatives: { id: string; expected: string; got: string; customerTexts: string[]; path: string[] }[];
    warnings: string[];
    json: { rows: number };
  } | null;
  comparison: {
    version: number;
    changed: number;
    byChange: { key: string; count: number }[];
    changes: { id: string; before: string; after: string; customerTexts: string[] }[];
  } | null;
}

const errorOf = (response: GraphQLResponse) => response.body.errors?.[0];

describe('backtests over HTTP', () => {
  let t: TestServer;
  let dataset: Dataset;

  const importDataset = async (content: string, fileName = 'labelled.jsonl', name = 'Hand-worked') =>
    t.gql<{ importDataset: Dataset }>(IMPORT, { input: { name, fileName, content } });
  const datasetCount = async () => (await t.gql<{ datasets: unknown[] }>(DATASETS)).body.data?.datasets.length;
  const finished = async (id: string): Promise<Run> => {
    for (;;) {
      const run = (await t.gql<{ backtestRun: Run }>(RUN, { id })).body.data?.backtestRun;
      if (!run) throw new Error(`run ${id} vanished`);
      if (run.status !== 'RUNNING') return run;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const start = async (input: Record<string, unknown>) =>
    t.gql<{ startBacktest: { id: string; status: string; total: number; version: number } }>(START, { input });

  beforeAll(async () => {
    t = await startTestServer({ backtest: { maxRows: 5000, maxBytes: 400_000 } });
    const imported = await importDataset(FIXTURE);
    expect(imported.body.errors).toBeUndefined();
    dataset = imported.body.data!.importDataset;
  });
  afterAll(() => t.close());

  describe('datasets', () => {
    it('imports a labelled file, counts its expectations and lists it', async () => {
      expect(dataset).toMatchObject({ name: 'Hand-worked', format: 'MESSAGES', rows: 10, redactions: 0 });
      expect(dataset.expectations).toEqual(
        expect.arrayContaining([
          { key: 'billing_dispute', count: 3 },
          { key: 'none', count: 3 },
        ]),
      );
      expect((await t.gql<{ datasets: { id: string }[] }>(DATASETS)).body.data?.datasets.map((d) => d.id)).toContain(dataset.id);
      const audit = await t.gql<{ auditLog: { nodes: { action: string; targetId: string }[] } }>(`{ auditLog(first: 100) { nodes { action targetId } } }`);
      expect(audit.body.data?.auditLog.nodes).toContainEqual({ action: 'dataset.import', targetId: dataset.id });
    });

    it('masks card numbers and passwords before anything is stored', async () => {
      const content = [
        JSON.stringify({ id: 'r1', text: 'my card 4111 1111 1111 1111 was stolen', expected: 'security_incident' }),
        JSON.stringify({ id: 'r2', text: 'my password is Hunter2!secret please reset it', expected: 'none' }),
      ].join('\n');
      const imported = (await importDataset(content, 'secrets.jsonl', 'Secrets')).body.data!.importDataset;
      expect(imported.redactions).toBe(2);
      const rows = await t.gql<{ dataset: { r1: { input: { messages: { text: string }[] } }; r2: { input: { messages: { text: string }[] } } } }>(
        `query ($id: ID!) { dataset(id: $id) { r1: row(id: "r1") { input } r2: row(id: "r2") { input } } }`,
        { id: imported.id },
      );
      const texts = [rows.body.data?.dataset.r1.input.messages[0]?.text, rows.body.data?.dataset.r2.input.messages[0]?.text];
      expect(texts.join(' ')).not.toMatch(/4111 1111|Hunter2/);
      expect(texts[0]).toContain('[card ••••1111]');
    });

    it('refuses a file with bad lines, naming each line, and stores nothing', async () => {
      const before = await datasetCount();
      const bad = [JSON.stringify({ id: 'a', text: 'fine', expected: 'none' }), '{ not json', JSON.stringify({ id: 'c', expected: 'none' })].join('\n');
      const error = errorOf(await importDataset(bad));
      expect(error?.extensions.code).toBe(BatonErrorCode.BadUserInput);
      expect((error?.extensions.problems as { line: number }[]).map((p) => p.line)).toEqual([2, 3]);
      expect(error?.message).toMatch(/line 2: .*line 3: /);
      expect(await datasetCount()).toBe(before);
      expect(errorOf(await importDataset(FIXTURE, 'x.jsonl', '   '))?.extensions).toMatchObject({ code: BatonErrorCode.BadUserInput, field: 'name' });
    });

    it('takes a raw file on POST /datasets, with the same roles and limits', async () => {
      const post = (body: string, key = TEST_ADMIN_KEY) =>
        fetch(`${t.url}/datasets?name=Raw%20upload&fileName=raw.jsonl`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body });
      const ok = await post(FIXTURE);
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as { data: { importDataset: Dataset } }).data.importDataset).toMatchObject({
        name: 'Raw upload',
        rows: 10,
        format: 'MESSAGES',
      });
      const tooLarge = await post('x'.repeat(500_000));
      expect(tooLarge.status).toBe(413);
      expect(((await tooLarge.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe(BatonErrorCode.PayloadTooLarge);
      const auditor = (await t.gql<{ createApiKey: { secret: string } }>(`mutation { createApiKey(name: "auditor", role: AUDITOR) { secret } }`)).body.data!
        .createApiKey.secret;
      expect((await post(FIXTURE, auditor)).status).toBe(403);
      expect((await post(FIXTURE, 'wrong-key-0123456789')).status).toBe(401);
      // Auditors read datasets and runs but change nothing.
      expect((await t.gql(DATASETS, undefined, auditor)).body.errors).toBeUndefined();
      expect(errorOf(await t.gql(IMPORT, { input: { name: 'x', fileName: 'x.jsonl', content: FIXTURE } }, auditor))?.extensions.code).toBe(
        BatonErrorCode.Forbidden,
      );
    });
  });

  describe('runs', () => {
    it('runs the active version and reports the figures worked out by hand', async () => {
      const started = (await start({ datasetId: dataset.id })).body.data!.startBacktest;
      expect(started).toMatchObject({ status: 'RUNNING', total: 10, version: 1 });
      const run = await finished(started.id);
      expect(run.status).toBe('SUCCEEDED');
      expect(run.done).toBe(10);
      // The figures of backtest-runner.test.ts: 6 handoffs, recall 5/7, one "none" row of three handed off.
      expect(run.report).toMatchObject({ rows: 10, handoffs: 6, falseNegativeCount: 2 });
      expect(run.report?.recall).toBeCloseTo(5 / 7);
      expect(run.report?.falsePositiveRate).toBeCloseTo(1 / 3);
      expect(run.report?.byExpected).toContainEqual({ key: 'billing_dispute', total: 3, matched: 2, recall: 2 / 3 });
      expect(run.report?.confusion).toContainEqual({ expected: 'none', got: 'customer_request', rows: 1 });
      expect(run.report?.falseNegatives.map((miss) => [miss.id, miss.expected, miss.got])).toEqual([
        ['m8', 'billing_dispute', 'none'],
        ['m10', 'legal_threat', 'none'],
      ]);
      expect(run.report?.falseNegatives[0]?.path[0]).toBe('start');
      expect(run.report?.warnings[0]).toContain('legal_threat');
      expect(run.report?.json.rows).toBe(10);
      // The active version is what runs, so there is nothing to compare with.
      expect(run.comparison).toBeNull();
    });

    it('runs unsaved editor work and lists what it changes against the active version', async () => {
      const graph = structuredClone(referencePolicy.document.graph);
      const leaf = graph.nodes.find((node) => (node.data as { reasonCode?: string }).reasonCode === 'cancellation');
      (leaf!.data as { reasonCode: string }).reasonCode = 'retention_offer';
      const started = (await start({ datasetId: dataset.id, policyId: POLICY, draft: true, graph })).body.data!.startBacktest;
      expect(started).toMatchObject({ version: 0, total: 20 });
      const run = await finished(started.id);
      expect(run.status).toBe('SUCCEEDED');
      expect(run.comparison).toEqual({
        version: 1,
        changed: 1,
        byChange: [{ key: 'cancellation → retention_offer', count: 1 }],
        changes: [{ id: 'm3', before: 'cancellation', after: 'retention_offer', expected: 'cancellation', customerTexts: ['Please cancel my subscription'] }],
      });
    });

    it('runs two backtests at once, each to the same figures', async () => {
      const [a, b] = await Promise.all([start({ datasetId: dataset.id }), start({ datasetId: dataset.id })]);
      const runs = await Promise.all([finished(a.body.data!.startBacktest.id), finished(b.body.data!.startBacktest.id)]);
      expect(runs.map((run) => run.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
      expect(runs[0]?.report?.byExpected).toEqual(runs[1]?.report?.byExpected);
      expect(runs[0]?.report?.handoffs).toBe(6);
    });

    it('cancels a running run; a finished one cannot be cancelled', async () => {
      const many = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: `q${i}`, text: `Where is my parcel number ${i}?`, expected: 'none' })).join(
        '\n',
      );
      const big = (await importDataset(many, 'many.jsonl', 'Many')).body.data!.importDataset;
      const started = (await start({ datasetId: big.id, turnByTurn: true })).body.data!.startBacktest;
      const cancelled = await t.gql<{ cancelBacktest: { status: string; error: string } }>(`mutation ($id: ID!) { cancelBacktest(id: $id) { status error } }`, {
        id: started.id,
      });
      expect(cancelled.body.data?.cancelBacktest.status).toBe('CANCELLED');
      expect((await finished(started.id)).status).toBe('CANCELLED');
      const again = await t.gql(`mutation ($id: ID!) { cancelBacktest(id: $id) { status } }`, { id: started.id });
      expect(errorOf(again)?.extensions.code).toBe(BatonErrorCode.BadUserInput);
    });

    it('refuses unknown datasets, policies and versions, and ambiguous or invalid drafts', async () => {
      expect(errorOf(await start({ datasetId: 'nope' }))?.extensions.code).toBe(BatonErrorCode.NotFound);
      expect(errorOf(await start({ datasetId: dataset.id, policyId: 'nope' }))?.extensions.code).toBe(BatonErrorCode.NotFound);
      expect(errorOf(await start({ datasetId: dataset.id, version: 99 }))?.extensions.code).toBe(BatonErrorCode.NotFound);
      expect(errorOf(await start({ datasetId: dataset.id, version: 1, draft: true }))?.extensions.code).toBe(BatonErrorCode.BadUserInput);
      expect(errorOf(await start({ datasetId: dataset.id, graph: referencePolicy.document.graph }))?.extensions.code).toBe(BatonErrorCode.BadUserInput);
      const broken = { ...referencePolicy.document.graph, edges: [] };
      expect(errorOf(await start({ datasetId: dataset.id, policyId: POLICY, draft: true, graph: broken }))?.extensions.code).toBe(BatonErrorCode.InvalidPolicy);
      expect(errorOf(await t.gql(`mutation { cancelBacktest(id: "nope") { status } }`))?.extensions.code).toBe(BatonErrorCode.NotFound);
    });
  });

  describe('publish gates', () => {
    const SET_GATES = `mutation ($policyId: ID!, $gates: [BacktestGateInput!]!) { setBacktestGates(policyId: $policyId, gates: $gates) { datasetId minRecall maxFalsePositiveRate } }`;
    const PUBLISH = `mutation ($id: ID!) { publishPolicy(policyId: $id, comment: "gated") { version { version } changeRequest { id backtests { status gateFailures datasetId } } } }`;
    const activeVersion = async () =>
      (await t.gql<{ policy: { activeVersion: { version: number } } }>(`query ($id: ID!) { policy(id: $id) { activeVersion { version } } }`, { id: POLICY }))
        .body.data?.policy.activeVersion.version;

    beforeAll(async () => {
      const graph = structuredClone(referencePolicy.document.graph);
      graph.nodes.find((node) => node.id === 'start')!.position = { x: 1, y: 1 };
      const leaf = graph.nodes.find((node) => (node.data as { reasonCode?: string }).reasonCode === 'cancellation');
      (leaf!.data as { reasonCode: string }).reasonCode = 'retention_offer';
      const saved = await t.gql(`mutation ($id: ID!, $graph: JSON!) { savePolicyDraft(policyId: $id, graph: $graph, baseRevision: 1) { revision } }`, {
        id: POLICY,
        graph,
      });
      expect(saved.body.errors).toBeUndefined();
    });

    it('checks the bounds it is given', async () => {
      expect(errorOf(await t.gql(SET_GATES, { policyId: POLICY, gates: [{ datasetId: dataset.id, minRecall: 1.5 }] }))?.extensions.field).toBe(
        'gates[0].minRecall',
      );
      expect(errorOf(await t.gql(SET_GATES, { policyId: POLICY, gates: [{ datasetId: dataset.id }] }))?.extensions.code).toBe(BatonErrorCode.BadUserInput);
      expect(errorOf(await t.gql(SET_GATES, { policyId: POLICY, gates: [{ datasetId: 'nope', minRecall: 0.5 }] }))?.extensions.code).toBe(
        BatonErrorCode.NotFound,
      );
      expect(errorOf(await t.gql(SET_GATES, { policyId: 'nope', gates: [] }))?.extensions.code).toBe(BatonErrorCode.NotFound);
    });

    it('refuses to publish a draft that misses a gate, with the figures, and publishes nothing', async () => {
      const set = await t.gql(SET_GATES, { policyId: POLICY, gates: [{ datasetId: dataset.id, minRecall: 0.9 }] });
      expect(set.body.data).toEqual({ setBacktestGates: [{ datasetId: dataset.id, minRecall: 0.9, maxFalsePositiveRate: null }] });
      const refused = errorOf(await t.gql(PUBLISH, { id: POLICY }));
      expect(refused?.extensions.code).toBe(BatonErrorCode.BacktestFailed);
      expect(refused?.message).toMatch(/recall of billing_dispute is 66\.7%/);
      const [failure] = refused?.extensions.backtestFailures as { datasetId: string; runId: string; failures: string[] }[];
      expect(failure?.datasetId).toBe(dataset.id);
      const run = await finished(failure!.runId);
      expect(run.gateFailures.length).toBeGreaterThan(0);
      expect(await activeVersion()).toBe(1);
      // A dataset a gate names stays.
      expect(errorOf(await t.gql(`mutation ($id: ID!) { deleteDataset(id: $id) { id } }`, { id: dataset.id }))?.extensions.code).toBe(BatonErrorCode.Conflict);
    });

    it('shows the gate runs to the approvers of a change request', async () => {
      await t.gql(SET_GATES, { policyId: POLICY, gates: [{ datasetId: dataset.id, maxFalsePositiveRate: 0.5 }] });
      await t.gql(`mutation ($id: ID!) { setRequiredApprovals(policyId: $id, count: 1) { id } }`, { id: POLICY });
      const published = await t.gql<{ publishPolicy: { changeRequest: { backtests: { status: string; gateFailures: string[]; datasetId: string }[] } } }>(
        PUBLISH,
        {
          id: POLICY,
        },
      );
      expect(published.body.errors).toBeUndefined();
      expect(published.body.data?.publishPolicy.changeRequest.backtests).toEqual([{ status: 'SUCCEEDED', gateFailures: [], datasetId: dataset.id }]);
    });
  });

  describe('datasets from the decision log', () => {
    it('turns logged decisions into one row per conversation, expecting what was decided', async () => {
      const DECIDE = `query ($input: DecideHandoffInput!) { decideHandoff(input: $input) { action reasonCode } }`;
      const say = (conversationId: string, ...texts: string[]) =>
        t.gql(DECIDE, {
          input: { conversationId, channel: 'CHAT', customer: { id: `c-${conversationId}` }, messages: texts.map((text) => ({ speaker: 'CUSTOMER', text })) },
        });
      await say('log-1', 'Where is my parcel?');
      await say('log-1', 'Where is my parcel?', 'I want to talk to a human');
      await say('log-2', 'Someone hacked my account');
      const built = await t.gql<{ createDatasetFromDecisions: Dataset & { source: string } }>(
        `mutation ($input: DatasetFromDecisionsInput!) { createDatasetFromDecisions(input: $input) { ${DATASET_FIELDS} } }`,
        { input: { name: 'Last day', days: 1 } },
      );
      expect(built.body.errors).toBeUndefined();
      const logged = built.body.data!.createDatasetFromDecisions;
      expect(logged).toMatchObject({ format: 'DECISION_LOG', rows: 2, source: 'decisions of the last 1 day' });
      expect(logged.expectations).toEqual(expect.arrayContaining([{ key: 'customer_request', count: 1 }]));
      const rows = await t.gql<{ dataset: { row: { input: { messages: unknown[] } } } }>(
        `query ($id: ID!) { dataset(id: $id) { row(id: "log-1") { input } } }`,
        {
          id: logged.id,
        },
      );
      expect(rows.body.data?.dataset.row.input.messages).toHaveLength(2);
      const none = await t.gql(`mutation { createDatasetFromDecisions(input: { name: "x", days: 1, channel: "VOICE" }) { id } }`);
      expect(errorOf(none)?.extensions.code).toBe(BatonErrorCode.BadUserInput);
      expect(errorOf(await t.gql(`mutation { createDatasetFromDecisions(input: { name: "x", days: 0 }) { id } }`))?.extensions.field).toBe('days');
    });

    it('deletes a dataset; running on it afterwards is NOT_FOUND', async () => {
      const doomed = (await importDataset(FIXTURE, 'doomed.jsonl', 'Doomed')).body.data!.importDataset;
      expect((await t.gql(`mutation ($id: ID!) { deleteDataset(id: $id) { id name } }`, { id: doomed.id })).body.data).toEqual({
        deleteDataset: { id: doomed.id, name: 'Doomed' },
      });
      expect(errorOf(await start({ datasetId: doomed.id }))?.extensions.code).toBe(BatonErrorCode.NotFound);
      expect(errorOf(await t.gql(`mutation ($id: ID!) { deleteDataset(id: $id) { id } }`, { id: doomed.id }))?.extensions.code).toBe(BatonErrorCode.NotFound);
    });
  });
});
