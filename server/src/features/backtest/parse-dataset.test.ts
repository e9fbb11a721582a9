import { DEFAULT_DATASET_LIMITS, DEFAULT_LIMITS, type DatasetLimits } from '../../config';
import { DatasetError } from './dataset-problems';
import { parseDataset } from './parse-dataset';

const parse = (text: string | Uint8Array, fileName = 'data.jsonl', limits: DatasetLimits = DEFAULT_DATASET_LIMITS) =>
  parseDataset(typeof text === 'string' ? Buffer.from(text) : text, { fileName, limits, requestLimits: DEFAULT_LIMITS });

function problemsOf(text: string | Uint8Array, fileName?: string, limits?: DatasetLimits): string[] {
  try {
    parse(text, fileName, limits);
  } catch (error) {
    if (error instanceof DatasetError) return error.problems.map((p) => `${p.line}: ${p.message}`);
    throw error;
  }
  throw new Error('expected the dataset to be refused');
}

const message = (id: string, text: string, expected = 'none') => JSON.stringify({ id, lang: 'en', text, expected });

describe('parseDataset', () => {
  it('reads message lines, "none" as stay and a reason code as that reason', () => {
    const { format, rows } = parse(`${message('a', 'hi there')}\n\n${message('b', 'refund please', 'billing_dispute')}\r\n`);
    expect(format).toBe('messages');
    expect(rows.map((row) => [row.id, row.line, row.expected])).toEqual([
      ['a', 1, { action: 'STAY' }],
      ['b', 3, { reasonCode: 'billing_dispute' }],
    ]);
    expect(rows[0]?.input).toMatchObject({ conversationId: 'a', customer: { language: 'en' }, messages: [{ speaker: 'CUSTOMER', text: 'hi there' }] });
  });

  it('reads a sentiment label on message lines and refuses one it does not know', () => {
    const line = (id: string, label: string) => JSON.stringify({ id, lang: 'de', text: 'na toll', expectedSentiment: label });
    expect(
      parse(`${line('a', 'negative')}\n${JSON.stringify({ id: 'b', text: 'ok', expected: 'none', expectedSentiment: 'neutral' })}`).rows.map(
        (row) => row.expected,
      ),
    ).toEqual([{ sentiment: 'negative' }, { action: 'STAY', sentiment: 'neutral' }]);
    expect(problemsOf(line('a', 'angry'))).toEqual(['1: "expectedSentiment" must be one of negative, neutral, positive, got "angry".']);
  });

  it('reads conversation lines through the GraphQL input type (dates parsed, id as conversation id)', () => {
    const line = JSON.stringify({
      id: 'c-1',
      input: { channel: 'chat', messages: [{ speaker: 'CUSTOMER', text: 'hello', at: '2026-02-01T10:00:00Z' }] },
      expected: { action: 'HANDOFF', queueId: 'billing' },
    });
    const [row] = parse(line).rows;
    expect(row?.input.conversationId).toBe('c-1');
    expect(row?.input.customer.id).toBe('c-1');
    expect(row?.input.messages[0]?.at).toEqual(new Date('2026-02-01T10:00:00Z'));
    expect(row?.expected).toEqual({ action: 'HANDOFF', queueId: 'billing' });
  });

  it('groups CSV rows by conversation in file order with the expectation of any row', () => {
    const csv = [
      'conversation_id,speaker,text,at,expected_reason',
      'c1,customer,"I was billed, twice",2026-02-01T10:00:00Z,',
      'c2,Customer,hello,2026-02-01T10:00:00Z,none',
      'c1,BOT,"Sorry to hear that.\nLet me look.",2026-02-01T10:00:05Z,billing_dispute',
    ].join('\n');
    const { format, rows } = parse(csv, 'export.CSV');
    expect(format).toBe('csv');
    expect(rows.map((row) => [row.id, row.line, row.input.messages.length, row.expected])).toEqual([
      ['c1', 2, 2, { reasonCode: 'billing_dispute' }],
      ['c2', 3, 1, { action: 'STAY' }],
    ]);
    expect(rows[0]?.input.messages[1]).toMatchObject({ speaker: 'BOT', text: 'Sorry to hear that.\nLet me look.' });
  });

  it('refuses a file with bad lines, naming each line, and returns nothing', () => {
    const text = [
      message('a', 'fine'),
      '{"id": "b", "text": ',
      JSON.stringify({ id: 'c', lang: 'english', text: 'hi' }),
      JSON.stringify({ id: 'a', text: 'again' }),
      JSON.stringify({ id: 'd', input: { messages: [] } }),
    ].join('\n');
    expect(problemsOf(text)).toEqual([
      expect.stringMatching(/^2: is not valid JSON/),
      expect.stringMatching(/^3: "lang" must be an ISO 639-1 code/),
      expect.stringMatching(/^5: is a conversation line, but the file's first line set the format to messages/),
      expect.stringMatching(/^4: id "a" was already used on line 1/),
    ]);
  });

  it('names the field of a conversation the API would refuse: unknown speaker, dates going backwards', () => {
    const bad = (messages: unknown[]) => JSON.stringify({ id: 'x', input: { customer: { id: 'c' }, messages } });
    expect(problemsOf(bad([{ speaker: 'ROBOT', text: 'hi' }]))).toEqual([
      expect.stringMatching(/^1: input\.messages\[0\]\.speaker: Value "ROBOT" does not exist in "Speaker" enum/),
    ]);
    expect(
      problemsOf(
        bad([
          { speaker: 'CUSTOMER', text: 'a', at: '2026-01-02T00:00:00Z' },
          { speaker: 'CUSTOMER', text: 'b', at: '2026-01-01T00:00:00Z' },
        ]),
      ),
    ).toEqual([expect.stringMatching(/^1: input\.messages\[1\]\.at .* is earlier than input\.messages\[0\]\.at/)]);
    expect(problemsOf(bad([{ speaker: 'CUSTOMER', text: 'a', at: 'yesterday' }]))).toEqual([expect.stringMatching(/^1: input\.messages\[0\]\.at: .*RFC 3339/)]);
  });

  it('refuses CSV with a missing column, an unknown speaker or dates going backwards', () => {
    expect(problemsOf('conversation_id,text\nc1,hello', 'a.csv')).toEqual([expect.stringMatching(/^1: the header lacks "speaker"/)]);
    const csv = ['conversation_id,speaker,text,at', 'c1,visitor,hello,', 'c2,customer,a,2026-01-02T00:00:00Z', 'c2,customer,b,2026-01-01T00:00:00Z'].join('\n');
    expect(problemsOf(csv, 'a.csv')).toEqual([expect.stringMatching(/^2: "speaker" is "visitor"/), expect.stringMatching(/^4: "at" .* is earlier than/)]);
    expect(problemsOf('conversation_id,speaker,text\nc1,customer,"open quote', 'a.csv')).toEqual([expect.stringMatching(/is not valid CSV/)]);
  });

  it('refuses a file that is not UTF-8, naming the line, and files over the limits', () => {
    const latin1 = Buffer.concat([Buffer.from(`${message('a', 'ok')}\n{"id":"b","text":"caf`), Buffer.from([0xe9]), Buffer.from('"}')]);
    expect(problemsOf(latin1)).toEqual([expect.stringMatching(/^2: is not valid UTF-8/)]);
    const three = [message('a', 'x'), message('b', 'y'), message('c', 'z')].join('\n');
    expect(problemsOf(three, 'a.jsonl', { maxRows: 2, maxBytes: 1_000_000 })).toEqual([
      expect.stringMatching(/^0: The file holds 3 conversations; the limit is 2/),
    ]);
    expect(problemsOf(three, 'a.jsonl', { maxRows: 10, maxBytes: 20 })).toEqual([expect.stringMatching(/^0: The file is .* MB; the limit is/)]);
    expect(problemsOf('  \n')).toEqual([expect.stringMatching(/empty/)]);
  });
});
