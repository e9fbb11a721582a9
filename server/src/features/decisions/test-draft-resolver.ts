/**
 * `testPolicyDraft`: the editor's test-as-you-draw. Evaluates unsaved work (or the stored draft)
 * exactly as a published version would run — validated, compiled and prepared by `@baton/rules`,
 * decided by the same `decide` — but always as a dry run: nothing is logged or stored.
 */
import { randomUUID } from 'node:crypto';
import type { HandoffDecision } from '@baton/schemas';
import { compilePolicy, decide, preparePolicy, type PreparedPolicy } from '@baton/rules';
import type { RequestLimits } from '../../config';
import type { QueryTestPolicyDraftArgs, Resolvers } from '../../graphql/generated/resolvers-types';
import { contentHashOf, requireDocumentShape } from '../policies/policy-document';
import { invalidPolicy, policyNotFound } from '../policies/policy-errors';
import type { PolicyService } from '../policies/policy-service';
import { checkDecideInput } from './input-limits';
import { PreparedPolicyCache } from './prepared-policy-cache';

export interface DraftTesterDeps {
  limits: RequestLimits;
  clock?: () => Date;
  /** Drafts prepared by content hash; editors re-run the same draft on many conversations. */
  cache?: PreparedPolicyCache;
}

/**
 * Decides `args.input` on a draft of `args.policyId`: `args.graph` / `args.settings` when given,
 * else the stored draft's. The decision's policy ref has version 0 and the draft's content hash.
 * @throws BAD_USER_INPUT (limits; a graph or settings of the wrong shape), NOT_FOUND (unknown
 *   policy), INVALID_POLICY with `diagnostics` when the draft has validation errors.
 */
export async function testPolicyDraft(
  policies: PolicyService,
  deps: DraftTesterDeps & { cache: PreparedPolicyCache },
  args: QueryTestPolicyDraftArgs,
): Promise<HandoffDecision> {
  const clock = deps.clock ?? (() => new Date());
  checkDecideInput(args.input, deps.limits, clock());
  const policy = await policies.getPolicy(args.policyId);
  if (!policy) throw policyNotFound(args.policyId);
  const { document, validation } = requireDocumentShape(args.graph ?? policy.draft.graph, args.settings ?? policy.draft.settings);
  if (!validation.valid) throw invalidPolicy('The draft cannot be tested: it', validation.diagnostics, 'test');
  const contentHash = contentHashOf(document);
  const prepared = await deps.cache.get(contentHash, async (): Promise<PreparedPolicy> => preparePolicy(document, compilePolicy(document)));
  const now = args.input.now ?? clock();
  return decide(
    prepared,
    { ...args.input, dryRun: true },
    { now, decisionId: randomUUID(), policy: { id: policy.id, name: policy.name, version: 0, contentHash } },
  );
}

/** The `Query.testPolicyDraft` resolver over a tester with its own prepared-draft cache. */
export function createTestDraftResolvers(deps: DraftTesterDeps): Resolvers {
  const tester = { ...deps, cache: deps.cache ?? new PreparedPolicyCache(16) };
  return {
    Query: {
      testPolicyDraft: (_parent, args, { policies }) => testPolicyDraft(policies, tester, args),
    },
  };
}
