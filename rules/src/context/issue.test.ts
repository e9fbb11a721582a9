import { buildIssue } from './issue';
import { conversation } from '../signals/fixtures/conversation.fixture';

describe('buildIssue', () => {
  const messages = conversation([
    ['CUSTOMER', 'I was charged twice', { intent: 'billing.duplicate_charge' }],
    ['BOT', 'Here are your invoices', { intent: 'show_invoices' }],
    ['CUSTOMER', 'and I want to cancel', { intent: 'cancel_subscription' }],
  ]).messages;
  const quotes = [
    'billing_dispute: customer message 1: "I was charged twice" matched "charged twice"',
    'cancellation: customer message 3: "and I want to cancel" matched "cancel"',
  ];

  it('takes the primary reason’s topic as category and the latest related customer intent as subcategory', () => {
    expect(buildIssue(messages, ['billing_dispute', 'cancellation'], quotes, 'billing_dispute')).toEqual({
      category: 'billing_dispute',
      subcategory: 'duplicate_charge',
      evidence: [
        ...quotes,
        'intent "billing.duplicate_charge" on message 1',
        'intent "show_invoices" on message 2',
        'intent "cancel_subscription" on message 3',
      ],
    });
  });

  it('falls back to the latest customer intent when none is related to the category', () => {
    expect(buildIssue(messages, ['cancellation'], [], 'cancellation').subcategory).toBe('cancel_subscription');
    expect(buildIssue(messages, ['security'], [], 'security_incident').subcategory).toBe('cancel_subscription');
  });

  it('matches a reason code that names its topic, else takes the first topic', () => {
    expect(buildIssue([], ['legal', 'security'], [], 'security_incident').category).toBe('security');
    expect(buildIssue([], ['legal', 'security'], [], 'negative_sentiment').category).toBe('legal');
  });

  it('uses a hierarchical intent when no topic was found, and `general` when nothing was', () => {
    expect(buildIssue(messages.slice(0, 1), [], [], 'low_confidence')).toMatchObject({ category: 'billing', subcategory: 'duplicate_charge' });
    expect(buildIssue(conversation([['CUSTOMER', 'where is it', { intent: 'order_status' }]]).messages, [], [], 'no_progress')).toMatchObject({
      category: 'order_status',
      subcategory: null,
    });
    expect(buildIssue(conversation([['CUSTOMER', 'hello']]).messages, [], [], 'ai_resolving')).toEqual({
      category: 'general',
      subcategory: null,
      evidence: [],
    });
  });
});
