/**
 * The decision log's MongoDB schema without a server: validation of documents built by the
 * mappers, mapper round trips, and the indexes the queries and retention need.
 */
import mongoose, { type Connection } from 'mongoose';
import { sampleEntry } from './decision-log-store.contract';
import { decisionLogModels, decisionLogSchema, fromDecisionDocument, toDecisionDocument } from './mongo-decision-log-models';
import { invalidPaths } from '../../test-support/invalid-paths';

let connection: Connection;
beforeEach(() => {
  // Never opened: models compile and validate without a server.
  connection = mongoose.createConnection();
});
afterEach(() => connection.close());

/** The validation error's failing paths, or [] when the document is valid. */
const decision = (doc: object) => new (decisionLogModels(connection, {}).DecisionLogEntry)(doc);

describe('decision log documents', () => {
  it('accepts documents the mapper builds and reads the record back as the SQLite store does', async () => {
    const record = sampleEntry('d1');
    const doc = toDecisionDocument(record);
    expect(await invalidPaths(decision(doc))).toEqual([]);
    const { input: _input, ...rest } = record;
    expect(fromDecisionDocument(doc)).toEqual({
      ...rest,
      input: {
        conversationId: 'conv-1',
        customer: { id: 'c1', tier: 'pro' },
        messages: [{ speaker: 'CUSTOMER', text: 'hello', at: '2025-02-01T09:29:00.000Z' }],
      },
    });
  });

  it('keeps a STAY without a reason code and a null queue', async () => {
    const record = sampleEntry('old-stay', {
      outcome: { action: 'STAY', reasonCode: null as unknown as string, reasons: [], queue: null, priority: 'LOW', tier: 'AI_RESOLVED' },
    });
    const doc = toDecisionDocument(record);
    expect(await invalidPaths(decision(doc))).toEqual([]);
    expect(fromDecisionDocument(doc).outcome).toEqual({ action: 'STAY', reasonCode: null, reasons: [], queue: null, priority: 'LOW', tier: 'AI_RESOLVED' });
  });

  it('drops undefined reason fields as JSON does', () => {
    const reasons = [{ code: 'x', category: 'CONTENT' as const, description: 'X', evidence: [], nodeId: undefined }];
    const doc = toDecisionDocument(sampleEntry('d1', { outcome: { ...sampleEntry('d1').outcome, reasons } }));
    expect(doc.outcome.reasons).toStrictEqual([{ code: 'x', category: 'CONTENT', description: 'X', evidence: [] }]);
  });

  const good = () => toDecisionDocument(sampleEntry('d1'));
  it.each([
    ['a missing policy id', { ...good(), policyId: undefined }, ['policyId']],
    ['a missing evaluation time', { ...good(), evaluatedAt: undefined }, ['evaluatedAt']],
    ['a version below 1', { ...good(), policyVersion: 0 }, ['policyVersion']],
    ['a fractional version', { ...good(), policyVersion: 1.5 }, ['policyVersion']],
    ['a negative latency', { ...good(), latencyMs: -1 }, ['latencyMs']],
    ['an input that is a list', { ...good(), input: [] }, ['input']],
    ['facts that are not an object', { ...good(), facts: 'x' }, ['facts']],
    ['an unknown action', { ...good(), outcome: { ...good().outcome, action: 'MAYBE' } }, ['outcome.action']],
    ['an unknown priority', { ...good(), outcome: { ...good().outcome, priority: 'CRITICAL' } }, ['outcome.priority']],
    ['reasons that are not a list', { ...good(), outcome: { ...good().outcome, reasons: {} } }, ['outcome.reasons']],
    ['no outcome', { ...good(), outcome: undefined }, ['outcome']],
  ])('rejects %s', async (_name, doc, paths) => {
    expect(await invalidPaths(decision(doc))).toEqual(paths);
  });

  it('refuses fields the schema does not declare', () => {
    const { DecisionLogEntry } = decisionLogModels(connection, {});
    expect(() => new DecisionLogEntry({ ...good(), extra: 1 })).toThrow(/not in schema/);
  });
});

describe('decision log indexes', () => {
  const keys = (retentionDays?: number) => decisionLogSchema(retentionDays === undefined ? {} : { retentionDays }).indexes();
  const newest = { evaluatedAt: -1, _id: -1 };

  it.each([
    ['the newest-first order and time ranges', newest],
    ['policy and version', { policyId: 1, policyVersion: 1, ...newest }],
    ['conversation', { conversationId: 1, ...newest }],
    ['action', { 'outcome.action': 1, ...newest }],
    ['reason code', { 'outcome.reasonCode': 1, ...newest }],
    ['queue', { 'outcome.queue': 1, ...newest }],
  ])('has an index for %s that ends in the keyset order', (_query, fields) => {
    const index = keys().find(([declared]) => JSON.stringify(declared) === JSON.stringify(fields));
    expect(index).toBeDefined();
  });

  it('indexes the logged time without expiry when retention is unset', () => {
    const loggedAt = keys().filter(([fields]) => 'loggedAt' in fields);
    expect(loggedAt).toHaveLength(1);
    expect(loggedAt[0]?.[1]).not.toHaveProperty('expireAfterSeconds');
  });

  it('makes the logged-time index a TTL index of days × 86,400 seconds when retention is set', () => {
    expect(keys(30).filter(([fields]) => 'loggedAt' in fields)).toEqual([[{ loggedAt: 1 }, expect.objectContaining({ expireAfterSeconds: 2_592_000 })]]);
    expect(keys(1).find(([fields]) => 'loggedAt' in fields)?.[1]).toMatchObject({ expireAfterSeconds: 86_400 });
  });

  it.each([0, -3, 1.5, Number.NaN])('refuses a retention of %p days', (days) => {
    expect(() => decisionLogSchema({ retentionDays: days })).toThrow(/whole number of days/);
  });

  it('refuses a second retention on one connection', () => {
    decisionLogModels(connection, { retentionDays: 30 });
    expect(() => decisionLogModels(connection, {})).toThrow(/another retention/);
    expect(decisionLogModels(connection, { retentionDays: 30 }).DecisionLogEntry.collection.collectionName).toBe('decision_log');
  });
});

describe('decision log immutability', () => {
  it('refuses updates and replacements of logged decisions but lets the retention purge delete', async () => {
    mongoose.set('bufferCommands', false);
    const { DecisionLogEntry } = decisionLogModels(connection, {});
    const immutable = /Logged decisions are immutable/;
    const filter = { decisionId: 'd-1' };
    await expect(DecisionLogEntry.updateOne(filter, { $set: { 'outcome.action': 'STAY' } })).rejects.toThrow(immutable);
    await expect(DecisionLogEntry.updateMany(filter, { $set: { 'outcome.action': 'STAY' } })).rejects.toThrow(immutable);
    await expect(DecisionLogEntry.findOneAndUpdate(filter, { $set: { 'outcome.action': 'STAY' } })).rejects.toThrow(immutable);
    await expect(DecisionLogEntry.replaceOne(filter, {})).rejects.toThrow(immutable);
    await expect(DecisionLogEntry.bulkWrite([{ updateOne: { filter, update: { $set: { 'outcome.action': 'STAY' } } } }])).rejects.toThrow(immutable);
    // Deletes pass the guard and fail only for want of a server here.
    await expect(DecisionLogEntry.deleteMany({ loggedAt: { $lt: new Date() } })).rejects.toThrow(/initial connection|not connected|Client must be connected/i);
    await expect(DecisionLogEntry.bulkWrite([{ deleteMany: { filter: {} } }])).rejects.toThrow(/initial connection|not connected|Client must be connected/i);
  });
});
