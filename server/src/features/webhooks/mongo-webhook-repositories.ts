/**
 * The webhooks feature over MongoDB: the repositories a unit of work writes through
 * (`store/mongo/mongo-unit-of-work.ts`), the reads, the dispatcher's claim-and-settle (each a
 * conditional update on the delivery's lease, atomic per document), and the outbox appender a
 * handoff change's unit of work calls in its transaction (`tx.handoffOutbox`).
 */
import type { ClientSession } from 'mongoose';
import { insertOrDuplicate } from '../../store/mongo/insert-or-duplicate';
import type { MongoContext } from '../../store/mongo/mongo-context';
import type { HandoffChange } from '../handoffs/handoff-store';
import { plannedOutbox } from './webhook-transitions';
import {
  fromDeliveryDocument,
  fromEndpointDocument,
  fromEventDocument,
  toDeliveryDocument,
  toEndpointDocument,
  webhookModels,
  type DeliveryDocument,
} from './mongo-webhook-models';
import {
  OWED_STATUSES,
  type WebhookAccess,
  type WebhookDeliveryRecord,
  type WebhookDeliveryRepository,
  type WebhookDeliveryView,
  type WebhookEndpointRepository,
} from './webhook-store';

/** Appends a handoff change's events in the transaction of `session`. */
export type MongoHandoffOutbox = (change: HandoffChange, session: ClientSession) => Promise<void>;

/** The repositories of one unit of work, bound to its session. */
export function mongoWebhookRepositories(
  ctx: MongoContext,
): (session: ClientSession) => { webhookEndpoints: WebhookEndpointRepository; webhookDeliveries: WebhookDeliveryRepository } {
  const { Endpoint, Delivery } = webhookModels(ctx.connection);
  return (session) => ({
    webhookEndpoints: {
      get: async (id) => {
        const doc = await Endpoint.findById(id, null, { session }).lean();
        return doc ? fromEndpointDocument(doc) : null;
      },
      save: async (record) => {
        await Endpoint.replaceOne({ _id: record.id }, toEndpointDocument(record), { session, upsert: true, runValidators: true });
      },
      remove: async (id, reason) => {
        await Delivery.updateMany(
          { endpointId: id, status: { $in: OWED_STATUSES } },
          { $set: { status: 'DEAD', nextAttemptAt: null, lastError: reason } },
          { session },
        );
        await Endpoint.deleteOne({ _id: id }, { session });
      },
    },
    webhookDeliveries: {
      get: async (id) => {
        const doc = await Delivery.findById(id, null, { session }).lean();
        return doc ? fromDeliveryDocument(doc) : null;
      },
      insert: (record) => insertOrDuplicate('webhook delivery', { _id: 'id' }, () => Delivery.create([toDeliveryDocument(record)], { session })),
    },
  });
}

/** The reads and the dispatcher's claim-and-settle. */
export function createMongoWebhookAccess(ctx: MongoContext): WebhookAccess {
  const { Endpoint, Event, Delivery } = webhookModels(ctx.connection);
  const views = async (docs: DeliveryDocument[]): Promise<WebhookDeliveryView[]> => {
    const events = await Event.find({ _id: { $in: [...new Set(docs.map((d) => d.eventId))] } }, { payload: 1 }).lean();
    const payloads = new Map(events.map((e) => [e._id, e.payload ?? null]));
    return docs.map((doc) => {
      const payload = payloads.get(doc.eventId) ?? null;
      return { ...fromDeliveryDocument(doc), payload: payload ? (JSON.parse(payload) as unknown) : null };
    });
  };
  return {
    listEndpoints: async () => (await Endpoint.find().sort({ createdAt: 1, _id: 1 }).lean()).map(fromEndpointDocument),
    getEndpoint: async (id) => {
      const doc = await Endpoint.findById(id).lean();
      return doc ? fromEndpointDocument(doc) : null;
    },
    getDelivery: async (id) => {
      const doc = await Delivery.findById(id).lean();
      return doc ? ((await views([doc]))[0] ?? null) : null;
    },
    queryDeliveries: async (filter, first, after) => {
      const match: Record<string, unknown> = {};
      if (filter.endpointId) match.endpointId = filter.endpointId;
      if (filter.status) match.status = filter.status;
      if (filter.eventType) match.eventType = filter.eventType;
      if (filter.decisionId) match.decisionId = filter.decisionId;
      if (after) match.$or = [{ createdAt: { $lt: after.createdAt } }, { createdAt: after.createdAt, _id: { $lt: after.id } }];
      return views(
        await Delivery.find(match)
          .sort({ createdAt: -1, _id: -1 })
          .limit(first + 1)
          .lean(),
      );
    },
    getEvent: async (id) => {
      const doc = await Event.findById(id).lean();
      return doc ? fromEventDocument(doc) : null;
    },
    savePayload: async (eventId, payload) => {
      await Event.updateOne({ _id: eventId, payload: null }, { $set: { payload } });
      return ((await Event.findById(eventId, { payload: 1 }).lean())?.payload ?? payload) as string;
    },
    claimDue: async (now, leaseUntil, limit) => {
      const enabled = (await Endpoint.find({ enabled: true }, { _id: 1 }).lean()).map((e) => e._id);
      const due = await Delivery.find({ status: { $in: OWED_STATUSES }, nextAttemptAt: { $lte: now }, endpointId: { $in: enabled } })
        .sort({ nextAttemptAt: 1, _id: 1 })
        .limit(limit)
        .lean();
      const claimed: WebhookDeliveryRecord[] = [];
      for (const doc of due) {
        const taken = await Delivery.findOneAndUpdate(
          { _id: doc._id, status: { $in: OWED_STATUSES }, nextAttemptAt: doc.nextAttemptAt },
          { $set: { nextAttemptAt: leaseUntil } },
          { new: true },
        ).lean();
        if (taken) claimed.push(fromDeliveryDocument(taken));
      }
      return claimed;
    },
    settle: async (deliveryId, leaseUntil, update) =>
      (await Delivery.updateOne({ _id: deliveryId, status: { $in: OWED_STATUSES }, nextAttemptAt: leaseUntil }, { $set: update })).modifiedCount === 1,
  };
}

/** The outbox appender: the change's events and one PENDING delivery per enabled subscribed endpoint, in `session`'s transaction. */
export function createMongoWebhookOutbox(ctx: MongoContext): MongoHandoffOutbox {
  const { Endpoint, Event, Delivery } = webhookModels(ctx.connection);
  return async (change, session) => {
    const endpoints = await Endpoint.find({ enabled: true }, { eventTypes: 1 }, { session }).lean();
    const subscribers = endpoints.map((endpoint) => ({ id: endpoint._id, eventTypes: endpoint.eventTypes }));
    for (const { event, deliveries } of plannedOutbox(change, subscribers)) {
      await Event.create(
        [{ _id: event.id, type: event.type, decisionId: event.decisionId, occurredAt: event.occurredAt, data: JSON.stringify(event.data), payload: null }],
        { session },
      );
      await Delivery.create(deliveries.map(toDeliveryDocument), { session, ordered: true });
    }
  };
}
