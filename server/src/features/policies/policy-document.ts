/**
 * Server-side checks of policy documents around `@baton/rules` validation: which diagnostics
 * mean "not even the right JSON shape" (refused on save) and the content hash of a version.
 */
import { createHash } from 'node:crypto';
import type { PolicyDocument } from '@baton/schemas';
import { canonicalJson, DiagnosticCode, validatePolicyDocument, type Diagnostic, type ValidationResult } from '@baton/rules';
import { badInput } from '../../baton-error';

/**
 * Diagnostic codes that mean the JSON itself breaks the policy JSON Schema. Drafts with only
 * other (semantic) errors are saved: they may be work in progress.
 * Note: MISSING_PARAMETER is reported both for a missing required field (schema) and a blank
 * one (semantic), so a node lacking a required parameter is saved as a draft and refused on publish.
 */
const SHAPE_CODES: ReadonlySet<string> = new Set([DiagnosticCode.InvalidShape, DiagnosticCode.InvalidSettings]);

/** The schema (shape) problems among diagnostics. */
export function shapeDiagnostics(result: ValidationResult): Diagnostic[] {
  return result.diagnostics.filter((d) => d.severity === 'ERROR' && SHAPE_CODES.has(d.code));
}

/**
 * Validates `{ graph, settings, routing? }` and refuses documents that are not the right JSON shape.
 * `routing` null or undefined means the policy has no routing graph.
 * @returns the document, typed, and its full validation result (which may hold semantic errors).
 * @throws BatonError BAD_USER_INPUT with `extensions.diagnostics` listing the shape problems.
 */
export function requireDocumentShape(graph: unknown, settings: unknown, routing?: unknown): { document: PolicyDocument; validation: ValidationResult } {
  const raw = routing === null || routing === undefined ? { graph, settings } : { graph, settings, routing };
  const validation = validatePolicyDocument(raw);
  const problems = shapeDiagnostics(validation);
  if (problems.length > 0) {
    throw badInput(
      `The policy is not valid JSON for a policy graph (${problems.length} problem${problems.length === 1 ? '' : 's'}): ` +
        `${problems
          .slice(0, 3)
          .map((d) => d.message)
          .join(' ')} Fix these and save again.`,
      { diagnostics: problems },
    );
  }
  return { document: raw as PolicyDocument, validation };
}

/**
 * sha256 (hex) of the canonical JSON of `{ graph, settings }`, plus `routing` when the policy
 * has one (so versions without a routing graph keep the hash they always had).
 */
export function contentHashOf(document: PolicyDocument): string {
  const { graph, settings, routing } = document;
  return createHash('sha256')
    .update(canonicalJson(routing ? { graph, settings, routing } : { graph, settings }))
    .digest('hex');
}

/** The document a draft or version holds. */
export function documentOf(record: {
  graph: PolicyDocument['graph'];
  settings: PolicyDocument['settings'];
  routing: PolicyDocument['routing'] | null;
}): PolicyDocument {
  const { graph, settings, routing } = record;
  return routing ? { graph, settings, routing } : { graph, settings };
}
