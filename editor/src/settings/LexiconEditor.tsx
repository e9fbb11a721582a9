/**
 * Topic lexicons: phrases per topic and language, added and removed one by one, and a sentence
 * box that asks the server which topics it detects with the current (unsaved) lexicons.
 */
import { useId, useState } from 'react';
import type { PolicyGraph, TopicLexicon, TriggerSettings } from '@baton/schemas';
import { problemOf, useApi } from '../app/api-context';
import { TextField } from '../inspector/fields';

/** A graph that always stays: signals depend on the settings only, so a sentence can be tried whatever state the draft's graph is in. */
const TRY_GRAPH: PolicyGraph = {
  nodes: [
    { id: 'start', kind: 'start', data: {} },
    { id: 'stay', kind: 'stay', data: { reasonCode: 'try_sentence' } },
  ],
  edges: [{ id: 'e', source: 'start', target: 'stay' }],
};

const LANGUAGES = ['en', 'es', 'pt', 'de', 'fr'];

export interface LexiconEditorProps {
  policyId: string;
  settings: TriggerSettings;
  onTopicChange: (topic: string, lexicon: TopicLexicon | null) => void;
}

function TrySentence({ policyId, settings }: { policyId: string; settings: TriggerSettings }) {
  const { call } = useApi();
  const id = useId();
  const [text, setText] = useState('');
  const [answer, setAnswer] = useState<string | null>(null);
  const tryIt = async () => {
    try {
      const decision = await call((api) =>
        api.testDraft(
          policyId,
          { conversationId: 'try-sentence', customer: { id: 'try' }, messages: [{ speaker: 'CUSTOMER', text }] },
          TRY_GRAPH,
          settings,
          null,
        ),
      );
      const topics = (decision.signals.topics as string[] | undefined) ?? [];
      const human = decision.signals.humanRequested === true;
      setAnswer(
        `${topics.length > 0 ? `Topics: ${topics.join(', ')}` : 'No topic matches'}${human ? '; asks for a human' : ''} (language ${String(decision.signals.language)}).`,
      );
    } catch (error) {
      setAnswer(problemOf(error).message);
    }
  };
  return (
    <div className="bn-try">
      <label htmlFor={id}>Try a sentence</label>
      <div className="bn-inline">
        <input id={id} type="text" value={text} onChange={(e) => setText(e.target.value)} placeholder="Someone logged into my account" />
        <button type="button" onClick={tryIt} disabled={text.trim() === ''}>
          Which topics match?
        </button>
      </div>
      {answer ? <p role="status">{answer}</p> : null}
    </div>
  );
}

export function LexiconEditor({ policyId, settings, onTopicChange }: LexiconEditorProps) {
  const topicId = useId();
  const languageId = useId();
  const topics = Object.keys(settings.topics);
  const [topic, setTopic] = useState(topics[0] ?? '');
  const [language, setLanguage] = useState('en');
  const [phrase, setPhrase] = useState('');
  const [newTopic, setNewTopic] = useState('');
  const lexicon = settings.topics[topic];
  const phrases = lexicon?.phrases[language] ?? [];
  const setPhrases = (next: string[]) => lexicon && onTopicChange(topic, { ...lexicon, phrases: { ...lexicon.phrases, [language]: next } });
  const newTopicProblem =
    newTopic === ''
      ? null
      : !/^[a-z][a-z0-9_]*$/.test(newTopic)
        ? 'Lower-case letters, digits and _.'
        : topics.includes(newTopic)
          ? 'That topic exists.'
          : null;
  return (
    <section className="bn-lexicons" aria-label="Topic lexicons">
      <h2>Topic lexicons</h2>
      <p className="bn-hint">
        A topic is detected when a customer message contains one of its phrases (stemmed, typo-tolerant). Conditions test topics with “topics include …”.
      </p>
      <TrySentence policyId={policyId} settings={settings} />
      <div className="bn-row">
        <div className="bn-field">
          <label htmlFor={topicId}>Topic</label>
          <select id={topicId} value={topic} onChange={(e) => setTopic(e.target.value)}>
            {topics.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div className="bn-field">
          <label htmlFor={languageId}>Language</label>
          <select id={languageId} value={language} onChange={(e) => setLanguage(e.target.value)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {l} ({lexicon?.phrases[l]?.length ?? 0} phrases)
              </option>
            ))}
          </select>
        </div>
      </div>
      {lexicon ? (
        <>
          <TextField label="Description" value={lexicon.description ?? ''} onCommit={(description) => onTopicChange(topic, { ...lexicon, description })} />
          <form
            className="bn-inline"
            onSubmit={(e) => {
              e.preventDefault();
              const text = phrase.trim();
              if (text && !phrases.includes(text)) setPhrases([...phrases, text]);
              setPhrase('');
            }}
          >
            <label htmlFor={`${topicId}-phrase`}>New phrase</label>
            <input id={`${topicId}-phrase`} type="text" value={phrase} maxLength={200} onChange={(e) => setPhrase(e.target.value)} />
            <button type="submit" disabled={phrase.trim() === ''}>
              Add phrase
            </button>
          </form>
          <ul className="bn-phrases">
            {phrases.map((p) => (
              <li key={p}>
                <span>{p}</span>
                <button type="button" className="bn-link" aria-label={`Remove phrase ${p}`} onClick={() => setPhrases(phrases.filter((x) => x !== p))}>
                  ✕
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="bn-link" onClick={() => onTopicChange(topic, null)}>
            Delete the topic “{topic}”
          </button>
        </>
      ) : null}
      <form
        className="bn-inline"
        onSubmit={(e) => {
          e.preventDefault();
          if (newTopic === '' || newTopicProblem) return;
          onTopicChange(newTopic, { description: '', phrases: { en: [] } });
          setTopic(newTopic);
          setNewTopic('');
        }}
      >
        <label htmlFor={`${topicId}-new`}>New topic</label>
        <input
          id={`${topicId}-new`}
          type="text"
          value={newTopic}
          aria-invalid={newTopicProblem !== null}
          aria-describedby={newTopicProblem ? `${topicId}-new-error` : undefined}
          onChange={(e) => setNewTopic(e.target.value)}
        />
        <button type="submit" disabled={newTopic === '' || newTopicProblem !== null}>
          Add topic
        </button>
        {newTopicProblem ? (
          <span className="bn-error" id={`${topicId}-new-error`}>
            {newTopicProblem}
          </span>
        ) : null}
      </form>
    </section>
  );
}
