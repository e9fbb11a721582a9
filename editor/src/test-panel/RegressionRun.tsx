/**
 * "Run all samples and test cases" as one regression: every sample conversation decided on the
 * working draft (`testPolicyDraft`, a few at a time) and compared with the outcome it expects,
 * plus the policy's test cases (`runPolicyTests` on the same working draft, unsaved edits
 * included). Mismatches are listed first, each with a button that loads the conversation into
 * the test panel.
 */
import { useState } from 'react';
import type { ConversationInput, SampleConversation } from '../api/types';
import { problemOf, useApi } from '../app/api-context';
import type { DraftDocument } from '../graph/draft-document';
import { inBatches, leafQueueOf, outcomeWords, sampleMismatches, type RegressionRow } from './regression';

/** Samples decided at once: enough to finish 77 in seconds without crowding other users of the server. */
const CONCURRENCY = 4;

export interface RegressionRunProps {
  policyId: string;
  document: DraftDocument;
  samples: readonly SampleConversation[];
  /** Loads a conversation into the test panel (and runs it). */
  onOpen: (name: string, input: ConversationInput) => void;
}

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

interface Run {
  rows: RegressionRow[];
  inputs: Map<string, ConversationInput>;
}

export function RegressionRun({ policyId, document, samples, onOpen }: RegressionRunProps) {
  const { call } = useApi();
  const [run, setRun] = useState<Run | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const start = async () => {
    setError(null);
    setRun(null);
    let done = 0;
    setProgress(`Running 0 of ${samples.length} samples…`);
    try {
      const sampleRows = await inBatches(samples, CONCURRENCY, async (sample): Promise<RegressionRow> => {
        const expected = outcomeWords(sample.expected);
        try {
          const decision = await call((api) => api.testDraft(policyId, sample.input, document.graph, document.settings, document.routing ?? null));
          const leafQueue = leafQueueOf(decision, document.graph.nodes);
          return {
            kind: 'sample',
            name: sample.name,
            expected,
            actual: outcomeWords({ ...decision, queue: leafQueue }),
            failures: sampleMismatches(sample.expected, decision, leafQueue),
          };
        } catch (caught) {
          return { kind: 'sample', name: sample.name, expected, actual: null, failures: [problemOf(caught).message] };
        } finally {
          done += 1;
          setProgress(`Running ${done} of ${samples.length} samples…`);
        }
      });
      setProgress('Running the test cases…');
      const [cases, saved] = await Promise.all([
        call((api) => api.runTests(policyId, { graph: document.graph, settings: document.settings, routing: document.routing ?? null })),
        call((api) => api.testCases(policyId)),
      ]);
      const caseOf = (id: string) => saved.find((c) => c.id === id);
      const caseRows = cases.results.map((r): RegressionRow => {
        const expected = caseOf(r.testCase.id)?.expected;
        return {
          kind: 'test case',
          name: r.testCase.name,
          expected: expected ? outcomeWords({ action: expected.action, reasonCode: expected.reasonCode ?? '(any reason)', queue: expected.queue }) : '?',
          actual: r.actual ? outcomeWords(r.actual) : null,
          failures: r.failures,
        };
      });
      const inputs = new Map<string, ConversationInput>([
        ...samples.map((s): [string, ConversationInput] => [`sample:${s.name}`, s.input]),
        ...saved.map((c): [string, ConversationInput] => [`test case:${c.name}`, c.input]),
      ]);
      setRun({ rows: [...sampleRows, ...caseRows], inputs });
    } catch (caught) {
      setError(problemOf(caught).message);
    } finally {
      setProgress(null);
    }
  };

  const failed = run?.rows.filter((r) => r.failures.length > 0) ?? [];
  const count = (kind: RegressionRow['kind']) => run?.rows.filter((r) => r.kind === kind).length ?? 0;
  return (
    <section className="bn-regression" aria-label="Regression">
      <h3>Regression</h3>
      <div className="bn-inline">
        <button type="button" onClick={() => void start()} disabled={progress !== null || samples.length === 0}>
          Run all samples and test cases
        </button>
        <span role="status" className={run ? (failed.length > 0 ? 'bn-error' : 'bn-pass') : 'bn-hint'}>
          {progress ??
            (run
              ? `${plural(count('sample'), 'sample')} and ${plural(count('test case'), 'test case')}: ${failed.length === 0 ? 'all match' : `${failed.length} mismatch${failed.length === 1 ? '' : 'es'}`}.`
              : '')}
        </span>
      </div>
      {error ? (
        <p className="bn-error" role="alert">
          {error}
        </p>
      ) : null}
      {failed.length > 0 ? (
        <ul className="bn-regression-misses" aria-label="Mismatches">
          {failed.map((row) => (
            <li key={`${row.kind}:${row.name}`}>
              <div>
                <span className="bn-chip">{row.kind}</span> <strong>{row.name}</strong>
              </div>
              <div className="bn-hint">
                expects {row.expected}; the draft gives {row.actual ?? 'no decision'}
              </div>
              <div className="bn-error">{row.failures.join('; ')}</div>
              <button
                type="button"
                className="bn-link"
                onClick={() => {
                  const input = run?.inputs.get(`${row.kind}:${row.name}`);
                  if (input) onOpen(row.name, input);
                }}
              >
                Open in the test panel
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
