import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import {
  ContextPackageSchema,
  isLeaf,
  type ContextPackage,
  type DecideHandoffInput,
  type HandoffAction,
  type LeafNode,
  type PolicyGraph,
  type TriggerSettings,
} from '@baton/schemas';
import { compilePolicy } from '../compiler/compile-graph';
import { buildReasons } from '../evaluate/build-reasons';
import { runEngine } from '../evaluate/run-engine';
import { computeSignals, prepareSignals } from '../signals';
import { conversation } from '../signals/fixtures/conversation.fixture';
import { buildContextPackage, recommendedActions, type ContextRequest } from './build-context';
import { renderMarkdown } from './render-markdown';
import { buildTranscript } from './transcript';
import { at, englishBilling, openingHours, spanishBilling } from './fixtures/conversations.fixture';

// The real functions, watched: a package builds its transcript and Markdown only when they are read.
jest.mock('./render-markdown', () => {
  const actual = jest.requireActual<typeof import('./render-markdown')>('./render-markdown');
  return { ...actual, renderMarkdown: jest.fn(actual.renderMarkdown) };
});
jest.mock('./transcript', () => {
  const actual = jest.requireActual<typeof import('./transcript')>('./transcript');
  return { ...actual, buildTranscript: jest.fn(actual.buildTranscript) };
});

// The reference policy, read from disk (rules must not import seed).
const DIR = path.join(__dirname, '../../../seed/src/policies/support-default');
const graph = JSON.parse(fs.readFileSync(path.join(DIR, 'graph.json'), 'utf8')) as PolicyGraph;
const settings = JSON.parse(fs.readFileSync(path.join(DIR, 'trigger-settings.json'), 'utf8')) as TriggerSettings;
const compiled = compilePolicy({ graph, settings });
const model = prepareSignals(settings);
const validate = new Ajv({ strict: false, validateFormats: false }).compile(ContextPackageSchema);

const leafOf = (id: string): LeafNode => {
  const node = graph.nodes.find((candidate) => candidate.id === id);
  if (!node || !isLeaf(node)) throw new Error(`no leaf ${id}`);
  return node;
};

/** What `decide()` hands the builder: signals, the engine's outcome and reasons with their facts. */
async function requestFor(input: DecideHandoffInput, now: Date): Promise<ContextRequest> {
  const signals = computeSignals(input, model, now);
  const { decision, paths } = await runEngine(compiled, signals.facts);
  const leaf = leafOf(decision.params.leaf.id);
  const action: HandoffAction = leaf.kind === 'handoff' ? 'HANDOFF' : leaf.kind === 'callback' ? 'CALLBACK' : 'STAY';
  return { input, signals, action, reasonCode: leaf.data.reasonCode, reasons: buildReasons(decision, paths, signals, leafOf), settings, now };
}

async function packageFor(input: DecideHandoffInput, now: Date): Promise<ContextPackage> {
  return buildContextPackage(await requestFor(input, now));
}

function schemaErrors(pkg: ContextPackage): unknown {
  return validate(JSON.parse(JSON.stringify(pkg))) ? null : validate.errors;
}

const SECTIONS = ['## Issue summary', '## Customer', '## Why escalated', '## What the AI tried', '## Sentiment', '## Conversation'];

describe('buildContextPackage — built as it is read', () => {
  it('builds the transcript and the Markdown only for a reader who asks for them', async () => {
    const render = jest.mocked(renderMarkdown);
    const transcript = jest.mocked(buildTranscript);
    render.mockClear();
    transcript.mockClear();
    const pkg = await packageFor(englishBilling, at(6));
    expect(pkg.summary.length).toBeGreaterThan(0);
    expect(render).not.toHaveBeenCalled();
    expect(transcript).not.toHaveBeenCalled();
    expect(pkg.markdown).toContain('## Conversation');
    expect(pkg.markdown).toBe(pkg.markdown);
    expect(render).toHaveBeenCalledTimes(1);
    expect(transcript).toHaveBeenCalledTimes(1);
  });
});

describe('buildContextPackage — an English VIP billing dispute', () => {
  let pkg: ContextPackage;
  beforeAll(async () => {
    pkg = await packageFor(englishBilling, at(6));
  });

  it('validates against ContextPackageSchema once serialised', () => {
    expect(schemaErrors(pkg)).toBeNull();
  });

  it('tells the story in one line of at most 200 characters, naming the reasons', () => {
    expect(pkg.summary.length).toBeLessThanOrEqual(200);
    expect(pkg.summary).toBe(
      'Maria Keller (VIP) wrote "There\'s an $89 charge on my card from you that I don\'t recognise. Order 1234 was only $45."; AI tried invoice list (failed); escalated: billing dispute, negative sentiment',
    );
  });

  it('names the issue from the topic and the intent, with evidence', () => {
    expect(pkg.issue.category).toBe('billing_dispute');
    expect(pkg.issue.subcategory).toBe('unrecognised_charge');
    expect(pkg.issue.evidence[0]).toMatch(/^billing_dispute: customer message 3: "There's an \$89 charge/);
  });

  it('flags the customer', () => {
    expect(pkg.customer).toMatchObject({
      name: 'Maria Keller',
      tier: 'VIP',
      language: 'en',
      flags: ['VIP', 'HIGH_VALUE', 'REPEAT_ESCALATION'],
      previousEscalations: 2,
    });
  });

  it('points every trigger at the message that fired it', () => {
    expect(pkg.triggers).toEqual([
      {
        code: 'billing_dispute',
        category: 'CONTENT',
        description: 'Disputed charge: not recognised, charged twice, wrong amount or chargeback',
        messageIndex: 2,
        at: at(0.75),
        excerpt: "There's an $89 charge on my card from you that I don't recognise. Order 1234 was only $45.",
      },
      {
        code: 'negative_sentiment',
        category: 'SENTIMENT',
        description: 'VIP customer is upset: negative in 2+ messages, or a sharp drop after an earlier message',
        messageIndex: 6,
        at: at(5 + 8 / 60),
        excerpt: 'This is ridiculous. I want my money back NOW.',
      },
    ]);
  });

  it('plots one sentiment point per customer message and reads the changes', () => {
    expect(pkg.sentimentTrajectory.points.map((point) => [point.messageIndex, point.offset, point.label])).toEqual([
      [1, '0:15', 'neutral'],
      [2, '0:45', 'neutral'],
      [4, '3:14', 'angry'],
      [6, '5:08', 'angry'],
    ]);
    expect(pkg.sentimentTrajectory.reading).toBe('neutral at 0:15, angry at 3:14');
  });

  it('assesses the AI: hedged last reply, articles used', () => {
    expect(pkg.aiAssessment).toEqual({ lastConfidence: 0.5, lowestConfidence: 0.5, lowConfidenceStreak: 1, hedgingSeen: true, kbArticleIds: ['kb-invoices'] });
  });

  it('detects the invoice list in the bot’s words and reads the customer’s answer as a failure', () => {
    expect(pkg.attempts).toEqual([{ action: 'invoice list', result: 'failed', at: at(1.5), succeeded: false, source: 'detected' }]);
  });

  it('keeps the whole transcript and condenses it without greetings', () => {
    expect(pkg.transcript).toHaveLength(7);
    expect(pkg.condensedTranscript.map((entry) => entry.index)).toEqual([2, 3, 4, 5, 6]);
  });

  it('recommends the policy’s actions for each reason, primary first', () => {
    const table = settings.recommendedActions ?? {};
    expect(pkg.recommendedActions).toEqual([...(table.billing_dispute ?? []), ...(table.negative_sentiment ?? [])]);
    expect(pkg.recommendedActions[0]).toMatch(/^Check the charge against the order/);
  });

  it('suggests a greeting that names the customer, the issue and what the AI tried', () => {
    expect(pkg.suggestedGreeting).toBe(
      "Hi Maria, I see you're disputing a charge on your account and have already checked your invoices with our assistant — I'll take it from here and sort this out now.",
    );
  });

  it('passes the page context through', () => {
    expect(pkg.pageContext).toEqual({ url: 'https://shop.example.com/account/billing', title: 'Billing' });
  });

  it('renders a helpdesk note with the six sections in order and the condensed conversation with offsets', () => {
    const positions = SECTIONS.map((section) => pkg.markdown.search(new RegExp(`^${section}$`, 'm')));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(pkg.markdown).toContain("- `3:14` **Customer:** That didn't help, I still can't see where the $89 comes from. This is annoying.");
    expect(pkg.markdown).toContain('- **billing\\_dispute** (CONTENT) — Disputed charge');
    expect(pkg.markdown).toContain('(message 3 at 0:45)');
    expect(pkg.markdown).toContain('neutral at 0:15, angry at 3:14');
    expect(pkg.markdown).toContain('1. Check the charge against the order');
    expect(pkg.markdown).toContain('- invoice list — failed (detected at 1:30)');
    expect(pkg.markdown).toContain('- **Time since the first message:** 6:00');
    expect(pkg.markdown).not.toContain('**Customer:** hi\n');
  });
});

describe('buildContextPackage — other languages', () => {
  it('greets a Spanish customer in Spanish, referencing the charge and the invoices already checked', async () => {
    const pkg = await packageFor(spanishBilling, at(3));
    expect(schemaErrors(pkg)).toBeNull();
    expect(pkg.customer.language).toBe('es');
    expect(pkg.suggestedGreeting).toBe(
      'Hola María, veo que no está de acuerdo con un cargo en su cuenta y que ya revisó sus facturas con nuestro asistente; me encargo ahora mismo de resolverlo.',
    );
    expect(pkg.attempts).toEqual([{ action: 'invoice list', result: 'failed', at: at(1), succeeded: false, source: 'detected' }]);
    expect(pkg.condensedTranscript.map((entry) => entry.text)).toEqual([
      'Me cobraron dos veces el pedido 1234',
      'Aquí tiene la lista de sus facturas de este mes.',
      'Sigue apareciendo el cargo doble, no lo entiendo',
    ]);
  });

  it.each([
    [
      'pt',
      'Fui cobrado duas vezes pelo pedido 1234',
      'Aqui está a lista das suas faturas.',
      'Ainda aparece a cobrança dupla',
      /^Olá João, vejo que você contesta uma cobrança na sua conta e que já consultou suas faturas/,
    ],
    [
      'de',
      'Ich wurde zweimal belastet für die Bestellung 1234',
      'Hier sind Ihre Rechnungen der letzten drei Monate.',
      'Die doppelte Abbuchung ist immer noch da',
      /^Hallo João, ich sehe, dass Sie eine Abbuchung auf Ihrem Konto beanstanden und mit unserem Assistenten bereits Ihre Rechnungen/,
    ],
    [
      'fr',
      "On m'a débité deux fois pour la commande 1234",
      'Voici la liste de vos factures.',
      'Le double prélèvement est toujours là',
      /^Bonjour João, je vois que vous contestez un prélèvement sur votre compte et que vous avez déjà consulté vos factures/,
    ],
  ])('greets a %s customer in their language', async (language, complaint, botReply, followUp, greeting) => {
    const input = conversation(
      [
        ['CUSTOMER', complaint, { at: at(0) }],
        ['BOT', botReply, { at: at(0.5) }],
        ['CUSTOMER', followUp, { at: at(1) }],
      ],
      { customer: { id: `cus-${language}`, name: 'João Silva', language } },
    );
    const pkg = await packageFor(input, at(2));
    expect(schemaErrors(pkg)).toBeNull();
    expect(pkg.triggers[0]?.code).toBe('billing_dispute');
    expect(pkg.customer.language).toBe(language);
    expect(pkg.suggestedGreeting).toMatch(greeting);
    expect(pkg.attempts.map((attempt) => [attempt.action, attempt.result])).toEqual([['invoice list', 'failed']]);
  });
});

describe('buildContextPackage — other outcomes', () => {
  it('gives a stay a package too: it stays with the AI, with no triggers', async () => {
    const request = await requestFor(openingHours, at(1));
    expect(request.action).toBe('STAY');
    const pkg = buildContextPackage(request);
    expect(schemaErrors(pkg)).toBeNull();
    expect(pkg.summary).toBe('Customer wrote "What time does the Berlin store open on Saturdays?"; AI replied 2 times; stays with the AI (ai resolving)');
    expect(pkg.triggers).toEqual([]);
    expect(pkg.recommendedActions).toEqual(settings.recommendedActions?.ai_resolving);
    expect(pkg.markdown).toContain('Not escalated: the AI keeps the conversation (ai resolving).');
    expect(pkg.condensedTranscript.map((entry) => entry.index)).toEqual([2, 3]);
    expect(pkg.pageContext).toBeNull();
  });

  it('points a profile trigger at no message and a no-progress trigger at the latest bot reply', async () => {
    const input = conversation(
      [
        ['CUSTOMER', 'Our SSO login for the whole team fails since this morning', { at: at(0) }],
        ['BOT', 'Please try clearing your browser cache.', { at: at(0.5) }],
        ['CUSTOMER', 'Done, same result', { at: at(2) }],
        ['BOT', 'Please check that your identity provider certificate is valid.', { at: at(3) }],
        ['CUSTOMER', 'It is valid', { at: at(4) }],
        ['BOT', 'Please check the SAML assertion settings.', { at: at(5) }],
        ['CUSTOMER', 'They are fine', { at: at(6) }],
        ['BOT', 'Please try again in a few minutes.', { at: at(6.5) }],
      ],
      { customer: { id: 'cus-ent', name: 'Dana Whitfield', tier: 'enterprise', accountOwnerId: 'am-9', lifetimeValue: 52000 } },
    );
    const pkg = await packageFor(input, at(7));
    expect(schemaErrors(pkg)).toBeNull();
    const byCode = Object.fromEntries(pkg.triggers.map((trigger) => [trigger.code, trigger]));
    expect(pkg.triggers[0]?.code).toBe('enterprise_account');
    expect(byCode.enterprise_account).toMatchObject({ messageIndex: null, at: null, excerpt: null });
    expect(byCode.no_progress).toMatchObject({ messageIndex: 7, at: at(6.5), excerpt: 'Please try again in a few minutes.' });
    expect(pkg.customer.flags).toEqual(['ENTERPRISE', 'HIGH_VALUE']);
    expect(pkg.summary).toMatch(
      /^Dana Whitfield \(ENTERPRISE\) wrote "Our SSO login for the whole team fails since this morning"; AI replied 4 times; escalated: enterprise account, /,
    );
  });

  it('uses reported attempts and quotes the (redacted) text as given, excerpts clipped to 120 characters', async () => {
    const long = `Someone hacked my account and changed the email to •••••@mail.ru. ${'I have lost access to all my orders and saved cards. '.repeat(4)}`;
    const input = conversation(
      [
        ['CUSTOMER', long, { at: at(0) }],
        ['BOT', 'I have sent a password reset link to your phone number ending in ••42.', { at: at(1) }],
      ],
      { customer: { id: 'cus-sec', language: 'en' }, attempts: [{ action: 'Send password reset SMS', result: 'sent', at: at(1) }] },
    );
    const pkg = await packageFor(input, at(2));
    expect(schemaErrors(pkg)).toBeNull();
    expect(pkg.triggers[0]).toMatchObject({ code: 'security_incident', messageIndex: 0 });
    expect(pkg.triggers[0]?.excerpt?.length).toBeLessThanOrEqual(120);
    expect(pkg.triggers[0]?.excerpt).toMatch(/^Someone hacked my account and changed the email to •••••@mail\.ru\./);
    expect(pkg.attempts).toEqual([{ action: 'Send password reset SMS', result: 'sent', at: at(1), succeeded: true, source: 'reported' }]);
    expect(pkg.suggestedGreeting).toBe(
      "Hi, I see you're worried about the safety of your account or card and have already tried a password reset with our assistant — I'll take it from here and sort this out now.",
    );
    expect(pkg.transcript.map((entry) => entry.text)).toEqual(input.messages.map((message) => message.text));
    expect(long.startsWith((pkg.triggers[0]?.excerpt ?? 'missing').replace(/…$/, ''))).toBe(true);
  });

  it('escapes Markdown in conversation text so a message cannot add links, HTML or headings to the note', async () => {
    const input = conversation(
      [['CUSTOMER', 'I want to talk to a person\n## Fake section\n[click](http://evil.example) <img src=x onerror=alert(1)>', { at: at(0) }]],
      { customer: { id: 'cus-md' } },
    );
    const pkg = await packageFor(input, at(1));
    expect(pkg.triggers[0]?.code).toBe('customer_request');
    expect(pkg.markdown).not.toMatch(/^## Fake section/m);
    expect(pkg.markdown).not.toContain('[click](');
    expect(pkg.markdown).not.toMatch(/(?<!\\)<img/);
    expect(pkg.markdown).toContain('\\#\\# Fake section \\[click\\](http://evil.example) \\<img src=x onerror=alert(1)\\>');
    expect(pkg.markdown.match(/^## /gm)).toHaveLength(6);
  });

  it('is deterministic and reads the clock only from the request', async () => {
    const request = await requestFor(englishBilling, at(6));
    expect(buildContextPackage(request)).toEqual(buildContextPackage(structuredClone(request)));
    expect(buildContextPackage({ ...request, now: at(16) }).markdown).toContain('- **Time since the first message:** 16:00');
  });
});

describe('recommendedActions', () => {
  const table: TriggerSettings = { ...settings, recommendedActions: { a: ['Do X', 'Do Y'], b: ['Do Y', ' Do Z '], toString: ['never'] } };

  it('lists each fired reason’s actions, primary first, once each', () => {
    expect(recommendedActions(table, ['b', 'a', 'b'])).toEqual(['Do Y', 'Do Z', 'Do X']);
    expect(recommendedActions(table, ['unknown', 'constructor'])).toEqual([]);
    expect(recommendedActions({ ...settings, recommendedActions: undefined }, ['a'])).toEqual([]);
  });

  it('has 1–3 actions in the reference policy for every reason code its graph can reach', () => {
    const codes = graph.nodes.filter(isLeaf).map((leaf) => leaf.data.reasonCode);
    expect(codes).toEqual(expect.arrayContaining(['security_incident', 'billing_dispute', 'no_progress', 'ai_resolving']));
    for (const code of codes) {
      const actions = settings.recommendedActions?.[code] ?? [];
      expect([code, actions.length >= 1 && actions.length <= 3]).toEqual([code, true]);
    }
    expect(Object.keys(settings.recommendedActions ?? {}).sort()).toEqual([...new Set(codes)].sort());
  });
});
