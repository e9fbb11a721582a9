/**
 * The reference policy (README, "The reference policy") written by hand as plain TypeScript, the fastest
 * possible evaluator of it: the benchmark's baseline for what compiled rules cost.
 */
import type { Facts } from '@baton/schemas';

/** Leaf node id of the reference graph that `facts` reach. */
export function referencePolicyByHand(f: Facts): string {
  if (f.topics.includes('crisis')) return 'h_crisis';
  if (f.topics.includes('security')) return 'h_security';
  if (f.topics.includes('legal')) return 'h_legal';
  if (f.topics.includes('billing_dispute')) return 'h_billing_dispute';
  if (f.topics.includes('cancellation')) return 'h_cancellation';
  if (f.humanRequested) return 'h_customer_request';
  if (f.customerTier === 'enterprise') return 'h_enterprise';
  if (f.negativeTurns >= 2 || (f.sentimentSharpDrop && f.customerMessageCount >= 2)) return f.customerTier === 'vip' ? 'h_sentiment_vip' : 'h_sentiment_senior';
  if (f.lowConfidenceStreak >= 2) return 'h_low_confidence';
  if (f.repeatedQuestionCount >= 3) return 'h_repeated_question';
  if (f.botReplyCount >= 4 || f.conversationMinutes >= 6) return 'h_no_progress';
  return 'stay_default';
}
