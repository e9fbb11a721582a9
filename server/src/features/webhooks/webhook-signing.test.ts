/**
 * Signatures checked by an independent implementation: the Standard Webhooks reference library
 * (npm `standardwebhooks`) verifies what `signWebhook` produces, including both signatures of a
 * rotation, and refuses a changed body, a wrong secret and a stale timestamp.
 */
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { generateWebhookSecret, secretPrefix, signWebhook } from './webhook-signing';

const body = JSON.stringify({ type: 'handoff.assigned', timestamp: '2026-05-04T10:00:00.000Z', data: { handoff: { decisionId: 'd-1' } } });

describe('signWebhook', () => {
  it('is verified by the reference library, which returns the parsed body', () => {
    const secret = generateWebhookSecret();
    const headers = signWebhook('evt_1', new Date(), body, [secret]);
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
  });

  it('signs with every secret during a rotation: a receiver holding either one verifies it', () => {
    const [next, previous, stranger] = [generateWebhookSecret(), generateWebhookSecret(), generateWebhookSecret()];
    const headers = signWebhook('evt_2', new Date(), body, [next, previous]);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(next).verify(body, { ...headers })).not.toThrow();
    expect(() => new Webhook(previous).verify(body, { ...headers })).not.toThrow();
    expect(() => new Webhook(stranger).verify(body, { ...headers })).toThrow(WebhookVerificationError);
  });

  it('is refused for a changed body, another message id, or a timestamp older than five minutes', () => {
    const secret = generateWebhookSecret();
    const headers = signWebhook('evt_3', new Date(), body, [secret]);
    const hook = new Webhook(secret);
    expect(() => hook.verify(body.replace('d-1', 'd-2'), { ...headers })).toThrow(WebhookVerificationError);
    expect(() => hook.verify(body, { ...headers, 'webhook-id': 'evt_4' })).toThrow(WebhookVerificationError);
    const stale = signWebhook('evt_3', new Date(Date.now() - 10 * 60_000), body, [secret]);
    expect(() => hook.verify(body, { ...stale })).toThrow(/timestamp too old/i);
  });

  it('puts the id and the whole-second Unix timestamp in their headers', () => {
    const headers = signWebhook('evt_5', new Date('2026-05-04T10:00:00.900Z'), body, [generateWebhookSecret()]);
    expect(headers['webhook-id']).toBe('evt_5');
    expect(headers['webhook-timestamp']).toBe(String(Date.parse('2026-05-04T10:00:00Z') / 1000));
  });

  it('matches a signature the reference library computes itself', () => {
    const secret = generateWebhookSecret();
    const at = new Date('2026-05-04T10:00:00Z');
    expect(signWebhook('evt_6', at, body, [secret])['webhook-signature']).toBe(new Webhook(secret).sign('evt_6', at, body));
  });

  it('refuses to sign without a secret or with a malformed one', () => {
    expect(() => signWebhook('evt_7', new Date(), body, [])).toThrow(/at least one secret/);
    expect(() => signWebhook('evt_7', new Date(), body, ['not-a-secret'])).toThrow(/whsec_/);
  });
});

describe('generateWebhookSecret', () => {
  it('makes distinct whsec_ secrets of 32 random bytes, shown in lists by a short prefix', () => {
    const a = generateWebhookSecret();
    const b = generateWebhookSecret();
    expect(a).not.toBe(b);
    expect(Buffer.from(a.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(secretPrefix(a)).toBe(a.slice(0, 10));
  });
});
