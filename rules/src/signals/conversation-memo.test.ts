/**
 * The conversation memo (`conversation-memo.ts`) only saves work: a model that read a
 * conversation at an earlier turn gives, at every later turn, exactly what a model reading it for
 * the first time gives — also when the bot resends an earlier message changed (text, redaction,
 * speaker, confidence, sentiment), drops messages, or the conversation language changes.
 */
import type { DecideHandoffInput, MessageInput } from '@baton/schemas';
import { computeSignals, prepareSignals } from './index';
import { ConversationMemo, CONVERSATION_MEMO_MESSAGES, type CustomerReading, type MessageRecord } from './conversation-memo';
import { findHumanRequest } from './human-request';
import { AnalysedText } from './message-analysis';
import { latestRequest, lexemesOf, mergeTopicFindings } from './read-messages';
import { QUOTES_PER_TOPIC } from './topics';
import { findTopics } from './topics';
import { at, conversation, type MessageSpec } from './fixtures/conversation.fixture';
import { FIXTURE_SETTINGS } from './fixtures/trigger-settings.fixture';

const turns: MessageSpec[] = [
  ['CUSTOMER', 'hi there', { at: at(0) }],
  ['BOT', 'Hello! What can I do for you?', { at: at(0.1) }],
  ['CUSTOMER', 'I was charged twice for my last order', { at: at(1) }],
  ['BOT', 'I think it might be a pending authorisation, maybe wait a day', { at: at(1.2) }],
  ['CUSTOMER', 'It is not pending, the money left my account twice. This is awful', { at: at(2) }],
  ['BOT', 'Sorry to hear that. Can you share the order number?', { at: at(2.2), confidence: 0.4 }],
  ['CUSTOMER', 'Order 55120. Now someone logged into my profile without me, unauthorized access!', { at: at(3) }],
  ['BOT', 'Not sure what happened there, maybe reset the password', { at: at(3.3) }],
  ['CUSTOMER', 'I want to talk to a person right now', { at: at(4), sentiment: -0.8 }],
];

/** The conversation up to and including message `count`. */
const upTo = (count: number, specs: readonly MessageSpec[] = turns): DecideHandoffInput => conversation(specs.slice(0, count));
const cold = (input: DecideHandoffInput, shown?: DecideHandoffInput) => computeSignals(input, prepareSignals(FIXTURE_SETTINGS), at(5), shown);

function withMessage(input: DecideHandoffInput, index: number, change: Partial<MessageInput>): DecideHandoffInput {
  return { ...input, messages: input.messages.map((message, i) => (i === index ? { ...message, ...change } : message)) };
}

describe('the conversation memo', () => {
  it('gives, turn after turn, what a model reading each turn for the first time gives', () => {
    const warm = prepareSignals(FIXTURE_SETTINGS);
    for (let count = 1; count <= turns.length; count += 1) {
      expect(computeSignals(upTo(count), warm, at(5))).toEqual(cold(upTo(count)));
    }
  });

  it('quotes a request for a person made turns earlier as a first reading does (its words are read again after the turn let them go)', () => {
    const warm = prepareSignals(FIXTURE_SETTINGS);
    const later: MessageSpec[] = [
      ['CUSTOMER', 'my parcel never arrived and I want to talk to a person', { at: at(0) }],
      ['BOT', 'I can check the parcel for you first.', { at: at(0.2) }],
      ['CUSTOMER', 'the tracking number is 1Z999', { at: at(1) }],
      ['BOT', 'Thanks, looking it up.', { at: at(1.2) }],
      ['CUSTOMER', 'still waiting', { at: at(2) }],
    ];
    for (let count = 1; count <= later.length; count += 1) {
      const signals = computeSignals(upTo(count, later), warm, at(5));
      expect(signals).toEqual(cold(upTo(count, later)));
      expect(signals.evidence.humanRequested?.[0]).toContain('talk to a person');
    }
  });

  it('reads an earlier message again when its text changed, so a request it no longer holds is not reported', () => {
    const model = prepareSignals(FIXTURE_SETTINGS);
    const asked = conversation([
      ['CUSTOMER', 'I want to talk to a person'],
      ['BOT', 'Let me try first: what is the problem?'],
      ['CUSTOMER', 'my parcel is late'],
    ]);
    expect(computeSignals(asked, model, at(5)).facts.humanRequested).toBe(true);
    const edited = withMessage(asked, 0, { text: 'good morning' });
    const next = computeSignals(edited, model, at(5));
    expect(next.facts.humanRequested).toBe(false);
    expect(next).toEqual(cold(edited));
  });

  it('reads an earlier message again when its text changed but its redacted text did not', () => {
    const model = prepareSignals(FIXTURE_SETTINGS);
    const asked = conversation([
      ['CUSTOMER', 'I want to talk to a person'],
      ['CUSTOMER', 'my parcel is late'],
    ]);
    const masked = withMessage(asked, 0, { text: '(masked)' });
    expect(computeSignals(asked, model, at(5), masked).facts.humanRequested).toBe(true);
    const edited = withMessage(asked, 0, { text: 'good morning' });
    const next = computeSignals(edited, model, at(5), masked);
    expect(next.facts.humanRequested).toBe(false);
    expect(next).toEqual(cold(edited, masked));
  });

  it('reads a topic out of an earlier message whose text changed', () => {
    const model = prepareSignals(FIXTURE_SETTINGS);
    const first = upTo(5);
    expect(computeSignals(first, model, at(5)).facts.topics).toContain('billing_dispute');
    const edited = withMessage(first, 2, { text: 'my order is late' });
    const edits = withMessage(edited, 4, { text: 'it is still not here' });
    const next = computeSignals(edits, model, at(5));
    expect(next.facts.topics).not.toContain('billing_dispute');
    expect(next).toEqual(cold(edits));
  });

  it('quotes the new redaction of an earlier message, not the one it had at the previous turn', () => {
    const model = prepareSignals(FIXTURE_SETTINGS);
    const input = upTo(3);
    const shownBefore = withMessage(input, 2, { text: 'I was charged twice for my last order (shown first)' });
    const shownAfter = withMessage(input, 2, { text: 'I was charged twice for my last order (shown again)' });
    expect(computeSignals(input, model, at(5), shownBefore).evidence.topics?.join(' ')).toContain('shown first');
    const next = computeSignals(input, model, at(5), shownAfter);
    expect(next.evidence.topics?.join(' ')).toContain('shown again');
    expect(next.evidence.topics?.join(' ')).not.toContain('shown first');
    expect(next).toEqual(cold(input, shownAfter));
  });

  it('follows a bot confidence or a customer sentiment changed on an earlier message', () => {
    const model = prepareSignals(FIXTURE_SETTINGS);
    const input = upTo(9);
    const before = computeSignals(input, model, at(5));
    const changed = withMessage(withMessage(input, 5, { confidence: 0.95 }), 8, { sentiment: 0.6 });
    const after = computeSignals(changed, model, at(5));
    expect(after.facts.sentimentLatest).toBe(0.6);
    expect(after.facts.sentimentLatest).not.toBe(before.facts.sentimentLatest);
    expect(after).toEqual(cold(changed));
  });

  it('follows a message whose speaker changed, and a conversation sent with fewer messages', () => {
    const model = prepareSignals(FIXTURE_SETTINGS);
    computeSignals(upTo(9), model, at(5));
    const asBot = withMessage(upTo(9), 8, { speaker: 'BOT' });
    const swapped = computeSignals(asBot, model, at(5));
    expect(swapped.facts.customerMessageCount).toBe(4);
    expect(swapped).toEqual(cold(asBot));
    const shorter = upTo(4);
    const short = computeSignals(shorter, model, at(5));
    expect(short.facts.customerMessageCount).toBe(2);
    expect(short).toEqual(cold(shorter));
  });

  it('reads every customer message again in the new language when the conversation language changes', () => {
    const model = prepareSignals(FIXTURE_SETTINGS);
    const spanish: MessageSpec[] = [
      ['CUSTOMER', 'ok'],
      ['BOT', 'How can I help?'],
      ['CUSTOMER', 'me cobraron dos veces'],
      ['CUSTOMER', 'no quiero esperar, el cobro doble es un problema y quiero hablar con una persona de la empresa'],
    ];
    for (let count = 1; count <= spanish.length; count += 1) {
      expect(computeSignals(upTo(count, spanish), model, at(5))).toEqual(cold(upTo(count, spanish)));
    }
    expect(computeSignals(upTo(4, spanish), model, at(5)).facts.language).toBe('es');
  });

  it('keeps conversations apart: the same id with other messages is read as sent', () => {
    const model = prepareSignals(FIXTURE_SETTINGS);
    const other = conversation([['CUSTOMER', 'please close my account']], { conversationId: upTo(1).conversationId });
    computeSignals(upTo(9), model, at(5));
    expect(computeSignals(other, model, at(5))).toEqual(cold(other));
  });
});

describe('ConversationMemo', () => {
  const record = (text: string): MessageRecord => ({ speaker: 'CUSTOMER', text, shown: text, confidence: undefined, sentiment: undefined, analysed: null });
  const messages = (texts: string[]): MessageInput[] => texts.map((text) => ({ speaker: 'CUSTOMER', text }));
  const same = (list: MessageInput[]) => (i: number) => list[i]?.text ?? '';

  it('hands back only the records before the first message that differs', () => {
    const memo = new ConversationMemo();
    memo.keep('c', [record('a'), record('b'), record('c')]);
    const sent = messages(['a', 'B', 'c', 'd']);
    expect(memo.validPrefix('c', sent, same(sent), same(sent)).map((r) => r.text)).toEqual(['a']);
  });

  it('holds at most CONVERSATION_MEMO_MESSAGES records: the least recently used conversation goes first', () => {
    const memo = new ConversationMemo();
    const first = messages(['first']);
    memo.keep('first', [record('first')]);
    const many = Array.from({ length: 100 }, (_, i) => record(`text ${i}`));
    for (let c = 0; c * many.length < CONVERSATION_MEMO_MESSAGES; c += 1) memo.keep(`other ${c}`, [...many]);
    expect(memo.validPrefix('first', first, same(first), same(first))).toEqual([]);
  });

  it('does not keep a conversation larger than the whole memo', () => {
    const memo = new ConversationMemo();
    const texts = Array.from({ length: CONVERSATION_MEMO_MESSAGES + 1 }, (_, i) => `m${i}`);
    const sent = messages(texts);
    memo.keep('huge', texts.map(record));
    expect(memo.validPrefix('huge', sent, same(sent), same(sent))).toEqual([]);
  });
});

describe('per-message findings folded over the conversation', () => {
  const model = prepareSignals(FIXTURE_SETTINGS);
  const texts = [
    'I was charged twice',
    'hello',
    'they charged twice again, and my account was hacked',
    'still charged twice, I want to talk to a person',
    'double charged, no need for an agent now',
    'the wrong amount, charged twice, a fourth time',
  ];
  const matched = texts.map((text, i) => {
    const analysed = new AnalysedText(text, i + 1);
    return { text: analysed, lexemes: lexemesOf(analysed, 'en', model) };
  });

  it('gives the topics, quotes and sources findTopics gives over all the messages', () => {
    const perMessage = matched.map((message) => findTopics([message], model));
    expect(perMessage.filter((found) => found.topics.includes('billing_dispute')).length).toBeGreaterThan(QUOTES_PER_TOPIC);
    expect(mergeTopicFindings(perMessage, model.topicNames)).toEqual(findTopics(matched, model));
  });

  it('finds the request findHumanRequest finds over all the messages: the latest that asks or declines', () => {
    const readings = matched.map((message) => ({ request: findHumanRequest([message], model) ?? null })) as unknown as CustomerReading[];
    expect(readings.filter((reading) => reading.request).length).toBeGreaterThan(1);
    const found = latestRequest(readings);
    expect(found?.requested).toBe(false);
    expect(found).toEqual(findHumanRequest(matched, model));
  });
});
