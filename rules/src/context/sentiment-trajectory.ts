/**
 * The customer's mood over time: one point per customer message (offset `m:ss` from the first
 * message, score, label) and a one-line reading that names each change of label once —
 * "neutral at 0:00, frustrated at 3:14, angry at 5:08".
 *
 * Labels, from the score (-1..1) and the policy's thresholds, so that they agree with the facts
 * the rules tested:
 * - `angry`: at or below {@link ANGRY_AT} (-0.6), or at or below `thresholds.negativeSentiment`
 *   when a policy sets that lower, so angry is never milder than frustrated;
 * - `frustrated`: at or below `thresholds.negativeSentiment` (-0.3 in the reference policy) —
 *   exactly the messages the policy counts as negative in `negativeStreak`;
 * - `positive`: above {@link POSITIVE_ABOVE} (0.2);
 * - `neutral`: everything between.
 * Angry sits below the reference sharp-drop threshold (-0.5) on purpose: "this is annoying"
 * scores about -0.57 and reads frustrated, "this is ridiculous" and "I am furious" about -0.85.
 */
import type { ContextPackage, MessageInput, SentimentLabel, Thresholds } from '@baton/schemas';
import { formatOffset, type MessageOffsets } from './time-offsets';

export const ANGRY_AT = -0.6;
export const POSITIVE_ABOVE = 0.2;

type Trajectory = ContextPackage['sentimentTrajectory'];

/** The label of a sentiment score under `thresholds` (see the module header). */
export function sentimentLabel(score: number, thresholds: Pick<Thresholds, 'negativeSentiment'>): SentimentLabel {
  if (score <= Math.min(ANGRY_AT, thresholds.negativeSentiment)) return 'angry';
  if (score <= thresholds.negativeSentiment) return 'frustrated';
  return score > POSITIVE_ABOVE ? 'positive' : 'neutral';
}

/**
 * @param customerSentiments score of each customer message in order (`SignalResult.customerSentiments`)
 * @returns points in conversation order; a message without a timestamp takes the offset of the
 *   nearest earlier timed message and is named "at message N" (1-based) in the reading
 */
export function buildSentimentTrajectory(
  messages: readonly MessageInput[],
  customerSentiments: readonly number[],
  offsets: MessageOffsets,
  thresholds: Pick<Thresholds, 'negativeSentiment'>,
): Trajectory {
  const customerIndices = messages.flatMap((message, index) => (message.speaker === 'CUSTOMER' ? [index] : []));
  const points: Trajectory['points'] = [];
  const moments: string[] = [];
  let previous: SentimentLabel | undefined;
  customerIndices.forEach((messageIndex, i) => {
    const raw = customerSentiments[i];
    if (raw === undefined || !Number.isFinite(raw)) return;
    const score = Math.max(-1, Math.min(1, raw));
    const label = sentimentLabel(score, thresholds);
    const offsetSeconds = offsets.carried[messageIndex] ?? 0;
    points.push({ messageIndex, offset: formatOffset(offsetSeconds), offsetSeconds, score, label });
    if (label !== previous) {
      const timed = offsets.seconds[messageIndex];
      moments.push(`${label} at ${timed === null || timed === undefined ? `message ${messageIndex + 1}` : formatOffset(timed)}`);
      previous = label;
    }
  });
  return { points, reading: moments.length > 0 ? moments.join(', ') : 'no customer messages yet' };
}
