/**
 * The signals as people and the decision log see them: evidence quotes redacted, and the
 * attribute facts replaced by their redacted copies. The rules ran on the raw facts before.
 */
import type { DecideHandoffInput, FactName } from '@baton/schemas';
import type { SignalResult } from '../signals/signals-api';
import { redactText, type RedactionModel } from '../redaction';

/** @param safeInput - the input already passed through `redactInput` with the same model */
export function redactSignals(signals: SignalResult, safeInput: DecideHandoffInput, model: RedactionModel): SignalResult {
  const evidence: SignalResult['evidence'] = {};
  for (const [fact, lines] of Object.entries(signals.evidence)) {
    evidence[fact as FactName] = (lines ?? []).map((line) => redactText(line, model));
  }
  return {
    ...signals,
    evidence,
    facts: { ...signals.facts, customerAttributes: safeInput.customer.attributes ?? {}, attributes: safeInput.attributes ?? {} },
  };
}
