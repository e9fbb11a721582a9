/**
 * The waiting room over HTTP, on a server whose clock the test moves: a queued handoff's
 * `waitingRoom` says nothing for two minutes, then gives the update in the conversation's
 * language with its place and wait, a callback offer from ten minutes; a policy's own
 * thresholds and templates replace the defaults; bad templates are refused at save time.
 */
import type { TriggerSettings } from '@baton/schemas';
import { minimalSettings } from '../../test-support/fixtures';
import { CREATE_POLICY, PUBLISH, decideInput } from '../../test-support/operations';
import { removeTempDirs } from '../../test-support/temp-dir';
import { startTestServer, type GraphQLResponse, type TestServer } from '../../test-support/test-server';

const ROOM = 'waitingRoom { language waitedSeconds updateNumber message messageAt nextUpdateAt callbackOffer callbackOfferAt }';
const DECIDE = `query D($input: DecideHandoffInput!) { decideHandoff(input: $input) { decisionId action } }`;
const START = `mutation S($id: ID!) { startHandoff(decisionId: $id) { status position ${ROOM} } }`;
const ASSIGNMENT_OF = `query Q($id: ID!) { assignment(decisionId: $id) { status position estimatedWaitSeconds ${ROOM} } }`;

interface Room {
  language: string;
  waitedSeconds: number;
  updateNumber: number;
  message: string | null;
  messageAt: string | null;
  nextUpdateAt: string;
  callbackOffer: string | null;
  callbackOfferAt: string;
}
interface Assignment {
  status: string;
  position: number | null;
  estimatedWaitSeconds?: number | null;
  waitingRoom: Room | null;
}

const T0 = Date.parse('2026-06-01T08:00:00.000Z');
let now = T0;
const at = (seconds: number) => {
  now = T0 + seconds * 1000;
};
const iso = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

let t: TestServer;

function ok<T>(response: GraphQLResponse<T>): T {
  expect(response.body.errors).toBeUndefined();
  return response.body.data as T;
}

/** Lexicons in three languages, so a conversation's language is detected among them. */
function settingsIn(extra: Partial<TriggerSettings> = {}): TriggerSettings {
  const base = minimalSettings();
  return { ...base, humanRequest: { ...base.humanRequest, phrases: { en: ['human'], es: ['humano'], de: ['mensch'] } }, ...extra };
}

/** Every conversation is a HANDOFF to `line` (one agent, one chat slot). */
const policyWith = (id: string, settings: TriggerSettings) => ({
  id,
  name: id,
  graph: {
    nodes: [
      { id: 'start', kind: 'start', data: {} },
      { id: 'h', kind: 'handoff', data: { reasonCode: 'line', category: 'BUSINESS', queue: 'line', priority: 'NORMAL' } },
    ],
    edges: [{ id: 'e', source: 'start', target: 'h' }],
  },
  settings,
});

const TEXT: Record<string, string> = {
  en: 'Hello, my parcel never arrived and I would like to know where it is now.',
  es: 'Hola, mi paquete no ha llegado todavía y quiero saber dónde está ahora mismo.',
  de: 'Hallo, mein Paket ist noch nicht angekommen und ich möchte wissen, wo es jetzt ist.',
};

/** Decides and starts a handoff of `conversationId` on `policyId`, in `language`. */
async function queue(policyId: string, conversationId: string, language = 'en'): Promise<{ decisionId: string; started: Assignment }> {
  const input = decideInput({
    policyId,
    conversationId,
    channel: 'web_chat',
    customer: { id: `cus-${conversationId}`, language },
    messages: [{ speaker: 'CUSTOMER', text: TEXT[language] }],
  });
  const { decisionId } = ok(await t.gql<{ decideHandoff: { decisionId: string } }>(DECIDE, { input })).decideHandoff;
  const started = ok(await t.gql<{ startHandoff: Assignment }>(START, { id: decisionId })).startHandoff;
  return { decisionId, started };
}
const read = async (decisionId: string) => ok(await t.gql<{ assignment: Assignment }>(ASSIGNMENT_OF, { id: decisionId })).assignment;

beforeAll(async () => {
  t = await startTestServer({ handoffs: { acceptSeconds: null, maxAgeSeconds: 7200, sweepSeconds: null } }, { clock: () => new Date(now) });
  ok(await t.gql(`mutation { upsertQueue(input: { id: "line", name: "Deliveries", requiredSkills: [{ skill: "line" }], averageHandleSeconds: 300 }) { id } }`));
  const agent = {
    id: 'line-1',
    name: 'Line One',
    skills: [{ skill: 'line', proficiency: 5 }],
    languages: ['en', 'es', 'de'],
    timeZone: 'UTC',
    capacity: [{ channel: 'CHAT', count: 1 }],
  };
  ok(await t.gql(`mutation A($input: AgentInput!) { upsertAgent(input: $input) { id } }`, { input: agent }));
  ok(await t.gql(`mutation { setAgentPresence(agentId: "line-1", status: ONLINE) { id } }`));
  ok(await t.gql(CREATE_POLICY, { input: policyWith('room', settingsIn()) }));
  ok(await t.gql(PUBLISH, { policyId: 'room', comment: 'defaults' }));
  const custom = settingsIn({
    waitingRoom: {
      firstUpdateAfterSeconds: 30,
      minUpdateIntervalSeconds: 40,
      maxUpdateIntervalSeconds: 40,
      callbackOfferAfterSeconds: 150,
      updateMessage: { en: 'Still {position} for {queueName}: {wait}.' },
      callbackOffer: { en: 'Shall we phone you instead?' },
    },
  });
  ok(await t.gql(CREATE_POLICY, { input: policyWith('room-custom', custom) }));
  ok(await t.gql(PUBLISH, { policyId: 'room-custom', comment: 'own waiting room' }));
});
afterAll(async () => {
  await t.close();
  removeTempDirs();
});

describe('Assignment.waitingRoom', () => {
  it('is null while an agent holds the handoff; a queued one hears nothing for two minutes, then updates in its language, then the offer', async () => {
    at(0);
    const first = await queue('room', 'conv-held', 'en');
    expect(first.started).toMatchObject({ status: 'ASSIGNED', waitingRoom: null });

    const waiting = await queue('room', 'conv-es', 'es');
    expect(waiting.started).toMatchObject({ status: 'QUEUED', position: 1 });
    expect(waiting.started.waitingRoom).toEqual({
      language: 'es',
      waitedSeconds: 0,
      updateNumber: 0,
      message: null,
      messageAt: null,
      nextUpdateAt: iso(120),
      callbackOffer: null,
      callbackOfferAt: iso(600),
    });
    at(20);
    const second = await queue('room', 'conv-de', 'de');
    expect(second.started).toMatchObject({ status: 'QUEUED', position: 2 });

    at(119);
    expect((await read(waiting.decisionId)).waitingRoom).toMatchObject({ waitedSeconds: 119, updateNumber: 0, message: null });
    at(120);
    const firstUpdate = await read(waiting.decisionId);
    expect(firstUpdate.estimatedWaitSeconds).toBe(300);
    expect(firstUpdate.waitingRoom).toMatchObject({
      updateNumber: 1,
      messageAt: iso(120),
      message: 'Ahora ocupa el 1.º lugar en la cola; alguien de nuestro equipo de Deliveries le atenderá en unos 5 minutos. Gracias por esperar.',
      callbackOffer: null,
    });
    const next = Date.parse(firstUpdate.waitingRoom?.nextUpdateAt ?? '');
    expect(next - (T0 + 120_000)).toBeGreaterThanOrEqual(60_000);
    expect(next - (T0 + 120_000)).toBeLessThanOrEqual(90_000);
    // The same schedule on every read: the announced update is due exactly then.
    now = next - 1000;
    expect((await read(waiting.decisionId)).waitingRoom?.updateNumber).toBe(1);
    now = next;
    expect((await read(waiting.decisionId)).waitingRoom).toMatchObject({ updateNumber: 2, messageAt: new Date(next).toISOString() });

    // The second in line, in German, with its own place and wait.
    at(140);
    expect((await read(second.decisionId)).waitingRoom).toMatchObject({
      language: 'de',
      updateNumber: 1,
      message: 'Sie sind jetzt an 2. Stelle in der Warteschlange; in etwa 10 Minuten ist jemand aus unserem Team Deliveries für Sie da. Danke für Ihre Geduld.',
    });

    at(599);
    expect((await read(waiting.decisionId)).waitingRoom?.callbackOffer).toBeNull();
    at(600);
    expect((await read(waiting.decisionId)).waitingRoom?.callbackOffer).toBe(
      'Sentimos que la espera se alargue tanto. ¿Prefiere que nuestro equipo de Deliveries le llame o le responda por correo electrónico? Conservará esta conversación, así que no tendrá que repetir nada.',
    );

    // The agent frees up: the first in line is assigned and leaves the waiting room; the second moves up.
    ok(await t.gql(`mutation R($id: ID!) { releaseAssignment(decisionId: $id) { status } }`, { id: first.decisionId }));
    expect(await read(waiting.decisionId)).toMatchObject({ status: 'ASSIGNED', waitingRoom: null });
    at(620);
    expect((await read(second.decisionId)).waitingRoom?.message).toContain('an 1. Stelle');
  });

  it("uses the policy's own thresholds and templates, and Baton's for the languages it left out", async () => {
    at(1000);
    const held = await queue('room-custom', 'conv-custom-held');
    // The agent holds conv-es's handoff and conv-de's waits first, so this one is second.
    expect(held.started.status).toBe('QUEUED');
    at(1029);
    expect((await read(held.decisionId)).waitingRoom?.message).toBeNull();
    at(1030);
    expect((await read(held.decisionId)).waitingRoom).toMatchObject({ message: 'Still 2nd for Deliveries: about 10 minutes.', nextUpdateAt: iso(1070) });
    const spanish = await queue('room-custom', 'conv-custom-es', 'es');
    at(1070);
    expect((await read(spanish.decisionId)).waitingRoom?.message).toContain('Ahora ocupa el 3.º lugar');
    at(1150);
    expect((await read(held.decisionId)).waitingRoom?.callbackOffer).toBe('Shall we phone you instead?');
  });

  it('refuses a policy whose waiting-room template names an unknown placeholder, saving nothing', async () => {
    const bad = settingsIn({ waitingRoom: { updateMessage: { en: 'You are {place} in line.' } } });
    const refused = await t.gql(CREATE_POLICY, { input: policyWith('room-bad', bad) });
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      diagnostics: [expect.objectContaining({ code: 'INVALID_SETTINGS', message: expect.stringContaining('{place}, which Baton does not fill in') })],
    });
    expect(ok(await t.gql<{ policy: unknown }>(`query { policy(id: "room-bad") { id } }`)).policy).toBeNull();
  });
});
