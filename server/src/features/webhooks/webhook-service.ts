/**
 * Webhooks as the API offers them: endpoints (create, update, delete, rotate the secret; each
 * audited), the delivery log (filtered, paged) and manual redelivery. Rules are the pure plans of
 * `webhook-endpoint-rules.ts` and `webhook-transitions.ts`; the store writes each plan with its
 * audit event in one unit of work. Delivering is the dispatcher's job (`webhook-dispatcher.ts`).
 */
import { badInput } from '../../baton-error';
import type { Actor } from '../audit/audit-event';
import { activeSecrets, planCreate, planDelete, planRotation, planUpdate, type EndpointInput, type EndpointWithSecret } from './webhook-endpoint-rules';
import { WEBHOOK_EVENT_TYPES } from './webhook-events';
import { secretPrefix } from './webhook-signing';
import type { DeliveryFilter, DeliveryPosition, WebhookDeliveryView, WebhookEndpointRecord, WebhookStore } from './webhook-store';
import { planRedelivery } from './webhook-transitions';

/** Largest page of the delivery log. */
export const MAX_DELIVERIES_PAGE = 500;
/** Default time the previous secrets keep signing after a rotation: one day, in seconds. */
export const DEFAULT_KEEP_PREVIOUS_SECONDS = 86_400;

export interface WebhookServiceDeps {
  store: WebhookStore;
  clock?: () => Date;
  /** Asks the dispatcher to look for due deliveries now (a redelivery need not wait for the next poll). */
  wake?: () => void;
}

export interface DeliveryConnection {
  nodes: WebhookDeliveryView[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

/** A secret as listings show it: never its value. */
export interface SecretInfo {
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
}

function encodeCursor(position: DeliveryPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id])).toString('base64url');
}

/** @throws BAD_USER_INPUT when `cursor` is not one `encodeCursor` made */
function decodeCursor(cursor: string): DeliveryPosition {
  const refuse = () =>
    badInput('after is not a cursor of webhookDeliveries; pass pageInfo.endCursor of the previous page unchanged, or omit after.', { field: 'after' });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string') throw refuse();
  const position = { createdAt: new Date(parsed[0]), id: parsed[1] };
  if (Number.isNaN(position.createdAt.getTime()) || encodeCursor(position) !== cursor) throw refuse();
  return position;
}

export class WebhookService {
  private readonly clock: () => Date;

  constructor(private readonly deps: WebhookServiceDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  /** Every event type an endpoint may subscribe to. */
  eventTypes(): readonly string[] {
    return WEBHOOK_EVENT_TYPES;
  }

  listEndpoints(): Promise<WebhookEndpointRecord[]> {
    return this.deps.store.listEndpoints();
  }

  /** @returns null for an unknown id */
  getEndpoint(id: string): Promise<WebhookEndpointRecord | null> {
    return this.deps.store.getEndpoint(id);
  }

  /** The secrets Baton signs with now, newest first, by prefix only. */
  secretsOf(endpoint: WebhookEndpointRecord): SecretInfo[] {
    return activeSecrets(endpoint, this.clock()).map((s) => ({ prefix: secretPrefix(s.secret), createdAt: s.createdAt, expiresAt: s.expiresAt }));
  }

  /**
   * Creates an endpoint; its secret is in the result only.
   * @throws BAD_USER_INPUT (`extensions.field`: url, eventTypes or description)
   */
  createEndpoint(input: EndpointInput, actor: Actor): Promise<EndpointWithSecret> {
    const at = this.clock();
    const plan = planCreate(input, actor, at);
    return this.deps.store.changeEndpoint(plan.result.endpoint.id, () => plan);
  }

  /** @throws NOT_FOUND (unknown id), BAD_USER_INPUT (`extensions.field`) */
  updateEndpoint(id: string, input: EndpointInput, actor: Actor): Promise<WebhookEndpointRecord> {
    const at = this.clock();
    return this.deps.store.changeEndpoint(id, (current) => planUpdate(id, current, input, actor, at));
  }

  /** Deletes the endpoint; deliveries still owed to it become DEAD. @throws NOT_FOUND */
  deleteEndpoint(id: string, actor: Actor): Promise<WebhookEndpointRecord> {
    const at = this.clock();
    return this.deps.store.changeEndpoint(id, (current) => planDelete(id, current, actor, at));
  }

  /**
   * A new secret, returned only here; the previous ones keep signing for `keepPreviousForSeconds`.
   * @throws NOT_FOUND (unknown id), BAD_USER_INPUT (`keepPreviousForSeconds` outside 0..2,592,000)
   */
  rotateSecret(id: string, keepPreviousForSeconds: number, actor: Actor): Promise<EndpointWithSecret> {
    const at = this.clock();
    return this.deps.store.changeEndpoint(id, (current) => planRotation(id, current, keepPreviousForSeconds, actor, at));
  }

  /**
   * The delivery log, newest first, `first` per page after the cursor `after`.
   * @throws BAD_USER_INPUT for `first` outside 1..500, an unknown `filter.eventType`, or a malformed cursor
   */
  async deliveries(filter: DeliveryFilter = {}, first = 50, after?: string | null): Promise<DeliveryConnection> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_DELIVERIES_PAGE) {
      throw badInput(`first must be between 1 and ${MAX_DELIVERIES_PAGE}, got ${first}; page through longer logs with after.`, { field: 'first' });
    }
    const known: readonly string[] = WEBHOOK_EVENT_TYPES;
    if (filter.eventType && !known.includes(filter.eventType)) {
      throw badInput(`filter.eventType '${filter.eventType}' is not an event type; choose from ${known.join(', ')}.`, { field: 'filter.eventType' });
    }
    const position = after === undefined || after === null ? null : decodeCursor(after);
    const rows = await this.deps.store.queryDeliveries(filter, first, position);
    const nodes = rows.slice(0, first);
    const last = nodes[nodes.length - 1];
    return { nodes, pageInfo: { endCursor: last ? encodeCursor(last) : null, hasNextPage: rows.length > first } };
  }

  /**
   * Sends a DELIVERED or DEAD delivery's event again as a new delivery (`redeliveryOf` set).
   * @throws NOT_FOUND (unknown delivery, deleted endpoint), CONFLICT (still being retried, or the endpoint is disabled)
   */
  async redeliver(deliveryId: string, actor: Actor): Promise<WebhookDeliveryView> {
    const at = this.clock();
    const record = await this.deps.store.redeliver(deliveryId, (delivery, endpoint) => {
      const redelivery = planRedelivery(deliveryId, delivery, endpoint, at);
      return {
        record: redelivery,
        event: {
          actor,
          action: 'webhook.redeliver',
          targetType: 'webhookDelivery',
          targetId: deliveryId,
          before: { status: delivery?.status ?? 'unknown' },
          after: { delivery: redelivery.id, eventId: redelivery.eventId, endpointId: redelivery.endpointId },
          at,
        },
      };
    });
    this.deps.wake?.();
    return (await this.deps.store.getDelivery(record.id)) ?? { ...record, payload: null };
  }
}
