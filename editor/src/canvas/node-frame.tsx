/**
 * The frame every node kind draws itself in: kind title, name, the node in words (or a richer
 * body with the words as its tooltip), labelled output handles, and the overlays (problems, the
 * path of the last test run with the fact values seen, diff marks). Colours come from the kind's
 * spec, so a new kind needs no stylesheet entry.
 */
import type { CSSProperties, ReactNode } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { Priority } from '@baton/schemas';
import type { CanvasNodeKind } from '../graph/canvas-graph';
import { formatFactValue } from '../graph/node-words';
import type { EditorNodeSpec, NodeOf, NodeOutput } from '../nodes/node-spec';
import { overlayNames, useCanvasOverlay } from './canvas-overlay';

const outputWords = (output: NodeOutput): string => output.label ?? output.handle ?? 'next';

function Outputs({ outputs }: { outputs: readonly NodeOutput[] }) {
  if (outputs.length === 0) return null;
  return (
    <div className="bn-outputs-col">
      {outputs.map((output) => (
        <div key={output.handle ?? 'next'} className="bn-output">
          {output.handle === null ? null : <span className="bn-output-label">{outputWords(output)}</span>}
          <Handle
            type="source"
            position={Position.Right}
            id={output.handle ?? undefined}
            className={`bn-handle bn-handle-${output.handle ?? 'next'}`}
            title={output.handle === null ? 'next: drag to the next node' : `output ${outputWords(output)}: drag to the node it leads to`}
          />
        </div>
      ))}
    </div>
  );
}

export interface NodeFrameProps<K extends CanvasNodeKind> {
  spec: EditorNodeSpec<K>;
  node: NodeOf<K>;
  selected: boolean;
  /** Replaces the line of words (which becomes its tooltip), e.g. a route's target list. */
  body?: ReactNode;
  /** Shown under the words, e.g. a leaf's reason code and priority. */
  children?: ReactNode;
  /** Room for a body with columns (a decision table). */
  wide?: boolean;
}

/** A node of kind `K` drawn in the shared frame, with the overlays of the canvas it is on. */
export function NodeFrame<K extends CanvasNodeKind>({ spec, node, selected, body, children, wide }: NodeFrameProps<K>) {
  const overlay = useCanvasOverlay();
  const problems = overlay.diagnostics.get(node.id) ?? [];
  const errors = problems.filter((d) => d.severity === 'ERROR').length;
  const step = overlay.trace?.get(node.id);
  const diff = overlay.diff?.get(node.id);
  const outputs = spec.outputs(node);
  const words = spec.describe(node, overlayNames(overlay));
  const taken = step ? outputs.find((o) => o.handle === step.result) : undefined;
  const classes = [
    'bn-node',
    `bn-kind-${node.kind}`,
    wide ? 'bn-node-wide' : '',
    selected ? 'bn-selected' : '',
    errors > 0 ? 'bn-has-error' : problems.length > 0 ? 'bn-has-warning' : '',
    overlay.trace ? (step ? 'bn-on-path' : 'bn-off-path') : '',
    diff ? `bn-diff-${diff}` : '',
  ];
  const colours = { '--bn-kind-colour': spec.colour, '--bn-kind-fill': spec.fill } as CSSProperties;
  return (
    <div className={classes.filter(Boolean).join(' ')} style={colours} data-node-id={node.id} data-testid={`node-${node.id}`}>
      {spec.input ? <Handle type="target" position={Position.Left} className="bn-handle bn-handle-in" title="input" /> : null}
      <div className="bn-node-main">
        <div className="bn-node-head">
          <span className="bn-kind">{spec.title}</span>
          {problems.length > 0 ? (
            <span
              className="bn-problem-badge"
              title={problems.map((d) => d.message).join('\n')}
              aria-label={`${problems.length} problem${problems.length === 1 ? '' : 's'}`}
            >
              ⚠ {problems.length}
            </span>
          ) : null}
          {diff ? <span className={`bn-diff-badge bn-diff-${diff}`}>{diff}</span> : null}
        </div>
        <div className="bn-node-title">{node.label ?? node.id}</div>
        {body === undefined ? (
          <div className="bn-node-words">{words}</div>
        ) : (
          <div className="bn-node-body" title={words}>
            {body}
          </div>
        )}
        {children}
        {step && step.fact ? (
          <div className="bn-trace-value" title={`saw ${formatFactValue(step.factValue)}${step.description ? `: ${step.description}` : ''}`}>
            saw {formatFactValue(step.factValue)} → {taken ? outputWords(taken) : step.result}
          </div>
        ) : step && spec.input && step.result === 'reached' ? (
          <div className="bn-trace-value">reached</div>
        ) : null}
      </div>
      <Outputs outputs={outputs} />
    </div>
  );
}

/** A leaf's reason code and, for leaves that queue, its priority. */
export function LeafChips({ reasonCode, priority }: { reasonCode: string | undefined; priority?: Priority }) {
  return (
    <div className="bn-leaf-meta">
      {reasonCode ? <span className="bn-chip">{reasonCode}</span> : <span className="bn-chip bn-chip-unset">reason code not chosen</span>}
      {priority ? <span className={`bn-chip bn-priority-${priority.toLowerCase()}`}>{priority}</span> : null}
    </div>
  );
}
