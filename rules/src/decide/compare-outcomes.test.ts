import { compareOutcomes, type ComparableOutcome } from './compare-outcomes';

const handoff: ComparableOutcome = {
  action: 'HANDOFF',
  reasonCode: 'billing_dispute',
  reasonCodes: ['billing_dispute', 'negative_sentiment'],
  priority: 'HIGH',
  tier: 'HUMAN_LED',
  queue: 'billing',
};
const stay: ComparableOutcome = { action: 'STAY', reasonCode: 'ai_resolving', reasonCodes: [], priority: 'LOW', tier: 'AI_RESOLVED', queue: null };

describe('compareOutcomes', () => {
  it.each<[string, ComparableOutcome, ComparableOutcome, string[]]>([
    ['identical', handoff, { ...handoff }, []],
    [
      'every field',
      handoff,
      stay,
      [
        'action: HANDOFF → STAY',
        'reasonCode: billing_dispute → ai_resolving',
        'reasonCodes: [billing_dispute, negative_sentiment] → []',
        'priority: HIGH → LOW',
        'tier: HUMAN_LED → AI_RESOLVED',
        'queue: billing → none',
      ],
    ],
    [
      'reason order counts',
      handoff,
      { ...handoff, reasonCodes: ['negative_sentiment', 'billing_dispute'] },
      ['reasonCodes: [billing_dispute, negative_sentiment] → [negative_sentiment, billing_dispute]'],
    ],
    ['an unrecorded reason code is not compared', { ...stay, reasonCode: null }, stay, []],
    ['the queue', handoff, { ...handoff, queue: 'general' }, ['queue: billing → general']],
  ])('%s', (_name, original, replayed, expected) => {
    expect(compareOutcomes(original, replayed)).toEqual(expected);
  });
});
