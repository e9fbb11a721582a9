/**
 * Where each output of a node leads, chosen from a list of the other nodes by title: how the
 * keyboard connects nodes (edges are out of the tab order). A choice makes the same edge as
 * dragging the output on the canvas; "not connected" removes it.
 */
import { useId } from 'react';
import type { CanvasGraph, CanvasNode } from '../graph/canvas-graph';
import { titleOf } from '../graph/graph-mapping';
import { acceptsInput, nodeSpecOf, outputHandles, outputLabel } from '../nodes/registry';

export interface OutputsEditorProps {
  node: CanvasNode;
  graph: CanvasGraph;
  /** Joins `handle` to `target`, or removes the edge from `handle` when `target` is null. */
  onLink: (handle: string | null, target: string | null) => void;
}

function OutputRow({ node, graph, handle, onLink }: OutputsEditorProps & { handle: string | null }) {
  const id = useId();
  const edge = graph.edges.find((e) => e.source === node.id && (e.sourceHandle ?? null) === handle);
  const targets = graph.nodes.filter((n) => n.id !== node.id && acceptsInput(n));
  const name = handle === null ? 'Next' : `When ${outputLabel(node, handle)}`;
  return (
    <div className="bn-field bn-output-row">
      <label htmlFor={id}>{name}, go to</label>
      <select id={id} value={edge?.target ?? ''} onChange={(e) => onLink(handle, e.target.value === '' ? null : e.target.value)}>
        <option value="">(not connected)</option>
        {targets.map((t) => (
          <option key={t.id} value={t.id}>
            {titleOf(t)} ({nodeSpecOf(t.kind).title})
          </option>
        ))}
      </select>
    </div>
  );
}

export function OutputsEditor(props: OutputsEditorProps) {
  const handles = outputHandles(props.node);
  if (handles.length === 0) return null;
  return (
    <fieldset className="bn-outputs">
      <legend>Outputs</legend>
      <p className="bn-hint">Connect each output to the next node: the same as dragging from the node’s right side on the canvas.</p>
      {handles.map((handle) => (
        <OutputRow key={handle ?? 'next'} {...props} handle={handle} />
      ))}
    </fieldset>
  );
}
