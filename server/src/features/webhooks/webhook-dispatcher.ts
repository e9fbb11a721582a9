/**
 * The delivery loop the server runs: every `pollMs` it claims the deliveries that are due (as
 * many as it has free slots: at most `concurrency` requests in flight, so a slow receiver holds
 * slots, never memory or the request path), POSTs each signed body with a timeout, and settles
 * it as `webhook-transitions.ts` plans (DELIVERED, FAILED with its next attempt, or DEAD). A claim
 * is a lease of twice the timeout on the delivery's row: a dispatcher that dies mid-delivery
 * (kill -9) leaves the row to be claimed again once the lease has passed, by itself after a
 * restart or by another server on the store: delivery is at least once, and receivers
 * deduplicate on `webhook-id`.
 */
import type { Logger } from '../../logger';
import type { RetrySchedule } from './webhook-backoff';
import { activeSecrets } from './webhook-endpoint-rules';
import { signWebhook } from './webhook-signing';
import type { WebhookAccess, WebhookDeliveryRecord, WebhookEventRecord } from './webhook-store';
import { isSuccess, planAttempt, type AttemptOutcome } from './webhook-transitions';

/** The dispatcher's timings (`BATON_WEBHOOK_*`, see `config.ts`). */
export interface WebhookDispatchConfig {
  /** How often due deliveries are looked for, ms. */
  pollMs: number;
  /** Longest wait for a receiver's whole answer, ms; past it the attempt fails. */
  timeoutMs: number;
  /** Most requests in flight at once. */
  concurrency: number;
  retry: RetrySchedule;
}

export interface WebhookDispatcherOptions {
  store: WebhookAccess;
  /** The event's body, built on its first attempt (`webhook-payload.ts`). */
  buildPayload: (event: WebhookEventRecord) => Promise<string>;
  config: WebhookDispatchConfig;
  logger: Logger;
  clock?: () => Date;
  /** The jitter's draws in [0, 1). */
  random?: () => number;
}

/** Characters of a failing receiver's answer kept in `lastError`. */
const ERROR_BODY_CHARS = 200;

export class WebhookDispatcher {
  private readonly clock: () => Date;
  private readonly inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<number> | undefined;
  private stopped = false;

  constructor(private readonly options: WebhookDispatcherOptions) {
    this.clock = options.clock ?? (() => new Date());
  }

  /** Looks for due deliveries every `pollMs` (the timer does not keep the process alive). */
  start(): void {
    if (this.timer || this.stopped) return;
    this.timer = setInterval(() => void this.tick(), this.options.config.pollMs);
    this.timer.unref();
  }

  /**
   * Claims due deliveries for the free slots and starts them (without waiting for them); a
   * failure to claim is logged, never thrown.
   * @returns how many were claimed
   */
  tick(): Promise<number> {
    this.ticking ??= this.claim().finally(() => (this.ticking = undefined));
    return this.ticking;
  }

  /** Waits until nothing is in flight (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.ticking || this.inFlight.size > 0) await Promise.all([this.ticking, ...this.inFlight]);
  }

  /** Stops claiming and waits for the requests in flight (each ends within the timeout). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.idle();
  }

  private async claim(): Promise<number> {
    const { config, store, logger } = this.options;
    const free = config.concurrency - this.inFlight.size;
    if (this.stopped || free <= 0) return 0;
    const now = this.clock();
    const leaseUntil = new Date(now.getTime() + 2 * config.timeoutMs);
    let claimed: WebhookDeliveryRecord[];
    try {
      claimed = await store.claimDue(now, leaseUntil, free);
    } catch (error) {
      logger.error({ err: error }, 'webhook deliveries could not be claimed');
      return 0;
    }
    for (const delivery of claimed) {
      const run = this.attempt(delivery, leaseUntil).catch((error: unknown) =>
        logger.error({ err: error, deliveryId: delivery.id }, 'webhook delivery failed to settle; it is retried once its lease has passed'),
      );
      this.inFlight.add(run);
      void run.finally(() => this.inFlight.delete(run));
    }
    return claimed.length;
  }

  /** One attempt of `delivery`, settled under its lease. */
  private async attempt(delivery: WebhookDeliveryRecord, leaseUntil: Date): Promise<void> {
    const { store, config, logger } = this.options;
    const [event, endpoint] = await Promise.all([store.getEvent(delivery.eventId), store.getEndpoint(delivery.endpointId)]);
    if (!event || !endpoint) return;
    const body = event.payload ?? (await store.savePayload(event.id, await this.options.buildPayload(event)));
    const startedAt = this.clock();
    const signature = signWebhook(
      event.id,
      startedAt,
      body,
      activeSecrets(endpoint, startedAt).map((s) => s.secret),
    );
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'Baton-Webhooks/1',
      ...signature,
      'baton-delivery-id': delivery.id,
      'baton-event-type': event.type,
      'baton-attempt': String(delivery.attempts + 1),
      ...(delivery.redeliveryOf ? { 'baton-redelivery-of': delivery.redeliveryOf } : {}),
    };
    const outcome = await post(endpoint.url, headers, body, config.timeoutMs);
    const durationMs = this.clock().getTime() - startedAt.getTime();
    const update = planAttempt(delivery, outcome, startedAt, durationMs, config.retry, this.options.random);
    const settled = await store.settle(delivery.id, leaseUntil, update);
    const fields = { deliveryId: delivery.id, eventType: event.type, endpointId: endpoint.id, status: update.status, statusCode: outcome.statusCode };
    if (!settled) logger.warn(fields, 'webhook attempt outlived its lease; another attempt owns the delivery now');
    else if (update.status === 'DEAD') logger.warn({ ...fields, error: update.lastError }, 'webhook delivery dead-lettered');
    else if (update.status === 'FAILED') logger.info({ ...fields, error: update.lastError, nextAttemptAt: update.nextAttemptAt }, 'webhook attempt failed');
  }
}

/** POSTs `body`; never throws: a timeout or connection error is an outcome too. Redirects are not followed (they fail the attempt). */
async function post(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<AttemptOutcome> {
  try {
    const response = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    if (isSuccess(response.status)) {
      await response.body?.cancel();
      return { statusCode: response.status, error: null };
    }
    const text = (await response.text()).trim().slice(0, ERROR_BODY_CHARS);
    return { statusCode: response.status, error: `the receiver answered HTTP ${response.status}${text ? `: ${text}` : ''}` };
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'TimeoutError' || name === 'AbortError') return { statusCode: null, error: `no answer within ${timeoutMs} ms (BATON_WEBHOOK_TIMEOUT_MS)` };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { statusCode: null, error: `request failed: ${cause?.code ?? cause?.message ?? (error as Error).message}` };
  }
}
