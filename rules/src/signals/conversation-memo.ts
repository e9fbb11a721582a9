/**
 * Internal: what each message of a conversation decided at the previous turn, kept per signals
 * model so a bot's next turn (the whole conversation again, plus a message or two) reads only the
 * new messages. The text memo (`message-analysis.ts`) already keeps the work a text alone decides;
 * this keeps what a message decides in its conversation — its language, sentiment score, topic
 * quotes, request for a person, reply confidence — and the analysed messages themselves, so a
 * turn's cost stops growing with the number of earlier messages (issue 18).
 *
 * Nothing is trusted by conversation id alone: every earlier message is compared with what was
 * recorded for it (speaker, analysed and quotable text, reported confidence and sentiment), and
 * the records from the first difference on are dropped and worked out again. Results that depend
 * on the conversation language are kept with that language and redone when it changes.
 */
import { LRUCache } from 'lru-cache';
import type { MessageInput } from '@baton/schemas';
import type { ReplyConfidence } from './confidence';
import type { HumanRequestFinding } from './human-request';
import { MESSAGE_MEMO_TEXTS, type AnalysedText } from './message-analysis';
import type { TopicFindings } from './topics';

/** What a customer message decided under one conversation language. */
export interface CustomerReading {
  /** The conversation language this reading was made in. */
  conversationLanguage: string;
  /** The language the message is read in (`messageLanguage`). */
  language: string;
  text: AnalysedText;
  /** Baton's sentiment score, -1..1, or the bot's when it sent one. */
  score: number;
  /** Baton's score when the previous customer message was upset (`SentimentScore.afterUpset`). */
  scoreAfterUpset?: number;
  reportedByBot: boolean;
  /** `findTopics` of this message alone: one quote per topic found, `evidence[k]` quoting `topics[k]`. */
  topics: TopicFindings;
  /** `findHumanRequest` of this message alone (null: it neither asks for nor declines a person). */
  request: HumanRequestFinding | null;
}

/** One message of `input.messages` as it was read. */
export interface MessageRecord {
  speaker: MessageInput['speaker'];
  /** The text analysed and the text quotes are cut from (both capped to `ANALYSED_CHARS_PER_MESSAGE`). */
  text: string;
  shown: string;
  confidence: number | null | undefined;
  sentiment: number | null | undefined;
  /** The analysed message, for CUSTOMER and BOT messages. */
  analysed: AnalysedText | null;
  /** Customer messages: the reading in the latest conversation language. */
  customer?: CustomerReading;
  /** Bot replies: their confidence (independent of the conversation language). */
  reply?: ReplyConfidence;
}

/** True when `record` was made from a message with these fields. */
export function recordMatches(record: MessageRecord, message: MessageInput, text: string, shown: string): boolean {
  return (
    record.speaker === message.speaker &&
    record.text === text &&
    record.shown === shown &&
    record.confidence === message.confidence &&
    record.sentiment === message.sentiment
  );
}

/**
 * Most message records kept over all conversations (least recently used conversation first
 * out). The records share their analysed texts with the text memo, so they hold little of their
 * own; the same bound keeps the two memos together under about twice the text memo's size.
 */
export const CONVERSATION_MEMO_MESSAGES = MESSAGE_MEMO_TEXTS;

/** The records of recent conversations of one signals model, by conversation id. */
export class ConversationMemo {
  private readonly conversations = new LRUCache<string, MessageRecord[]>({
    maxSize: CONVERSATION_MEMO_MESSAGES,
    sizeCalculation: (records) => Math.max(1, records.length),
  });

  /**
   * The records of `conversationId` that still hold for `messages`: those before the first
   * message that differs from its record (none for an unknown conversation). The array is the
   * caller's to extend; hand it back with {@link keep}.
   * @param text the analysed text of message i; @param shown the quotable text of message i
   */
  validPrefix(conversationId: string, messages: readonly MessageInput[], text: (i: number) => string, shown: (i: number) => string): MessageRecord[] {
    const records = this.conversations.get(conversationId);
    if (!records) return [];
    let valid = 0;
    while (valid < records.length && valid < messages.length) {
      const message = messages[valid] as MessageInput;
      if (!recordMatches(records[valid] as MessageRecord, message, text(valid), shown(valid))) break;
      valid += 1;
    }
    records.length = valid;
    return records;
  }

  /** Keeps `records` as the conversation's latest reading (a conversation larger than the whole memo is not kept). */
  keep(conversationId: string, records: MessageRecord[]): void {
    if (records.length > CONVERSATION_MEMO_MESSAGES) this.conversations.delete(conversationId);
    else this.conversations.set(conversationId, records);
  }
}
