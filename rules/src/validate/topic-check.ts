/**
 * Warns about tests on a topic the policy's lexicons do not define ("securty" for "security"):
 * such a topic is never detected, so `contains` never holds and `does not contain` always does.
 */
import { isFactTest, type ConditionTest, type FactTest, type TriggerSettings } from '@baton/schemas';
import type { AnyGraph } from '../graph/graph-index';
import { branchingOf } from '../nodes/registry';
import { DiagnosticCode, warning, type Diagnostic } from './diagnostic';

/** The single-fact comparisons inside a test, groups flattened. */
export function factTests(test: ConditionTest): FactTest[] {
  if (isFactTest(test)) return [test];
  if ('all' in test) return test.all.flatMap(factTests);
  if ('any' in test) return test.any.flatMap(factTests);
  return factTests(test.not);
}

/** One warning per node and unknown topic. */
export function checkTopics(graph: AnyGraph, settings: TriggerSettings): Diagnostic[] {
  const known = Object.keys(settings.topics);
  const problems: Diagnostic[] = [];
  for (const node of graph.nodes) {
    const tests = (branchingOf(node)?.branches(node) ?? []).flatMap((b) => factTests(b.test));
    const unknown = new Set(tests.filter((t) => t.fact === 'topics' && typeof t.value === 'string' && !known.includes(t.value)).map((t) => t.value as string));
    for (const topic of unknown) {
      problems.push(
        warning(
          DiagnosticCode.UnknownTopic,
          `"${node.id}" tests the topic "${topic}", which no lexicon of this policy defines, so it is never detected. Known topics: ${known.join(', ') || 'none'}.`,
          { nodeId: node.id },
        ),
      );
    }
  }
  return problems;
}
