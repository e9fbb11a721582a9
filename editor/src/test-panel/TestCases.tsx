/**
 * The policy's test cases in the test panel: listed with pass/fail from `runPolicyTests` on the
 * working draft (unsaved edits included) in one click, saved from the conversation on screen with the outcome it must
 * give, and removed. Publishing is refused while any fails.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { HANDOFF_ACTIONS, type HandoffAction } from '@baton/schemas';
import type { ConversationInput, DraftDecision, PolicyTestCase, PolicyTestRun } from '../api/types';
import { problemOf, useApi } from '../app/api-context';
import { usePermissions } from '../app/permissions';
import type { DraftDocument } from '../graph/draft-document';

export interface TestCasesProps {
  policyId: string;
  conversation: ConversationInput;
  decision: DraftDecision | null;
  /** The working draft on screen, which the runs use. */
  document: DraftDocument;
}

/** A test case id from its name: lower-case slug. */
export function slugOf(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'case'
  );
}

function SaveCaseForm({
  policyId,
  conversation,
  decision,
  onSaved,
}: {
  policyId: string;
  conversation: ConversationInput;
  decision: DraftDecision | null;
  onSaved: () => void;
}) {
  const { call } = useApi();
  const id = useId();
  const [name, setName] = useState('');
  const [action, setAction] = useState<HandoffAction>(decision?.action ?? 'HANDOFF');
  const [reasonCode, setReasonCode] = useState(decision?.reasonCode ?? '');
  const [queue, setQueue] = useState(decision?.routing?.queueId ?? '');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!decision) return;
    setAction(decision.action);
    setReasonCode(decision.reasonCode);
    setQueue(decision.action === 'STAY' ? '' : (decision.routing?.queueId ?? ''));
  }, [decision]);
  return (
    <form
      className="bn-save-case"
      aria-label="Save as test case"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim() === '') return;
        setError(null);
        const expected: { action: HandoffAction; reasonCode?: string; queue?: string } = { action };
        if (reasonCode.trim()) expected.reasonCode = reasonCode.trim();
        if (queue.trim()) expected.queue = queue.trim();
        const { policyId: _ignored, dryRun: _dry, ...input } = conversation as ConversationInput & { policyId?: string; dryRun?: boolean };
        call((api) => api.saveTestCase(policyId, { id: slugOf(name), name: name.trim(), input, expected })).then(
          () => {
            setName('');
            onSaved();
          },
          (caught: unknown) => setError(problemOf(caught).message),
        );
      }}
    >
      <h4>Save this conversation as a test case</h4>
      <div className="bn-field">
        <label htmlFor={`${id}-name`}>Test case name</label>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Angry refund request" />
      </div>
      <div className="bn-inline">
        <div className="bn-field">
          <label htmlFor={`${id}-action`}>Expected action</label>
          <select id={`${id}-action`} value={action} onChange={(e) => setAction(e.target.value as HandoffAction)}>
            {HANDOFF_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div className="bn-field">
          <label htmlFor={`${id}-reason`}>Expected reason code</label>
          <input id={`${id}-reason`} value={reasonCode} onChange={(e) => setReasonCode(e.target.value)} placeholder="(not checked)" />
        </div>
        <div className="bn-field">
          <label htmlFor={`${id}-queue`}>Expected queue</label>
          <input id={`${id}-queue`} value={queue} onChange={(e) => setQueue(e.target.value)} placeholder="(not checked)" />
        </div>
      </div>
      <button type="submit" disabled={name.trim() === '' || conversation.messages.length === 0}>
        Save as test case
      </button>
      {error ? (
        <p className="bn-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

export function TestCases({ policyId, conversation, decision, document }: TestCasesProps) {
  const { call } = useApi();
  const permissions = usePermissions();
  const [cases, setCases] = useState<PolicyTestCase[] | null>(null);
  const [run, setRun] = useState<PolicyTestRun | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    call((api) => api.testCases(policyId)).then(setCases, (caught: unknown) => setError(problemOf(caught).message));
  }, [call, policyId]);
  useEffect(load, [load]);

  const runAll = async () => {
    setRunning(true);
    setError(null);
    try {
      setRun(await call((api) => api.runTests(policyId, { graph: document.graph, settings: document.settings, routing: document.routing ?? null })));
    } catch (caught) {
      setError(problemOf(caught).message);
    } finally {
      setRunning(false);
    }
  };
  const resultOf = (id: string) => run?.results.find((r) => r.testCase.id === id);
  const canSave = permissions.can('Mutation.savePolicyTestCase');
  const canRemove = permissions.can('Mutation.removePolicyTestCase');
  return (
    <section className="bn-test-cases" aria-label="Test cases">
      <h3>Test cases</h3>
      <div className="bn-inline">
        <button type="button" onClick={() => void runAll()} disabled={running || !cases || cases.length === 0}>
          {running ? 'Running…' : 'Run all test cases'}
        </button>
        {run ? (
          <span role="status" className={run.failed > 0 ? 'bn-error' : 'bn-pass'}>
            {run.passed} passed, {run.failed} failed
          </span>
        ) : null}
      </div>
      {error ? (
        <p className="bn-error" role="alert">
          {error}
        </p>
      ) : null}
      {cases === null ? null : cases.length === 0 ? (
        <p className="bn-hint">No test cases yet.</p>
      ) : (
        <ul className="bn-test-results">
          {cases.map((c) => {
            const r = resultOf(c.id);
            return (
              <li key={c.id} className={r ? (r.passed ? 'bn-pass' : 'bn-fail') : ''}>
                <span aria-label={r ? (r.passed ? 'passed' : 'failed') : 'not run'}>{r ? (r.passed ? '✓' : '✗') : '•'}</span> <strong>{c.name}</strong>{' '}
                <span className="bn-hint">
                  expects {c.expected.action}
                  {c.expected.reasonCode ? ` · ${c.expected.reasonCode}` : ''}
                  {c.expected.queue ? ` → ${c.expected.queue}` : ''}
                </span>
                {r && !r.passed ? <div className="bn-error">{r.failures.join('; ')}</div> : null}
                {canRemove ? (
                  <button
                    type="button"
                    className="bn-link"
                    aria-label={`Remove test case ${c.name}`}
                    onClick={() =>
                      call((api) => api.removeTestCase(policyId, c.id)).then(
                        () => {
                          setRun(null);
                          load();
                        },
                        (caught: unknown) => setError(problemOf(caught).message),
                      )
                    }
                  >
                    Remove
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {canSave ? (
        <SaveCaseForm
          policyId={policyId}
          conversation={conversation}
          decision={decision}
          onSaved={() => {
            setRun(null);
            load();
          }}
        />
      ) : null}
    </section>
  );
}
