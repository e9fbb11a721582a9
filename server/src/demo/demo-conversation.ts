/**
 * One demo conversation as a bot integration sends it: a scenario's script with its slots filled
 * in, messages timed at chat or email pace from a start time, and the `decideHandoff` input the
 * bot sends after each customer message (the transcript so far, `now` a second later).
 */
import type { DecideHandoffInput } from '@baton/schemas';
import { AMOUNT_FORMAT, DEMO_PRODUCTS, EMAIL_FOLLOW_UP, type DemoLanguage, type DemoScenario, type DemoTurn } from './demo-scenarios';

/** A deterministic generator of numbers in [0, 1) (mulberry32), so a seed gives the same month. */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const pick = <T>(items: readonly T[], random: Random): T => items[Math.floor(random() * items.length) % items.length] as T;

/** Picks a key by weight. */
export function weighted<T>(entries: readonly (readonly [T, number])[], random: Random): T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let r = random() * total;
  for (const [value, weight] of entries) {
    r -= weight;
    if (r < 0) return value;
  }
  return (entries.at(-1) as readonly [T, number])[0];
}

/** A duration around `median` ms, skewed long like real waits (log-normal, spread `sigma`). */
export function around(median: number, sigma: number, random: Random): number {
  const u = Math.max(random(), 1e-9);
  const v = random();
  const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return median * Math.exp(sigma * normal);
}

export type DemoMessage = DecideHandoffInput['messages'][number];

export interface DemoConversation {
  conversationId: string;
  channel: string;
  customer: DecideHandoffInput['customer'];
  messages: DemoMessage[];
  /** Index in `messages` of each customer message: the bot decides after each. */
  customerTurns: number[];
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

function fill(text: string, slots: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => slots[name] ?? whole);
}

/** The script a conversation follows: a variant of its language, one turn only on email unless the customer writes back. */
export function scriptFor(scenario: DemoScenario, language: DemoLanguage, channel: string, random: Random): DemoTurn[] {
  const turns = pick(scenario.scripts[language], random);
  if (channel !== 'email' || scenario.routesTo !== 'stay') return turns;
  const [first] = turns as [DemoTurn];
  // By email the customer reads the answer hours later; some write back to say thanks.
  return random() < 0.15 ? [first, { customer: pick(EMAIL_FOLLOW_UP[language], random) }] : [{ customer: first.customer, bot: first.bot }];
}

/**
 * Times the script from `start` (ms): chat replies within seconds and customers within a minute
 * or so; by email the bot answers within two minutes and the customer hours later.
 */
export function buildConversation(
  base: Omit<DemoConversation, 'messages' | 'customerTurns'>,
  turns: readonly DemoTurn[],
  language: DemoLanguage,
  start: number,
  random: Random,
): DemoConversation {
  const email = base.channel === 'email';
  const slots = {
    order: `A${100000 + Math.floor(random() * 900000)}`,
    amount: AMOUNT_FORMAT[language](Math.round((9 + random() * 140) * 100) / 100 - 0.01),
    product: pick(DEMO_PRODUCTS, random),
  };
  const messages: DemoMessage[] = [];
  const customerTurns: number[] = [];
  let at = start;
  for (const [index, turn] of turns.entries()) {
    if (index > 0) at += email ? around(5 * HOUR, 0.7, random) : 12 * SECOND + random() * 50 * SECOND;
    customerTurns.push(messages.length);
    messages.push({ speaker: 'CUSTOMER', text: fill(turn.customer, slots), at: new Date(at) });
    if (turn.bot !== undefined) {
      at += email ? 30 * SECOND + random() * 90 * SECOND : 3 * SECOND + random() * 9 * SECOND;
      messages.push({ speaker: 'BOT', text: fill(turn.bot, slots), at: new Date(at), confidence: turn.confidence ?? 0.9 });
    }
  }
  return { ...base, messages, customerTurns };
}

/** The input the bot sends after customer message `turn` (an index into `customerTurns`): the transcript up to it. */
export function decideInputAt(conversation: DemoConversation, turn: number): DecideHandoffInput & { now: Date } {
  const index = conversation.customerTurns[turn] as number;
  const last = conversation.messages[index] as DemoMessage;
  return {
    conversationId: conversation.conversationId,
    channel: conversation.channel,
    customer: conversation.customer,
    messages: conversation.messages.slice(0, index + 1),
    now: new Date((last.at as Date).getTime() + SECOND),
  };
}

/** When the conversation's last message was written (the end of an AI-kept conversation). */
export function endOf(conversation: DemoConversation): number {
  return ((conversation.messages.at(-1) as DemoMessage).at as Date).getTime();
}
