import { BatonError } from '../../baton-error';
import { planAttempt, planRedelivery } from './webhook-transitions';
import type { WebhookDeliveryRecord, WebhookEndpointRecord } from './webhook-store';

const T0 = new Date('2026-05-04T10:00:00.000Z');
const retry = { baseMs: 1000, maxMs: 60_000, maxAttempts: 3 };
const half = () => 0.5;

const delivery = (fields: Partial<WebhookDeliveryRecord> = {}): WebhookDeliveryRecord => ({
  id: 'dlv_1',
  eventId: 'evt_1',
  eventType: 'handoff.assigned',
  decisionId: 'd-1',
  endpointId: 'wh_1',
  status: 'PENDING',
  attempts: 0,
  nextAttemptAt: T0,
  lastAttemptAt: null,
  lastStatusCode: null,
  lastError: null,
  lastDurationMs: null,
  deliveredAt: null,
  redeliveryOf: null,
  createdAt: T0,
  ...fields,
});
const endpoint = (fields: Partial<WebhookEndpointRecord> = {}): WebhookEndpointRecord => ({
  id: 'wh_1',
  url: 'https://desk.example.com/hook',
  description: '',
  eventTypes: ['handoff.assigned'],
  enabled: true,
  secrets: [],
  createdAt: T0,
  updatedAt: T0,
  ...fields,
});

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof BatonError ? error.code : 'not a BatonError';
  }
  return undefined;
}

describe('planAttempt', () => {
  it('a 2xx answer delivers it: no next attempt, no error', () => {
    expect(planAttempt(delivery(), { statusCode: 204, error: null }, T0, 35, retry, half)).toEqual({
      status: 'DELIVERED',
      attempts: 1,
      nextAttemptAt: null,
      lastAttemptAt: T0,
      lastStatusCode: 204,
      lastError: null,
      lastDurationMs: 35,
      deliveredAt: T0,
    });
  });

  it('a failure before the last attempt is FAILED, retried after the backoff of that attempt', () => {
    const first = planAttempt(delivery(), { statusCode: 500, error: 'the receiver answered HTTP 500: boom' }, T0, 20, retry, half);
    expect(first).toMatchObject({ status: 'FAILED', attempts: 1, lastStatusCode: 500, lastError: 'the receiver answered HTTP 500: boom', deliveredAt: null });
    // 1 s cap, equal jitter at 0.5: 750 ms after the attempt ended.
    expect(first.nextAttemptAt).toEqual(new Date(T0.getTime() + 20 + 750));
    const second = planAttempt(delivery({ status: 'FAILED', attempts: 1 }), { statusCode: null, error: 'no answer within 100 ms' }, T0, 100, retry, half);
    expect(second).toMatchObject({ status: 'FAILED', attempts: 2, lastStatusCode: null, lastError: 'no answer within 100 ms' });
    expect(second.nextAttemptAt).toEqual(new Date(T0.getTime() + 100 + 1500));
  });

  it('the last failed attempt dead-letters it, saying so', () => {
    const dead = planAttempt(delivery({ status: 'FAILED', attempts: 2 }), { statusCode: 410, error: null }, T0, 5, retry, half);
    expect(dead).toMatchObject({ status: 'DEAD', attempts: 3, nextAttemptAt: null, lastStatusCode: 410 });
    expect(dead.lastError).toBe('the receiver answered HTTP 410; dead-lettered after 3 attempt(s)');
  });

  it('a redirect is not a success', () => {
    expect(planAttempt(delivery(), { statusCode: 302, error: null }, T0, 5, retry, half).status).toBe('FAILED');
  });
});

describe('planRedelivery', () => {
  it('repeats a DELIVERED or DEAD delivery as a new PENDING one of the same event, due now, marked as a redelivery', () => {
    for (const status of ['DELIVERED', 'DEAD'] as const) {
      const again = planRedelivery('dlv_1', delivery({ status, attempts: 4, lastStatusCode: 200 }), endpoint(), T0);
      expect(again).toMatchObject({
        eventId: 'evt_1',
        endpointId: 'wh_1',
        status: 'PENDING',
        attempts: 0,
        nextAttemptAt: T0,
        redeliveryOf: 'dlv_1',
        lastStatusCode: null,
      });
      expect(again.id).toMatch(/^dlv_/);
      expect(again.id).not.toBe('dlv_1');
    }
  });

  it('refuses an unknown delivery or deleted endpoint (NOT_FOUND), one still being retried or a disabled endpoint (CONFLICT)', () => {
    expect(codeOf(() => planRedelivery('dlv_x', null, endpoint(), T0))).toBe('NOT_FOUND');
    expect(codeOf(() => planRedelivery('dlv_1', delivery({ status: 'DELIVERED' }), null, T0))).toBe('NOT_FOUND');
    expect(codeOf(() => planRedelivery('dlv_1', delivery({ status: 'FAILED' }), endpoint(), T0))).toBe('CONFLICT');
    expect(codeOf(() => planRedelivery('dlv_1', delivery({ status: 'PENDING' }), endpoint(), T0))).toBe('CONFLICT');
    expect(codeOf(() => planRedelivery('dlv_1', delivery({ status: 'DEAD' }), endpoint({ enabled: false }), T0))).toBe('CONFLICT');
  });
});
