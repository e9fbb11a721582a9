/**
 * Policy management: create, save drafts, validate, publish immutable versions. Domain rules
 * live here; the store only persists, resolvers only translate. Every changing method takes
 * the actor (API key id, or null for system writes such as the seed) last.
 */
import { BatonErrorCode, type PolicyDocument, type TriggerSettings } from '@baton/schemas';
import { compilePolicy, preparePolicy, validatePolicyDocument, validatePolicyGraph, type ValidationResult } from '@baton/rules';
import { BatonError, badInput, notFound } from '../../baton-error';
import { defaultDraftGraph } from './default-draft';
import { resolvePolicyId } from './policy-id';
import { contentHashOf, documentOf, requireDocumentShape } from './policy-document';
import type { DraftRecord, PolicyRecord, PolicyStore, VersionRecord } from './policy-store';

export interface CreatePolicyRequest {
  id?: string | null;
  name: string;
  description?: string | null;
  graph?: unknown;
  settings?: unknown;
  routing?: unknown;
  makeDefault?: boolean | null;
}

export interface PolicyServiceDeps {
  store: PolicyStore;
  /** Trigger settings of a new policy created without any (the reference policy's). */
  defaultSettings: () => TriggerSettings;
  clock?: () => Date;
}

const NAME_MAX = 200;
const DESCRIPTION_MAX = 2000;
const COMMENT_MAX = 1000;

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
    if (settings === undefined || settings === null) return validatePolicyGraph(graph);
    return validatePolicyDocument(routing === undefined || routing === null ? { graph, settings } : { graph, settings, routing });
  }

  /** Full validation of a stored draft (semantic errors included). */
  validateDraft(draft: DraftRecord): ValidationResult {
    return validatePolicyDocument(documentOf(draft));
  }

  /**
   * Creates a policy whose draft is `graph`/`settings` (default: start → stay, reference settings).
   * @throws BAD_USER_INPUT for a bad id, name, description or a graph/settings of the wrong shape;
   *   CONFLICT when the id exists.
   */
  async createPolicy(request: CreatePolicyRequest, actor: string | null): Promise<PolicyRecord> {
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
  async saveDraft(policyId: string, graph: unknown, settings: unknown, baseRevision: number, actor: string | null, routing?: unknown): Promise<DraftRecord> {
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
   * @throws BAD_USER_INPUT (empty comment; a draft identical to the active version, unless only
   *   `makeDefault` was asked), NOT_FOUND, INVALID_POLICY (with `diagnostics`), CONFLICT (the
   *   draft changed meanwhile).
   */
  async publish(policyId: string, comment: string, actor: string | null, makeDefault = false): Promise<VersionRecord> {
    const text = requireText(comment, 'comment', COMMENT_MAX);
    const policy = await this.requirePolicy(policyId);
    const { draft } = policy;
    const validation = this.validateDraft(draft);
    const errors = validation.diagnostics.filter((d) => d.severity === 'ERROR');
    if (errors.length > 0) {
      throw new BatonError(
        BatonErrorCode.InvalidPolicy,
        `Policy '${policyId}' cannot be published: its draft has ${errors.length} error${errors.length === 1 ? '' : 's'}, ` +
          `e.g. "${errors[0]?.message}" Fix them (extensions.diagnostics lists each with its node) and publish again.`,
        { diagnostics: validation.diagnostics },
      );
    }
    const document: PolicyDocument = documentOf(draft);
    const compiledRules = compilePolicy(document);
    preparePolicy(document, compiledRules);
    const contentHash = contentHashOf(document);
    if (policy.activeVersion !== null) {
      const active = await this.deps.store.getVersion(policyId, policy.activeVersion);
      if (active?.contentHash === contentHash) {
        if (!makeDefault) {
          throw new BatonError(
            BatonErrorCode.BadUserInput,
            `Nothing to publish: the draft of '${policyId}' is identical to its active version ${active.version} (sha256 ${contentHash.slice(0, 12)}…). Change the draft first.`,
            { policyId, activeVersion: active.version },
          );
        }
        await this.deps.store.setDefaultPolicy(policyId, this.clock());
        return active;
      }
    }
    const version = await this.deps.store.publishVersion({
      policyId,
      draftRevision: draft.revision,
      contentHash,
      graph: draft.graph,
      settings: draft.settings,
      routing: draft.routing,
      compiledRules,
      comment: text,
      at: this.clock(),
      actor,
    });
    if (makeDefault) await this.deps.store.setDefaultPolicy(policyId, this.clock());
    return version;
  }

  /**
   * Makes `policyId` the policy `decideHandoff` uses when the input names none.
   * @throws NOT_FOUND; BAD_USER_INPUT when the policy has no published version (it could not decide).
   */
  async setDefault(policyId: string): Promise<PolicyRecord> {
    const policy = await this.requirePolicy(policyId);
    if (policy.activeVersion === null) {
      throw new BatonError(
        BatonErrorCode.BadUserInput,
        `Policy '${policyId}' has no published version, so it cannot decide anything yet; publish it first (publishPolicy).`,
        { policyId },
      );
    }
    await this.deps.store.setDefaultPolicy(policyId, this.clock());
    return this.requirePolicy(policyId);
  }

  /** Creates a policy from a complete document and publishes it (the seed loader's path). */
  async createAndPublish(
    policy: { id: string; name: string; description?: string | null; document: PolicyDocument },
    comment: string,
    makeDefault: boolean,
    actor: string | null,
  ): Promise<VersionRecord> {
    const { graph, settings, routing } = policy.document;
    await this.createPolicy({ id: policy.id, name: policy.name, description: policy.description, graph, settings, routing }, actor);
    return this.publish(policy.id, comment, actor, makeDefault);
  }

  private async requirePolicy(policyId: string): Promise<PolicyRecord> {
    const policy = await this.deps.store.getPolicy(policyId);
    if (!policy) throw notFound(`Policy '${policyId}' does not exist; list policies with the policies query.`, { policyId });
    return policy;
  }
}
