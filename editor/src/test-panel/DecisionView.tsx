/** The decision of a test run: action, reasons, routing, context summary and the path taken with each fact value. */
import { useEffect, useRef } from 'react';
import type { DraftDecision } from '../api/types';
import { formatFactValue } from '../graph/node-words';

export function DecisionView({ decision, nodeName }: { decision: DraftDecision; nodeName: (id: string) => string }) {
  const path = decision.trace.filter((s) => s.evaluated);
  const box = useRef<HTMLDivElement>(null);
  // A new decision is what the user is waiting for: bring it into view below the conversation.
  useEffect(() => {
    box.current?.scrollIntoView?.({ block: 'start' });
  }, [decision]);
  return (
    <div className="bn-decision" aria-label="Decision" ref={box}>
      <p className={`bn-action bn-action-${decision.action.toLowerCase()}`} role="status">
        {decision.action} · {decision.reasonCode}
        {decision.routing ? ` → ${decision.routing.queueName}` : ''} · {decision.priority}
      </p>
      <h3>Path taken</h3>
      <ol className="bn-path">
        {path.map((s) => (
          <li key={s.nodeId}>
            <strong>{nodeName(s.nodeId)}</strong>
            {s.fact ? (
              <>
                {' '}
                — {s.fact} was {formatFactValue(s.factValue)} → <em>{s.result}</em>
              </>
            ) : null}
          </li>
        ))}
      </ol>
      {decision.reasons.length > 0 ? (
        <>
          <h3>Reasons</h3>
          <ul>
            {decision.reasons.map((r, i) => (
              <li key={i}>
                <strong>{r.code}</strong> ({r.category.toLowerCase().replace('_', ' ')}): {r.description}
                {r.evidence.length > 0 ? <div className="bn-hint">{r.evidence.join(' · ')}</div> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {decision.routing ? (
        <>
          <h3>Routing</h3>
          <p>
            {decision.routing.queueName} ({decision.routing.queueId}). {decision.routing.explanation.join(' ')}
          </p>
        </>
      ) : null}
      <h3>Context for the human</h3>
      <p>{decision.context.summary}</p>
      {decision.customerMessage ? (
        <>
          <h3>Bot says</h3>
          <p className="bn-quote">{decision.customerMessage}</p>
        </>
      ) : null}
    </div>
  );
}
