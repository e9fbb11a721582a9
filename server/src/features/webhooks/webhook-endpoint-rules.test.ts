import { BatonError } from '../../baton-error';
import { SYSTEM_ACTOR } from '../audit/audit-event';
import { activeSecrets, checkEventTypes, checkUrl, planCreate, planDelete, planRotation, planUpdate } from './webhook-endpoint-rules';

const T0 = new Date('2026-05-04T10:00:00.000Z');
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

function refusal(run: () => unknown): { code: string; field: unknown } | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof BatonError) return { code: error.code, field: error.details.field };
    throw error;
  }
  return undefined;
}

const created = () => planCreate({ url: 'https://desk.example.com/hooks/baton', eventTypes: ['handoff.assigned', 'handoff.started'] }, SYSTEM_ACTOR, T0);

describe('endpoint input', () => {
  it('takes http and https URLs, trimmed', () => {
    expect(checkUrl('  http://127.0.0.1:9000/in ')).toBe('http://127.0.0.1:9000/in');
    expect(checkUrl('https://desk.example.com/a?b=c')).toBe('https://desk.example.com/a?b=c');
  });

  it.each([
    ['', /is empty/],
    ['desk.example.com/hook', /is not a URL/],
    ['ftp://desk.example.com/hook', /uses ftp/],
    ['javascript:alert(1)', /uses javascript/],
    ['https://user:pw@desk.example.com/hook', /user name or password/],
    [`https://desk.example.com/${'a'.repeat(2100)}`, /over the 2048 allowed/],
  ])('refuses url %j with BAD_USER_INPUT naming the field', (url, message) => {
    expect(refusal(() => checkUrl(url))).toEqual({ code: 'BAD_USER_INPUT', field: 'url' });
    expect(() => checkUrl(url)).toThrow(message);
  });

  it('keeps known event types once each, in the documented order; refuses none or an unknown one', () => {
    expect(checkEventTypes(['handoff.resolved', 'handoff.started', 'handoff.resolved'])).toEqual(['handoff.started', 'handoff.resolved']);
    expect(refusal(() => checkEventTypes([]))).toEqual({ code: 'BAD_USER_INPUT', field: 'eventTypes' });
    expect(refusal(() => checkEventTypes(['handoff.assigned', 'ticket.created']))).toEqual({ code: 'BAD_USER_INPUT', field: 'eventTypes' });
    expect(() => checkEventTypes(['ticket.created'])).toThrow(/'ticket.created' is not an event type; choose from handoff.started/);
  });
});

describe('planCreate / planUpdate / planDelete', () => {
  it('creates an enabled endpoint with one current secret, audited without the secret', () => {
    const plan = created();
    const { endpoint, secret } = plan.result;
    expect(endpoint).toMatchObject({
      url: 'https://desk.example.com/hooks/baton',
      eventTypes: ['handoff.started', 'handoff.assigned'],
      enabled: true,
      description: '',
    });
    expect(endpoint.secrets).toEqual([{ secret, createdAt: T0, expiresAt: null }]);
    expect(plan.write).toEqual({ kind: 'save', record: endpoint });
    expect(plan.event).toMatchObject({ action: 'webhook.endpoint.create', targetType: 'webhookEndpoint', targetId: endpoint.id });
    expect(JSON.stringify(plan.event)).not.toContain(secret);
  });

  it('refuses a missing url at creation, naming it', () => {
    expect(refusal(() => planCreate({ eventTypes: ['handoff.started'] }, SYSTEM_ACTOR, T0))).toEqual({ code: 'BAD_USER_INPUT', field: 'url' });
    expect(refusal(() => planCreate({ url: 'https://a.example.com', eventTypes: ['x'] }, SYSTEM_ACTOR, T0))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'eventTypes',
    });
    expect(
      refusal(() => planCreate({ url: 'https://a.example.com', eventTypes: ['handoff.started'], description: 'd'.repeat(501) }, SYSTEM_ACTOR, T0)),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'description',
    });
  });

  it('updates only the fields given, and refuses an unknown endpoint', () => {
    const { endpoint } = created().result;
    const plan = planUpdate(endpoint.id, endpoint, { enabled: false, description: ' Zendesk ' }, SYSTEM_ACTOR, later(60));
    expect(plan.result).toEqual({ ...endpoint, enabled: false, description: 'Zendesk', updatedAt: later(60) });
    expect(plan.event).toMatchObject({ action: 'webhook.endpoint.update', before: { enabled: true }, after: { enabled: false } });
    expect(refusal(() => planUpdate('wh_x', null, { enabled: false }, SYSTEM_ACTOR, T0))).toEqual({ code: 'NOT_FOUND', field: undefined });
    expect(refusal(() => planUpdate(endpoint.id, endpoint, { url: 'mailto:a@b.c' }, SYSTEM_ACTOR, T0))).toEqual({ code: 'BAD_USER_INPUT', field: 'url' });
  });

  it('deletes an endpoint, its owed deliveries dead-lettered', () => {
    const { endpoint } = created().result;
    expect(planDelete(endpoint.id, endpoint, SYSTEM_ACTOR, T0).write).toEqual({ kind: 'remove', id: endpoint.id, reason: 'endpoint deleted' });
    expect(refusal(() => planDelete('wh_x', null, SYSTEM_ACTOR, T0))?.code).toBe('NOT_FOUND');
  });
});

describe('planRotation', () => {
  it('puts a new secret first and keeps the previous one signing until the grace period ends', () => {
    const { endpoint, secret: first } = created().result;
    const { endpoint: rotated, secret: second } = planRotation(endpoint.id, endpoint, 3600, SYSTEM_ACTOR, later(10)).result;
    expect(second).not.toBe(first);
    expect(rotated.secrets).toEqual([
      { secret: second, createdAt: later(10), expiresAt: null },
      { secret: first, createdAt: T0, expiresAt: later(3610) },
    ]);
    expect(activeSecrets(rotated, later(3609)).map((s) => s.secret)).toEqual([second, first]);
    expect(activeSecrets(rotated, later(3610)).map((s) => s.secret)).toEqual([second]);
  });

  it('drops expired secrets, never extends an earlier expiry, and with 0 s keeps only the new one', () => {
    const { endpoint, secret: a } = created().result;
    const { endpoint: once, secret: b } = planRotation(endpoint.id, endpoint, 100, SYSTEM_ACTOR, T0).result;
    const { endpoint: twice, secret: c } = planRotation(endpoint.id, once, 1000, SYSTEM_ACTOR, later(50)).result;
    expect(twice.secrets.map((s) => [s.secret, s.expiresAt])).toEqual([
      [c, null],
      [b, later(1050)],
      [a, later(100)],
    ]);
    const { endpoint: thrice, secret: d } = planRotation(endpoint.id, twice, 0, SYSTEM_ACTOR, later(200)).result;
    expect(thrice.secrets.map((s) => s.secret)).toEqual([d]);
  });

  it('refuses a grace period outside 0..30 days, naming the field', () => {
    const { endpoint } = created().result;
    expect(refusal(() => planRotation(endpoint.id, endpoint, -1, SYSTEM_ACTOR, T0))).toEqual({ code: 'BAD_USER_INPUT', field: 'keepPreviousForSeconds' });
    expect(refusal(() => planRotation(endpoint.id, endpoint, 31 * 86_400, SYSTEM_ACTOR, T0))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'keepPreviousForSeconds',
    });
  });
});
