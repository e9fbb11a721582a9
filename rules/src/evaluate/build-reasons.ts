/**
 * Reasons of a decision: the branch taken first, then every other trigger that fired (one per
 * reason code, in drawing order). Evidence names the fact values the rule compared and the
 * quotes the signals stage kept for those facts.
 */
import type { FactName, LeafNode, TriggerCategory, TriggerReason } from '@baton/schemas';
import type { SignalResult } from '../signals/signals-api';
import { factValuesOf, type FiredRule } from './run-engine';
import type { DecisionEventParams, TriggerEventParams } from '../compiler/compiled-policy';
import { DEFAULT_HANDLE } from '../graph/graph-index';

const MAX_EVIDENCE = 6;

function evidenceOf(rule: FiredRule<DecisionEventParams | TriggerEventParams>, positiveOnly: boolean, signals: SignalResult): string[] {
  const lines: string[] = [];
  rule.params.steps.forEach((step, i) => {
    if (positiveOnly && (step.handle === 'false' || step.handle === DEFAULT_HANDLE)) return;
    for (const { fact, path, value } of factValuesOf(rule.evaluated[i])) {
      const line = `${path ? `${fact} ${path}` : fact} = ${JSON.stringify(value)}`;
      if (!lines.includes(line)) lines.push(line);
      for (const quote of signals.evidence[fact as FactName] ?? []) if (!lines.includes(quote)) lines.push(quote);
    }
  });
  return lines.slice(0, MAX_EVIDENCE);
}

function reasonOf(leaf: LeafNode, category: TriggerCategory, evidence: string[]): TriggerReason {
  return {
    code: leaf.data.reasonCode,
    category,
    description: leaf.data.description ?? leaf.label ?? leaf.data.reasonCode.replace(/_/g, ' '),
    evidence,
    nodeId: leaf.id,
  };
}

/**
 * @returns the primary reason (absent for a stay leaf, which carries no trigger category)
 *   followed by each other fired trigger with a reason code not already listed
 */
export function buildReasons(
  decision: FiredRule<DecisionEventParams>,
  triggers: FiredRule<TriggerEventParams>[],
  signals: SignalResult,
): TriggerReason[] {
  const reasons: TriggerReason[] = [];
  const { leaf } = decision.params;
  if (leaf.kind !== 'stay') reasons.push(reasonOf(leaf, leaf.data.category, evidenceOf(decision, true, signals)));
  const seen = new Set([leaf.data.reasonCode]);
  for (const trigger of triggers) {
    const t = trigger.params.leaf;
    if (t.kind === 'stay' || seen.has(t.data.reasonCode)) continue;
    seen.add(t.data.reasonCode);
    reasons.push(reasonOf(t, t.data.category, evidenceOf(trigger, true, signals)));
  }
  return reasons;
}
