/**
 * The assignments' MongoDB schema without a server: documents the mapper builds from handoffs
 * the SQLite store committed validate and read back equal through BSON; bad documents are
 * refused; the indexes the handoff and directory queries use are declared.
 */
import mongoose, { mongo, type Connection } from 'mongoose';
import { removeTempDirs } from '../../test-support/temp-dir';
import { seededDirectoryRecords, type SeededRecords } from '../directory/seeded-directory-records';
import { assignmentSchema, fromAssignmentDocument, handoffModels, toAssignmentDocument, type AssignmentDocument } from './mongo-handoff-models';
import { invalidPaths } from '../../test-support/invalid-paths';

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

/** What the driver reads back for a document it wrote. */
const throughBson = (doc: AssignmentDocument): AssignmentDocument => mongo.BSON.deserialize(mongo.BSON.serialize(doc)) as AssignmentDocument;

const assignment = (doc: object) => new (handoffModels(connection).Assignment)(doc);

describe('assignment documents', () => {
  it('accepts assigned, queued and released handoffs and reads each back equal', async () => {
    expect(records.assignments.map((a) => a.record.status)).toEqual(['ASSIGNED', 'QUEUED', 'RELEASED']);
    for (const { record, candidates } of records.assignments) {
      const doc = toAssignmentDocument(record, candidates);
      expect(await invalidPaths(assignment(doc))).toEqual([]);
      expect(fromAssignmentDocument(throughBson(doc), record.position)).toStrictEqual(record);
    }
  });

  it('keeps candidates in order, each once, and the conversation id as open, only while open', () => {
    const [assigned, queued, released] = records.assignments;
    if (!assigned || !queued || !released) throw new Error('seeded handoffs missing');
    expect(toAssignmentDocument(queued.record, ['a2', 'a1', 'a2']).candidates).toEqual(['a2', 'a1']);
    expect(toAssignmentDocument(assigned.record, ['a1']).candidates).toEqual(['a1']);
    expect(toAssignmentDocument({ ...assigned.record, status: 'ACCEPTED' }, ['a1']).openConversationId).toBe(assigned.record.conversationId);
    expect(toAssignmentDocument(queued.record, []).openConversationId).toBe(queued.record.conversationId);
    expect(toAssignmentDocument(released.record, ['a1'])).toMatchObject({ candidates: [], openConversationId: undefined });
  });

  it('reads a handoff of a server before the lifecycle (no requeues, no starting key) as never requeued, started by nobody known', () => {
    const {
      requeues: _requeues,
      startedBy: _startedBy,
      ...legacy
    } = toAssignmentDocument((records.assignments[2] as SeededRecords['assignments'][number]).record, []);
    expect(fromAssignmentDocument(throughBson(legacy), null)).toMatchObject({ requeues: 0, startedBy: null, acceptedAt: null });
  });

  it('reports a position only for a queued handoff', () => {
    const [assigned, queued] = records.assignments;
    if (!assigned || !queued) throw new Error('seeded handoffs missing');
    expect(fromAssignmentDocument(toAssignmentDocument(queued.record, []), 4).position).toBe(4);
    expect(fromAssignmentDocument(toAssignmentDocument(assigned.record, []), 4).position).toBeNull();
  });

  const good = () => toAssignmentDocument((records.assignments[0] as SeededRecords['assignments'][number]).record, []);
  it.each([
    ['an unknown status', { status: 'PENDING' }, ['status']],
    ['an unknown channel', { channel: 'sms' }, ['channel']],
    ['an assigned handoff without agent', { agentId: null }, ['agentId']],
    ['an accepted handoff without agent', { status: 'ACCEPTED', agentId: null }, ['agentId']],
    ['fractional requeues', { requeues: 0.5 }, ['requeues']],
    ['a fractional rank', { rank: 1.5 }, ['rank']],
    ['a missing customer', { customerId: undefined }, ['customerId']],
    ['a missing queue', { queueId: undefined }, ['queueId']],
    ['a missing creation time', { createdAt: undefined }, ['createdAt']],
  ])('rejects %s', async (_name, change, paths) => {
    expect(await invalidPaths(assignment({ ...good(), ...change }))).toEqual(paths);
  });

  it('accepts a queued handoff without agent', async () => {
    const queued = (records.assignments[1] as SeededRecords['assignments'][number]).record;
    expect(queued.agentId).toBeNull();
    expect(await invalidPaths(assignment(toAssignmentDocument(queued, ['a1'])))).toEqual([]);
  });
});

describe('assignment indexes', () => {
  const indexes = assignmentSchema.indexes();
  const find = (fields: object) => indexes.find(([declared]) => JSON.stringify(declared) === JSON.stringify(fields));
  const queued = { partialFilterExpression: { status: 'QUEUED' } };

  it.each([
    ['queue positions and waiting counts (queued only, serving order)', { queueId: 1, rank: -1, createdAt: 1, _id: 1 }, queued],
    ['handoffs an agent may take (queued only, serving order)', { candidates: 1, rank: -1, createdAt: 1, _id: 1 }, queued],
    ['handoffs still assigned to an agent', { agentId: 1, status: 1 }, {}],
    ["each customer's latest agent", { customerId: 1, assignedAt: -1 }, {}],
    [
      'one open handoff per conversation (unique, open ones only)',
      { openConversationId: 1 },
      { unique: true, partialFilterExpression: { openConversationId: { $type: 'string' } } },
    ],
    ['assignments waiting for acceptance (timeouts)', { status: 1, assignedAt: 1 }, {}],
    ['open handoffs by age (timeouts)', { status: 1, createdAt: 1 }, {}],
  ])('serves %s', (_query, fields, options) => {
    const index = find(fields);
    expect(index).toBeDefined();
    expect(index?.[1]).toMatchObject(options);
  });
});
