/**
 * `testPolicyDraft`: the editor's test-as-you-draw. Evaluates unsaved work (or the stored draft)
 * exactly as a published version would run — validated, compiled and prepared by `@baton/rules`,
 * decided by the same `decide`, routed on the current directory snapshot — but always as a dry
 * run: nothing is logged, stored or reserved.
 */
import { randomUUID } from 'node:crypto';
import type { HandoffDecision } from '@baton/schemas';
import { compilePolicy, decide, preparePolicy, type PreparedDirectory, type PreparedPolicy } from '@baton/rules';
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

/** Where routing reads queues, agents and waits from (the server's `DirectoryService`). */
export interface DraftDirectory {
  current(): Promise<PreparedDirectory>;
}

/**
 * Decides `args.input` on a draft of `args.policyId`: `args.graph` / `args.settings` /
 * `args.routing` when given (routing `null`: none), else the stored draft's. With `directory` the
 * handoff is routed on its snapshot (queue, agent, wait; nothing reserved), else it names its
 * queue. The decision's policy ref has version 0 and the draft's content hash.
 * @throws BAD_USER_INPUT (limits; a graph or settings of the wrong shape), NOT_FOUND (unknown
 *   policy), INVALID_POLICY with `diagnostics` when the draft has validation errors.
 */
export async function testPolicyDraft(
  policies: PolicyService,
  deps: DraftTesterDeps & { cache: PreparedPolicyCache },
  args: QueryTestPolicyDraftArgs,
  directory?: DraftDirectory,
): Promise<HandoffDecision> {
  const clock = deps.clock ?? (() => new Date());
  checkDecideInput(args.input, deps.limits, clock());
  const policy = await policies.getPolicy(args.policyId);
  if (!policy) throw policyNotFound(args.policyId);
  // Routing given as null on purpose means "no routing graph"; only a routing left out falls back.
  const routing = args.routing !== undefined ? args.routing : policy.draft.routing;
  const { document, validation } = requireDocumentShape(args.graph ?? policy.draft.graph, args.settings ?? policy.draft.settings, routing);
  if (!validation.valid) throw invalidPolicy('The draft cannot be tested: it', validation.diagnostics, 'test');
  const contentHash = contentHashOf(document);
  const prepared = await deps.cache.get(contentHash, async (): Promise<PreparedPolicy> => preparePolicy(document, compilePolicy(document)));
  const now = args.input.now ?? clock();
  return decide(
    prepared,
    { ...args.input, dryRun: true },
    { now, decisionId: randomUUID(), policy: { id: policy.id, name: policy.name, version: 0, contentHash }, directory: await directory?.current() },
  );
}

/** The `Query.testPolicyDraft` resolver over a tester with its own prepared-draft cache. */
export function createTestDraftResolvers(deps: DraftTesterDeps): Resolvers {
  const tester = { ...deps, cache: deps.cache ?? new PreparedPolicyCache(16) };
  return {
    Query: {
      testPolicyDraft: (_parent, args, { policies, directory }) => testPolicyDraft(policies, tester, args, directory),
    },
  };
}
