/**
 * An example support bot on Baton's typed client (`@baton/schemas/client`): it plays one scripted
 * chat against a running Baton, asks `decideHandoff` on every customer turn, answers itself while
 * Baton says STAY, starts the handoff when Baton says HANDOFF, shows the queue updates
 * (`watchHandoff`) and the waiting-room messages until an agent has the conversation, sends one
 * more turn (Baton now answers that a human has it), and releases the handoff.
 *
 * It creates nothing: it needs a running Baton with a published policy and a BOT key.
 *   BATON_URL              Baton's address (default http://localhost:4000; `/graphql` is added)
 *   BATON_API_KEY          a BOT key (required): createApiKey(name: "…", role: BOT)
 *   BATON_CONVERSATION_ID  the conversation's id (default `example-bot-<ms since epoch>`, new on every run)
 *   BATON_WATCH_SECONDS    longest wait for an agent before the bot withdraws the handoff (default 120)
 * Every line it prints is `<what>: <details>`; it exits 1 with the error on stderr when Baton refuses a call.
 */
import { BatonRequestError, createBatonClient, type BatonClient, type HandoffUpdate, type MessageInput } from '@baton/schemas/client';
import WebSocket from 'ws';

/** A customer turn and what the bot answers when Baton leaves the conversation with it. */
interface Turn {
  customer: string;
  bot: string;
  /** How sure the bot is of its answer, 0..1 (a signal Baton's policy may test). */
  confidence: number;
}

/** The conversation: two turns the bot can handle, then the customer asks for a person. */
export const SCRIPT: readonly Turn[] = [
  {
    customer: 'Hi, the Wi-Fi from my new router cuts out every few minutes.',
    bot: 'Sorry to hear that. Please unplug the router for ten seconds, plug it back in and tell me what the status light shows.',
    confidence: 0.86,
  },
  {
    customer: 'Did that, the light is steady green but the Wi-Fi still drops all the time.',
    bot: 'Thanks. Changing the Wi-Fi channel often helps: open the router settings and pick channel 6 or 11.',
    confidence: 0.71,
  },
  {
    customer: 'I would like to speak with a human about this, please.',
    bot: 'Of course.',
    confidence: 0.9,
  },
];

/** What the customer writes once an agent has the conversation. */
export const WHILE_WITH_AGENT = 'Great, thanks, I will explain it to them.';

export interface BotConfig {
  /** GraphQL endpoint, e.g. `http://localhost:4000/graphql`. */
  url: string;
  apiKey: string;
  conversationId: string;
  /** Longest wait for an agent, ms. */
  watchMs: number;
}

/**
 * The configuration from environment variables (see the file header).
 * @throws Error naming the variable when BATON_API_KEY is missing or BATON_WATCH_SECONDS is not a positive number
 */
export function configFromEnv(env: NodeJS.ProcessEnv): BotConfig {
  const apiKey = env.BATON_API_KEY ?? '';
  if (apiKey === '') throw new Error('Set BATON_API_KEY to a BOT key (an admin creates one: mutation { createApiKey(name: "my bot", role: BOT) { secret } }).');
  const watchSeconds = Number(env.BATON_WATCH_SECONDS ?? 120);
  if (!(watchSeconds > 0)) throw new Error(`BATON_WATCH_SECONDS must be a positive number of seconds, not "${env.BATON_WATCH_SECONDS}".`);
  const base = (env.BATON_URL ?? 'http://localhost:4000').replace(/\/+$/, '');
  return {
    url: base.endsWith('/graphql') ? base : `${base}/graphql`,
    apiKey,
    conversationId: env.BATON_CONVERSATION_ID ?? `example-bot-${Date.now()}`,
    watchMs: watchSeconds * 1000,
  };
}

/** One line about the handoff's state, e.g. `QUEUED in general, position 1, about 45 s` or `ASSIGNED to ag-noah`. */
function describe(handoff: Pick<HandoffUpdate, 'status' | 'queueId' | 'agentId' | 'position' | 'estimatedWaitSeconds'>): string {
  if (handoff.status === 'QUEUED') {
    const wait = handoff.estimatedWaitSeconds === null ? 'no agent online to estimate the wait' : `about ${handoff.estimatedWaitSeconds} s`;
    return `QUEUED in ${handoff.queueId}, position ${handoff.position ?? '?'}, ${wait}`;
  }
  return handoff.agentId ? `${handoff.status} to ${handoff.agentId} (${handoff.queueId})` : `${handoff.status} (${handoff.queueId})`;
}

/** Resolves after `ms`, or at once when `cancel` is called; never keeps the process alive once cancelled. */
function pause(ms: number): { done: Promise<void>; cancel: () => void } {
  let cancel = () => {};
  const done = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, Math.max(0, ms));
    cancel = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  return { done, cancel };
}

/**
 * Follows the conversation's handoff until it leaves the queue or `watchMs` passes: prints each
 * update, and while it waits reads the waiting room when the next customer update is due and
 * prints it (`message` when `updateNumber` grew, the callback offer once).
 * @returns the handoff as last seen
 */
async function waitForAgent(baton: BatonClient, config: BotConfig, decisionId: string, print: (line: string) => void): Promise<HandoffUpdate | null> {
  const updates = baton.watchHandoff(config.conversationId);
  const deadline = Date.now() + config.watchMs;
  let last: HandoffUpdate | null = null;
  /** The waiting room as last read: when the next customer update is due. */
  let room: HandoffUpdate['waitingRoom'] = null;
  let said = 0;
  let offered = false;
  const sayWaitingRoom = (now: HandoffUpdate['waitingRoom']) => {
    if (now?.message && now.updateNumber > said) {
      print(`waiting room: ${now.message}`);
      said = now.updateNumber;
    }
    if (now?.callbackOffer && !offered) {
      print(`waiting room: ${now.callbackOffer}`);
      offered = true;
    }
  };
  try {
    let next = updates.next();
    for (;;) {
      const dueAt = room ? Date.parse(room.nextUpdateAt) : Infinity;
      const timer = pause(Math.min(dueAt, deadline) - Date.now());
      const woke = await Promise.race([next.then((step) => ({ step })), timer.done.then(() => null)]);
      timer.cancel();
      if (woke === null) {
        if (Date.now() >= deadline) {
          print(`watch: no agent took the conversation within ${config.watchMs / 1000} s`);
          return last;
        }
        // Updates for the customer fall due with time alone, not with an event: read them.
        room = (await baton.assignment(decisionId))?.waitingRoom ?? null;
        sayWaitingRoom(room);
        continue;
      }
      if (woke.step.done) return last;
      last = woke.step.value;
      room = last.waitingRoom;
      print(`update: ${describe(last)}`);
      sayWaitingRoom(room);
      if (last.status !== 'QUEUED') return last;
      next = updates.next();
    }
  } finally {
    await updates.return();
  }
}

/**
 * Plays the script against Baton; see the file header.
 * @throws BatonRequestError when Baton refuses a call (its errors carry `extensions.code`) or cannot be reached
 */
export async function runBot(config: BotConfig, print: (line: string) => void): Promise<void> {
  // Node 20 has no global WebSocket (22+ does); the `ws` package serves every version.
  const baton = createBatonClient({ url: config.url, apiKey: config.apiKey, webSocketImpl: WebSocket });
  const messages: MessageInput[] = [];
  const customer = { id: `customer-of-${config.conversationId}`, name: 'Robin', language: 'en' };
  const decideTurn = async (turn: number, text: string) => {
    print(`turn ${turn} customer: ${text}`);
    messages.push({ speaker: 'CUSTOMER', text, at: new Date().toISOString() });
    // The client sends an Idempotency-Key with it (the same on each retry), so a lost answer never logs the turn twice.
    const decision = await baton.decide({ conversationId: config.conversationId, channel: 'web_chat', customer, messages });
    const routing = decision.routing ? ` to ${decision.routing.queueId}` : '';
    print(`turn ${turn} decision: ${decision.action} (${decision.reasonCode})${routing}, priority ${decision.priority}`);
    return decision;
  };

  print(`conversation: ${config.conversationId} at ${config.url}`);
  try {
    for (const [index, turn] of SCRIPT.entries()) {
      const decision = await decideTurn(index + 1, turn.customer);
      if (decision.action !== 'HANDOFF') {
        print(`turn ${index + 1} bot: ${turn.bot}`);
        messages.push({ speaker: 'BOT', text: turn.bot, at: new Date().toISOString(), confidence: turn.confidence });
        continue;
      }
      print(`turn ${index + 1} bot: ${decision.customerMessage}`);
      const started = await baton.startHandoff(decision.decisionId);
      print(`handoff: ${describe(started)}`);

      const seen = await waitForAgent(baton, config, started.decisionId, print);
      const status = seen?.status ?? started.status;
      if (status === 'ASSIGNED' || status === 'ACCEPTED') await decideTurn(SCRIPT.length + 1, WHILE_WITH_AGENT);
      if (['QUEUED', 'ASSIGNED', 'ACCEPTED'].includes(status)) {
        // The demo ends here: give the agent's seat back (or withdraw the queued handoff).
        const released = await baton.releaseAssignment(started.decisionId);
        print(`released: ${released.status} at ${released.releasedAt}`);
      } else {
        print(`ended: ${status}`);
      }
      return;
    }
    print('done: the bot kept the whole conversation');
  } finally {
    await baton.close();
  }
}

if (require.main === module) {
  let config: BotConfig;
  try {
    config = configFromEnv(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  runBot(config, (line) => console.log(line)).catch((error: unknown) => {
    // Baton's codes (UNAUTHENTICATED, FORBIDDEN…), else the HTTP status when there was one.
    const why =
      error instanceof BatonRequestError ? error.errors.map((e) => e.extensions?.code).join(', ') || (error.status > 0 ? `HTTP ${error.status}` : '') : '';
    const codes = why ? ` [${why}]` : '';
    console.error(`failed: ${error instanceof Error ? error.message : String(error)}${codes}`);
    process.exitCode = 1;
  });
}
