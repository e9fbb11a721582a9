import type { BacktestMiss } from '../api/types';
import { NO_FILTER, filterChoices, filterMisses } from './miss-filters';

const miss = (id: string, expected: string, got: string, language: string, text: string, evidence: string[] = []): BacktestMiss => ({
  id,
  line: Number(id.slice(1)),
  language,
  expected,
  got,
  handoffTurn: null,
  customerTexts: [text],
  reasons: evidence.length > 0 ? [{ code: got, category: 'BUSINESS', description: got, evidence, nodeId: null }] : [],
  path: ['start'],
});

const misses = [
  miss('r1', 'billing_dispute', 'none', 'en', 'The total on my statement looks odd.'),
  miss('r2', 'cancellation', 'none', 'es', 'Quiero darme de baja.'),
  miss('r3', 'none', 'billing_dispute', 'en', 'You charged me twice.', ['matched "charged twice"']),
];

describe('filterMisses', () => {
  it('keeps everything without a filter', () => {
    expect(filterMisses(misses, NO_FILTER)).toEqual(misses);
  });

  it('filters by expected, got and language together', () => {
    expect(filterMisses(misses, { ...NO_FILTER, got: 'none' }).map((m) => m.id)).toEqual(['r1', 'r2']);
    expect(filterMisses(misses, { ...NO_FILTER, got: 'none', language: 'es' }).map((m) => m.id)).toEqual(['r2']);
    expect(filterMisses(misses, { ...NO_FILTER, expected: 'billing_dispute' }).map((m) => m.id)).toEqual(['r1']);
  });

  it('finds words in the messages, the evidence and the id, ignoring case', () => {
    expect(filterMisses(misses, { ...NO_FILTER, text: 'STATEMENT' }).map((m) => m.id)).toEqual(['r1']);
    expect(filterMisses(misses, { ...NO_FILTER, text: 'matched' }).map((m) => m.id)).toEqual(['r3']);
    expect(filterMisses(misses, { ...NO_FILTER, text: 'r2' }).map((m) => m.id)).toEqual(['r2']);
  });
});

describe('filterChoices', () => {
  it('lists each value once, none last', () => {
    expect(filterChoices(misses)).toEqual({
      expected: ['billing_dispute', 'cancellation', 'none'],
      got: ['billing_dispute', 'none'],
      language: ['en', 'es'],
    });
  });
});
