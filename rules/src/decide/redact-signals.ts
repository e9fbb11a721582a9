/**
 * The signals as people and the decision log see them: the attribute facts replaced by their
 * redacted copies (evidence quotes are already cut from the redacted text). The rules ran on
 * the raw facts before.
 */
import type { DecideHandoffInput } from '@baton/schemas';
import type { SignalResult } from '../signals/signals-api';

/** @param safeInput - the input already passed through `redactInput` */
export function redactSignals(signals: SignalResult, safeInput: DecideHandoffInput): SignalResult {
  return {
    ...signals,
    facts: { ...signals.facts, customerAttributes: safeInput.customer.attributes ?? {}, attributes: safeInput.attributes ?? {} },
  };
}
