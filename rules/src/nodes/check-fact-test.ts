/**
 * Checks one `fact operator value` comparison against the fact catalog: the fact exists, the
 * operator suits its type, the value has the right type. Shared by condition and switch nodes.
 */
import {
  FACT_CATALOG,
  OPERATOR_SYMBOLS,
  OPERATORS_BY_FACT_TYPE,
  ROUTING_FACT_CATALOG,
  isFactName,
  isRoutingFactName,
  type FactType,
  type Operator,
} from '@baton/schemas';
import { DiagnosticCode, error, type Diagnostic } from '../validate/diagnostic';
import type { GraphFlavour } from './node-spec';

const TYPE_WORDS: Record<FactType, string> = {
  number: 'a number',
  boolean: 'true or false',
  string: 'a text value',
  stringList: 'a list of words',
  object: 'a set of attributes',
};

interface Comparison {
  fact: string;
  path?: string;
  operator: Operator;
  value: unknown;
}

/** The value type a comparison needs, or undefined when any scalar will do (object fact with a path). */
function expectedValue(type: FactType, operator: Operator): 'number' | 'boolean' | 'string' | 'stringArray' | 'scalar' | 'scalarArray' {
  if (operator === 'in' || operator === 'notIn') return type === 'object' ? 'scalarArray' : 'stringArray';
  switch (type) {
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'string':
    case 'stringList':
      return 'string';
    case 'object':
      return 'scalar';
  }
}

function valueMatches(value: unknown, expected: ReturnType<typeof expectedValue>): boolean {
  switch (expected) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'stringArray':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'scalar':
      return ['number', 'string', 'boolean'].includes(typeof value);
    case 'scalarArray':
      return Array.isArray(value) && value.every((v) => ['number', 'string', 'boolean'].includes(typeof v));
  }
}

const EXPECTED_WORDS = {
  number: 'a number',
  boolean: 'true or false',
  string: 'a text value',
  stringArray: 'a list of text values',
  scalar: 'a number, text or true/false',
  scalarArray: 'a list of values',
} as const;

/**
 * Diagnostics for one comparison made by node `nodeId`. `where` prefixes messages
 * (e.g. `Case "vip" of`), so a switch can say which case is wrong.
 */
export function checkFactTest(test: Comparison, nodeId: string, where = 'This condition', flavour: GraphFlavour = 'policy'): Diagnostic[] {
  if (isRoutingFactName(test.fact) && flavour === 'policy') {
    return [
      error(DiagnosticCode.UnknownFact, `${where} tests "${test.fact}", the escalation tree's own decision: only a routing graph can test it.`, { nodeId }),
    ];
  }
  if (!isFactName(test.fact) && !isRoutingFactName(test.fact)) {
    const known = [...Object.keys(FACT_CATALOG), ...(flavour === 'routing' ? Object.keys(ROUTING_FACT_CATALOG) : [])];
    return [error(DiagnosticCode.UnknownFact, `${where} tests "${test.fact}", which is not a known fact. Pick one of: ${known.join(', ')}.`, { nodeId })];
  }
  const type: FactType = isFactName(test.fact) ? FACT_CATALOG[test.fact].type : ROUTING_FACT_CATALOG[test.fact as keyof typeof ROUTING_FACT_CATALOG].type;
  const problems: Diagnostic[] = [];
  if (type === 'object' && !test.path) {
    problems.push(
      error(DiagnosticCode.PathRequired, `${where} tests "${test.fact}", a set of attributes: say which one with a path such as $.plan.`, { nodeId }),
    );
  }
  if (!OPERATORS_BY_FACT_TYPE[type].includes(test.operator)) {
    const allowed = OPERATORS_BY_FACT_TYPE[type].map((o) => `"${OPERATOR_SYMBOLS[o]}"`).join(', ');
    problems.push(
      error(
        DiagnosticCode.OperatorNotAllowed,
        `${where} uses "${OPERATOR_SYMBOLS[test.operator]}" on "${test.fact}", which is ${TYPE_WORDS[type]}; use ${allowed}.`,
        { nodeId },
      ),
    );
    return problems;
  }
  const expected = expectedValue(type, test.operator);
  if (!valueMatches(test.value, expected)) {
    problems.push(
      error(
        DiagnosticCode.ValueType,
        `${where} compares "${test.fact}" with ${JSON.stringify(test.value)}, but the value must be ${EXPECTED_WORDS[expected]}.`,
        { nodeId },
      ),
    );
  }
  return problems;
}
