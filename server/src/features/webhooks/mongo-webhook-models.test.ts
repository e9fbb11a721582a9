/**
 * The webhooks' MongoDB schemas without a server: endpoints and deliveries the mappers build
 * validate and read back equal through BSON; bad documents are refused; the indexes the
 * outbox, the dispatcher's claim and the delivery log use are declared.
 */
import mongoose, { mongo, type Connection } from 'mongoose';
import { SYSTEM_ACTOR } from '../audit/audit-event';
import { invalidPaths } from '../../test-support/invalid-paths';
import { planCreate, planRotation } from './webhook-endpoint-rules';
import {
  deliverySchema,
  endpointSchema,
  fromDeliveryDocument,
  fromEndpointDocument,
  toDeliveryDocument,
  toEndpointDocument,
  webhookModels,
} from './mongo-webhook-models';
import { planRedelivery } from './webhook-transitions';
import type { WebhookDeliveryRecord } from './webhook-store';

const T0 = new Date('2026-05-04T10:00:00.000Z');
let connection: Connection;
beforeEach(() => {
  // Never opened: models compile and validate without a server.
  connection = mongoose.createConnection();
});
afterEach(() => connection.close());

const endpoint = () => planCreate({ url: 'https://desk.example.com/hook', eventTypes: ['handoff.started'] }, SYSTEM_ACTOR, T0).result.endpoint;
const throughBson = <T>(doc: T): T => mongo.BSON.deserialize(mongo.BSON.serialize(doc as mongo.Document)) as T;

const delivery: WebhookDeliveryRecord = {
  id: 'dlv_1',
  eventId: 'evt_1',
  eventType: 'handoff.started',
  decisionId: 'd-1',
  endpointId: 'wh_1',
  status: 'DELIVERED',
  attempts: 2,
  nextAttemptAt: null,
  lastAttemptAt: T0,
  lastStatusCode: 204,
  lastError: null,
  lastDurationMs: 18,
  deliveredAt: T0,
  redeliveryOf: null,
  createdAt: T0,
};

describe('webhook documents', () => {
  it('an endpoint with a rotated secret validates and reads back equal', async () => {
    const created = endpoint();
    const rotated = planRotation(created.id, created, 600, SYSTEM_ACTOR, T0).result.endpoint;
    const doc = toEndpointDocument(rotated);
    expect(await invalidPaths(new (webhookModels(connection).Endpoint)(doc))).toEqual([]);
    expect(fromEndpointDocument(throughBson(doc))).toStrictEqual(rotated);
  });

  it('a delivery and its redelivery validate and read back equal; a bad status or attempt count is refused', async () => {
    const { Delivery } = webhookModels(connection);
    for (const record of [delivery, planRedelivery('dlv_1', delivery, endpoint(), T0)]) {
      const doc = toDeliveryDocument(record);
      expect(await invalidPaths(new Delivery(doc))).toEqual([]);
      expect(fromDeliveryDocument(throughBson(doc))).toStrictEqual(record);
    }
    expect(await invalidPaths(new Delivery({ ...toDeliveryDocument(delivery), status: 'SENT', attempts: 1.5 }))).toEqual(['attempts', 'status']);
  });

  it('declares the indexes of the fan-out, the claim and the delivery log', () => {
    expect(endpointSchema.indexes().map(([fields]) => fields)).toEqual([{ enabled: 1, eventTypes: 1 }]);
    expect(deliverySchema.indexes().map(([fields]) => fields)).toEqual([
      { status: 1, nextAttemptAt: 1 },
      { createdAt: -1, _id: -1 },
      { endpointId: 1, createdAt: -1 },
      { decisionId: 1 },
    ]);
  });
});
