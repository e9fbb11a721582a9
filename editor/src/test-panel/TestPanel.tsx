/**
 * Test as you draw: pick a sample conversation or type one, run it against the working draft
 * (saved or not, its routing graph included) with `testPolicyDraft`, read the decision — queue,
 * agent, wait and why — and see the path lit on the canvas; run every sample and test case as one
 * regression. Another screen can hand it a conversation to load and run at once (a backtest's
 * missed row).
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { ConversationInput, DraftDecision, SampleConversation } from '../api/types';
import type { ApiDiagnostic } from '../api/api-error';
import { problemOf, useApi } from '../app/api-context';
import type { DraftDocument } from '../graph/draft-document';
import { ConversationEditor, blankConversation } from './ConversationEditor';
import { DecisionView } from './DecisionView';
import { RegressionRun } from './RegressionRun';
import { leafQueueOf, sampleMismatches } from './regression';
import { TestCases } from './TestCases';

/** A conversation to load and run at once, e.g. a row a backtest missed. */
export interface TestRequest {
  input: ConversationInput;
  /** Where it comes from, shown above it (e.g. the dataset row and what it should have got). */
  title: string;
}

export interface TestPanelProps {
  policyId: string;
  document: DraftDocument;
  decision: DraftDecision | null;
  onDecision: (decision: DraftDecision | null) => void;
  onInvalid: (diagnostics: ApiDiagnostic[]) => void;
  nodeName: (id: string) => string;
  /** Loads this conversation and runs it; a new object runs again. */
  request?: TestRequest | null;
  /** Shows the route a run took on the routing canvas. */
  onShowRoute?: () => void;
}

export function TestPanel({ policyId, document, decision, onDecision, onInvalid, nodeName, request = null, onShowRoute }: TestPanelProps) {
  const { call } = useApi();
  const sampleId = useId();
  const [samples, setSamples] = useState<SampleConversation[]>([]);
  const [sampleName, setSampleName] = useState('');
  const [conversation, setConversation] = useState<ConversationInput>(blankConversation);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [origin, setOrigin] = useState<string | null>(null);

  useEffect(() => {
    call((api) => api.sampleConversations()).then(setSamples, () => undefined);
  }, [call]);

  const pick = (name: string) => {
    setSampleName(name);
    setOrigin(null);
    const sample = samples.find((s) => s.name === name);
    setConversation(sample ? structuredClone(sample.input) : blankConversation());
    onDecision(null);
  };

  const run = async (input = conversation) => {
    setRunning(true);
    setError(null);
    try {
      onDecision(await call((api) => api.testDraft(policyId, input, document.graph, document.settings, document.routing ?? null)));
    } catch (caught) {
      const problem = problemOf(caught);
      onDecision(null);
      if (problem.kind === 'invalid') onInvalid(problem.diagnostics);
      setError(problem.kind === 'invalid' ? `${problem.message}` : problem.message);
    } finally {
      setRunning(false);
    }
  };

  // A conversation handed over by another screen: load it and run it on the working draft.
  const handled = useRef<TestRequest | null>(null);
  useEffect(() => {
    if (!request || handled.current === request) return;
    handled.current = request;
    setSampleName('');
    setOrigin(request.title);
    setConversation(request.input);
    void run(request.input);
    // Only a new request runs (`run` changes with every edit of the conversation).
  }, [request]);

  const sample = samples.find((s) => s.name === sampleName);
  const expected = sample?.expected;
  // A picked sample, run as it is, should still give the outcome it expects.
  const pristine = sample !== undefined && JSON.stringify(sample.input) === JSON.stringify(conversation);
  const mismatches = decision && expected && pristine ? sampleMismatches(expected, decision, leafQueueOf(decision, document.graph.nodes)) : [];
  const openRow = (name: string, input: ConversationInput) => {
    const isSample = samples.some((s) => s.name === name);
    setSampleName(isSample ? name : '');
    setOrigin(isSample ? null : `Test case “${name}”`);
    setConversation(structuredClone(input));
    void run(input);
  };
  return (
    <section className="bn-test-panel" aria-label="Test panel">
      <h2>Test the draft</h2>
      <div className="bn-field">
        <label htmlFor={sampleId}>Sample conversation</label>
        <select id={sampleId} value={sampleName} onChange={(e) => pick(e.target.value)}>
          <option value="">(type your own)</option>
          {samples.map((s) => (
            <option key={s.name} value={s.name}>
              {s.name}
            </option>
          ))}
        </select>
        {expected ? (
          <p className="bn-hint">
            The reference policy gives: {expected.action} · {expected.reasonCode}
            {expected.queue ? ` → ${expected.queue}` : ''}
          </p>
        ) : null}
      </div>
      {origin ? (
        <p className="bn-test-origin" role="note">
          {origin}
        </p>
      ) : null}
      <ConversationEditor conversation={conversation} onChange={setConversation} />
      <div className="bn-inline">
        <button type="button" className="bn-primary" onClick={() => void run()} disabled={running || conversation.messages.length === 0}>
          {running ? 'Running…' : 'Run test'}
        </button>
        {decision ? (
          <button type="button" onClick={() => onDecision(null)}>
            Clear highlight
          </button>
        ) : null}
      </div>
      {error ? (
        <p className="bn-error" role="alert">
          {error}
        </p>
      ) : null}
      {decision ? (
        <DecisionView
          decision={decision}
          nodes={document.graph.nodes}
          routingNodes={document.routing?.nodes ?? []}
          thresholds={document.settings.thresholds}
          nodeName={nodeName}
          mismatches={mismatches}
          onShowRoute={document.routing ? onShowRoute : undefined}
        />
      ) : null}
      <RegressionRun policyId={policyId} document={document} samples={samples} onOpen={openRow} />
      <TestCases policyId={policyId} conversation={conversation} decision={decision} document={document} />
    </section>
  );
}
