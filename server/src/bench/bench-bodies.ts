/**
 * Internal to the benchmark: request bodies of decideHandoff over the seed conversations, each
 * with a customer message no other body has (an order number appended to the latest customer
 * message), as on real traffic: the earlier messages of a conversation come back every turn,
 * the latest is new. Per-message work is therefore done once per body, never served from memory.
 */
import { sampleConversations } from '@baton/seed';

/** The benchmark's query: the full answer a bot reads (reasons, routing, context summary, message). */
export const DECIDE_QUERY = `query Decide($input: DecideHandoffInput!) {
  decideHandoff(input: $input) {
    decisionId action priority tier customerMessage evaluatedAt
    reasons { code category description evidence nodeId }
    routing { queueId queueName explanation }
    context { summary }
    policy { id version contentHash }
  }
}`;

type SampleInput = (typeof sampleConversations)[number]['input'];

/** `input` with `suffix` appended to its latest customer message. */
function withNewLatestMessage(input: SampleInput, suffix: string): SampleInput {
  const messages = [...input.messages];
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const message = messages[i];
    if (message?.speaker === 'CUSTOMER') {
      messages[i] = { ...message, text: `${message.text} ${suffix}` };
      break;
    }
  }
  return { ...input, messages };
}

/**
 * `count` decision inputs cycling through the seed conversations, every latest customer message
 * unique: it ends with an order number, from `firstOrder` on (inputs made with ranges that do not
 * overlap never share a latest message).
 */
export function uniqueInputs(count: number, dryRun: boolean, firstOrder = 100_000): SampleInput[] {
  return Array.from({ length: count }, (_, n) => {
    const sample = sampleConversations[n % sampleConversations.length] as (typeof sampleConversations)[number];
    return { ...withNewLatestMessage(sample.input, `(order ${firstOrder + n})`), dryRun };
  });
}

/** {@link uniqueInputs} as JSON request bodies of {@link DECIDE_QUERY}. */
export function decideBodies(count: number, dryRun: boolean, firstOrder = 100_000): string[] {
  return uniqueInputs(count, dryRun, firstOrder).map((input) => JSON.stringify({ query: DECIDE_QUERY, variables: { input } }));
}
