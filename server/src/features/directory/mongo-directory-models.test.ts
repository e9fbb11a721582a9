/**
 * The directory's MongoDB schemas without a server: documents the mappers build from the seed
 * directory as the SQLite store returns it validate and read back equal through BSON; each
 * kind of bad document is refused.
 */
import mongoose, { mongo, type Connection, type Model } from 'mongoose';
import type { Agent, Queue } from '@baton/schemas';
import { removeTempDirs } from '../../test-support/temp-dir';
import {
  directoryModels,
  fromAgentDocument,
  fromQueueDocument,
  toAgentDocument,
  toQueueDocument,
  type AgentDocument,
  type QueueDocument,
} from './mongo-directory-models';
import { seededDirectoryRecords, type SeededRecords } from './seeded-directory-records';

let records: SeededRecords;
let connection: Connection;
beforeAll(async () => {
  records = await seededDirectoryRecords();
});
afterAll(removeTempDirs);
beforeEach(() => {
  // Never opened: models compile and validate without a server.
  connection = mongoose.createConnection();
});
afterEach(() => connection.close());

const TIMES = { createdAt: new Date('2026-01-01T00:00:00Z'), updatedAt: new Date('2026-02-01T00:00:00Z') };
/** What the driver reads back for a document it wrote. */
const throughBson = <T>(doc: T): T => mongo.BSON.deserialize(mongo.BSON.serialize(doc as object)) as T;

/** The failing paths of `Model.validate` (what the store runs before writing; it names array items without their index), or [] when valid. */
async function invalidPaths(model: Model<never>, doc: object): Promise<string[]> {
  try {
    await model.validate(doc);
    return [];
  } catch (error) {
    return Object.keys((error as mongoose.Error.ValidationError).errors).sort();
  }
}
const queueModel = () => directoryModels(connection).Queue as unknown as Model<never>;
const agentModel = () => directoryModels(connection).Agent as unknown as Model<never>;

describe('queue documents', () => {
  it('accepts every seed queue and reads each back equal', async () => {
    expect(records.queues.some((q) => q.hours !== null)).toBe(true);
    for (const queue of records.queues) {
      const doc = toQueueDocument(queue, TIMES);
      expect(await invalidPaths(queueModel(), doc)).toEqual([]);
      expect(fromQueueDocument(throughBson(doc))).toStrictEqual(queue);
    }
  });

  it('keeps optional fields absent: a skill without minimum, a holiday without name', () => {
    const queue: Queue = {
      ...(records.queues[0] as Queue),
      requiredSkills: [{ skill: 'support' }],
      hours: { timeZone: 'Europe/Berlin', weekly: [{ day: 'MON', open: '09:00', close: '17:00' }], holidays: [{ date: '2026-12-25' }] },
    };
    expect(fromQueueDocument(throughBson(toQueueDocument(queue, TIMES)))).toStrictEqual(queue);
  });

  const good = (): QueueDocument => toQueueDocument(records.queues.find((q) => q.hours !== null) as Queue, TIMES);
  it.each<[string, (doc: QueueDocument) => object, string[]]>([
    ['an id that is not a slug', (d) => ({ ...d, _id: 'Billing Team' }), ['_id']],
    ['a missing name', (d) => ({ ...d, name: undefined }), ['name']],
    ['a priority outside 1-10', (d) => ({ ...d, priority: 11 }), ['priority']],
    ['a negative maximum wait', (d) => ({ ...d, maxWaitSeconds: -1 }), ['maxWaitSeconds']],
    ['a zero handle time', (d) => ({ ...d, averageHandleSeconds: 0 }), ['averageHandleSeconds']],
    ['a minimum proficiency outside 1-10', (d) => ({ ...d, requiredSkills: [{ skill: 'billing', minProficiency: 0 }] }), ['requiredSkills.minProficiency']],
    ['a language that is not ISO 639-1', (d) => ({ ...d, languages: ['english'] }), ['languages.0']],
    ['an unknown weekday', (d) => ({ ...d, hours: { ...d.hours, weekly: [{ day: 'MONDAY', open: '09:00', close: '17:00' }] } }), ['hours.weekly.0.day']],
    [
      'a closing time that is no clock time',
      (d) => ({ ...d, hours: { ...d.hours, weekly: [{ day: 'MON', open: '09:00', close: '25:00' }] } }),
      ['hours.weekly.0.close'],
    ],
    ['a missing creation time', (d) => ({ ...d, createdAt: undefined }), ['createdAt']],
  ])('rejects %s', async (_name, change, paths) => {
    expect(await invalidPaths(queueModel(), change(good()))).toEqual(paths);
  });
});

describe('agent documents', () => {
  it('accepts every seed agent and reads each back equal', async () => {
    expect(records.agents.some((a) => a.status === 'ONLINE' && Object.keys(a.activeConversations).length === 0)).toBe(true);
    for (const agent of records.agents) {
      const doc = toAgentDocument(agent, TIMES);
      expect(await invalidPaths(agentModel(), doc)).toEqual([]);
      expect(fromAgentDocument(throughBson(doc))).toStrictEqual(agent);
    }
  });

  it('stores every channel, 0 where the agent takes none, and reports only positive ones', () => {
    const agent = {
      ...(records.agents[0] as Agent),
      capacity: { chat: 3 },
      activeConversations: { email: 2 },
      lastAssignedAt: new Date('2026-03-01T00:00:00Z'),
    };
    const doc = toAgentDocument(agent, TIMES);
    expect([doc.capacity, doc.active]).toEqual([
      { chat: 3, email: 0, voice: 0 },
      { chat: 0, email: 2, voice: 0 },
    ]);
    expect(fromAgentDocument(throughBson(doc))).toMatchObject({
      capacity: { chat: 3 },
      activeConversations: { email: 2 },
      lastAssignedAt: agent.lastAssignedAt,
    });
  });

  it('stores skills by name, the order the SQLite store returns', () => {
    const agent = {
      ...(records.agents[0] as Agent),
      skills: [
        { skill: 'voice', proficiency: 3 },
        { skill: 'billing', proficiency: 7 },
      ],
    };
    expect(toAgentDocument(agent, TIMES).skills.map((s) => s.skill)).toEqual(['billing', 'voice']);
  });

  const good = (): AgentDocument => toAgentDocument(records.agents[0] as Agent, TIMES);
  it.each<[string, (doc: AgentDocument) => object, string[]]>([
    ['a proficiency above 10', (d) => ({ ...d, skills: [{ skill: 'billing', proficiency: 11 }] }), ['skills.proficiency']],
    ['a proficiency below 1', (d) => ({ ...d, skills: [{ skill: 'billing', proficiency: 0 }] }), ['skills.proficiency']],
    ['a fractional proficiency', (d) => ({ ...d, skills: [{ skill: 'billing', proficiency: 2.5 }] }), ['skills.proficiency']],
    [
      'a skill listed twice',
      (d) => ({
        ...d,
        skills: [
          { skill: 'billing', proficiency: 2 },
          { skill: 'billing', proficiency: 3 },
        ],
      }),
      ['skills'],
    ],
    ['a negative capacity', (d) => ({ ...d, capacity: { ...d.capacity, chat: -1 } }), ['capacity.chat']],
    ['a missing channel count', (d) => ({ ...d, active: { chat: 0, email: 0 } }), ['active.voice']],
    ['a negative load', (d) => ({ ...d, active: { ...d.active, voice: -2 } }), ['active.voice']],
    ['an unknown status', (d) => ({ ...d, status: 'BUSY' }), ['status']],
    ['an unknown seniority', (d) => ({ ...d, seniority: 'LEAD' }), ['seniority']],
    ['a missing name', (d) => ({ ...d, name: undefined }), ['name']],
    ['a missing time zone', (d) => ({ ...d, timeZone: undefined }), ['timeZone']],
    ['no capacity at all', (d) => ({ ...d, capacity: undefined }), ['capacity']],
  ])('rejects %s', async (_name, change, paths) => {
    expect(await invalidPaths(agentModel(), change(good()))).toEqual(paths);
  });

  it('refuses fields the schema does not declare', () => {
    const { Agent } = directoryModels(connection);
    expect(() => new Agent({ ...good(), extra: true })).toThrow(/not in schema/);
  });
});
