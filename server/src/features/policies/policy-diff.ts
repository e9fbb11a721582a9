/**
 * `policyDiff`: the structural difference between two published versions of a policy, or
 * between a version and the current draft. Reads through PolicyService; the diff itself is
 * `@baton/rules`' pure `diffPolicyDocuments` and `summariseDiff`.
 */
import { diffPolicyDocuments, summariseDiff, type PolicyDocumentDiff } from '@baton/rules';
import { notFound } from '../../baton-error';
import type { QueryPolicyDiffArgs, Resolvers } from '../../graphql/generated/resolvers-types';
import { contentHashOf, documentOf } from './policy-document';
import type { PolicyService } from './policy-service';
import type { VersionRecord } from './policy-store';
import { policyNotFound } from './policy-errors';

/** `PolicyDiff` as GraphQL returns it. */
export interface PolicyDiffResult extends PolicyDocumentDiff {
  policyId: string;
  from: number;
  to: number | null;
  fromContentHash: string;
  /** For the draft: the hash it would have if published unchanged. */
  toContentHash: string;
  summary: string;
}

async function requireVersion(policies: PolicyService, policyId: string, version: number, argument: 'from' | 'to'): Promise<VersionRecord> {
  const found = await policies.getVersion(policyId, version);
  if (found) return found;
  const published = (await policies.listVersions(policyId)).map((v) => v.version).sort((a, b) => a - b);
  const known =
    published.length === 0 ? 'it has no published version yet, so diff needs a published version as from' : `its versions are ${published.join(', ')}`;
  throw notFound(`Policy '${policyId}' has no version ${version} (argument ${argument}); ${known}.`, { policyId, version, argument });
}

/** Node titles (labels) by id over both sides' escalation and routing graphs, the later side winning, so a summary names nodes as the canvas does. */
function nodeTitles(documents: ReadonlyArray<ReturnType<typeof documentOf>>): Map<string, string> {
  const titles = new Map<string, string>();
  for (const document of documents)
    for (const node of [...document.graph.nodes, ...(document.routing?.nodes ?? [])]) if (node.label) titles.set(node.id, node.label);
  return titles;
}

/**
 * Diffs version `from` of `policyId` against version `to`, or against the draft when `to` is
 * null or absent. Either direction works: from 4 to 2 lists what 4 → 2 would change.
 * @throws NOT_FOUND for an unknown policy or version (naming the versions that exist)
 */
export async function diffPolicyVersions(policies: PolicyService, { policyId, from, to = null }: QueryPolicyDiffArgs): Promise<PolicyDiffResult> {
  const policy = await policies.getPolicy(policyId);
  if (!policy) throw policyNotFound(policyId);
  const before = await requireVersion(policies, policyId, from, 'from');
  const after = to === null ? policy.draft : await requireVersion(policies, policyId, to, 'to');
  const afterDocument = documentOf(after);
  const diff = diffPolicyDocuments(documentOf(before), afterDocument);
  return {
    ...diff,
    policyId,
    from,
    to,
    fromContentHash: before.contentHash,
    toContentHash: contentHashOf(afterDocument),
    summary: summariseDiff(diff, `Version ${from}`, to === null ? 'draft' : `version ${to}`, nodeTitles([documentOf(before), afterDocument])),
  };
}

export const policyDiffResolvers: Resolvers = {
  Query: {
    policyDiff: (_parent, args, { policies }) => diffPolicyVersions(policies, args),
  },
};
