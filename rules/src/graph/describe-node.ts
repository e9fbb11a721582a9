/**
 * Nodes in words, for traces, diagnostics and the editor: "negativeStreak ≥ 2 or
 * sentimentSharpDrop = true", "Hand off to billing (billing_dispute, HIGH)".
 */
import { OPERATOR_SYMBOLS, isFactTest, type ConditionTest, type PolicyNode } from '@baton/schemas';

const subject = (fact: string, path?: string): string => (path ? `${fact} ${path}` : fact);

/** A condition test in words; groups are parenthesised when nested. */
export function describeTest(test: ConditionTest, nested = false): string {
  if (isFactTest(test)) return `${subject(test.fact, test.path)} ${OPERATOR_SYMBOLS[test.operator]} ${JSON.stringify(test.value)}`;
  const wrap = (s: string): string => (nested ? `(${s})` : s);
  if ('all' in test) return wrap(test.all.map((t) => describeTest(t, true)).join(' and '));
  if ('any' in test) return wrap(test.any.map((t) => describeTest(t, true)).join(' or '));
  return `not ${describeTest(test.not, true)}`;
}

/** One line describing what a node does. */
export function describeNode(node: PolicyNode): string {
  switch (node.kind) {
    case 'start':
      return 'Start';
    case 'condition':
      return describeTest(node.data.test);
    case 'switch':
      return `${subject(node.data.fact, node.data.path)}: ${node.data.cases.map((c) => `${c.label ?? c.id} (${OPERATOR_SYMBOLS[c.operator]} ${JSON.stringify(c.value)})`).join(', ')}, otherwise default`;
    case 'handoff':
      return `Hand off to ${node.data.queue} (${node.data.reasonCode}, ${node.data.priority})`;
    case 'callback':
      return `Offer a callback from ${node.data.queue} (${node.data.reasonCode}, ${node.data.priority})`;
    case 'stay':
      return `Stay with the AI (${node.data.reasonCode})`;
  }
}
