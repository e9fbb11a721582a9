/**
 * Internal: the CSV dataset format, one message per row as a helpdesk export has it:
 * `conversation_id, speaker, text` and optionally `at` (RFC 3339), `expected_reason` (a reason
 * code or `none`, on any row of the conversation), `language`, `channel`. Rows of one
 * conversation keep their file order; conversations are listed by their first row. Parsing is
 * csv-parse's (RFC 4180 quoting, embedded newlines, a byte-order mark).
 */
import { parse } from 'csv-parse/sync';
import { SPEAKERS, type MessageInput, type Speaker } from '@baton/schemas';
import type { BacktestExpectation, BacktestRow } from '@baton/rules';
import type { RequestLimits } from '../../config';
import { checkDecideInput } from '../decisions/input-limits';
import { isBatonError } from '../../baton-error';
import type { ProblemList } from './dataset-problems';
import { expectationOfLabel } from './parse-jsonl';

const REQUIRED = ['conversation_id', 'speaker', 'text'] as const;

interface Conversation {
  id: string;
  line: number;
  messages: MessageInput[];
  expected: BacktestExpectation | null;
  language: string | null;
  channel: string | null;
}

const cell = (record: Record<string, string>, column: string): string => (record[column] ?? '').trim();

function speakerOf(value: string): Speaker | null {
  const upper = value.toUpperCase();
  return (SPEAKERS as readonly string[]).includes(upper) ? (upper as Speaker) : null;
}

/** Rows of a CSV dataset, or null with its problems added. */
export function parseCsvDataset(text: string, limits: RequestLimits, problems: ProblemList): BacktestRow[] | null {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()), info: true, skip_empty_lines: true, bom: true });
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : 0;
    problems.add(line, `is not valid CSV: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
  const header = records[0] ? Object.keys(records[0].record) : [];
  const missing = REQUIRED.filter((column) => !header.includes(column));
  if (records.length > 0 && missing.length > 0) {
    problems.add(
      1,
      `the header lacks ${missing.map((c) => `"${c}"`).join(', ')}; the columns are conversation_id, speaker, text and optionally at, expected_reason, language, channel.`,
    );
    return null;
  }
  const conversations = new Map<string, Conversation>();
  for (const { record, info } of records) {
    const line = info.lines;
    const id = cell(record, 'conversation_id');
    const speaker = speakerOf(cell(record, 'speaker'));
    const messageText = record.text ?? '';
    const at = cell(record, 'at');
    const date = at === '' ? null : new Date(at);
    if (id === '') problems.add(line, '"conversation_id" is empty; every row names its conversation.');
    if (!speaker) problems.add(line, `"speaker" is ${JSON.stringify(cell(record, 'speaker'))}; use one of ${SPEAKERS.join(', ')} (any case).`);
    if (messageText.trim() === '') problems.add(line, '"text" is empty.');
    if (date && Number.isNaN(date.getTime())) problems.add(line, `"at" is ${JSON.stringify(at)}; use an RFC 3339 date-time such as 2026-11-21T09:00:00Z.`);
    if (id === '' || !speaker || messageText.trim() === '' || (date && Number.isNaN(date.getTime()))) continue;
    let conversation = conversations.get(id);
    if (!conversation) {
      conversation = { id, line, messages: [], expected: null, language: null, channel: null };
      conversations.set(id, conversation);
    }
    const previous = conversation.messages[conversation.messages.length - 1]?.at;
    if (date && previous && date.getTime() < previous.getTime()) {
      problems.add(
        line,
        `"at" (${at}) is earlier than the conversation's previous message (${previous.toISOString()}); list each conversation's messages oldest first.`,
      );
      continue;
    }
    conversation.messages.push({ speaker, text: messageText, at: date });
    const expected = cell(record, 'expected_reason');
    if (expected !== '') conversation.expected = expectationOfLabel(expected);
    conversation.language = cell(record, 'language') || conversation.language;
    conversation.channel = cell(record, 'channel') || conversation.channel;
  }
  const rows: BacktestRow[] = [];
  for (const conversation of conversations.values()) {
    const input = {
      conversationId: conversation.id,
      channel: conversation.channel,
      customer: { id: `backtest:${conversation.id}`, language: conversation.language },
      messages: conversation.messages,
    };
    try {
      checkDecideInput(input, limits);
    } catch (error) {
      if (!isBatonError(error)) throw error;
      problems.add(conversation.line, `conversation ${conversation.id}: ${error.message}`);
      continue;
    }
    rows.push({ id: conversation.id, line: conversation.line, input, expected: conversation.expected });
  }
  return rows;
}
