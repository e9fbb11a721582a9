import type { DecideHandoffInput } from '@baton/schemas';
import { prepareRedaction } from './prepare-redaction';
import { redactInput } from './redact-input';

const CARD = '4111 1111 1111 1111';
const PASSWORD = 'Sunflower#2291';
const model = prepareRedaction({ patterns: [{ name: 'member_id', pattern: 'MB-\\d{6}' }] });

function input(): DecideHandoffInput {
  return {
    conversationId: 'conv-2026-0042',
    policyId: 'pol-1',
    channel: 'chat',
    customer: {
      id: 'cus-9',
      name: 'Lena',
      email: 'lena@example.com',
      tier: 'gold',
      language: 'en',
      lifetimeValue: 1234.56,
      attributes: { note: `card on file ${CARD}`, plan: 'pro', seats: 12, history: [{ memo: `pwd: ${PASSWORD}` }, 'member MB-123456'] },
    },
    messages: [
      { speaker: 'CUSTOMER', text: `Someone used my card ${CARD} for orders I never placed!`, at: new Date('2026-11-21T09:00:00Z') },
      { speaker: 'BOT', text: 'I can help. Can you confirm your login?', at: new Date('2026-11-21T09:00:10Z'), confidence: 0.9, kbArticleIds: ['kb-1'] },
      { speaker: 'CUSTOMER', text: `my password is ${PASSWORD} and I think someone hacked my account`, at: new Date('2026-11-21T09:01:00Z') },
    ],
    attempts: [{ action: `verify card ${CARD}`, result: `card ${CARD} flagged, code 482913 sent`, at: new Date('2026-11-21T09:00:30Z') }],
    pageContext: { url: 'https://shop.example/checkout', field: `card=${CARD.replace(/ /g, '')}`, step: 3, nested: { deeper: [`cvv 123`] } },
    attributes: { crmNote: `password: ${PASSWORD}`, vip: true, since: new Date('2020-01-01T00:00:00Z') },
    now: new Date('2026-11-21T09:01:05Z'),
    dryRun: false,
  };
}

describe('redactInput', () => {
  it('leaves neither the raw card number nor the raw password anywhere in the result', () => {
    const json = JSON.stringify(redactInput(input(), model));
    for (const secret of [CARD, CARD.replace(/ /g, ''), PASSWORD, '482913', 'MB-123456']) expect(json).not.toContain(secret);
    expect(json).toContain('[card ••••1111]');
    expect(json).toContain('someone hacked my account');
  });

  it('redacts every free-text field, at any depth of the attribute maps', () => {
    const safe = redactInput(input(), model);
    expect(safe.messages.map((m) => m.text)).toEqual([
      'Someone used my card [card ••••1111] for orders I never placed!',
      'I can help. Can you confirm your login?',
      'my password is [password] and I think someone hacked my account',
    ]);
    expect(safe.attempts).toEqual([
      { action: 'verify card [card ••••1111]', result: 'card [card ••••1111] flagged, code [code] sent', at: new Date('2026-11-21T09:00:30Z') },
    ]);
    expect(safe.customer.attributes).toEqual({
      note: 'card on file [card ••••1111]',
      plan: 'pro',
      seats: 12,
      history: [{ memo: 'pwd: [password]' }, 'member [member_id]'],
    });
    expect(safe.pageContext).toEqual({ url: 'https://shop.example/checkout', field: 'card=[card ••••1111]', step: 3, nested: { deeper: ['cvv [cvv]'] } });
    expect(safe.attributes).toEqual({ crmNote: 'password: [password]', vip: true, since: new Date('2020-01-01T00:00:00Z') });
  });

  it('copies ids, names, numbers, enums and dates unchanged', () => {
    const original = input();
    const safe = redactInput(original, model);
    expect(safe.conversationId).toBe('conv-2026-0042');
    expect(safe.customer).toMatchObject({ id: 'cus-9', name: 'Lena', email: 'lena@example.com', tier: 'gold', lifetimeValue: 1234.56 });
    expect(safe.messages[1]).toEqual(original.messages[1]);
    expect(safe.messages[0]?.at).toBeInstanceOf(Date);
    expect(safe.now).toEqual(new Date('2026-11-21T09:01:05Z'));
    expect(safe.dryRun).toBe(false);
    expect(Object.keys(safe).sort()).toEqual(Object.keys(original).sort());
  });

  it('never mutates the input and shares no object, array or date with it', () => {
    const original = input();
    const before = structuredClone(original);
    const safe = redactInput(original, model);
    expect(original).toEqual(before);
    expect(safe.messages).not.toBe(original.messages);
    expect(safe.messages[1]).not.toBe(original.messages[1]);
    expect(safe.messages[1]?.kbArticleIds).not.toBe(original.messages[1]?.kbArticleIds);
    expect(safe.messages[0]?.at).not.toBe(original.messages[0]?.at);
    expect(safe.customer).not.toBe(original.customer);
    expect(safe.attributes?.since).not.toBe(original.attributes?.since);
    expect(safe.pageContext?.nested).not.toBe(original.pageContext?.nested);
  });

  it('keeps absent optional fields absent and null ones null', () => {
    const minimal: DecideHandoffInput = {
      conversationId: 'c',
      customer: { id: 'x', attributes: null },
      messages: [{ speaker: 'CUSTOMER', text: 'cvv 123' }],
      attempts: null,
    };
    expect(redactInput(minimal, model)).toEqual({
      conversationId: 'c',
      customer: { id: 'x', attributes: null },
      messages: [{ speaker: 'CUSTOMER', text: 'cvv [cvv]' }],
      attempts: null,
    });
    expect(Object.keys(redactInput(minimal, model))).toEqual(['conversationId', 'customer', 'messages', 'attempts']);
  });
});
