import { readmeExamples } from './readme-examples';
import { compareShown, locateField, locateShown } from './shown-output';

const fence = (lang: string, text: string) => ['```' + lang, text, '```'].join('\n');

describe('reading the README examples', () => {
  it('attaches variables and a real output to the graphql block they follow, and splits its operations', () => {
    const markdown = [
      '## Policies',
      fence('graphql', 'query { policies { id } }\nquery Validate($graph: JSON!) { validatePolicyGraph(graph: $graph) { valid } }'),
      'The variables:',
      fence('json', '{ "graph": { "nodes": [] } }'),
      'Real output (abridged):',
      fence('json', '{ "valid": false }'),
    ].join('\n\n');
    const { examples, problems } = readmeExamples(markdown);
    expect(problems).toEqual([]);
    expect(examples).toEqual([
      {
        kind: 'graphql',
        line: 3,
        operations: [
          { label: 'policies', source: 'query { policies { id } }', variableNames: [] },
          { label: 'Validate', source: 'query Validate($graph: JSON!) { validatePolicyGraph(graph: $graph) { valid } }', variableNames: ['graph'] },
        ],
        variables: { graph: { nodes: [] } },
        shown: [{ kind: 'json', line: 16, json: { valid: false }, abridged: true }],
      },
    ]);
  });

  it('attaches the text of one field of the answer, shown in its own block', () => {
    const markdown = [
      fence('graphql', 'query { decideHandoff(input: {}) { context { markdown } } }'),
      'Real output of `context.markdown`, ready for a helpdesk:',
      fence('markdown', '## Issue summary'),
      'Real output:',
      fence('text', 'no field named'),
    ].join('\n\n');
    const { examples, problems } = readmeExamples(markdown);
    expect(examples[0]?.shown).toEqual([{ kind: 'text', line: 7, path: ['context', 'markdown'], text: '## Issue summary' }]);
    expect(problems).toEqual(['README.md:13: a "Real output" that is not JSON must name the field it shows ("Real output of `context.markdown`").']);
    expect(locateField(['context', 'markdown'], { data: { decideHandoff: { context: { markdown: '## Issue summary' } } } })).toBe('## Issue summary');
  });

  it('reads a curl call: method, path, headers and the here-document body', () => {
    const curl = [
      'KEY=<your key>',
      'curl -s http://localhost:4000/graphql \\',
      '  -H "Authorization: Bearer $KEY" -H \'content-type: application/json\' \\',
      "  --data @- <<'EOF'",
      '{"query":"{ viewer { role } }"}',
      'EOF',
    ].join('\n');
    const { examples, problems } = readmeExamples(fence('sh', curl));
    expect(problems).toEqual([]);
    expect(examples).toEqual([
      {
        kind: 'http',
        line: 1,
        method: 'POST',
        path: '/graphql',
        headers: { authorization: 'Bearer $KEY', 'content-type': 'application/json' },
        body: '{"query":"{ viewer { role } }"}',
        shown: [],
      },
    ]);
  });

  it('reports every block it could not run instead of skipping it', () => {
    const markdown = [
      fence('graphql', 'mutation Save($graph: JSON!) { savePolicyDraft(policyId: "p", graph: $graph, baseRevision: 1) { revision } }'),
      'Prose between them.',
      fence('graphql', 'query Q($id: ID!) { decision(id: $id) { decisionId } }'),
      fence('json', '{ "id": "x", "extra": 1 }'),
      fence('js', 'client.query({ query: gql`query { policies { id } }` })'),
      'Real output:',
      fence('json', '{ "data": null }'),
      fence('sh', 'curl -X DELETE http://localhost:4000/graphql'),
      fence('graphql', 'query { policies { id '),
    ].join('\n\n');
    const { problems } = readmeExamples(markdown);
    expect(problems).toEqual([
      'README.md:1: its operations declare variables, but no json block of variables follows it.',
      'README.md:11: no operation above declares $extra.',
      'README.md:15: a ```js block that looks like a GraphQL example but is neither a ```graphql block nor a curl call.',
      expect.stringMatching(/^README\.md:21: "Real output" that follows no example/),
      'README.md:25: cannot run curl\'s argument "-X".',
      expect.stringMatching(/^README\.md:29: not a GraphQL document/),
    ]);
  });
});

describe('comparing a shown output with the real answer', () => {
  it('compares generated ids and server-clock times by form, and pairs the ids', () => {
    const shown = {
      decisionId: '340bc502-cc5e-4572-864e-b310fd8cf429',
      key: { id: 'bk_QLoE-Pr_s' },
      publishedAt: '2026-11-21T09:00:00.000Z',
      at: '2026-11-21T09:00:00Z',
    };
    const actual = {
      decisionId: '0d4f6a1e-1111-4a2b-9c3d-5e6f7a8b9c0d',
      key: { id: 'bk_abcdefghi' },
      publishedAt: '2026-12-06T21:04:33.120Z',
      at: '2026-11-21T09:00:01Z',
    };
    const { mismatches, ids } = compareShown(shown, actual, false);
    expect(mismatches).toEqual(['$.at: the README shows "2026-11-21T09:00:00Z", the server answered "2026-11-21T09:00:01Z"']);
    expect([...ids]).toEqual([
      ['340bc502-cc5e-4572-864e-b310fd8cf429', '0d4f6a1e-1111-4a2b-9c3d-5e6f7a8b9c0d'],
      ['bk_QLoE-Pr_s', 'bk_abcdefghi'],
    ]);
  });

  it('lets an abridged output leave fields out, but not items of a list', () => {
    const actual = { queueId: 'vip', agentId: 'ag-carmen', explanation: ['a', 'b'] };
    expect(compareShown({ queueId: 'vip' }, actual, true).mismatches).toEqual([]);
    expect(compareShown({ queueId: 'vip' }, actual, false).mismatches).toEqual([
      '$.agentId: in the answer ("ag-carmen"), not shown in the README',
      '$.explanation: in the answer (["a","b"]), not shown in the README',
    ]);
    expect(compareShown({ explanation: ['a'] }, actual, true).mismatches).toEqual(['$.explanation: the README shows 1 item(s), the server answered ["a","b"]']);
  });

  it('finds an output shown without its envelope down the chain of single fields', () => {
    const body = { data: { decideHandoff: { routing: { queueId: 'vip', agentId: null } } } };
    expect(locateShown({ queueId: 'vip' }, body)).toBe(body.data.decideHandoff.routing);
    expect(locateShown({ data: {} }, body)).toBe(body);
  });
});
