/**
 * The operation limits without a server: each rule on small documents, and every operation the
 * editor and the typed bot client send (and the HTTP tests' own) within the default limits.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BatonErrorCode, typeDefs } from '@baton/schemas';
import { makeExecutableSchema } from '@graphql-tools/schema';
import {
  Kind,
  parse,
  specifiedRules,
  validate,
  visit,
  type ASTNode,
  type DefinitionNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { DEFAULT_GRAPHQL_LIMITS, type GraphQLLimits } from '../config';
import * as testOperations from '../test-support/operations';
import { buildResolvers } from './create-apollo';
import { operationLimitOptions, operationProblem } from './operation-limits';
import { operationCost } from './query-cost';

const schema = makeExecutableSchema({ typeDefs, resolvers: buildResolvers() as never });
const REPO = path.resolve(__dirname, '../../..');

/** Every problem of `source` under `limits` for `role`: parse (tokens), validation (Armor's rules), then the plugin's checks. */
function problemsOf(source: string, role = 'admin', limits: GraphQLLimits = DEFAULT_GRAPHQL_LIMITS, variables: Record<string, unknown> = {}): string[] {
  let document;
  try {
    document = parse(source, operationLimitOptions(limits).parseOptions);
  } catch (error) {
    return [(error as Error).message];
  }
  const errors = validate(schema, document, [...specifiedRules, ...operationLimitOptions(limits).validationRules]);
  if (errors.length > 0) return errors.map((e) => e.message);
  return document.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .flatMap((operation) => {
      const problem = operationProblem({ document, operation, schema, variables }, role, limits);
      return problem ? [`${operation.name?.value ?? 'anonymous'}: ${problem.message}`] : [];
    });
}

const costOf = (source: string, variables: Record<string, unknown> = {}): number => {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation) throw new Error('no operation');
  return operationCost({ schema, document, operation, variables });
};

/** The operations of a `.graphql` file, each with the fragments it spreads (codegen's documents). */
function operationsOf(file: string): { name: string; source: string }[] {
  const text = fs.readFileSync(path.join(REPO, file), 'utf8');
  const document = parse(text);
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const sourceOf = (node: DefinitionNode) => text.slice(node.loc?.start, node.loc?.end);
  return document.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => {
      const used = new Set<string>();
      const collect = (node: ASTNode) =>
        visit(node, {
          FragmentSpread(spread) {
            const fragment = fragments.get(spread.name.value);
            if (fragment && !used.has(fragment.name.value)) {
              used.add(fragment.name.value);
              collect(fragment);
            }
          },
        });
      collect(operation);
      const needed = [...used].map((name) => sourceOf(fragments.get(name) as FragmentDefinitionNode));
      return { name: operation.name?.value ?? 'anonymous', source: [sourceOf(operation), ...needed].join('\n') };
    });
}

describe('operation limits', () => {
  it('passes every operation of the editor, of the typed bot client and of the HTTP tests', () => {
    // The page sizes the editor asks for (DecisionList, AuditPage).
    const variables: Record<string, Record<string, unknown>> = { EditorDecisions: { first: 25 }, EditorAuditLog: { first: 50 } };
    const documents = [
      ...operationsOf('editor/src/api/operations.graphql'),
      ...operationsOf('schemas/src/client/operations.graphql'),
      ...Object.entries(testOperations).flatMap(([name, source]: [string, unknown]) =>
        typeof source === 'string' && /^\s*(query|mutation|\{)/.test(source) ? [{ name, source }] : [],
      ),
    ];
    expect(documents.length).toBeGreaterThan(30);
    const problems = documents.flatMap(({ name, source }) => problemsOf(source, 'admin', DEFAULT_GRAPHQL_LIMITS, variables[name]).map((p) => `${name}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('refuses too many tokens before parsing, and depth, aliases and directives in validation, naming the variable', () => {
    const limits = { ...DEFAULT_GRAPHQL_LIMITS, maxTokens: 100, maxDepth: 3, maxAliases: 2, maxDirectives: 1 };
    expect(problemsOf(`{ ${'viewer { role } '.repeat(30)} }`, 'admin', limits)[0]).toMatch(/more that 100 tokens/);
    expect(problemsOf('{ policies { draft { validation { diagnostics { code } } } } }', 'admin', limits)).toEqual([
      'Query depth limit of 3 exceeded, found 5. (BATON_MAX_QUERY_DEPTH)',
    ]);
    expect(problemsOf('{ a: viewer { role } b: viewer { role } c: viewer { role } }', 'admin', limits)).toEqual([
      'Aliases limit of 2 exceeded, found 3. (BATON_MAX_ALIASES)',
    ]);
    expect(problemsOf('{ viewer @skip(if: false) { role @include(if: true) } }', 'admin', limits)).toEqual([
      'Directives limit of 1 exceeded, found 2. (BATON_MAX_DIRECTIVES)',
    ]);
  });

  it('refuses more root fields than BATON_MAX_ROOT_FIELDS, counting fragments and aliases once per response key', () => {
    const limits = { ...DEFAULT_GRAPHQL_LIMITS, maxRootFields: 2 };
    expect(problemsOf('{ viewer { role } policies { id } }', 'admin', limits)).toEqual([]);
    expect(problemsOf('{ viewer { role } viewer { role } ...F __typename } fragment F on Query { policies { id } }', 'admin', limits)).toEqual([]);
    expect(problemsOf('{ viewer { role } ...F } fragment F on Query { policies { id } apiKeys { id } }', 'admin', limits)[0]).toMatch(
      /selects 3 root fields; the limit is 2 \(BATON_MAX_ROOT_FIELDS\)/,
    );
  });

  it('refuses two mutations in one operation, however they are spelled', () => {
    for (const source of [
      'mutation { a: revokeApiKey(id: "x") { id } b: revokeApiKey(id: "y") { id } }',
      'mutation { createApiKey(name: "k", role: BOT) { secret } ...M } fragment M on Mutation { revokeApiKey(id: "x") { id } }',
      'mutation { createApiKey(name: "k", role: BOT) { secret } ... on Mutation { setRequiredApprovals(policyId: "p", count: 0) { id } } }',
    ]) {
      expect(problemsOf(source)[0]).toMatch(/selects 2 mutations .*send one mutation per request/);
    }
    expect(problemsOf('mutation { __typename revokeApiKey(id: "x") { id } }')).toEqual([]);
  });

  it('refuses decideHandoff twice in one operation', () => {
    const decide = (alias: string) => `${alias}: decideHandoff(input: $input) { action }`;
    expect(problemsOf(`query ($input: DecideHandoffInput!) { ${decide('a')} ${decide('b')} }`)[0]).toMatch(/calls decideHandoff 2 times/);
  });

  it('prices one parsed operation again for each request whose variables change its pages, and once when none do', () => {
    const costOnce = (source: string) => {
      const document = parse(source);
      const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
      return (variables: Record<string, unknown>, ceiling?: number) => operationCost({ schema, document, operation, variables }, ceiling);
    };
    const paged = costOnce('query ($n: Int) { decisions(first: $n) { nodes { decisionId } } }');
    expect([paged({ n: 10 }), paged({ n: 300 }), paged({ n: 10 })]).toEqual([1 + 10 * 2, 1 + 300 * 2, 1 + 10 * 2]);
    const fixed = costOnce('{ decisions(first: 200) { nodes { decisionId } } }');
    // Cut short at a ceiling of 50, the count is no cost to keep for a later, higher ceiling.
    expect(fixed({}, 50)).toBeGreaterThan(50);
    expect([fixed({}), fixed({})]).toEqual([1 + 200 * 2, 1 + 200 * 2]);
  });

  it('prices pages by the size asked for, through variables too', () => {
    const list = 'query ($n: Int) { decisions(first: $n) { nodes { input facts } } }';
    expect(costOf(list, { n: 10 })).toBe(1 + 10 * (1 + 50 + 10));
    expect(costOf(list, {})).toBe(1 + 50 * (1 + 50 + 10));
    expect(costOf('{ decisions(first: 200) { nodes { decisionId } } }')).toBe(1 + 200 * 2);
    expect(costOf('{ policies { id versions { version } } }')).toBe(1 + 10 * (1 + 1 + 10 * 1));
    // Three pages of 200 with input and facts: what returned 148 MB.
    const aliased = `query { ${['a', 'b', 'c'].map((k) => `${k}: decisions(first: 200) { nodes { input facts } }`).join(' ')} }`;
    expect(problemsOf(aliased)[0]).toMatch(/costs \d+; the limit is 10000 \(BATON_MAX_QUERY_COST\)/);
  });

  it('walks each fragment once, so a fragment bomb under a generous depth limit costs linear time', () => {
    const levels = 45;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === 0 ? 'fragment F0 on Query { viewer { role } }' : `fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`,
    );
    const source = `{ ...F${levels - 1} }\n${fragments.join('\n')}`;
    const started = performance.now();
    expect(costOf(source)).toBe(2 ** (levels - 1) * 2);
    expect(problemsOf(source, 'bot', { ...DEFAULT_GRAPHQL_LIMITS, maxDepth: 100, maxCost: 100_000_000 })[0]).toMatch(/costs \d+; the limit is 100000000/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('hides introspection from keys that do not edit policies when restricted, and shows it when on', () => {
    const restricted = { ...DEFAULT_GRAPHQL_LIMITS, introspection: 'restricted' as const };
    for (const role of ['bot', 'integration', 'auditor']) {
      const [problem] = problemsOf('{ __schema { types { name } } }', role, restricted);
      expect(problem).toMatch(/Introspection is off for API keys of role/);
      expect(problemsOf('{ __type(name: "Query") { name } }', role, restricted)).toHaveLength(1);
      expect(problemsOf('{ __typename viewer { role } }', role, restricted)).toEqual([]);
    }
    for (const role of ['admin', 'publisher', 'editor']) expect(problemsOf('{ __schema { types { name } } }', role, restricted)).toEqual([]);
    expect(problemsOf('{ __schema { types { name } } }', 'bot', DEFAULT_GRAPHQL_LIMITS)).toEqual([]);
  });

  it('answers a refusal as BAD_USER_INPUT with the limit, FORBIDDEN for introspection', () => {
    const document = parse('mutation { a: revokeApiKey(id: "x") { id } b: revokeApiKey(id: "y") { id } }');
    const operation = document.definitions[0] as OperationDefinitionNode;
    const problem = operationProblem({ document, operation, schema }, 'admin', DEFAULT_GRAPHQL_LIMITS);
    expect(problem?.extensions).toMatchObject({ code: BatonErrorCode.BadUserInput, http: { status: 400 } });
    const introspection = parse('{ __schema { queryType { name } } }');
    const forbidden = operationProblem({ document: introspection, operation: introspection.definitions[0] as OperationDefinitionNode, schema }, 'bot', {
      ...DEFAULT_GRAPHQL_LIMITS,
      introspection: 'restricted',
    });
    expect(forbidden?.extensions).toMatchObject({ code: BatonErrorCode.Forbidden, http: { status: 403 } });
  });
});
