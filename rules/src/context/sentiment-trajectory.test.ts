import { buildSentimentTrajectory, sentimentLabel } from './sentiment-trajectory';
import { formatOffset, messageOffsets } from './time-offsets';
import { at, conversation } from '../signals/fixtures/conversation.fixture';

const reference = { negativeSentiment: -0.3 };

describe('sentimentLabel', () => {
  it.each([
    [0.21, 'positive'],
    [0.2, 'neutral'],
    [0, 'neutral'],
    [-0.29, 'neutral'],
    [-0.3, 'frustrated'],
    [-0.59, 'frustrated'],
    [-0.6, 'angry'],
    [-1, 'angry'],
  ])('labels %s as %s under the reference threshold', (score, label) => {
    expect(sentimentLabel(score, reference)).toBe(label);
  });

  it('follows the policy’s negative threshold, and never makes angry milder than frustrated', () => {
    expect(sentimentLabel(-0.25, { negativeSentiment: -0.2 })).toBe('frustrated');
    expect(sentimentLabel(-0.65, { negativeSentiment: -0.7 })).toBe('neutral');
    expect(sentimentLabel(-0.7, { negativeSentiment: -0.7 })).toBe('angry');
  });
});

describe('formatOffset', () => {
  it.each([
    [0, '0:00'],
    [9.9, '0:09'],
    [194, '3:14'],
    [308, '5:08'],
    [4503, '75:03'],
    [-5, '0:00'],
  ])('formats %s s as %s', (seconds, text) => {
    expect(formatOffset(seconds)).toBe(text);
  });
});

describe('buildSentimentTrajectory', () => {
  const input = conversation([
    ['BOT', 'Hi, how can I help?', { at: at(0) }],
    ['CUSTOMER', 'my parcel is late', { at: at(0.5) }],
    ['BOT', 'It is on its way.', { at: at(1) }],
    ['CUSTOMER', 'that is what you said yesterday', { at: at(2) }],
    ['CUSTOMER', 'this is annoying', { at: at(3 + 14 / 60) }],
    ['CUSTOMER', 'still nothing, really annoying', { at: at(4) }],
    ['CUSTOMER', 'I am furious', { at: at(5 + 8 / 60) }],
  ]);
  const trajectory = buildSentimentTrajectory(input.messages, [0, 0.1, -0.45, -0.5, -0.85], messageOffsets(input.messages), reference);

  it('has one point per customer message, with m:ss offsets from the first message', () => {
    expect(trajectory.points).toEqual([
      { messageIndex: 1, offset: '0:30', offsetSeconds: 30, score: 0, label: 'neutral' },
      { messageIndex: 3, offset: '2:00', offsetSeconds: 120, score: 0.1, label: 'neutral' },
      { messageIndex: 4, offset: '3:14', offsetSeconds: 194, score: -0.45, label: 'frustrated' },
      { messageIndex: 5, offset: '4:00', offsetSeconds: 240, score: -0.5, label: 'frustrated' },
      { messageIndex: 6, offset: '5:08', offsetSeconds: 308, score: -0.85, label: 'angry' },
    ]);
  });

  it('reads the changes once each, collapsing repeats', () => {
    expect(trajectory.reading).toBe('neutral at 0:30, frustrated at 3:14, angry at 5:08');
  });

  it('names untimed messages by position and says when there is no customer message', () => {
    const untimed = conversation([
      ['CUSTOMER', 'hello'],
      ['CUSTOMER', 'this is annoying'],
    ]);
    const reading = buildSentimentTrajectory(untimed.messages, [0, -0.5], messageOffsets(untimed.messages), reference);
    expect(reading.reading).toBe('neutral at message 1, frustrated at message 2');
    expect(reading.points.map((point) => point.offset)).toEqual(['0:00', '0:00']);
    expect(buildSentimentTrajectory([], [], messageOffsets([]), reference)).toEqual({ points: [], reading: 'no customer messages yet' });
  });

  it('carries the last known offset to a message without a timestamp', () => {
    const mixed = conversation([
      ['CUSTOMER', 'a', { at: at(0) }],
      ['CUSTOMER', 'b', { at: at(1.5) }],
      ['CUSTOMER', 'c'],
    ]);
    const { points, reading } = buildSentimentTrajectory(mixed.messages, [0, -0.4, -0.9], messageOffsets(mixed.messages), reference);
    expect(points.map((point) => point.offset)).toEqual(['0:00', '1:30', '1:30']);
    expect(reading).toBe('neutral at 0:00, frustrated at 1:30, angry at message 3');
  });
});
