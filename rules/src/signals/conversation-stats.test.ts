import { conversationStats } from './conversation-stats';
import { at, conversation } from './fixtures/conversation.fixture';

describe('conversationStats', () => {
  it('measures minutes from the earliest to the latest message and to now', () => {
    const input = conversation([
      ['CUSTOMER', 'hi', { at: at(0) }],
      ['BOT', 'hello', { at: at(1.5) }],
      ['SYSTEM', 'note'],
      ['CUSTOMER', 'still there?', { at: at(6.25) }],
    ]);
    const stats = conversationStats(input, at(10));
    expect([stats.conversationMinutes, stats.elapsedMinutes]).toEqual([6.25, 10]);
  });

  it('is 0 minutes without timestamps and never negative', () => {
    expect(conversationStats(conversation([['CUSTOMER', 'hi']]), at(5))).toMatchObject({ conversationMinutes: 0, elapsedMinutes: 0 });
    expect(conversationStats(conversation([['CUSTOMER', 'hi', { at: at(5) }]]), at(0)).elapsedMinutes).toBe(0);
  });

  it('accepts ISO strings for timestamps (decisions replayed from JSON)', () => {
    const input = conversation([
      ['CUSTOMER', 'a', { at: '2026-03-02T10:00:00.000Z' as unknown as Date }],
      ['CUSTOMER', 'b', { at: '2026-03-02T10:03:00.000Z' as unknown as Date }],
    ]);
    expect(conversationStats(input, at(4)).conversationMinutes).toBe(3);
  });

  it('counts messages per speaker and the growth of customer messages', () => {
    const input = conversation([
      ['CUSTOMER', 'where is it'],
      ['BOT', 'checking'],
      ['AGENT', 'hi'],
      ['BOT', 'found it'],
      ['CUSTOMER', 'and why did it take three weeks??'],
    ]);
    expect(conversationStats(input, at(0))).toMatchObject({ customerMessageCount: 2, botReplyCount: 2, messageLengthGrowth: 3 });
    expect(conversationStats(conversation([['CUSTOMER', 'hello']]), at(0)).messageLengthGrowth).toBe(1);
  });

  it('lower-cases tier and channel, defaults what is missing', () => {
    const input = conversation([], {
      channel: ' Chat ',
      customer: { id: 'c', tier: 'Enterprise', lifetimeValue: 1250.5, attributes: { plan: 'gold' } },
      attributes: { orderStatus: 'shipped' },
    });
    expect(conversationStats(input, at(0))).toMatchObject({
      customerTier: 'enterprise',
      channel: 'chat',
      lifetimeValue: 1250.5,
      customerAttributes: { plan: 'gold' },
      attributes: { orderStatus: 'shipped' },
    });
    expect(conversationStats(conversation([]), at(0))).toMatchObject({
      customerTier: '',
      channel: '',
      lifetimeValue: 0,
      customerAttributes: {},
      attributes: {},
    });
  });
});
