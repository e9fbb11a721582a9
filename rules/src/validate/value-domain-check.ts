/**
 * Warns about a condition comparing a fact with a value outside the fact's known domain, or one
 * differing from a known value only in case: facts are compared exactly, so a condition on tier
 * "VIP" never matches customers the integration sends as "vip", yet passes every other check.
 * Topics are left to `topic-check.ts`. Warnings only: an integration may send values Baton does
 * not know (a tier of its own), so the ops person decides.
 */
import { DOMAIN_NOUNS, FACT_DOMAINS, fitOfValue, knownValuesOf, type ValueDomain } from '@baton/schemas';
import type { AnyGraph } from '../graph/graph-index';
import { branchingOf } from '../nodes/registry';
import { DiagnosticCode, quotedNodeName, warning, type Diagnostic } from './diagnostic';
import { factTests } from './topic-check';

/** Known values per domain; a domain left out is not checked. */
export type KnownDomains = Partial<Record<ValueDomain, readonly string[]>>;

const MAX_LISTED = 12;

const listed = (known: readonly string[]): string => (known.length > MAX_LISTED ? `${known.slice(0, MAX_LISTED).join(', ')}, …` : known.join(', ') || 'none');

/** The string values a comparison names (each element of an `in` list). */
const stringsOf = (value: unknown): string[] => (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');

/**
 * One warning per node, fact and value outside its domain (`UNKNOWN_VALUE`) or differing only in
 * case (`VALUE_CASE`).
 * @param graph - a structurally valid escalation tree or routing graph
 * @param domains - known values per domain (see `valueDomains` in `@baton/schemas`)
 */
export function checkValueDomains(graph: AnyGraph, domains: KnownDomains): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const node of graph.nodes) {
    const seen = new Set<string>();
    const tests = (branchingOf(node)?.branches(node) ?? []).flatMap((b) => factTests(b.test));
    for (const test of tests) {
      const domain = FACT_DOMAINS[test.fact];
      const known = knownValuesOf(test.fact, domains);
      if (!domain || domain === 'topics' || test.path || !known || known.length === 0) continue;
      for (const value of stringsOf(test.value)) {
        const key = `${test.fact}\u0000${value}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const fit = fitOfValue(value, known);
        if (fit.fit === 'case') {
          problems.push(
            warning(
              DiagnosticCode.ValueCase,
              `${quotedNodeName(node)} compares ${test.fact} with "${value}", but the known ${DOMAIN_NOUNS[domain]} is "${fit.expected}": values are compared exactly, so this never matches. Write "${fit.expected}".`,
              { nodeId: node.id },
            ),
          );
        } else if (fit.fit === 'unknown') {
          problems.push(
            warning(
              DiagnosticCode.UnknownValue,
              `${quotedNodeName(node)} compares ${test.fact} with "${value}", which is no known ${DOMAIN_NOUNS[domain]} (${listed(known)}); check the spelling, or ignore this if your integration sends it.`,
              { nodeId: node.id },
            ),
          );
        }
      }
    }
  }
  return problems;
}
