/**
 * Which policy a backtest runs: a published version (the active one unless a version is named)
 * or the draft (saved, or unsaved editor work), read through the policy store; or the reference
 * policy as the seed publishes it.
 */
import type { PolicyDocument } from '@baton/schemas';
import { compilePolicy, type CompiledPolicy } from '@baton/rules';
import { referencePolicy } from '@baton/seed';
import { badInput, notFound } from '../../baton-error';
import { contentHashOf, documentOf, requireDocumentShape } from '../policies/policy-document';
import { invalidPolicy, policyNotFound } from '../policies/policy-errors';
import type { PolicyStore } from '../policies/policy-store';
import type { BacktestPolicy } from './backtest-runner';

/** What to run: a policy (default: the default policy), and a version number or its draft (default: its active version). */
export interface BacktestPolicySelector {
  policyId?: string | null;
  version?: number | null;
  draft?: boolean | null;
  /** Unsaved editor work to run as the draft; each part left out (undefined) comes from the saved draft. */
  unsaved?: { graph?: unknown; settings?: unknown; routing?: unknown };
}

/** The reference policy as version 1 of a freshly seeded store has it. */
export function seedBacktestPolicy(): BacktestPolicy {
  const { document, id, name } = referencePolicy;
  return { document, compiled: compilePolicy(document), ref: { id, name, version: 1, contentHash: contentHashOf(document) } };
}

/**
 * Reads and, for a draft, validates and compiles the selected policy.
 * @throws BatonError NOT_FOUND (unknown policy or version, no default policy, nothing published),
 *   BAD_USER_INPUT (both a version and the draft), INVALID_POLICY (a draft with errors)
 */
export async function resolveBacktestPolicy(store: PolicyStore, selector: BacktestPolicySelector): Promise<BacktestPolicy> {
  if (selector.draft && selector.version != null) throw badInput('Choose a version or the draft, not both.');
  if (!selector.draft && selector.unsaved && Object.values(selector.unsaved).some((part) => part != null)) {
    throw badInput('A graph, settings or routing is unsaved work: run it with draft: true.');
  }
  const head = await store.getPolicyHead(selector.policyId ?? null);
  if (!head) throw selector.policyId ? policyNotFound(selector.policyId) : notFound('No default policy exists; name one with its id.');
  if (selector.draft) {
    const policy = await store.getPolicy(head.id);
    if (!policy) throw policyNotFound(head.id);
    const unsaved = selector.unsaved ?? {};
    // Unsaved routing may be null on purpose (no routing graph), so only a part left out falls back.
    const { document, validation } = requireDocumentShape(
      unsaved.graph ?? policy.draft.graph,
      unsaved.settings ?? policy.draft.settings,
      unsaved.routing !== undefined ? unsaved.routing : policy.draft.routing,
    );
    if (!validation.valid) throw invalidPolicy('The draft cannot be backtested: it', validation.diagnostics, 'backtest');
    return { document, compiled: compilePolicy(document), ref: { id: head.id, name: head.name, version: 0, contentHash: contentHashOf(document) } };
  }
  const number = selector.version ?? head.activeVersion;
  if (number === null) throw notFound(`Policy '${head.id}' has no published version yet; backtest its draft or publish it first.`, { policyId: head.id });
  const version = await store.getVersion(head.id, number);
  if (!version) throw notFound(`Policy '${head.id}' has no version ${number}; list its versions to pick one.`, { policyId: head.id });
  const document: PolicyDocument = documentOf(version);
  return {
    document,
    compiled: version.compiledRules as CompiledPolicy,
    ref: { id: head.id, name: head.name, version: number, contentHash: version.contentHash },
  };
}
