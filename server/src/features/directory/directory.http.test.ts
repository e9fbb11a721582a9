/**
 * The directory over HTTP: the seed directory, a Spanish-speaking VIP routed to an agent with
 * reasons, and bad input refused with a clear code and nothing written.
 */
import { referencePolicy } from '@baton/seed';
import { removeTempDirs } from '../../test-support/temp-dir';
import { startTestServer, type TestServer } from '../../test-support/test-server';

const UPSERT_QUEUE = `mutation Q($input: QueueInput!) { upsertQueue(input: $input) { id name hours { timeZone } fallbackQueueId openNow } }`;
const UPSERT_AGENT = `mutation A($input: AgentInput!) { upsertAgent(input: $input) { id status queueIds } }`;
const PRESENCE = `mutation P($agentId: ID!, $active: [ChannelCountInput!]) { setAgentPresence(agentId: $agentId, status: ONLINE, activeConversations: $active) { id } }`;
const VALIDATE = `query V($graph: JSON!, $routing: JSON) { validatePolicyGraph(graph: $graph, routing: $routing) { valid diagnostics { code severity message nodeId } } }`;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
  removeTempDirs();
});

const agent = (extra: Record<string, unknown> = {}) => ({
  id: 'ag-new',
  name: 'New Agent',
  timeZone: 'Europe/Madrid',
  capacity: [{ channel: 'CHAT', count: 2 }],
  ...extra,
});

describe('directory over GraphQL', () => {
  it('loads the seed directory: every queue the reference policy names, 25 agents', async () => {
    const { body } = await t.gql<{ queues: { id: string }[]; agents: { id: string }[] }>('query { queues { id } agents { id } }');
    expect(body.data?.queues.map((q) => q.id).sort()).toEqual([
      'billing',
      'compliance',
      'enterprise',
      'general',
      'retention',
      'senior',
      'technical',
      'trust_safety',
      'vip',
    ]);
    expect(body.data?.agents).toHaveLength(25);
  });

  it('routes an upset Spanish-speaking VIP to a senior VIP agent speaking Spanish, and says why', async () => {
    const input = {
      conversationId: 'vip-es',
      channel: 'chat',
      customer: { id: 'cus_vip_1', tier: 'vip', language: 'es' },
      messages: [
        { speaker: 'CUSTOMER', text: 'Es la tercera vez que el pedido llega roto, estoy harto y muy enfadado.', at: '2026-03-10T10:00:00Z' },
        { speaker: 'BOT', text: 'Lo siento, ¿me da el número de pedido?', at: '2026-03-10T10:00:10Z', confidence: 0.9 },
        { speaker: 'CUSTOMER', text: 'Esto es una vergüenza, un servicio pésimo, quiero una solución ya.', at: '2026-03-10T10:01:00Z' },
      ],
      now: '2026-03-10T10:01:05Z',
      dryRun: true,
    };
    const { body } = await t.gql<{
      decideHandoff: {
        reasonCode: string;
        routing: {
          queueId: string;
          agentId: string;
          routeNodeId: string;
          candidates: { agentId: string; excluded: string | null; factors: { name: string }[] }[];
          explanation: string[];
        };
      };
    }>(
      `query D($input: DecideHandoffInput!) { decideHandoff(input: $input) { reasonCode routing { queueId agentId routeNodeId explanation candidates { agentId excluded factors { name } } } } }`,
      { input },
    );
    expect(body.errors).toBeUndefined();
    const d = body.data?.decideHandoff;
    expect(d?.reasonCode).toBe('negative_sentiment');
    expect(d?.routing).toMatchObject({ queueId: 'vip', routeNodeId: 'r_vip' });
    expect(['ag-carmen', 'ag-sofia']).toContain(d?.routing.agentId);
    expect(d?.routing.candidates[0]?.factors.map((f) => f.name)).toEqual(['proficiency', 'language', 'load', 'idle', 'seniority']);
    expect(d?.routing.candidates.some((c) => c.excluded === 'does not speak es')).toBe(true);
  });

  it.each([
    ['proficiency outside 1–10', UPSERT_AGENT, { input: agent({ skills: [{ skill: 'billing', proficiency: 11 }] }) }, 'input.skills[0].proficiency'],
    ['an invalid time zone', UPSERT_AGENT, { input: agent({ timeZone: 'Mars/Olympus' }) }, 'input.timeZone'],
    ['negative capacity', UPSERT_AGENT, { input: agent({ capacity: [{ channel: 'CHAT', count: -1 }] }) }, 'input.capacity[0].count'],
    ['inverted hours', UPSERT_AGENT, { input: agent({ workingHours: [{ day: 'MON', open: '18:00', close: '09:00' }] }) }, 'input.workingHours'],
    [
      'overlapping hours',
      UPSERT_QUEUE,
      {
        input: {
          id: 'night',
          name: 'Night',
          hours: {
            timeZone: 'UTC',
            weekly: [
              { day: 'MON', open: '08:00', close: '12:00' },
              { day: 'MON', open: '11:00', close: '15:00' },
            ],
          },
        },
      },
      'input.hours.weekly',
    ],
    ['an unknown fallback queue', UPSERT_QUEUE, { input: { id: 'night', name: 'Night', fallbackQueueId: 'nowhere' } }, 'input.fallbackQueueId'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_name, query, variables, field) => {
    const { body } = await t.gql(query, variables);
    expect(body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect((body.errors?.[0]?.extensions.problems as { field: string }[]).map((p) => p.field)).toContain(field);
    const after = await t.gql<{ agent: unknown; queue: unknown }>('query { agent(id: "ag-new") { id } queue(id: "night") { id } }');
    expect(after.body.data).toEqual({ agent: null, queue: null });
  });

  it('answers NOT_FOUND for unknown agents, BAD_USER_INPUT for negative counts, and removes an idle agent', async () => {
    expect((await t.gql(PRESENCE, { agentId: 'nobody' })).body.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    expect((await t.gql('mutation { removeAgent(id: "nobody") { id } }')).body.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    expect((await t.gql(PRESENCE, { agentId: 'ag-lucia', active: [{ channel: 'CHAT', count: -2 }] })).body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    const created = await t.gql<{ upsertAgent: { id: string; status: string; queueIds: string[] } }>(UPSERT_AGENT, {
      input: agent({ skills: [{ skill: 'support', proficiency: 5 }] }),
    });
    expect(created.body.data?.upsertAgent).toEqual({ id: 'ag-new', status: 'OFFLINE', queueIds: ['general'] });
    expect((await t.gql('mutation { removeAgent(id: "ag-new") { id } }')).body.errors).toBeUndefined();
  });

  it('reports a route to a queue the directory does not have as an error on that node', async () => {
    const graph = {
      nodes: [
        { id: 'start', kind: 'start', data: {} },
        { id: 's', kind: 'stay', data: { reasonCode: 'x' } },
      ],
      edges: [{ id: 'e', source: 'start', target: 's' }],
    };
    const routing = {
      nodes: [
        { id: 'start', kind: 'start', data: {} },
        { id: 'r', kind: 'route', data: { targets: [{ queue: 'billing' }, { queue: 'biling' }] } },
      ],
      edges: [{ id: 'e', source: 'start', target: 'r' }],
    };
    const { body } = await t.gql<{ validatePolicyGraph: { valid: boolean; diagnostics: { code: string; nodeId: string; message: string }[] } }>(VALIDATE, {
      graph,
      routing,
    });
    expect(body.data?.validatePolicyGraph.valid).toBe(false);
    expect(body.data?.validatePolicyGraph.diagnostics).toEqual([expect.objectContaining({ code: 'UNKNOWN_QUEUE', nodeId: 'r' })]);
    expect(body.data?.validatePolicyGraph.diagnostics[0]?.message).toContain('"biling"');
  });

  it('counts the languages its agents speak as known values of the language fact (a warning until one speaks it)', async () => {
    const graph = {
      nodes: [
        { id: 'start', kind: 'start', data: {} },
        { id: 'c_it', kind: 'condition', data: { test: { fact: 'language', operator: 'equal', value: 'it' } } },
        { id: 's_it', kind: 'stay', data: { reasonCode: 'italian' } },
        { id: 's', kind: 'stay', data: { reasonCode: 'other' } },
      ],
      edges: [
        { id: 'e0', source: 'start', target: 'c_it' },
        { id: 'e1', source: 'c_it', sourceHandle: 'true', target: 's_it' },
        { id: 'e2', source: 'c_it', sourceHandle: 'false', target: 's' },
      ],
    };
    const validate = async () =>
      (
        await t.gql<{ validatePolicyGraph: { valid: boolean; diagnostics: { code: string; nodeId: string }[] } }>(
          `query V($graph: JSON!, $settings: JSON) { validatePolicyGraph(graph: $graph, settings: $settings) { valid diagnostics { code nodeId } } }`,
          { graph, settings: referencePolicy.document.settings },
        )
      ).body.data?.validatePolicyGraph;
    expect(await validate()).toEqual({ valid: true, diagnostics: [{ code: 'UNKNOWN_VALUE', nodeId: 'c_it' }] });
    const added = await t.gql(UPSERT_AGENT, { input: agent({ id: 'ag-it', name: 'Giulia Conti', languages: ['it'] }) });
    expect(added.body.errors).toBeUndefined();
    expect(await validate()).toEqual({ valid: true, diagnostics: [] });
  });
});
