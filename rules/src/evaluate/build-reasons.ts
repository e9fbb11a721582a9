/**
 * Reasons of a decision: the branch taken first, then every other trigger that fired (one per
 * reason code, in drawing order). Evidence names the fact values that made the positive steps
 * hold, as the engine compared them, and the quotes the signals stage kept for those facts.
 */
import type { FactName, LeafNode, TriggerReason } from '@baton/schemas';
import type { SignalResult } from '../signals/signals-api';
import { heldFactValues, type EvaluatedPath } from './run-engine';
import { collectTriggers, ownTest, positiveSteps } from './collect-triggers';

const MAX_EVIDENCE = 6;

/** A reason with the facts whose values made its tests hold (to find the messages behind it). */
export interface ReasonWithFacts {
  reason: TriggerReason;
  facts: FactName[];
}

/** The facts behind each positive step's own test: on a trigger's path, earlier branches of a switch or table may have held too. */
function heldFacts(path: EvaluatedPath): { fact: FactName; path?: string; value: unknown }[] {
  const steps = path.params.steps;
  return positiveSteps(path).flatMap((i) => heldFactValues(ownTest(steps[i]?.handle ?? '', path.evaluated[i]))) as {
    fact: FactName;
    path?: string;
    value: unknown;
  }[];
}

function evidenceOf(held: { fact: FactName; path?: string; value: unknown }[], signals: SignalResult): string[] {
  const lines: string[] = [];
  for (const { fact, path: jsonPath, value } of held) {
    const line = `${jsonPath ? `${fact} ${jsonPath}` : fact} = ${JSON.stringify(value)}`;
    if (!lines.includes(line)) lines.push(line);
    for (const quote of signals.evidence[fact] ?? []) if (!lines.includes(quote)) lines.push(quote);
  }
  return lines.slice(0, MAX_EVIDENCE);
}

function reasonOf(leaf: LeafNode, path: EvaluatedPath, signals: SignalResult): ReasonWithFacts | undefined {
  if (leaf.kind === 'stay') return undefined;
  const held = heldFacts(path);
  return {
    reason: {
      code: leaf.data.reasonCode,
      category: leaf.data.category,
      description: leaf.data.description ?? leaf.label ?? leaf.data.reasonCode.replace(/_/g, ' '),
      evidence: evidenceOf(held, signals),
      nodeId: leaf.id,
    },
    facts: [...new Set(held.map((h) => h.fact))],
  };
}

/**
 * @param leafOf - the graph's leaf node by id (for descriptions)
 * @returns the primary reason (absent for a stay leaf, which carries no trigger category)
 *   followed by each other fired trigger with a reason code not already listed, each with the
 *   facts that made it hold
 */
export function buildReasons(decision: EvaluatedPath, paths: EvaluatedPath[], signals: SignalResult, leafOf: (id: string) => LeafNode): ReasonWithFacts[] {
  const primary = reasonOf(leafOf(decision.params.leaf.id), decision, signals);
  const reasons = primary ? [primary] : [];
  const seen = new Set([decision.params.leaf.reasonCode]);
  for (const trigger of collectTriggers(paths)) {
    if (seen.has(trigger.params.leaf.reasonCode)) continue;
    seen.add(trigger.params.leaf.reasonCode);
    const reason = reasonOf(leafOf(trigger.params.leaf.id), trigger, signals);
    if (reason) reasons.push(reason);
  }
  return reasons;
}
