/**
 * The decision of a test run: action, routing (queue, agent, expected wait and why), warnings
 * (a sample whose expected outcome no longer matches, a customer message missing the
 * conversation's language), the path taken in words with each fact's value and threshold,
 * reasons, context summary and what the bot says.
 */
import { useEffect, useRef } from 'react';
import { describeFallback, type Thresholds } from '@baton/schemas';
import type { DraftDecision } from '../api/types';
import type { CanvasNode } from '../graph/canvas-graph';
import { stepWords } from './step-words';

/** A wait in words: "none: an agent is free now", "about 4 min", "45 s"; null seconds: unknown. */
export function waitWords(seconds: number | null | undefined): string {
  if (seconds == null) return 'unknown: no agent of this queue is available';
  if (seconds === 0) return 'none: an agent is free now';
  return seconds < 90 ? `${seconds} s` : `about ${Math.round(seconds / 60)} min`;
}

/** The language of the conversation the leaf reached has no template on it: what the customer got instead. */
export function missingTemplate(decision: DraftDecision, nodes: readonly CanvasNode[]): string | null {
  const language = typeof decision.signals.language === 'string' ? decision.signals.language : null;
  const leafId = decision.trace.filter((s) => s.evaluated).at(-1)?.nodeId;
  const leaf = nodes.find((n) => n.id === leafId);
  if (!language || !leaf || (leaf.kind !== 'handoff' && leaf.kind !== 'callback')) return null;
  const templates = leaf.data.message ?? {};
  if ((templates[language] ?? '').trim() !== '') return null;
  return `“${leaf.label ?? leaf.id}” has no message in “${language}”, the language of this conversation: the customer got ${describeFallback(templates, language)} instead. Add one in the Inspector.`;
}

export interface DecisionViewProps {
  decision: DraftDecision;
  /** The escalation tree the run used. */
  nodes: readonly CanvasNode[];
  /** The routing graph's nodes, for the route's name; empty without one. */
  routingNodes: readonly CanvasNode[];
  thresholds: Thresholds | null;
  nodeName: (id: string) => string;
  /** How the run differs from the picked sample's expected outcome; empty when it matches or no sample is picked. */
  mismatches: readonly string[];
  /** Shows the route taken on the routing canvas; absent without a routing graph. */
  onShowRoute?: () => void;
}

export function DecisionView({ decision, nodes, routingNodes, thresholds, nodeName, mismatches, onShowRoute }: DecisionViewProps) {
  const path = decision.trace.filter((s) => s.evaluated);
  const box = useRef<HTMLDivElement>(null);
  // A new decision is what the user is waiting for: bring it into view below the conversation.
  useEffect(() => {
    box.current?.scrollIntoView?.({ block: 'start' });
  }, [decision]);
  const routing = decision.routing;
  const route = routing?.routeNodeId ? routingNodes.find((n) => n.id === routing.routeNodeId) : undefined;
  const template = missingTemplate(decision, nodes);
  return (
    <div className="bn-decision" aria-label="Decision" ref={box}>
      <p className={`bn-action bn-action-${decision.action.toLowerCase()}`} role="status">
        {decision.action} · {decision.reasonCode}
        {routing ? ` → ${routing.queueName}` : ''} · {decision.priority}
      </p>
      {mismatches.length > 0 ? (
        <p className="bn-warning" role="alert">
          ⚠ This sample no longer gives its expected outcome: {mismatches.join('; ')}.
        </p>
      ) : null}
      {template ? (
        <p className="bn-warning" role="alert">
          ⚠ {template}
        </p>
      ) : null}
      {routing ? (
        <section className="bn-routing" aria-label="Routing">
          <h3>Routing</h3>
          <dl className="bn-routing-facts">
            <dt>Queue</dt>
            <dd>
              {routing.queueName} <span className="bn-hint">({routing.queueId})</span>
              {routing.fallbackUsed ? <span className="bn-hint"> · fallback queue</span> : null}
            </dd>
            <dt>Agent</dt>
            <dd>{routing.agentName ?? (routing.agentId ? routing.agentId : 'none free now: the conversation waits in the queue')}</dd>
            <dt>Expected wait</dt>
            <dd>{routing.nextOpeningAt ? `closed; opens ${new Date(routing.nextOpeningAt).toLocaleString()}` : waitWords(routing.estimatedWaitSeconds)}</dd>
            <dt>Route</dt>
            <dd>
              {route ? (route.label ?? route.id) : routing.routeNodeId ? routing.routeNodeId : 'the queue on the leaf (no routing graph)'}
              {route && onShowRoute ? (
                <>
                  {' '}
                  <button type="button" className="bn-link" onClick={onShowRoute}>
                    Show on the routing canvas
                  </button>
                </>
              ) : null}
            </dd>
          </dl>
          <h4>Why</h4>
          <ul className="bn-routing-why">
            {routing.explanation.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <h3>Path taken</h3>
      <ol className="bn-path">
        {path.map((s) => {
          const words = s.fact
            ? stepWords(
                s,
                nodes.find((n) => n.id === s.nodeId),
                thresholds,
              )
            : null;
          return (
            <li key={s.nodeId}>
              <strong>{nodeName(s.nodeId)}</strong>
              {words ? (
                <>
                  {' '}
                  → <em>{words.outcome}</em>
                  <ul className="bn-step-facts">
                    {words.lines.map((line, i) => (
                      <li key={i}>
                        {line.phrase} was <strong>{line.value}</strong>
                        {line.needs ? `, needs ${line.needs}` : ''}
                        {line.threshold ? ` (${line.threshold})` : ''}
                        {line.description ? <div className="bn-hint">{line.description}</div> : null}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </li>
          );
        })}
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
