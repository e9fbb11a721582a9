/**
 * Governance over HTTP: racing publishes, rollback, four-eyes approvals and policy test cases,
 * each checked for what it refuses and for leaving nothing half-written.
 */
import { BatonErrorCode } from '@baton/schemas';
import { referencePolicy } from '@baton/seed';
import { humanRequestGraph, stayGraph } from '../../test-support/fixtures';
import { CREATE_POLICY, DECIDE, decideInput, POLICY, PUBLISH, SAVE_DRAFT } from '../../test-support/operations';
import { removeTempDirs } from '../../test-support/temp-dir';
import { startTestServer, TEST_ADMIN_KEY, type TestServer } from '../../test-support/test-server';

afterAll(removeTempDirs);

const CREATE_KEY = `mutation ($name: String!, $role: Role!) { createApiKey(name: $name, role: $role) { secret key { id } } }`;
const ACTIVATE = `mutation ($policyId: ID!, $version: Int!, $comment: String!) {
  activatePolicyVersion(policyId: $policyId, version: $version, comment: $comment) { id activeVersion { version } } }`;
const SET_APPROVALS = `mutation ($policyId: ID!, $count: Int!) { setRequiredApprovals(policyId: $policyId, count: $count) { requiredApprovals } }`;
const APPROVE = `mutation ($id: ID!) { approveChangeRequest(id: $id) { changeRequest { status approvals { approver } publishedVersion } version { version publishedBy } } }`;
const REJECT = `mutation ($id: ID!, $reason: String!) { rejectChangeRequest(id: $id, reason: $reason) { status rejectionReason } }`;
const CHANGE_REQUESTS = `query ($id: ID!) { policy(id: $id) { activeVersion { version } changeRequests { id status approvals { approver } } } }`;
const SAVE_CASE = `mutation ($policyId: ID!, $input: PolicyTestCaseInput!) { savePolicyTestCase(policyId: $policyId, input: $input) { id name expected { action reasonCode queue } } }`;
const RUN_TESTS = `query ($policyId: ID!, $version: Int) { runPolicyTests(policyId: $policyId, version: $version) {
  version passed failed results { passed failures actual { action reasonCode queue } testCase { id } } } }`;
const VERSIONS = `query ($policyId: ID!) { policyVersions(policyId: $policyId) { version parentVersion comment } }`;
const EMERGENCY = `mutation ($policyId: ID!, $version: Int!, $comment: String!) {
  activatePolicyVersion(policyId: $policyId, version: $version, comment: $comment, emergency: true) { activeVersion { version } } }`;
const REQUEST_ACTIVATION = `mutation ($policyId: ID!, $version: Int!, $comment: String!) {
  requestPolicyActivation(policyId: $policyId, version: $version, comment: $comment) { id status activateVersion requiredApprovals contentHash } }`;
const POLICY_EVENTS = `query ($id: String!) { auditLog(filter: { targetType: "policy", targetId: $id }) { nodes { action actor { keyId role } after } } }`;

const askHuman = decideInput({ messages: [{ speaker: 'CUSTOMER', text: 'I want to talk to a human agent please' }] });

describe('governance over HTTP', () => {
  let t: TestServer;
  const keys: Record<string, string> = {};
  const keyIds: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestServer();
    for (const [name, role] of [
      ['pub1', 'PUBLISHER'],
      ['pub2', 'PUBLISHER'],
      ['pub3', 'PUBLISHER'],
      ['editor', 'EDITOR'],
    ]) {
      const created = await t.gql<{ createApiKey: { secret: string; key: { id: string } } }>(CREATE_KEY, { name, role });
      keys[name as string] = created.body.data?.createApiKey.secret as string;
      keyIds[name as string] = created.body.data?.createApiKey.key.id as string;
    }
  });
  afterAll(() => t.close());

  async function newPolicy(id: string, graph = stayGraph()): Promise<void> {
    const created = await t.gql(CREATE_POLICY, { input: { id, name: id, graph, settings: referencePolicy.document.settings } });
    expect(created.body.errors).toBeUndefined();
  }

  it('lets exactly one of two concurrent publishes of the same draft succeed; the other gets CONFLICT', async () => {
    await newPolicy('race');
    const [a, b] = await Promise.all([
      t.gql(PUBLISH, { policyId: 'race', comment: 'A' }, keys.pub1),
      t.gql(PUBLISH, { policyId: 'race', comment: 'B' }, keys.pub2),
    ]);
    const codes = [a, b].map((r) => r.body.errors?.[0]?.extensions.code ?? 'ok').sort();
    expect(codes).toEqual([BatonErrorCode.Conflict, 'ok'].sort());
    const versions = await t.gql<{ policyVersions: { version: number }[] }>(VERSIONS, { policyId: 'race' });
    expect(versions.body.data?.policyVersions.map((v) => v.version)).toEqual([1]);
  });

  it('rolls back in one step: the next decision uses the activated version', async () => {
    await newPolicy('rollback', humanRequestGraph('general'));
    await t.gql(PUBLISH, { policyId: 'rollback', comment: 'v1: humans to general' });
    await t.gql(SAVE_DRAFT, { policyId: 'rollback', graph: stayGraph('never_hand_off'), baseRevision: 1 });
    await t.gql(PUBLISH, { policyId: 'rollback', comment: 'v2: bot keeps everything' });
    const decide = async () =>
      (await t.gql<{ decideHandoff: { action: string; policy: { version: number } } }>(DECIDE, { input: { ...askHuman, policyId: 'rollback' } })).body.data
        ?.decideHandoff;
    expect(await decide()).toMatchObject({ action: 'STAY', policy: { version: 2 } });

    const rolledBack = await t.gql(ACTIVATE, { policyId: 'rollback', version: 1, comment: 'v2 stopped every handoff' }, keys.pub1);
    expect(rolledBack.body.data?.activatePolicyVersion).toEqual({ id: 'rollback', activeVersion: { version: 1 } });
    expect(await decide()).toMatchObject({ action: 'HANDOFF', policy: { version: 1 } });

    const missing = await t.gql(ACTIVATE, { policyId: 'rollback', version: 7, comment: 'x' }, keys.pub1);
    expect(missing.body.errors?.[0]).toMatchObject({ extensions: { code: BatonErrorCode.NotFound, version: 7 } });
    expect(missing.body.errors?.[0]?.message).toMatch(/versions are 1 to 2/);
    const noComment = await t.gql(ACTIVATE, { policyId: 'rollback', version: 2, comment: ' ' }, keys.pub1);
    expect(noComment.body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.BadUserInput);
    expect(await decide()).toMatchObject({ policy: { version: 1 } });
    const versions = await t.gql<{ policyVersions: { version: number; parentVersion: number | null }[] }>(VERSIONS, { policyId: 'rollback' });
    expect(versions.body.data?.policyVersions).toMatchObject([
      { version: 2, parentVersion: 1 },
      { version: 1, parentVersion: null },
    ]);
  });

  it('publishes through four eyes: a change request, no self-approval, editing revokes, the last approval publishes', async () => {
    await newPolicy('four-eyes');
    expect((await t.gql(SET_APPROVALS, { policyId: 'four-eyes', count: 2 }, keys.pub1)).body.data).toEqual({ setRequiredApprovals: { requiredApprovals: 2 } });

    const opened = await t.gql<{ publishPolicy: { version: null; changeRequest: { id: string; status: string; requiredApprovals: number } } }>(
      PUBLISH,
      { policyId: 'four-eyes', comment: 'first' },
      keys.pub1,
    );
    expect(opened.body.data?.publishPolicy).toMatchObject({ version: null, changeRequest: { status: 'OPEN', requiredApprovals: 2 } });
    const first = opened.body.data?.publishPolicy.changeRequest.id as string;

    const self = await t.gql(APPROVE, { id: first }, keys.pub1);
    expect(self.body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.Forbidden);
    const byEditor = await t.gql(APPROVE, { id: first }, keys.editor);
    expect(byEditor.body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.Forbidden);
    const one = await t.gql<{ approveChangeRequest: { changeRequest: { status: string }; version: null } }>(APPROVE, { id: first }, keys.pub2);
    expect(one.body.data?.approveChangeRequest).toMatchObject({ changeRequest: { status: 'OPEN' }, version: null });
    const twice = await t.gql(APPROVE, { id: first }, keys.pub2);
    expect(twice.body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.BadUserInput);

    // Editing the draft revokes the approvals given so far.
    await t.gql(SAVE_DRAFT, { policyId: 'four-eyes', graph: stayGraph('edited'), baseRevision: 1 }, keys.editor);
    const stale = await t.gql(APPROVE, { id: first }, keys.pub3);
    expect(stale.body.errors?.[0]).toMatchObject({ extensions: { code: BatonErrorCode.Conflict, status: 'STALE' } });
    const unknown = await t.gql(APPROVE, { id: 'no-such-request' }, keys.pub3);
    expect(unknown.body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.NotFound);

    const reopened = await t.gql<{ publishPolicy: { changeRequest: { id: string } } }>(PUBLISH, { policyId: 'four-eyes', comment: 'edited' }, keys.pub1);
    const second = reopened.body.data?.publishPolicy.changeRequest.id as string;
    const duplicate = await t.gql(PUBLISH, { policyId: 'four-eyes', comment: 'again' }, keys.pub2);
    expect(duplicate.body.errors?.[0]).toMatchObject({ extensions: { code: BatonErrorCode.Conflict, changeRequestId: second } });
    await t.gql(APPROVE, { id: second }, keys.pub2);
    const last = await t.gql<{
      approveChangeRequest: { changeRequest: { status: string; publishedVersion: number }; version: { version: number; publishedBy: string } };
    }>(APPROVE, { id: second }, keys.pub3);
    expect(last.body.data?.approveChangeRequest).toEqual({
      changeRequest: { status: 'PUBLISHED', publishedVersion: 1, approvals: [{ approver: keyIds.pub2 }, { approver: keyIds.pub3 }] },
      version: { version: 1, publishedBy: keyIds.pub3 },
    });
    const state = await t.gql<{ policy: { activeVersion: { version: number }; changeRequests: { id: string; status: string }[] } }>(CHANGE_REQUESTS, {
      id: 'four-eyes',
    });
    expect(state.body.data?.policy.activeVersion.version).toBe(1);
    expect(state.body.data?.policy.changeRequests.map((r) => [r.id, r.status])).toEqual([
      [second, 'PUBLISHED'],
      [first, 'STALE'],
    ]);
  });

  it('lets an EDITOR request review: a change request of at least one approval that a publisher approves into a version', async () => {
    const REVIEW = `mutation ($policyId: ID!, $comment: String!) { requestPolicyReview(policyId: $policyId, comment: $comment) { id status author requiredApprovals activateVersion } }`;
    await newPolicy('review', humanRequestGraph('general'));
    const requests = async () =>
      (await t.gql<{ policy: { changeRequests: { id: string; status: string }[] } }>(CHANGE_REQUESTS, { id: 'review' })).body.data?.policy.changeRequests;

    const empty = await t.gql(REVIEW, { policyId: 'review', comment: '  ' }, keys.editor);
    expect(empty.body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.BadUserInput);
    expect(await requests()).toEqual([]);
    const asked = await t.gql<{ requestPolicyReview: { id: string } }>(REVIEW, { policyId: 'review', comment: 'Humans to general' }, keys.editor);
    expect(asked.body.data?.requestPolicyReview).toMatchObject({ status: 'OPEN', author: keyIds.editor, requiredApprovals: 1, activateVersion: null });
    const id = asked.body.data?.requestPolicyReview.id;
    expect((await t.gql(REVIEW, { policyId: 'review', comment: 'again' }, keys.editor)).body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.Conflict);
    expect((await t.gql(APPROVE, { id }, keys.editor)).body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.Forbidden);

    const approved = await t.gql<{ approveChangeRequest: { version: { version: number; publishedBy: string } } }>(APPROVE, { id }, keys.pub1);
    expect(approved.body.data?.approveChangeRequest).toMatchObject({
      changeRequest: { status: 'PUBLISHED', publishedVersion: 1 },
      version: { version: 1, publishedBy: keyIds.pub1 },
    });
    // Nothing left to review: the draft is the active version.
    expect((await t.gql(REVIEW, { policyId: 'review', comment: 'no change' }, keys.editor)).body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.Conflict);
    expect((await requests())?.map((r) => r.status)).toEqual(['PUBLISHED']);

    // Under four eyes the review needs the policy's count.
    await t.gql(SET_APPROVALS, { policyId: 'review', count: 2 });
    await t.gql(SAVE_DRAFT, { policyId: 'review', graph: stayGraph('keep_with_bot'), baseRevision: 1 });
    const underTwo = await t.gql(REVIEW, { policyId: 'review', comment: 'Keep everything with the bot' }, keys.editor);
    expect(underTwo.body.data).toMatchObject({ requestPolicyReview: { status: 'OPEN', requiredApprovals: 2 } });
  });

  it('rejects a change request with a reason; a rejected request cannot be approved', async () => {
    await newPolicy('rejected');
    await t.gql(SET_APPROVALS, { policyId: 'rejected', count: 1 }, keys.pub1);
    const opened = await t.gql<{ publishPolicy: { changeRequest: { id: string } } }>(PUBLISH, { policyId: 'rejected', comment: 'x' }, keys.pub1);
    const id = opened.body.data?.publishPolicy.changeRequest.id as string;
    expect((await t.gql(REJECT, { id, reason: 'routes VIPs to general' }, keys.pub2)).body.data).toEqual({
      rejectChangeRequest: { status: 'REJECTED', rejectionReason: 'routes VIPs to general' },
    });
    const late = await t.gql(APPROVE, { id }, keys.pub2);
    expect(late.body.errors?.[0]).toMatchObject({ extensions: { code: BatonErrorCode.Conflict, status: 'REJECTED' } });
    expect((await t.gql<{ policy: { activeVersion: null } }>(POLICY, { id: 'rejected' })).body.data?.policy.activeVersion).toBeNull();
    const bad = await t.gql(SET_APPROVALS, { policyId: 'rejected', count: 11 }, keys.pub1);
    expect(bad.body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.BadUserInput);
  });

  it('runs policy test cases on the draft or a version and refuses to publish while one fails', async () => {
    await newPolicy('tested', humanRequestGraph('general'));
    const wantsHuman = {
      id: 'asks-for-human',
      name: 'Customer asks for a human',
      input: askHuman,
      expected: { action: 'HANDOFF', reasonCode: 'human_requested', queue: 'general' },
    };
    const saved = await t.gql(SAVE_CASE, { policyId: 'tested', input: wantsHuman }, keys.editor);
    expect(saved.body.data).toEqual({
      savePolicyTestCase: {
        id: 'asks-for-human',
        name: 'Customer asks for a human',
        expected: { action: 'HANDOFF', reasonCode: 'human_requested', queue: 'general' },
      },
    });
    const badId = await t.gql(SAVE_CASE, { policyId: 'tested', input: { ...wantsHuman, id: 'Has Spaces' } }, keys.editor);
    expect(badId.body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.BadUserInput);
    const badInput = await t.gql(SAVE_CASE, { policyId: 'tested', input: { ...wantsHuman, input: { ...askHuman, messages: [] } } }, keys.editor);
    expect(badInput.body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.BadUserInput);

    const draftRun = await t.gql<{ runPolicyTests: { version: null; passed: number; failed: number } }>(RUN_TESTS, { policyId: 'tested' });
    expect(draftRun.body.data?.runPolicyTests).toMatchObject({ version: null, passed: 1, failed: 0 });
    // Unsaved work on screen (the editor's regression run): the cases run on it, the stored draft is untouched.
    const UNSAVED_RUN = `query ($policyId: ID!, $version: Int, $graph: JSON, $settings: JSON) {
      runPolicyTests(policyId: $policyId, version: $version, graph: $graph, settings: $settings) { version passed failed results { failures } } }`;
    const unsavedRun = await t.gql<{ runPolicyTests: { version: null; passed: number; failed: number; results: { failures: string[] }[] } }>(UNSAVED_RUN, {
      policyId: 'tested',
      graph: stayGraph('never'),
    });
    expect(unsavedRun.body.data?.runPolicyTests).toMatchObject({ version: null, passed: 0, failed: 1 });
    expect(unsavedRun.body.data?.runPolicyTests.results[0]?.failures).toContain('expected reason code human_requested, got never');
    expect((await t.gql(RUN_TESTS, { policyId: 'tested' })).body.data).toMatchObject({ runPolicyTests: { passed: 1, failed: 0 } });
    const both = await t.gql(UNSAVED_RUN, { policyId: 'tested', version: 1, graph: stayGraph('never') });
    expect(both.body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.BadUserInput);
    const misshapen = await t.gql(UNSAVED_RUN, { policyId: 'tested', graph: { nodes: 'none' } });
    expect(misshapen.body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.BadUserInput);
    const noStart = { nodes: stayGraph('never').nodes.filter((n) => n.kind !== 'start'), edges: [] };
    const invalid = await t.gql(UNSAVED_RUN, { policyId: 'tested', graph: noStart });
    expect(invalid.body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.InvalidPolicy);
    expect((await t.gql(PUBLISH, { policyId: 'tested', comment: 'v1' }, keys.pub1)).body.errors).toBeUndefined();

    // A draft that breaks the case: nothing is published, the failure is named.
    await t.gql(SAVE_DRAFT, { policyId: 'tested', graph: stayGraph('never'), baseRevision: 1 }, keys.editor);
    const refused = await t.gql(PUBLISH, { policyId: 'tested', comment: 'v2' }, keys.pub1);
    expect(refused.body.errors?.[0]).toMatchObject({
      extensions: {
        code: BatonErrorCode.PolicyTestsFailed,
        testFailures: [
          {
            testCase: 'asks-for-human',
            failures: ['expected action HANDOFF, got STAY', 'expected reason code human_requested, got never', 'expected queue general, got none'],
          },
        ],
      },
    });
    expect((await t.gql<{ policyVersions: unknown[] }>(VERSIONS, { policyId: 'tested' })).body.data?.policyVersions).toHaveLength(1);
    const v1Run = await t.gql<{ runPolicyTests: { version: number; passed: number } }>(RUN_TESTS, { policyId: 'tested', version: 1 });
    expect(v1Run.body.data?.runPolicyTests).toMatchObject({ version: 1, passed: 1 });
    const noVersion = await t.gql(RUN_TESTS, { policyId: 'tested', version: 5 });
    expect(noVersion.body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.NotFound);
  });

  describe('four eyes cannot be bypassed (issue 17, finding 4)', () => {
    const active = async (id: string) =>
      (await t.gql<{ policy: { activeVersion: { version: number } | null } }>(POLICY, { id })).body.data?.policy.activeVersion?.version;
    const requests = async (id: string) =>
      (await t.gql<{ policy: { changeRequests: { id: string; status: string }[] } }>(CHANGE_REQUESTS, { id })).body.data?.policy.changeRequests;

    it('a publisher whose request awaits approval can neither lower the count nor publish alone; an admin lowering it completes nothing', async () => {
      await newPolicy('bypass');
      expect((await t.gql(PUBLISH, { policyId: 'bypass', comment: 'v1' }, keys.pub1)).body.errors).toBeUndefined();
      await t.gql(SET_APPROVALS, { policyId: 'bypass', count: 1 }, keys.pub1);
      await t.gql(SAVE_DRAFT, { policyId: 'bypass', graph: stayGraph('v2'), baseRevision: 1 }, keys.editor);
      const opened = await t.gql<{ publishPolicy: { changeRequest: { id: string } } }>(PUBLISH, { policyId: 'bypass', comment: 'v2' }, keys.pub1);
      const requestId = opened.body.data?.publishPolicy.changeRequest.id as string;

      // The finding: lower the count to 0, then publish alone.
      const lowered = await t.gql(SET_APPROVALS, { policyId: 'bypass', count: 0 }, keys.pub1);
      expect(lowered.body.errors?.[0]).toMatchObject({ extensions: { code: BatonErrorCode.Forbidden, requiredApprovals: 1 } });
      expect(lowered.body.errors?.[0]?.message).toMatch(/takes an ADMIN key/);
      // An admin may lower it; the open request keeps the count it was opened with, and a direct publish is refused.
      expect((await t.gql(SET_APPROVALS, { policyId: 'bypass', count: 0 })).body.data).toEqual({ setRequiredApprovals: { requiredApprovals: 0 } });
      const alone = await t.gql(PUBLISH, { policyId: 'bypass', comment: 'v2 alone' }, keys.pub1);
      expect(alone.body.errors?.[0]).toMatchObject({ extensions: { code: BatonErrorCode.Conflict, changeRequestId: requestId } });
      expect(await active('bypass')).toBe(1);
      expect(await requests('bypass')).toEqual([{ id: requestId, status: 'OPEN', approvals: [] }]);
      const self = await t.gql(APPROVE, { id: requestId }, keys.pub1);
      expect(self.body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.Forbidden);
      const approved = await t.gql(APPROVE, { id: requestId }, keys.pub2);
      expect(approved.body.data).toMatchObject({ approveChangeRequest: { changeRequest: { status: 'PUBLISHED', publishedVersion: 2 } } });
    });

    it('activating another version under required approvals goes through a change request; an ADMIN emergency rollback is allowed and audited as such', async () => {
      await newPolicy('guarded', humanRequestGraph('general'));
      await t.gql(PUBLISH, { policyId: 'guarded', comment: 'v1' }, keys.pub1);
      await t.gql(SAVE_DRAFT, { policyId: 'guarded', graph: stayGraph('v2'), baseRevision: 1 }, keys.editor);
      await t.gql(PUBLISH, { policyId: 'guarded', comment: 'v2' }, keys.pub1);
      await t.gql(SET_APPROVALS, { policyId: 'guarded', count: 1 }, keys.pub1);

      // The finding: one publisher re-activates an older version, then the newest again, alone.
      const alone = await t.gql(ACTIVATE, { policyId: 'guarded', version: 1, comment: 'back to v1' }, keys.pub1);
      expect(alone.body.errors?.[0]).toMatchObject({ extensions: { code: BatonErrorCode.Forbidden, requiredApprovals: 1 } });
      expect(alone.body.errors?.[0]?.message).toMatch(/requestPolicyActivation/);
      const notAdmin = await t.gql(EMERGENCY, { policyId: 'guarded', version: 1, comment: 'it is urgent' }, keys.pub1);
      expect(notAdmin.body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.Forbidden);
      expect(await active('guarded')).toBe(2);

      const requested = await t.gql<{ requestPolicyActivation: { id: string } }>(
        REQUEST_ACTIVATION,
        { policyId: 'guarded', version: 1, comment: 'back to v1' },
        keys.pub1,
      );
      expect(requested.body.data?.requestPolicyActivation).toMatchObject({ status: 'OPEN', activateVersion: 1, requiredApprovals: 1 });
      const id = requested.body.data?.requestPolicyActivation.id as string;
      expect((await t.gql(APPROVE, { id }, keys.pub1)).body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.Forbidden);
      expect(await active('guarded')).toBe(2);
      const approved = await t.gql(APPROVE, { id }, keys.pub2);
      expect(approved.body.data).toMatchObject({
        approveChangeRequest: { changeRequest: { status: 'PUBLISHED', publishedVersion: 1 }, version: { version: 1 } },
      });
      expect(await active('guarded')).toBe(1);

      // The admin's emergency roll forward: at once, with its own audit action.
      const emergency = await t.gql(EMERGENCY, { policyId: 'guarded', version: 2, comment: 'v1 misroutes VIPs, roll forward now' });
      expect(emergency.body.data).toEqual({ activatePolicyVersion: { activeVersion: { version: 2 } } });
      const events = (
        await t.gql<{ auditLog: { nodes: { action: string; actor: { role: string }; after: Record<string, unknown> }[] } }>(POLICY_EVENTS, { id: 'guarded' })
      ).body.data?.auditLog.nodes;
      expect(events?.filter((e) => /activate/i.test(e.action))).toEqual([
        { action: 'policy.activate', actor: { keyId: keyIds.pub2, role: 'publisher' }, after: expect.objectContaining({ activeVersion: 1 }) },
        {
          action: 'policy.emergencyActivate',
          actor: { keyId: TEST_ADMIN_KEY.slice(0, 12), role: 'admin' },
          after: expect.objectContaining({ activeVersion: 2, requiredApprovals: 1 }),
        },
      ]);
    });
  });
});
