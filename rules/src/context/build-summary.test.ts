import { buildSummary, SUMMARY_MAX_CHARS, type SummaryParts } from './build-summary';

const base: SummaryParts = {
  action: 'HANDOFF',
  reasonCode: 'billing_dispute',
  firedCodes: ['billing_dispute', 'negative_sentiment'],
  customerName: 'Maria Keller',
  flags: ['VIP', 'HIGH_VALUE'],
  want: 'I was charged twice for order 1234',
  attempts: [{ action: 'invoice list', result: 'failed' }],
  botReplies: 2,
};

describe('buildSummary', () => {
  it('tells who, what they want, what the AI tried and why it escalated', () => {
    expect(buildSummary(base)).toBe(
      'Maria Keller (VIP) wrote "I was charged twice for order 1234"; AI tried invoice list (failed); escalated: billing dispute, negative sentiment',
    );
  });

  it('keeps the reason whole and within 200 characters when the customer wrote a lot', () => {
    const summary = buildSummary({
      ...base,
      customerName: 'Maximiliana Alexandra von Hohenzollern-Sigmaringen',
      want: 'I have been a customer for eleven years and never had a problem like this. '.repeat(8),
      attempts: [
        { action: 'password reset', result: 'failed' },
        { action: 'invoice list', result: 'unknown' },
        { action: 'I have updated your billing address to the one in your profile settings', result: 'succeeded' },
      ],
    });
    expect(summary.length).toBeLessThanOrEqual(SUMMARY_MAX_CHARS);
    expect(summary).toMatch(/; escalated: billing dispute, negative sentiment$/);
    expect(summary).toContain('AI tried I have updated your billing… (succeeded) +2 more;');
    expect(summary).toContain('…"');
  });

  it('says when the AI has not replied or replied without a recognisable attempt', () => {
    expect(buildSummary({ ...base, attempts: [], botReplies: 0 })).toContain('; no AI reply yet;');
    expect(buildSummary({ ...base, attempts: [{ action: 'invoice list', result: 'unknown' }] })).toContain('; AI tried invoice list; ');
    expect(buildSummary({ ...base, attempts: [], botReplies: 3 })).toContain('; AI replied 3 times;');
  });

  it('says a stay stays with the AI and a callback is offered', () => {
    expect(buildSummary({ ...base, action: 'STAY', reasonCode: 'ai_resolving', firedCodes: [], flags: [] })).toBe(
      'Maria Keller wrote "I was charged twice for order 1234"; AI tried invoice list (failed); stays with the AI (ai resolving)',
    );
    expect(buildSummary({ ...base, action: 'CALLBACK', firedCodes: ['billing_dispute'] })).toMatch(/; callback offered: billing dispute$/);
  });

  it('falls back to "Customer" and drops an empty quote', () => {
    expect(buildSummary({ ...base, customerName: null, flags: ['ENTERPRISE'], want: null })).toBe(
      'Customer (ENTERPRISE); AI tried invoice list (failed); escalated: billing dispute, negative sentiment',
    );
  });
});
