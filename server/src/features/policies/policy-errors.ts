/** The policy feature's recurring client-facing errors, worded once. */
import { BatonErrorCode } from '@baton/schemas';
import type { Diagnostic } from '@baton/rules';
import { BatonError, notFound } from '../../baton-error';

/** `NOT_FOUND` for a policy id no policy has. */
export function policyNotFound(policyId: string): BatonError {
  return notFound(`Policy '${policyId}' does not exist; list policies with the policies query.`, { policyId });
}

/**
 * `INVALID_POLICY` for a document with validation errors, `extensions.diagnostics` listing all.
 * @param subject - what cannot go ahead, e.g. "Policy 'x' cannot be published: its draft"
 * @param retry - the verb to do again once fixed, e.g. "publish"
 */
export function invalidPolicy(subject: string, diagnostics: readonly Diagnostic[], retry: string): BatonError {
  const errors = diagnostics.filter((d) => d.severity === 'ERROR');
  return new BatonError(
    BatonErrorCode.InvalidPolicy,
    `${subject} has ${errors.length} error${errors.length === 1 ? '' : 's'}, e.g. "${errors[0]?.message}" ` +
      `Fix them (extensions.diagnostics lists each with its node) and ${retry} again.`,
    { diagnostics },
  );
}

/** `CONFLICT` for publishing (or asking to review) a draft identical to the active version: typically someone just published it. */
export function nothingToPublish(policyId: string, activeVersion: number, contentHash: string): BatonError {
  return new BatonError(
    BatonErrorCode.Conflict,
    `Nothing to publish: the draft of '${policyId}' is identical to its active version ${activeVersion} (sha256 ${contentHash.slice(0, 12)}…). Change the draft first.`,
    { policyId, activeVersion },
  );
}
