/**
 * The webhook store, written once for every adapter: an endpoint change or a redelivery is a
 * unit of work that reads through the repositories, lets the service's pure plan decide, and
 * writes the result with its audit event. Adapters supply the repositories and `WebhookAccess`.
 */
import type { Transaction, UnitOfWork } from '../../store/unit-of-work';
import type { WebhookAccess, WebhookStore } from './webhook-store';

/** The part of a unit of work the webhooks feature reads and writes (the outbox is written by handoff changes, not here). */
export type WebhookTransaction = Pick<Transaction, 'webhookEndpoints' | 'webhookDeliveries' | 'audit'>;

/** Builds the store over `uow`; reads and the dispatcher's claims go straight to `access`. */
export function createWebhookStore(uow: UnitOfWork<WebhookTransaction>, access: WebhookAccess): WebhookStore {
  return {
    ...access,
    changeEndpoint: (id, change) =>
      uow.transaction(async (tx) => {
        const { write, event, result } = change(await tx.webhookEndpoints.get(id));
        if (write.kind === 'save') await tx.webhookEndpoints.save(write.record);
        else await tx.webhookEndpoints.remove(write.id, write.reason);
        await tx.audit.append(event);
        return result;
      }),
    redeliver: (deliveryId, plan) =>
      uow.transaction(async (tx) => {
        const delivery = await tx.webhookDeliveries.get(deliveryId);
        const endpoint = delivery ? await tx.webhookEndpoints.get(delivery.endpointId) : null;
        const { record, event } = plan(delivery, endpoint);
        await tx.webhookDeliveries.insert(record);
        await tx.audit.append(event);
        return record;
      }),
  };
}
