/**
 * Internal to the benchmark: request bodies of decideHandoff over the seed conversations, each
 * with a customer message no other body has (an order number appended to the latest customer
 * message), as on real traffic: the earlier messages of a conversation come back every turn,
 * the latest is new. Per-message work is therefore done once per body, never served from memory.
 * Every sample is moved in time so that the n-th body's clock (`now`) reads {@link BENCH_CLOCK}
 * + n ms, each message keeping its age: the facts stay the sample's, and the decision log
 * receives increasing times as from live bots (the samples' own clocks, 82 instants in March,
 * sent every log index's inserts all over its pages). Queues are open or closed as at that hour.
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

/** The instant of the first body: a Monday afternoon in Europe, morning in the Americas. */
export const BENCH_CLOCK = Date.parse('2026-11-23T14:00:00Z');

/** `input` moved in time so that its clock reads `instant` (ms), every message keeping its age; an input without a clock is kept. */
function movedTo(input: SampleInput, instant: number): SampleInput {
  if (input.now == null) return input;
  const shift = instant - Date.parse(input.now);
  const moved = (iso: string) => new Date(Date.parse(iso) + shift).toISOString();
  return {
    ...input,
    now: moved(input.now),
    messages: input.messages.map((message) => (message.at == null ? message : { ...message, at: moved(message.at) })),
    ...(input.attempts ? { attempts: input.attempts.map((attempt) => (attempt.at == null ? attempt : { ...attempt, at: moved(attempt.at) })) } : {}),
  };
}

/**
 * `count` decision inputs cycling through the seed conversations, every latest customer message
 * unique: it ends with an order number, from `firstOrder` on (inputs made with ranges that do not
 * overlap never share a latest message).
 */
export function uniqueInputs(count: number, dryRun: boolean, firstOrder = 100_000): SampleInput[] {
  return Array.from({ length: count }, (_, n) => {
    const sample = sampleConversations[n % sampleConversations.length] as (typeof sampleConversations)[number];
    return { ...movedTo(withNewLatestMessage(sample.input, `(order ${firstOrder + n})`), BENCH_CLOCK + n), dryRun };
  });
}

/** {@link uniqueInputs} as JSON request bodies of {@link DECIDE_QUERY}. */
export function decideBodies(count: number, dryRun: boolean, firstOrder = 100_000): string[] {
  return uniqueInputs(count, dryRun, firstOrder).map((input) => JSON.stringify({ query: DECIDE_QUERY, variables: { input } }));
}
