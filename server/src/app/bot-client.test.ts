/**
 * The typed client for bots (`@baton/schemas/client`) against a seeded server, with a BOT key:
 * who am I, decide, commit the handoff, release it; and a refused request as BatonRequestError.
 */
import {
  BatonRequestError,
  DecideHandoffDocument,
  ReleaseAssignmentDocument,
  StartHandoffDocument,
  ViewerDocument,
  createBatonClient,
  type BatonExecute,
} from '@baton/schemas/client';
import { removeTempDirs } from '../test-support/temp-dir';
import { startTestServer, type TestServer } from '../test-support/test-server';

const CREATE_KEY = `mutation ($name: String!) { createApiKey(name: $name, role: BOT) { secret } }`;

let t: TestServer;
let execute: BatonExecute;

beforeAll(async () => {
  t = await startTestServer();
  const { body } = await t.gql<{ createApiKey: { secret: string } }>(CREATE_KEY, { name: 'support bot' });
  execute = createBatonClient({ url: `${t.url}/graphql`, apiKey: body.data?.createApiKey.secret as string });
});

afterAll(async () => {
  await t.close();
  removeTempDirs();
});

test('a BOT key sees its role and the operations it may call', async () => {
  const { viewer } = await execute(ViewerDocument);
  expect(viewer.role).toBe('BOT');
  expect(viewer.allowedOperations).toEqual(expect.arrayContaining(['Query.decideHandoff', 'Mutation.startHandoff', 'Mutation.releaseAssignment']));
});

test('decide, commit and release a handoff with typed variables and answers', async () => {
  const { decideHandoff: decision } = await execute(DecideHandoffDocument, {
    input: {
      conversationId: 'bot-client-1',
      channel: 'web_chat',
      customer: { id: 'cust-bot-client', language: 'en' },
      messages: [{ speaker: 'CUSTOMER', text: 'I was charged twice for my subscription this month', at: '2026-11-21T09:00:00Z' }],
    },
  });
  expect(decision).toMatchObject({ action: 'HANDOFF', reasonCode: 'billing_dispute', routing: { queueId: 'billing' } });

  const { startHandoff: assignment } = await execute(StartHandoffDocument, { decisionId: decision.decisionId });
  expect(assignment).toMatchObject({ decisionId: decision.decisionId, conversationId: 'bot-client-1', queueId: 'billing', channel: 'CHAT' });
  expect(['ASSIGNED', 'QUEUED']).toContain(assignment.status);

  const { releaseAssignment } = await execute(ReleaseAssignmentDocument, { decisionId: decision.decisionId });
  expect(releaseAssignment.status).toBe('RELEASED');
});

test('a refused request rejects with the GraphQL errors and their codes', async () => {
  const refused = execute(StartHandoffDocument, { decisionId: 'no-such-decision' });
  await expect(refused).rejects.toBeInstanceOf(BatonRequestError);
  await expect(refused).rejects.toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
});
