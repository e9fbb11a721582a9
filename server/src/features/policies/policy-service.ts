/**
 * Policy management: create, save drafts, validate, publish immutable versions (at once or
 * through a four-eyes change request), roll back or forward, and run the policy's test cases.
 * Domain rules live here; stores persist (with the audit event), resolvers only translate.
 * Every changing method takes the actor (API key and role, or the system) last.
 */
import { randomUUID } from 'node:crypto';
import { BatonErrorCode, valueDomains, type PolicyDocument, type PolicyRef, type TriggerSettings } from '@baton/schemas';
import {
  compilePolicy,
  preparePolicy,
  validatePolicyDocument,
  validatePolicyGraph,
  validateRoutingGraph,
  type CompiledPolicy,
  type PreparedPolicy,
  type ValidationOptions,
  type ValidationResult,
} from '@baton/rules';
import { BatonError, badInput, notFound } from '../../baton-error';
import type { RequestLimits } from '../../config';
import type { Actor } from '../audit/audit-event';
import { checkDecideInput, type CoercedDecideHandoffInput } from '../decisions/input-limits';
import type { ChangeRequestRecord, ChangeRequestStore } from './change-request-store';
import { defaultDraftGraph } from './default-draft';
import { resolvePolicyId } from './policy-id';
import { contentHashOf, documentOf, requireDocumentShape } from './policy-document';
import type { DraftRecord, NewVersion, PolicyRecord, PolicyStore, VersionRecord } from './policy-store';
import type { ExpectedOutcome, PolicyTestCase, PolicyTestCaseStore } from './policy-test-case-store';
import { runTestCases, type PolicyTestRun } from './policy-tests';
import { invalidPolicy, nothingToPublish, policyNotFound } from './policy-errors';

export interface CreatePolicyRequest {
  id?: string | null;
  name: string;
  description?: string | null;
  graph?: unknown;
  settings?: unknown;
  routing?: unknown;
  makeDefault?: boolean | null;
}

/** A test case as a client sends it; `input` is the coerced DecideHandoffInput (dates as `Date`s). */
export interface TestCaseRequest {
  id: string;
  name: string;
  input: CoercedDecideHandoffInput;
  expected: ExpectedOutcome;
}

/** Unsaved editor work to run test cases on, as JSON from the client (shape checked before use); undefined parts are the stored draft's. */
export interface UnsavedDraft {
  graph?: unknown;
  settings?: unknown;
  /** Null: no routing graph. */
  routing?: unknown;
}

/** What publishPolicy did: published a version, or opened a change request awaiting approvals. */
export interface PublishOutcome {
  version: VersionRecord | null;
  changeRequest: ChangeRequestRecord | null;
}

export interface PolicyServiceDeps {
  store: PolicyStore;
  /** Queue ids of the directory: a routing graph naming any other queue does not validate. Omitted: queues are not checked. */
  knownQueues?: () => Iterable<string>;
  /** Languages the directory serves: known values of the `language` fact besides the lexicons' (warnings only). */
  knownLanguages?: () => Iterable<string>;
  /** Customer tiers the server has seen (`KnownCustomerTiers`): known values of the `customerTier` fact besides the catalog's (warnings only). */
  knownCustomerTiers?: () => Iterable<string>;
  changeRequests: ChangeRequestStore;
  testCases: PolicyTestCaseStore;
  /** Limits a test case's conversation must respect, as decideHandoff's input does. */
  limits: RequestLimits;
  /** Trigger settings of a new policy created without any (the reference policy's). */
  defaultSettings: () => TriggerSettings;
  /**
   * Checks a draft about to be published against the policy's backtest gates.
   * @throws BACKTEST_FAILED when it misses one
   */
  checkPublishGates?: (policyId: string, draft: { document: PolicyDocument; compiled: CompiledPolicy; ref: PolicyRef }) => Promise<void>;
  clock?: () => Date;
}

const NAME_MAX = 200;
const DESCRIPTION_MAX = 2000;
const COMMENT_MAX = 1000;
const MAX_REQUIRED_APPROVALS = 10;
const MAX_TEST_CASES = 500;
const TEST_CASE_ID = /^[a-z0-9][a-z0-9_-]{0,99}$/;

function requireText(value: string, field: string, max: number): string {
  const text = value.trim();
  if (text === '') throw badInput(`${field} is empty; give it a short text.`, { field });
  if (text.length > max) throw badInput(`${field} has ${text.length} characters; the limit is ${max}.`, { field });
  return text;
}

export class PolicyService {
  private readonly clock: () => Date;

  constructor(private readonly deps: PolicyServiceDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  listPolicies(): Promise<PolicyRecord[]> {
    return this.deps.store.listPolicies();
  }

  getPolicy(id: string): Promise<PolicyRecord | null> {
    return this.deps.store.getPolicy(id);
  }

  /** Published versions of a policy, newest first. */
  listVersions(policyId: string): Promise<VersionRecord[]> {
    return this.deps.store.listVersions(policyId);
  }

  getVersion(policyId: string, version: number): Promise<VersionRecord | null> {
    return this.deps.store.getVersion(policyId, version);
  }

  /** Validates a graph alone, or with settings the whole document. Saves nothing; never throws. */
  validate(graph: unknown, settings?: unknown, routing?: unknown): ValidationResult {
    const noRouting = routing === undefined || routing === null;
    if (settings === undefined || settings === null) {
      const tree = validatePolicyGraph(graph);
      if (noRouting) return tree;
      const routes = validateRoutingGraph(routing, this.queueOptions());
      return { valid: tree.valid && routes.valid, diagnostics: [...tree.diagnostics, ...routes.diagnostics] };
    }
    return validatePolicyDocument(noRouting ? { graph, settings } : { graph, settings, routing }, this.queueOptions());
  }

  /** Validation options naming the directory's queues and languages, when the service has a directory. */
  private queueOptions(): ValidationOptions {
    return {
      ...(this.deps.knownQueues ? { knownQueues: this.deps.knownQueues() } : {}),
      ...(this.deps.knownLanguages ? { knownLanguages: this.deps.knownLanguages() } : {}),
      ...(this.deps.knownCustomerTiers ? { knownCustomerTiers: this.deps.knownCustomerTiers() } : {}),
    };
  }

  /** Known values of the `customerTier` fact: the catalog's documented tiers, then those the server has seen, sorted (what validation checks against). */
  customerTiers(): string[] {
    return valueDomains(this.deps.knownCustomerTiers ? { customerTiers: this.deps.knownCustomerTiers() } : {}).customerTiers ?? [];
  }

  /** Full validation of a stored draft (semantic errors included). */
  validateDraft(draft: DraftRecord): ValidationResult {
    return validatePolicyDocument(documentOf(draft), this.queueOptions());
  }

  /**
   * Creates a policy whose draft is `graph`/`settings` (default: start → stay, reference settings).
   * @throws BAD_USER_INPUT for a bad id, name, description or a graph/settings of the wrong shape;
   *   CONFLICT when the id exists.
   */
  async createPolicy(request: CreatePolicyRequest, actor: Actor): Promise<PolicyRecord> {
    const name = requireText(request.name, 'input.name', NAME_MAX);
    const id = resolvePolicyId(request.id, name);
    const description = request.description?.trim() ? requireText(request.description, 'input.description', DESCRIPTION_MAX) : null;
    const graph = request.graph ?? defaultDraftGraph();
    const settings = request.settings ?? this.deps.defaultSettings();
    const { document } = requireDocumentShape(graph, settings, request.routing);
    if (request.makeDefault === true && (await this.deps.store.getPolicyHead(null))?.activeVersion != null) {
      throw new BatonError(
        BatonErrorCode.BadUserInput,
        'A new policy has no published version, so making it the default now would stop every decideHandoff that names no policy. ' +
          'Create it without makeDefault, then publish it with publishPolicy(policyId, comment, makeDefault: true).',
        { field: 'input.makeDefault' },
      );
    }
    return this.deps.store.createPolicy({
      id,
      name,
      description,
      graph: document.graph,
      settings: document.settings,
      routing: document.routing ?? null,
      makeDefault: request.makeDefault === true,
      at: this.clock(),
      actor,
    });
  }

  /**
   * Saves the draft when `baseRevision` is current. Semantic errors are allowed (work in
   * progress); documents of the wrong JSON shape are not. `settings` omitted keeps the current
   * ones; `routing` omitted (undefined) keeps the current routing graph, null removes it.
   * @throws BAD_USER_INPUT (wrong shape, with `diagnostics`), NOT_FOUND, CONFLICT (with `currentRevision`).
   */
  async saveDraft(policyId: string, graph: unknown, settings: unknown, baseRevision: number, actor: Actor, routing?: unknown): Promise<DraftRecord> {
    const policy = await this.requirePolicy(policyId);
    const { document } = requireDocumentShape(graph, settings ?? policy.draft.settings, routing === undefined ? policy.draft.routing : routing);
    return this.deps.store.saveDraft({
      policyId,
      graph: document.graph,
      settings: document.settings,
      routing: document.routing ?? null,
      baseRevision,
      at: this.clock(),
      actor,
    });
  }

  /**
   * Publishes the current draft as a new immutable version and makes it active; with
   * `makeDefault`, the policy also becomes the one `decideHandoff` uses when none is named.
   * @throws BAD_USER_INPUT (empty comment), NOT_FOUND, INVALID_POLICY (with `diagnostics`),
   *   POLICY_TESTS_FAILED (with `testFailures`), BACKTEST_FAILED (with `backtestFailures`), CONFLICT (the draft or the active version
   *   changed meanwhile; a draft identical to the active version, unless only `makeDefault` was
   *   asked; a change request already open).
   */
  async publish(policyId: string, comment: string, actor: Actor, makeDefault = false): Promise<PublishOutcome> {
    const text = requireText(comment, 'comment', COMMENT_MAX);
    const policy = await this.requirePolicy(policyId);
    const version = await this.versionFromDraft(policy, text, makeDefault, actor);
    const active = await this.activeWithSameContent(policy, version);
    if (active) {
      if (!makeDefault) throw nothingToPublish(policy.id, active.version, version.contentHash);
      await this.deps.store.setDefaultPolicy(policyId, this.clock(), actor);
      return { version: active, changeRequest: null };
    }
    if (policy.requiredApprovals > 0) return { version: null, changeRequest: await this.openPublishRequest(version, policy.requiredApprovals) };
    return { version: await this.deps.store.publishVersion(version), changeRequest: null };
  }

  /**
   * An editor's "request review": a change request for the stored draft that publishers other
   * than its author approve; the approval that reaches its count publishes the draft. The count
   * is the policy's `requiredApprovals`, at least 1 — a review needs a reviewer even where
   * publishers may publish at once. The draft is validated, compiled and tested first, as for a
   * publish, so a reviewer never approves a draft that cannot be published.
   * @throws BAD_USER_INPUT (empty comment), NOT_FOUND, INVALID_POLICY, POLICY_TESTS_FAILED,
   *   BACKTEST_FAILED, CONFLICT (the draft is identical to the active version; a change request is already open)
   */
  async requestReview(policyId: string, comment: string, actor: Actor): Promise<ChangeRequestRecord> {
    const text = requireText(comment, 'comment', COMMENT_MAX);
    const policy = await this.requirePolicy(policyId);
    const version = await this.versionFromDraft(policy, text, false, actor);
    const active = await this.activeWithSameContent(policy, version);
    if (active) throw nothingToPublish(policy.id, active.version, version.contentHash);
    return this.openPublishRequest(version, Math.max(1, policy.requiredApprovals));
  }

  /** The active version when `version` has its content (publishing would change nothing), else null. */
  private async activeWithSameContent(policy: PolicyRecord, version: NewVersion): Promise<VersionRecord | null> {
    if (policy.activeVersion === null) return null;
    const active = await this.deps.store.getVersion(policy.id, policy.activeVersion);
    return active?.contentHash === version.contentHash ? active : null;
  }

  /** Opens the change request that publishes `version` (built from the draft) once `requiredApprovals` publishers approve. */
  private openPublishRequest(version: NewVersion, requiredApprovals: number): Promise<ChangeRequestRecord> {
    return this.deps.changeRequests.openChangeRequest({
      id: randomUUID(),
      policyId: version.policyId,
      draftRevision: version.draftRevision,
      contentHash: version.contentHash,
      comment: version.comment,
      makeDefault: version.makeDefault,
      requiredApprovals,
      at: this.clock(),
      actor: version.actor,
    });
  }

  /**
   * Approves a change request; the approval that reaches the required count publishes it.
   * The draft is validated, compiled and tested again, as for a direct publish.
   * @throws NOT_FOUND; FORBIDDEN (self-approval); BAD_USER_INPUT (approved twice);
   *   CONFLICT (not open, or stale: the draft changed); INVALID_POLICY / POLICY_TESTS_FAILED / BACKTEST_FAILED.
   */
  async approveChangeRequest(id: string, actor: Actor): Promise<{ request: ChangeRequestRecord; version: VersionRecord | null }> {
    const request = await this.requireChangeRequest(id);
    const policy = await this.requirePolicy(request.policyId);
    // An activation request names a published version: nothing to build. Otherwise the approver
    // who completes the four eyes is recorded as the version's publisher.
    const version = request.activateVersion !== undefined ? null : await this.versionFromDraft(policy, request.comment, request.makeDefault, actor);
    return this.deps.changeRequests.approveChangeRequest({ id, at: this.clock(), actor, version });
  }

  /**
   * Asks to make published `version` active again (rollback or roll forward) under four eyes: a
   * change request that publishers other than its author approve; the approval that reaches
   * the policy's required count activates it. Draft edits do not make it stale.
   * @throws BAD_USER_INPUT (empty comment, no approvals required: use activatePolicyVersion,
   *   version already active), NOT_FOUND (policy or version), CONFLICT (a request already open)
   */
  async requestActivation(policyId: string, version: number, comment: string, actor: Actor): Promise<ChangeRequestRecord> {
    const text = requireText(comment, 'comment', COMMENT_MAX);
    const policy = await this.requirePolicy(policyId);
    if (policy.requiredApprovals === 0) {
      throw badInput(`Policy '${policyId}' requires no approvals; activate version ${version} with activatePolicyVersion.`, { policyId });
    }
    const target = await this.deps.store.getVersion(policyId, version);
    return this.deps.changeRequests.openChangeRequest({
      id: randomUUID(),
      policyId,
      draftRevision: policy.draft.revision,
      // The version's own hash: what decisions will run on once it is approved. A missing version is NOT_FOUND in the transaction.
      contentHash: target?.contentHash ?? '0'.repeat(64),
      comment: text,
      makeDefault: false,
      requiredApprovals: policy.requiredApprovals,
      activateVersion: version,
      at: this.clock(),
      actor,
    });
  }

  /** @throws NOT_FOUND; BAD_USER_INPUT for an empty reason; CONFLICT when not open. */
  async rejectChangeRequest(id: string, reason: string, actor: Actor): Promise<ChangeRequestRecord> {
    const text = requireText(reason, 'reason', COMMENT_MAX);
    return this.deps.changeRequests.rejectChangeRequest(id, text, this.clock(), actor);
  }

  getChangeRequest(id: string): Promise<ChangeRequestRecord | null> {
    return this.deps.changeRequests.getChangeRequest(id);
  }

  /** Newest first. */
  listChangeRequests(policyId: string): Promise<ChangeRequestRecord[]> {
    return this.deps.changeRequests.listChangeRequests(policyId);
  }

  /**
   * Rollback or roll forward: makes published `version` the active one; the next decision uses it.
   * A policy that requires approvals goes through `requestActivation`, except an ADMIN's
   * `emergency` rollback, which happens at once and is audited as `policy.emergencyActivate`.
   * @throws BAD_USER_INPUT (empty comment, already active), NOT_FOUND (policy or version),
   *   FORBIDDEN (approvals required and no emergency; an emergency by a key that is not an ADMIN).
   */
  async activateVersion(policyId: string, version: number, comment: string, actor: Actor, emergency = false): Promise<PolicyRecord> {
    const text = requireText(comment, 'comment', COMMENT_MAX);
    return this.deps.store.activateVersion({ policyId, version, comment: text, at: this.clock(), actor, ...(emergency ? { emergency } : {}) });
  }

  /**
   * Raising the count takes a publisher; lowering it an ADMIN. Open change requests keep the
   * count they were opened with.
   * @throws BAD_USER_INPUT outside 0..10; NOT_FOUND; FORBIDDEN when a key that is not an ADMIN lowers it.
   */
  async setRequiredApprovals(policyId: string, count: number, actor: Actor): Promise<PolicyRecord> {
    if (!Number.isInteger(count) || count < 0 || count > MAX_REQUIRED_APPROVALS) {
      throw badInput(`requiredApprovals must be a whole number from 0 (publish at once) to ${MAX_REQUIRED_APPROVALS}; got ${count}.`, { field: 'count' });
    }
    return this.deps.store.setRequiredApprovals(policyId, count, this.clock(), actor);
  }

  listTestCases(policyId: string): Promise<PolicyTestCase[]> {
    return this.deps.testCases.listTestCases(policyId);
  }

  /**
   * Creates or replaces a test case. Its conversation must pass decideHandoff's input checks, and
   * an expected reason must be one a leaf of the policy's draft gives.
   * @throws BAD_USER_INPUT (id, name, input limits, unknown reason, too many cases), NOT_FOUND.
   */
  async saveTestCase(policyId: string, request: TestCaseRequest, actor: Actor): Promise<PolicyTestCase> {
    if (!TEST_CASE_ID.test(request.id))
      throw badInput(`Test case id '${request.id}' must be lower-case letters, digits, - or _ (at most 100), e.g. refund-angry-es.`, { field: 'input.id' });
    const name = requireText(request.name, 'input.name', NAME_MAX);
    checkDecideInput(request.input, this.deps.limits, this.clock());
    const existing = await this.deps.testCases.listTestCases(policyId);
    if (existing.length >= MAX_TEST_CASES && !existing.some((c) => c.id === request.id)) {
      throw badInput(`Policy '${policyId}' already has ${MAX_TEST_CASES} test cases, the limit; remove some first.`, { policyId });
    }
    const reasonCode = request.expected.reasonCode ?? null;
    if (reasonCode !== null) {
      // A case expecting a reason no leaf gives could never pass, and would block every publish.
      const draft = (await this.requirePolicy(policyId)).draft.graph;
      const codes = new Set(
        draft.nodes.flatMap((node) => ('reasonCode' in node.data && typeof node.data.reasonCode === 'string' ? [node.data.reasonCode] : [])),
      );
      if (!codes.has(reasonCode)) {
        throw badInput(
          `No leaf of policy '${policyId}' gives the reason '${reasonCode}'; expect one of ${[...codes].sort().join(', ') || '(none: the draft has no leaves)'}, or add a leaf with that reason first.`,
          { field: 'input.expected.reasonCode' },
        );
      }
    }
    const { policyId: _ignored, ...input } = request.input;
    const expected: ExpectedOutcome = { action: request.expected.action, reasonCode };
    if (request.expected.queue !== undefined) expected.queue = request.expected.queue;
    return this.deps.testCases.saveTestCase(
      policyId,
      { id: request.id, name, input: JSON.parse(JSON.stringify(input)) as Record<string, unknown>, expected },
      this.clock(),
      actor,
    );
  }

  /** @throws NOT_FOUND for an unknown policy or test case. */
  async removeTestCase(policyId: string, id: string, actor: Actor): Promise<void> {
    await this.deps.testCases.removeTestCase(policyId, id, this.clock(), actor);
  }

  /**
   * Runs the policy's test cases on a published version, or on the draft when `version` is null:
   * the stored draft, or unsaved work when `unsaved` is given (each part left undefined is the
   * stored draft's; `routing: null` means no routing graph), so the editor tests what is on screen.
   * @throws BAD_USER_INPUT (a version together with unsaved work; a graph or settings of the wrong
   *   shape), NOT_FOUND (policy or version), INVALID_POLICY when the draft has errors (it cannot run).
   */
  async runTests(policyId: string, version: number | null, unsaved?: UnsavedDraft): Promise<PolicyTestRun> {
    const policy = await this.requirePolicy(policyId);
    const hasUnsaved = unsaved !== undefined && (unsaved.graph !== undefined || unsaved.settings !== undefined || unsaved.routing !== undefined);
    if (version !== null && hasUnsaved) {
      throw badInput(`Give either a published version or unsaved work (graph, settings, routing) to run the tests of '${policyId}' on, not both.`, {
        field: 'version',
      });
    }
    const testCases = await this.deps.testCases.listTestCases(policyId);
    if (version === null) {
      const draft = hasUnsaved ? this.unsavedDraft(policy.draft, unsaved) : policy.draft;
      const { prepared, contentHash } = this.compileDraft({ ...policy, draft });
      return runTestCases(prepared, { id: policy.id, name: policy.name, version: 0, contentHash }, testCases, this.clock(), null);
    }
    const stored = await this.deps.store.getVersion(policyId, version);
    if (!stored) throw notFound(`Policy '${policyId}' has no version ${version}; policyVersions lists them.`, { policyId, version });
    const ref: PolicyRef = { id: policy.id, name: policy.name, version, contentHash: stored.contentHash };
    return runTestCases(preparePolicy(documentOf(stored), stored.compiledRules as CompiledPolicy), ref, testCases, this.clock(), version);
  }

  /** `stored` with the parts of `unsaved` that are given, checked for shape. @throws BAD_USER_INPUT for a graph or settings of the wrong shape. */
  private unsavedDraft(stored: DraftRecord, unsaved: UnsavedDraft): DraftRecord {
    const routing = unsaved.routing !== undefined ? unsaved.routing : stored.routing;
    const { document } = requireDocumentShape(unsaved.graph ?? stored.graph, unsaved.settings ?? stored.settings, routing);
    return { ...stored, graph: document.graph, settings: document.settings, routing: document.routing ?? null };
  }

  /** The draft as a version ready to store: valid, compiled, its test cases passing. */
  private async versionFromDraft(policy: PolicyRecord, comment: string, makeDefault: boolean, actor: Actor): Promise<NewVersion> {
    const { draft } = policy;
    const { document, compiledRules, contentHash, prepared } = this.compileDraft(policy);
    const testCases = await this.deps.testCases.listTestCases(policy.id);
    const run = await runTestCases(prepared, { id: policy.id, name: policy.name, version: 0, contentHash }, testCases, this.clock(), null);
    if (run.failed > 0) {
      const failures = run.results.filter((r) => !r.passed).map((r) => ({ testCase: r.testCase.id, failures: r.failures }));
      throw new BatonError(
        BatonErrorCode.PolicyTestsFailed,
        `Policy '${policy.id}' cannot be published: ${run.failed} of ${run.results.length} test case${run.results.length === 1 ? '' : 's'} fail, ` +
          `e.g. ${failures[0]?.testCase}: ${failures[0]?.failures.join('; ')}. Fix the draft or the test cases (extensions.testFailures lists each) and publish again.`,
        { testFailures: failures },
      );
    }
    const ref = { id: policy.id, name: policy.name, version: 0, contentHash };
    await this.deps.checkPublishGates?.(policy.id, { document, compiled: compiledRules, ref });
    return {
      policyId: policy.id,
      draftRevision: draft.revision,
      contentHash,
      graph: draft.graph,
      settings: draft.settings,
      routing: draft.routing,
      compiledRules,
      comment,
      expectedActiveVersion: policy.activeVersion,
      makeDefault,
      at: this.clock(),
      actor,
    };
  }

  /**
   * The stored draft validated, compiled and prepared, as publishing and test runs need it.
   * @throws INVALID_POLICY when the draft has errors
   */
  private compileDraft(policy: PolicyRecord): { document: PolicyDocument; compiledRules: CompiledPolicy; contentHash: string; prepared: PreparedPolicy } {
    const validation = this.validateDraft(policy.draft);
    if (!validation.valid) throw invalidPolicy(`Policy '${policy.id}' cannot be published: its draft`, validation.diagnostics, 'publish');
    const document = documentOf(policy.draft);
    const compiledRules = compilePolicy(document);
    return { document, compiledRules, contentHash: contentHashOf(document), prepared: preparePolicy(document, compiledRules) };
  }

  private async requireChangeRequest(id: string): Promise<ChangeRequestRecord> {
    const request = await this.deps.changeRequests.getChangeRequest(id);
    if (!request) throw notFound(`Change request '${id}' does not exist; list them with policy { changeRequests }.`, { changeRequestId: id });
    return request;
  }

  /**
   * Makes `policyId` the policy `decideHandoff` uses when the input names none.
   * @throws NOT_FOUND; BAD_USER_INPUT when the policy has no published version (it could not decide).
   */
  async setDefault(policyId: string, actor: Actor): Promise<PolicyRecord> {
    const policy = await this.requirePolicy(policyId);
    if (policy.activeVersion === null) {
      throw new BatonError(
        BatonErrorCode.BadUserInput,
        `Policy '${policyId}' has no published version, so it cannot decide anything yet; publish it first (publishPolicy).`,
        { policyId },
      );
    }
    await this.deps.store.setDefaultPolicy(policyId, this.clock(), actor);
    return this.requirePolicy(policyId);
  }

  /** Creates a policy from a complete document and publishes it (the seed loader's path). */
  async createAndPublish(
    policy: { id: string; name: string; description?: string | null; document: PolicyDocument },
    comment: string,
    makeDefault: boolean,
    actor: Actor,
  ): Promise<PublishOutcome> {
    const { graph, settings, routing } = policy.document;
    await this.createPolicy({ id: policy.id, name: policy.name, description: policy.description, graph, settings, routing }, actor);
    return this.publish(policy.id, comment, actor, makeDefault);
  }

  private async requirePolicy(policyId: string): Promise<PolicyRecord> {
    const policy = await this.deps.store.getPolicy(policyId);
    if (!policy) throw policyNotFound(policyId);
    return policy;
  }
}
