/** The right-hand inspector: the selected node's form (by kind), or what a multi-selection or an edge offers. */
import type { ReactNode } from 'react';
import { RoutingFactsContext } from './fact-choices';
import type { CanvasGraph, CanvasNode } from '../graph/canvas-graph';
import type { ApiDiagnostic } from '../api/api-error';
import { nodeSpecOf, outputLabel } from '../nodes/registry';
import type { NodeFormContext } from './node-form';
import { problemMessage } from '../validation/problem-words';
import { OutputsEditor } from './outputs-editor';
import { ValueDomainsContext } from './value-domains-context';

export interface InspectorProps {
  graph: CanvasGraph;
  selectedNodeIds: readonly string[];
  selectedEdgeIds: readonly string[];
  context: NodeFormContext;
  diagnostics: readonly ApiDiagnostic[];
  readOnly: boolean;
  onNodeChange: (node: CanvasNode, field: string) => void;
  onLink: (nodeId: string, handle: string | null, target: string | null) => void;
  onDelete: () => void;
  /** Inside a routing graph: the fact pickers add the decision facts. */
  routing?: boolean;
  /** Shown under the form (e.g. a diff's before and after). */
  children?: ReactNode;
}

const NO_DOMAINS = {};

export function Inspector(props: InspectorProps) {
  const { graph, selectedNodeIds, selectedEdgeIds } = props;
  if (selectedNodeIds.length === 0 && selectedEdgeIds.length === 0) {
    return (
      <div className="bn-inspector">
        <h2>Inspector</h2>
        {props.readOnly ? (
          <p className="bn-hint">Select a node to see its settings and where its outputs lead. This view is read-only.</p>
        ) : (
          <p className="bn-hint">
            Select a node to edit it. Drag nodes in from the palette, connect an output (right side of a node) to the next node, or choose outputs here.
          </p>
        )}
      </div>
    );
  }
  if (selectedNodeIds.length !== 1) {
    const nodes = selectedNodeIds.length;
    const edges = selectedEdgeIds.length;
    const edge = edges === 1 && nodes === 0 ? graph.edges.find((e) => e.id === selectedEdgeIds[0]) : undefined;
    const name = (id: string) => graph.nodes.find((n) => n.id === id)?.label ?? id;
    return (
      <div className="bn-inspector">
        <h2>{edge ? 'Connection' : 'Selection'}</h2>
        {edge ? (
          <p>
            From “{name(edge.source)}”
            {edge.sourceHandle
              ? ` (${outputLabel(
                  graph.nodes.find((n) => n.id === edge.source),
                  edge.sourceHandle,
                )})`
              : ''}{' '}
            to “{name(edge.target)}”.
          </p>
        ) : (
          <p>
            {nodes} node{nodes === 1 ? '' : 's'} and {edges} connection{edges === 1 ? '' : 's'} selected. Ctrl+C copies, Ctrl+V pastes.
          </p>
        )}
        {props.readOnly ? null : (
          <button type="button" onClick={props.onDelete}>
            Delete selection
          </button>
        )}
      </div>
    );
  }
  const node = graph.nodes.find((n) => n.id === selectedNodeIds[0]);
  if (!node) return null;
  const spec = nodeSpecOf(node.kind);
  const Form = spec.Form;
  const problems = props.diagnostics.filter((d) => d.nodeId === node.id);
  return (
    <div className="bn-inspector">
      <h2>
        <span className="bn-node-kind">{spec.title} ·</span> {node.label?.trim() || 'Untitled'}
      </h2>
      {problems.length > 0 ? (
        <ul className="bn-node-problems" aria-label="Problems on this node">
          {problems.map((d, i) => (
            <li key={i} className={d.severity === 'ERROR' ? 'bn-sev-error' : 'bn-sev-warning'}>
              {problemMessage(d, (id) => (id === node.id ? node.label?.trim() || id : id))}
            </li>
          ))}
        </ul>
      ) : null}
      {props.children}
      <fieldset disabled={props.readOnly} className="bn-form">
        <RoutingFactsContext.Provider value={Boolean(props.routing)}>
          <ValueDomainsContext.Provider value={props.context.domains ?? NO_DOMAINS}>
            <Form key={node.id} node={node} context={props.context} onChange={props.onNodeChange} />
          </ValueDomainsContext.Provider>
        </RoutingFactsContext.Provider>
        <OutputsEditor node={node} graph={graph} onLink={(handle, target) => props.onLink(node.id, handle, target)} />
        {props.readOnly ? null : (
          <button type="button" onClick={props.onDelete}>
            Delete node
          </button>
        )}
      </fieldset>
    </div>
  );
}
