/**
 * The audit log's MongoDB schemas and mappers, without a MongoDB server: validation, mapping of
 * real events both ways with their hashes intact, declared indexes, and append-only events.
 */
import { Mongoose } from 'mongoose';
import { removeTempDirs } from '../../test-support/temp-dir';
import { storedRecords } from '../../test-support/stored-records';
import { GENESIS_HASH, hashAuditEvent, type AuditEvent } from './audit-event';
import { AUDIT_HEAD_ID, auditEventSchema, auditModels, fromAuditEventDocument, toAuditEventDocument } from './mongo-audit-models';
import { invalidPaths } from '../../test-support/invalid-paths';

// A connection that never connects: see mongo-policy-models.test.ts.
const mongoose = new Mongoose();
mongoose.set('bufferCommands', false);
mongoose.set('autoIndex', false);
mongoose.set('autoCreate', false);
const { AuditEvent, AuditHead } = auditModels(mongoose.createConnection());

let events: AuditEvent[];
beforeAll(async () => {
  events = (await storedRecords()).auditEvents;
});
afterAll(removeTempDirs);

const hashHolds = ({ hash, ...unhashed }: AuditEvent): boolean => hashAuditEvent(unhashed) === hash;

describe('audit event documents', () => {
  it('accept every real event and map back to it unchanged, so its hash still holds', async () => {
    const actions = new Set(events.map((e) => e.action));
    expect([...actions].sort()).toEqual([
      'changeRequest.approve',
      'changeRequest.open',
      'changeRequest.publish',
      'changeRequest.reject',
      'policy.create',
      'policy.draft.save',
      'policy.publish',
      'policy.requiredApprovals',
      'policy.setDefault',
      'policyTestCase.save',
    ]);
    expect(events.some((e) => !('before' in e))).toBe(true);
    for (const event of events) {
      const document = toAuditEventDocument(event);
      expect(await invalidPaths(new AuditEvent(document))).toEqual([]);
      const stored = new AuditEvent(document).toObject({ versionKey: false });
      expect(fromAuditEventDocument(document)).toStrictEqual(event);
      expect(fromAuditEventDocument(stored)).toStrictEqual(event);
      expect(hashHolds(fromAuditEventDocument(stored))).toBe(true);
    }
  });

  it('store an absent before or after as null', () => {
    const created = events.find((e) => e.action === 'policy.create');
    expect(created && toAuditEventDocument(created)).toMatchObject({ before: null, after: { draftRevision: 1 } });
  });

  it.each([
    ['a hash that is not hex', { hash: 'g'.repeat(64) }, ['hash']],
    ['an upper-case hash', { hash: 'AB'.repeat(32) }, ['hash']],
    ['a 63-character previous hash', { prevHash: '0'.repeat(63) }, ['prevHash']],
    ['no previous hash', { prevHash: undefined }, ['prevHash']],
    ['sequence 0', { sequence: 0 }, ['sequence']],
    ['a fractional sequence', { sequence: 1.5 }, ['sequence']],
    ['an action that is not a dotted verb', { action: 'publish' }, ['action']],
    ['an action ending in a dot', { action: 'policy.' }, ['action']],
    ['an actor without a role', { actor: { keyId: 'k' } }, ['actor.role']],
    ['no target', { targetId: undefined }, ['targetId']],
    ['no time', { at: undefined }, ['at']],
  ])('refuse %s', async (_name, change, paths) => {
    expect(await invalidPaths(new AuditEvent({ ...toAuditEventDocument(events[0]!), ...change }))).toEqual(paths);
  });

  it('are append-only: every way of changing or deleting one is refused, inserts let through', async () => {
    const appendOnly = /The audit log is append-only/;
    const document = toAuditEventDocument(events[0]!);
    await expect(AuditEvent.updateOne({ sequence: 1 }, { $set: { targetId: 'x' } })).rejects.toThrow(appendOnly);
    await expect(AuditEvent.replaceOne({ sequence: 1 }, document)).rejects.toThrow(appendOnly);
    await expect(AuditEvent.deleteMany({})).rejects.toThrow(appendOnly);
    await expect(AuditEvent.findOneAndDelete({ sequence: 1 })).rejects.toThrow(appendOnly);
    await expect(AuditEvent.bulkWrite([{ updateOne: { filter: { sequence: 1 }, update: { $set: { targetId: 'x' } } } }])).rejects.toThrow(appendOnly);
    const loaded = AuditEvent.hydrate({ ...document, _id: '665f1b2c3d4e5f6a7b8c9d0e' });
    loaded.targetId = 'x';
    await expect(loaded.save()).rejects.toThrow(appendOnly);
    await expect(loaded.deleteOne()).rejects.toThrow(appendOnly);
    await expect(new AuditEvent(document).save()).rejects.toThrow(/initial connection/);
  });
});

describe('audit head document', () => {
  it('accepts the genesis head and refuses a negative sequence or a bad hash', async () => {
    expect(await invalidPaths(new AuditHead({ _id: AUDIT_HEAD_ID, sequence: 0, hash: GENESIS_HASH }))).toEqual([]);
    expect(await invalidPaths(new AuditHead({ _id: AUDIT_HEAD_ID, sequence: -1, hash: 'x' }))).toEqual(['hash', 'sequence']);
  });
});

describe('audit indexes', () => {
  it('serve sequence order (unique: one event per place in the chain) and every listEvents filter', () => {
    expect(auditEventSchema.indexes()).toEqual([
      [{ sequence: 1 }, { unique: true }],
      [{ action: 1, sequence: 1 }, {}],
      [{ targetType: 1, targetId: 1, sequence: 1 }, {}],
      [{ 'actor.keyId': 1, sequence: 1 }, {}],
      [{ at: 1 }, {}],
    ]);
    expect([AuditEvent.collection.collectionName, AuditHead.collection.collectionName]).toEqual(['audit_log', 'audit_head']);
  });
});
