/** Node kinds to drag onto the canvas (or add with a click / Enter at the centre of the view). */
import type { CSSProperties } from 'react';
import type { CanvasNodeKind } from '../graph/canvas-graph';
import { NODE_SPECS } from '../nodes/registry';

/** The drag-and-drop data type carrying a node kind. */
export const NODE_KIND_MIME = 'application/x-baton-node-kind';

/** The palette of one canvas: `kinds` are the node kinds its graph may hold. */
export function Palette({ kinds, onAdd, disabled }: { kinds: readonly CanvasNodeKind[]; onAdd: (kind: CanvasNodeKind) => void; disabled: boolean }) {
  return (
    <nav className="bn-palette" aria-label="Node palette">
      <h2>Add</h2>
      {kinds.map((kind) => {
        const { title, hint, colour } = NODE_SPECS[kind];
        return (
          <button
            key={kind}
            type="button"
            className={`bn-palette-item bn-kind-${kind}`}
            style={{ '--bn-kind-colour': colour } as CSSProperties}
            draggable={!disabled}
            disabled={disabled}
            title={hint}
            aria-describedby={`bn-palette-hint-${kind}`}
            data-kind={kind}
            onDragStart={(e) => {
              e.dataTransfer.setData(NODE_KIND_MIME, kind);
              e.dataTransfer.effectAllowed = 'move';
            }}
            onClick={() => onAdd(kind)}
          >
            {/* Named "Add <kind> node" with the visible title in it; the hint is its description. */}
            <span className="bn-palette-title">
              <span className="bn-visually-hidden">Add </span>
              {title}
              <span className="bn-visually-hidden"> node</span>
            </span>
            <span className="bn-palette-hint" id={`bn-palette-hint-${kind}`} aria-hidden="true">
              {hint}
            </span>
          </button>
        );
      })}
    </nav>
  );
}
