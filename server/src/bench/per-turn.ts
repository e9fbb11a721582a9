/**
 * Internal to the benchmark: decideHandoff called turn by turn like a bot, on one connection, the
 * whole conversation so far in every request (dry run): each turn adds a customer message no
 * earlier turn had and the bot's reply, in one language per conversation (the seed's texts in
 * English, Spanish, German...). The latency of turns 3–7 is compared with turns 198–202;
 * work done for earlier messages is reused, so the cost per turn stays flat.
 */
import { sampleConversations } from '@baton/seed';
import { DECIDE_QUERY } from './bench-bodies';

export interface PerTurnMeasurement {
  /** Median latency of turns 3–7 over every conversation, ms. */
  earlyMs: number;
  /** Median latency of turns 198–202, ms. */
  lateMs: number;
  conversations: number;
}

const TURNS = 202;
const STEP_MS = 20_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Customer and bot texts of the seed conversations in `language`, in order (a real chat keeps to one language). */
function textsBySpeaker(language: string): { customer: string[]; bot: string[] } {
  const messages = sampleConversations.filter((sample) => sample.input.customer.language === language).flatMap((sample) => sample.input.messages);
  return {
    customer: messages.filter((m) => m.speaker === 'CUSTOMER').map((m) => m.text),
    bot: messages.filter((m) => m.speaker === 'BOT').map((m) => m.text),
  };
}

const LANGUAGES = ['en', 'es', 'de', 'pt', 'fr'];

/** Runs `conversations` conversations of 202 turns each against `url` (a Baton server) with `apiKey`. */
export async function benchPerTurn(url: string, apiKey: string, conversations: number): Promise<PerTurnMeasurement> {
  const early: number[] = [];
  const late: number[] = [];
  const start = Date.parse('2026-11-21T09:00:00Z');
  for (let c = 0; c < conversations; c += 1) {
    const language = LANGUAGES[c % LANGUAGES.length] as string;
    const { customer, bot } = textsBySpeaker(language);
    const messages: Array<{ speaker: 'CUSTOMER' | 'BOT'; text: string; at: string }> = [];
    for (let turn = 1; turn <= TURNS; turn += 1) {
      const at = start + turn * STEP_MS;
      const pick = (list: string[]) => list[(c * 7 + turn) % list.length] as string;
      messages.push({ speaker: 'CUSTOMER', text: `${pick(customer)} (conversation ${c}, turn ${turn})`, at: new Date(at).toISOString() });
      const input = {
        conversationId: `bench-turns-${c}`,
        channel: 'chat',
        customer: { id: `bench-customer-${c}`, tier: 'pro', language },
        messages,
        now: new Date(at + 1000).toISOString(),
        dryRun: true,
      };
      // Timed from sending the body to reading the answer: the bot's own serialisation is not Baton's cost.
      const request = JSON.stringify({ query: DECIDE_QUERY, variables: { input } });
      const began = performance.now();
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
        body: request,
      });
      const body = (await response.json()) as { data?: unknown; errors?: unknown };
      const elapsed = performance.now() - began;
      if (!body.data) throw new Error(`Turn ${turn} failed: ${JSON.stringify(body.errors)}`);
      if (turn >= 3 && turn <= 7) early.push(elapsed);
      if (turn >= 198) late.push(elapsed);
      messages.push({ speaker: 'BOT', text: pick(bot), at: new Date(at + 5000).toISOString() });
    }
  }
  return { earlyMs: median(early), lateMs: median(late), conversations };
}
