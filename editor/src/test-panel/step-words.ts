/**
 * A step of the path a test run took, in words an ops person reads: each fact the node compared
 * by its phrase and catalog description, the value it had, what the node asks of it (with the
 * policy threshold behind a counted fact) and the output taken, e.g. "low-confidence bot replies
 * in a row was 0, needs ≥ 2 (low confidence: below 0.7) → no". Words only: the values and the
 * output taken are the server's trace.
 */
import {
  FACT_CATALOG,
  ROUTING_FACT_CATALOG,
  isFactName,
  isFactTest,
  isRoutingFactName,
  type ConditionTest,
  type FactTest,
  type Thresholds,
} from '@baton/schemas';
import type { DecisionTraceStep } from '../api/types';
import type { CanvasNode } from '../graph/canvas-graph';
import { describeComparison, factPhrase, formatFactValue, thresholdNote } from '../graph/node-words';

/** One fact a step compared. */
export interface FactLine {
  /** The fact's phrase, e.g. "low-confidence bot replies in a row". */
  phrase: string;
  /** The catalog description, e.g. "How many of the latest bot replies in a row are below the low-confidence threshold." */
  description: string | null;
  /** The value the run saw, as text. */
  value: string;
  /** What the node asks of the fact, e.g. "≥ 2", several joined by "or"; null when unknown. */
  needs: string | null;
  /** The threshold a counted fact uses, e.g. "low confidence: below 0.7". */
  threshold: string | null;
}

export interface StepWords {
  lines: FactLine[];
  /** The output taken in words: "yes", "no", a case or row name, "none matched (default)". */
  outcome: string;
}

function factTestsOf(test: ConditionTest): FactTest[] {
  if (isFactTest(test)) return [test];
  if ('all' in test) return test.all.flatMap(factTestsOf);
  if ('any' in test) return test.any.flatMap(factTestsOf);
  return factTestsOf(test.not);
}

/** The tests of `node` on each fact key (`fact` or `fact $.path`, as the trace names them). */
function testsByFact(node: CanvasNode | undefined): Map<string, FactTest[]> {
  const tests: FactTest[] = [];
  if (node?.kind === 'condition') tests.push(...factTestsOf(node.data.test));
  if (node?.kind === 'switch')
    tests.push(...node.data.cases.map((c) => ({ fact: node.data.fact, path: node.data.path, operator: c.operator, value: c.value })));
  if (node?.kind === 'decisionTable') {
    for (const row of node.data.rows) {
      for (const [columnId, cell] of Object.entries(row.cells)) {
        const column = node.data.columns.find((c) => c.id === columnId);
        if (column) tests.push({ fact: column.fact, path: column.path, operator: cell.operator, value: cell.value });
      }
    }
  }
  const byFact = new Map<string, FactTest[]>();
  for (const test of tests) {
    const key = test.path ? `${test.fact} ${test.path}` : test.fact;
    byFact.set(key, [...(byFact.get(key) ?? []), test]);
  }
  return byFact;
}

const descriptionOf = (fact: string): string | null =>
  isFactName(fact) ? FACT_CATALOG[fact].description : isRoutingFactName(fact) ? ROUTING_FACT_CATALOG[fact].description : null;

function outcomeOf(node: CanvasNode | undefined, result: string): string {
  if (node?.kind === 'condition') return result === 'true' ? 'yes' : result === 'false' ? 'no' : result;
  if (result === 'default') return 'none matched (default)';
  if (node?.kind === 'switch') {
    const taken = node.data.cases.find((c) => c.id === result);
    return taken ? `case “${taken.label ?? taken.id}”` : result;
  }
  if (node?.kind === 'decisionTable') {
    const taken = node.data.rows.find((r) => r.id === result);
    return taken ? `row “${taken.label ?? taken.id}”` : result;
  }
  return result;
}

/**
 * The words for one evaluated step of a branching node.
 * @param node - the node in the draft the run used (undefined when it was removed since)
 */
export function stepWords(step: DecisionTraceStep, node: CanvasNode | undefined, thresholds: Thresholds | null | undefined): StepWords {
  const values: [string, unknown][] =
    step.fact == null
      ? []
      : step.fact.includes(', ') && step.factValue !== null && typeof step.factValue === 'object' && !Array.isArray(step.factValue)
        ? Object.entries(step.factValue as Record<string, unknown>)
        : [[step.fact, step.factValue]];
  const tests = testsByFact(node);
  const lines = values.map(([key, value]): FactLine => {
    const [fact = key, path] = key.split(' ');
    const needs = [...new Set((tests.get(key) ?? []).map((t) => describeComparison(t.fact, t.operator, t.value)))];
    return {
      phrase: factPhrase(fact, path),
      description: descriptionOf(fact),
      value: typeof value === 'boolean' ? (value ? 'yes' : 'no') : formatFactValue(value),
      needs: needs.length > 0 ? needs.join(' or ') : null,
      threshold: thresholdNote(fact, thresholds),
    };
  });
  return { lines, outcome: outcomeOf(node, step.result) };
}
