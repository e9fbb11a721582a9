/**
 * Internal: a policy's own redaction patterns (`settings.redaction.patterns`), compiled once
 * per policy version with the flags `giu` — global, case-insensitive and Unicode, the flags
 * `validatePolicyDocument` checks them with — so that a pattern that is not a regular
 * expression is refused when the policy is saved, never at decision time.
 */
import { eachMatch, type Detector, type RedactionSpan } from './detector';

/** Thrown by `prepareRedaction` for an extra pattern that is not a valid regular expression. */
export class RedactionPatternError extends Error {
  override name = 'RedactionPatternError';

  /**
   * @param patternName - the pattern's `name` in the policy settings
   * @param pattern - its source as written
   * @param reason - the JavaScript engine's own description of the syntax error
   */
  constructor(
    readonly patternName: string,
    readonly pattern: string,
    readonly reason: string,
  ) {
    super(`Redaction pattern "${patternName}" is not a valid regular expression: ${reason}`);
  }
}

/** One compiled extra pattern. */
export interface ExtraPattern {
  readonly name: string;
  readonly regex: RegExp;
}

/** @throws RedactionPatternError when `pattern` does not compile */
export function compileExtraPattern(name: string, pattern: string): ExtraPattern {
  try {
    return { name, regex: new RegExp(pattern, 'giu') };
  } catch (error) {
    throw new RedactionPatternError(name, pattern, error instanceof Error ? error.message : String(error));
  }
}

/** Masks every non-empty match of the pattern, in the original text, as `[<name>]`. */
export function extraPatternDetector({ name, regex }: ExtraPattern): Detector {
  const replacement = `[${name}]`;
  return (text) => {
    const spans: RedactionSpan[] = [];
    eachMatch(regex, text, (match) => spans.push({ start: match.index, end: match.index + match[0].length, replacement }));
    return spans;
  };
}
