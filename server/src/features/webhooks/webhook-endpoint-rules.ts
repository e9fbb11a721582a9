/**
 * Endpoint changes as pure plans: the input checked (BAD_USER_INPUT naming the field at fault,
 * nothing written), the record to write, the audit event. Secrets rotate by prepending a new one
 * and giving the others an expiry: until then Baton signs with all of them (the Standard
 * Webhooks signature header holds several), so a receiver can switch at its own pace.
 */
import { randomUUID } from 'node:crypto';
import { badInput, notFound } from '../../baton-error';
import type { Actor, AuditEventInput } from '../audit/audit-event';
import { WEBHOOK_EVENT_TYPES } from './webhook-events';
import { generateWebhookSecret, secretPrefix } from './webhook-signing';
import type { EndpointChange, WebhookEndpointRecord } from './webhook-store';

/** Longest endpoint URL, in characters (what common browsers and proxies accept). */
export const MAX_URL_CHARS = 2048;
/** Longest description, in characters. */
export const MAX_DESCRIPTION_CHARS = 500;
/** Longest time a previous secret keeps signing after a rotation: 30 days, in seconds. */
export const MAX_KEEP_PREVIOUS_SECONDS = 30 * 86_400;

/** What `createWebhookEndpoint` and `updateWebhookEndpoint` may set (update: fields left out stay). */
export interface EndpointInput {
  url?: string | null;
  eventTypes?: readonly string[] | null;
  description?: string | null;
  enabled?: boolean | null;
}

/** An endpoint with the secret just made, shown only this once. */
export interface EndpointWithSecret {
  endpoint: WebhookEndpointRecord;
  secret: string;
}

/**
 * The URL as stored: trimmed, http or https, no user name or password (they would show in every
 * listing; put credentials in the secret's place: the signature).
 * @throws BAD_USER_INPUT (`extensions.field` = `url`)
 */
export function checkUrl(raw: string): string {
  const url = raw.trim();
  const refuse = (why: string) =>
    badInput(`url ${why}; give the http or https address that receives the events, e.g. https://helpdesk.example.com/hooks/baton.`, { field: 'url' });
  if (url.length === 0) throw refuse('is empty');
  if (url.length > MAX_URL_CHARS) throw refuse(`is ${url.length} characters long, over the ${MAX_URL_CHARS} allowed`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw refuse(`'${url.slice(0, 100)}' is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw refuse(`uses ${parsed.protocol.replace(/:$/, '')}, not http or https`);
  if (parsed.username || parsed.password) throw refuse('holds a user name or password, which every listing would show (the signature authenticates Baton)');
  return url;
}

/**
 * The event types, each once, in `WEBHOOK_EVENT_TYPES` order.
 * @throws BAD_USER_INPUT (`extensions.field` = `eventTypes`) for none or an unknown one
 */
export function checkEventTypes(types: readonly string[]): string[] {
  const known: readonly string[] = WEBHOOK_EVENT_TYPES;
  const unknown = types.filter((type) => !known.includes(type));
  if (unknown.length > 0) {
    throw badInput(
      `eventTypes: ${unknown.map((t) => `'${t}'`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not an event type; choose from ${known.join(', ')}.`,
      {
        field: 'eventTypes',
        unknown,
      },
    );
  }
  if (types.length === 0) throw badInput(`eventTypes is empty; subscribe to at least one of ${known.join(', ')}.`, { field: 'eventTypes' });
  return known.filter((type) => types.includes(type));
}

/** @throws BAD_USER_INPUT (`extensions.field` = `description`) when too long */
function checkDescription(description: string): string {
  const trimmed = description.trim();
  if (trimmed.length > MAX_DESCRIPTION_CHARS) {
    throw badInput(`description is ${trimmed.length} characters long; at most ${MAX_DESCRIPTION_CHARS} are kept.`, { field: 'description' });
  }
  return trimmed;
}

/** An endpoint as its audit events show it: never a secret, only prefixes. */
function summary(e: WebhookEndpointRecord) {
  return { url: e.url, eventTypes: e.eventTypes, enabled: e.enabled, description: e.description, secrets: e.secrets.map((s) => secretPrefix(s.secret)) };
}

const missing = (id: string) => notFound(`Webhook endpoint '${id}' does not exist; list them with webhookEndpoints.`, { endpointId: id });

/**
 * A new endpoint with its first secret.
 * @throws BAD_USER_INPUT for a missing or bad url or eventTypes, or a long description
 */
export function planCreate(input: EndpointInput, actor: Actor, at: Date): EndpointChange<EndpointWithSecret> {
  if (input.url === undefined || input.url === null) throw badInput('url is required.', { field: 'url' });
  const secret = generateWebhookSecret();
  const endpoint: WebhookEndpointRecord = {
    id: `wh_${randomUUID()}`,
    url: checkUrl(input.url),
    description: checkDescription(input.description ?? ''),
    eventTypes: checkEventTypes(input.eventTypes ?? []),
    enabled: input.enabled ?? true,
    secrets: [{ secret, createdAt: at, expiresAt: null }],
    createdAt: at,
    updatedAt: at,
  };
  const event: AuditEventInput = {
    actor,
    action: 'webhook.endpoint.create',
    targetType: 'webhookEndpoint',
    targetId: endpoint.id,
    after: summary(endpoint),
    at,
  };
  return { write: { kind: 'save', record: endpoint }, event, result: { endpoint, secret } };
}

/**
 * `current` with the fields `input` gives.
 * @throws NOT_FOUND (unknown id), BAD_USER_INPUT (a bad field, named)
 */
export function planUpdate(
  id: string,
  current: WebhookEndpointRecord | null,
  input: EndpointInput,
  actor: Actor,
  at: Date,
): EndpointChange<WebhookEndpointRecord> {
  if (!current) throw missing(id);
  const next: WebhookEndpointRecord = {
    ...current,
    url: input.url === undefined || input.url === null ? current.url : checkUrl(input.url),
    eventTypes: input.eventTypes === undefined || input.eventTypes === null ? current.eventTypes : checkEventTypes(input.eventTypes),
    description: input.description === undefined || input.description === null ? current.description : checkDescription(input.description),
    enabled: input.enabled ?? current.enabled,
    updatedAt: at,
  };
  const event: AuditEventInput = {
    actor,
    action: 'webhook.endpoint.update',
    targetType: 'webhookEndpoint',
    targetId: id,
    before: summary(current),
    after: summary(next),
    at,
  };
  return { write: { kind: 'save', record: next }, event, result: next };
}

/** @throws NOT_FOUND for an unknown id */
export function planDelete(id: string, current: WebhookEndpointRecord | null, actor: Actor, at: Date): EndpointChange<WebhookEndpointRecord> {
  if (!current) throw missing(id);
  const event: AuditEventInput = { actor, action: 'webhook.endpoint.delete', targetType: 'webhookEndpoint', targetId: id, before: summary(current), at };
  return { write: { kind: 'remove', id, reason: 'endpoint deleted' }, event, result: current };
}

/**
 * A new current secret; the others keep signing until `keepPreviousForSeconds` from `at` (or
 * their own earlier expiry); expired ones are dropped.
 * @throws NOT_FOUND (unknown id), BAD_USER_INPUT (`keepPreviousForSeconds` outside 0..2,592,000)
 */
export function planRotation(
  id: string,
  current: WebhookEndpointRecord | null,
  keepPreviousForSeconds: number,
  actor: Actor,
  at: Date,
): EndpointChange<EndpointWithSecret> {
  if (!current) throw missing(id);
  if (!Number.isInteger(keepPreviousForSeconds) || keepPreviousForSeconds < 0 || keepPreviousForSeconds > MAX_KEEP_PREVIOUS_SECONDS) {
    throw badInput(`keepPreviousForSeconds must be a whole number from 0 to ${MAX_KEEP_PREVIOUS_SECONDS} (30 days), got ${keepPreviousForSeconds}.`, {
      field: 'keepPreviousForSeconds',
    });
  }
  const until = new Date(at.getTime() + keepPreviousForSeconds * 1000);
  const previous =
    keepPreviousForSeconds === 0 ? [] : activeSecrets(current, at).map((s) => ({ ...s, expiresAt: s.expiresAt && s.expiresAt < until ? s.expiresAt : until }));
  const secret = generateWebhookSecret();
  const endpoint: WebhookEndpointRecord = { ...current, secrets: [{ secret, createdAt: at, expiresAt: null }, ...previous], updatedAt: at };
  const event: AuditEventInput = {
    actor,
    action: 'webhook.secret.rotate',
    targetType: 'webhookEndpoint',
    targetId: id,
    before: { secrets: current.secrets.map((s) => secretPrefix(s.secret)) },
    after: { secrets: endpoint.secrets.map((s) => secretPrefix(s.secret)), previousExpireAt: previous.length > 0 ? until.toISOString() : null },
    at,
  };
  return { write: { kind: 'save', record: endpoint }, event, result: { endpoint, secret } };
}

/** The secrets Baton signs with at `at`, newest first: those not expired. */
export function activeSecrets(endpoint: Pick<WebhookEndpointRecord, 'secrets'>, at: Date): WebhookEndpointRecord['secrets'] {
  return endpoint.secrets.filter((s) => s.expiresAt === null || s.expiresAt.getTime() > at.getTime());
}
