/** The policy feature's recurring client-facing errors, worded once. */
import { notFound, type BatonError } from '../../baton-error';

/** `NOT_FOUND` for a policy id no policy has. */
export function policyNotFound(policyId: string): BatonError {
  return notFound(`Policy '${policyId}' does not exist; list policies with the policies query.`, { policyId });
}
