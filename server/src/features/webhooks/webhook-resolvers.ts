/** GraphQL resolvers of webhooks: argument plumbing only, logic in WebhookService. */
import type { BatonContext } from '../../graphql/context';
import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { DEFAULT_KEEP_PREVIOUS_SECONDS } from './webhook-service';

const actorOf = ({ principal }: BatonContext) => ({ keyId: principal.keyId, role: principal.role });

export const webhookResolvers: Resolvers = {
  Query: {
    webhookEventTypes: (_p, _a, { webhooks }) => [...webhooks.eventTypes()],
    webhookEndpoints: (_p, _a, { webhooks }) => webhooks.listEndpoints(),
    webhookEndpoint: (_p, { id }, { webhooks }) => webhooks.getEndpoint(id),
    webhookDeliveries: (_p, { filter, first, after }, { webhooks }) => webhooks.deliveries(filter ?? {}, first ?? 50, after),
  },
  Mutation: {
    createWebhookEndpoint: (_p, { input }, context) => context.webhooks.createEndpoint(input, actorOf(context)),
    updateWebhookEndpoint: (_p, { id, input }, context) => context.webhooks.updateEndpoint(id, input, actorOf(context)),
    deleteWebhookEndpoint: (_p, { id }, context) => context.webhooks.deleteEndpoint(id, actorOf(context)),
    rotateWebhookSecret: (_p, { id, keepPreviousForSeconds }, context) =>
      context.webhooks.rotateSecret(id, keepPreviousForSeconds ?? DEFAULT_KEEP_PREVIOUS_SECONDS, actorOf(context)),
    redeliverWebhook: (_p, { deliveryId }, context) => context.webhooks.redeliver(deliveryId, actorOf(context)),
  },
  WebhookEndpoint: {
    secrets: (endpoint, _a, { webhooks }) => webhooks.secretsOf(endpoint),
  },
};
