/**
 * The demo conversations route where their scenario says under the reference policy, in every
 * language and variant, at chat pace (and by email, where the scenario happens on email): the
 * demo month's reasons, rates and agents' verdicts rest on it.
 */
import { compilePolicy, decide, preparePolicy } from '@baton/rules';
import { referencePolicy } from '@baton/seed';
import { buildConversation, decideInputAt, seededRandom } from './demo-conversation';
import { DEMO_LANGUAGES, DEMO_SCENARIOS, EMAIL_FOLLOW_UP, type DemoTurn } from './demo-scenarios';

const prepared = preparePolicy(referencePolicy.document, compilePolicy(referencePolicy.document));
const START = Date.parse('2026-03-10T10:00:00Z');

/** The reason of the first handoff as the bot calls Baton after each customer message, or `stay`. */
async function routeOf(turns: readonly DemoTurn[], language: string, channel: string, tier = 'pro'): Promise<string> {
  const conversation = buildConversation(
    { conversationId: 'demo-check', channel, customer: { id: 'cus-check', language, tier } },
    turns,
    language as (typeof DEMO_LANGUAGES)[number],
    START,
    seededRandom(7),
  );
  for (let turn = 0; turn < conversation.customerTurns.length; turn += 1) {
    const input = decideInputAt(conversation, turn);
    const decision = await decide(prepared, input, { now: input.now, decisionId: 'd', policy: { id: 'p', name: 'p', version: 1, contentHash: 'h' } });
    if (decision.action === 'HANDOFF') return decision.reasonCode;
  }
  return 'stay';
}

describe('demo scenarios under the reference policy', () => {
  const cases = DEMO_SCENARIOS.flatMap((scenario) =>
    DEMO_LANGUAGES.flatMap((language) =>
      scenario.scripts[language].map((turns, variant) => ({ scenario, language, variant, turns, channel: scenario.channels?.[0] ?? 'chat' })),
    ),
  );

  it.each(cases.map((c) => [`${c.scenario.id} (${c.language} #${c.variant + 1})`, c] as const))('%s routes as its scenario says', async (_name, c) => {
    expect(await routeOf(c.turns, c.language, c.channel, c.scenario.tier)).toBe(c.scenario.routesTo);
  });

  it.each(DEMO_LANGUAGES.map((language) => [language]))('an email thread the customer answers hours later is a no_progress handoff (%s)', async (language) => {
    const stay = DEMO_SCENARIOS.find((s) => s.routesTo === 'stay');
    const first = stay?.scripts[language][0]?.[0] as DemoTurn;
    for (const thanks of EMAIL_FOLLOW_UP[language]) expect(await routeOf([first, { customer: thanks }], language, 'email')).toBe('no_progress');
    expect(await routeOf([{ customer: first.customer, bot: first.bot }], language, 'email')).toBe('stay');
  });
});
