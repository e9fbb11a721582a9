/** A conversation to test with: customer tier and language, then customer and bot turns (bot turns with a confidence). */
import { useId } from 'react';
import type { ConversationInput } from '../api/types';
import { TextField, numberProblem } from '../inspector/fields';

type Message = ConversationInput['messages'][number];

/** A one-turn conversation to start typing from. */
export function blankConversation(): ConversationInput {
  return {
    conversationId: 'editor-test',
    channel: 'chat',
    customer: { id: 'editor-test-customer', tier: 'pro', language: 'en' },
    messages: [{ speaker: 'CUSTOMER', text: '' }],
  };
}

function MessageRow({ message, index, onChange, onRemove }: { message: Message; index: number; onChange: (m: Message) => void; onRemove: () => void }) {
  const speakerId = useId();
  const textId = useId();
  return (
    <li className={`bn-turn bn-turn-${message.speaker.toLowerCase()}`}>
      <div className="bn-inline">
        <label htmlFor={speakerId}>Turn {index + 1}</label>
        <select id={speakerId} value={message.speaker} onChange={(e) => onChange({ ...message, speaker: e.target.value as Message['speaker'] })}>
          <option value="CUSTOMER">Customer</option>
          <option value="BOT">Bot</option>
          <option value="AGENT">Agent</option>
          <option value="SYSTEM">System</option>
        </select>
        <button type="button" className="bn-link" onClick={onRemove} aria-label={`Remove turn ${index + 1}`}>
          Remove
        </button>
      </div>
      <label htmlFor={textId} className="bn-visually-hidden">
        Text of turn {index + 1}
      </label>
      <textarea id={textId} rows={2} value={message.text} onChange={(e) => onChange({ ...message, text: e.target.value })} />
      {message.speaker === 'BOT' ? (
        <TextField
          label="Bot confidence (0–1, empty: none sent)"
          value={message.confidence == null ? '' : String(message.confidence)}
          validate={(t) => (t.trim() === '' ? null : numberProblem(t, 0, 1))}
          onCommit={(t) => onChange({ ...message, confidence: t.trim() === '' ? null : Number(t) })}
        />
      ) : null}
    </li>
  );
}

export function ConversationEditor({ conversation, onChange }: { conversation: ConversationInput; onChange: (c: ConversationInput) => void }) {
  const setCustomer = (patch: Partial<ConversationInput['customer']>) => onChange({ ...conversation, customer: { ...conversation.customer, ...patch } });
  const setMessages = (messages: Message[]) => onChange({ ...conversation, messages });
  const addTurn = (speaker: Message['speaker']) => {
    // Keep times moving forward: the server refuses messages whose times go backwards.
    const last = conversation.messages[conversation.messages.length - 1]?.at;
    const at = last ? new Date(new Date(last).getTime() + 30_000).toISOString() : undefined;
    setMessages([...conversation.messages, { speaker, text: '', ...(at ? { at } : {}) }]);
  };
  return (
    <div className="bn-conversation">
      <div className="bn-row">
        <TextField label="Customer tier" value={conversation.customer.tier ?? ''} onCommit={(tier) => setCustomer({ tier: tier || null })} />
        <TextField
          label="Language"
          value={conversation.customer.language ?? ''}
          validate={(t) => (t === '' || /^[a-z]{2}$/.test(t) ? null : 'Two letters, e.g. en.')}
          onCommit={(language) => setCustomer({ language: language || null })}
        />
      </div>
      <ol className="bn-turns">
        {conversation.messages.map((m, i) => (
          <MessageRow
            key={i}
            index={i}
            message={m}
            onChange={(next) => setMessages(conversation.messages.map((x, j) => (j === i ? next : x)))}
            onRemove={() => setMessages(conversation.messages.filter((_, j) => j !== i))}
          />
        ))}
      </ol>
      <div className="bn-inline">
        <button type="button" onClick={() => addTurn('CUSTOMER')}>
          Add customer turn
        </button>
        <button type="button" onClick={() => addTurn('BOT')}>
          Add bot turn
        </button>
      </div>
    </div>
  );
}
