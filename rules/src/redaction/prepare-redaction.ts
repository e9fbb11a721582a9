/**
 * `prepareRedaction`: the detectors of one policy version — the built-in ones, then the
 * policy's extra patterns — in the order that settles overlaps (see `redact-text.ts`).
 */
import { detectCardNumbers } from './card-numbers';
import type { Detector } from './detector';
import { compileExtraPattern, extraPatternDetector } from './extra-patterns';
import { detectGovernmentIds } from './government-ids';
import { detectPasswords } from './passwords';
import { detectCardSecurityCodes, detectOneTimeCodes } from './secrets';

/**
 * The compiled redaction rules of one policy version. Immutable once built: share it between
 * concurrent decisions and cache it with the policy version. Its fields are internal to
 * `@baton/rules`; other packages only pass it back to `redactText` / `redactInput`.
 */
export interface RedactionModel {
  /** Detectors by precedence: where two masks overlap, the earlier one's label wins. */
  readonly detectors: readonly Detector[];
}

const BUILT_IN: readonly Detector[] = [detectCardNumbers, detectCardSecurityCodes, detectPasswords, detectGovernmentIds, detectOneTimeCodes];

/**
 * Compiles the built-in redaction rules plus a policy's extra patterns
 * (`settings.redaction`, shape `{ patterns: { name, pattern }[] }`; each `pattern` a
 * JavaScript regular expression source, matched with the flags `giu`, each match masked as
 * `[<name>]` after the built-in masks; empty matches are skipped). Call once per policy version.
 * Extra patterns run on JavaScript's backtracking engine: a nested repeat such as `(\w+\s?)+`
 * can take exponential time on some texts, so keep them flat.
 * @throws RedactionPatternError naming the first extra pattern that is not a valid regular
 *   expression; `validatePolicyDocument` refuses such a policy before it can be published.
 */
export function prepareRedaction(extra?: { patterns: readonly { name: string; pattern: string }[] } | null): RedactionModel {
  const compiled = (extra?.patterns ?? []).map(({ name, pattern }) => compileExtraPattern(name, pattern));
  return { detectors: [...BUILT_IN, ...compiled.map(extraPatternDetector)] };
}
