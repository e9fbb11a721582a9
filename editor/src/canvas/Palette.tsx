/** Node kinds to drag onto the canvas (or add with a click / Enter at the centre of the view). */
import type { CanvasNodeKind } from '../graph/canvas-graph';

/** The drag-and-drop data type carrying a node kind. */
export const NODE_KIND_MIME = 'application/x-baton-node-kind';

const ITEMS: Record<CanvasNodeKind, { title: string; hint: string }> = {
  start: { title: 'Start', hint: 'Where every conversation enters (one per policy)' },
  condition: { title: 'Condition', hint: 'A test on a fact: true / false outputs' },
  switch: { title: 'Switch', hint: 'One fact, ordered cases and a default' },
  handoff: { title: 'Hand off', hint: 'Leaf: send to a human queue' },
  stay: { title: 'Stay', hint: 'Leaf: the AI keeps the conversation' },
  callback: { title: 'Callback', hint: 'Leaf: offer a scheduled callback' },
  route: { title: 'Route', hint: 'Leaf: queues to try in order, with agent filters' },
};

/** The palette of one canvas: `kinds` are the node kinds its graph may hold. */
export function Palette({ kinds, onAdd, disabled }: { kinds: readonly CanvasNodeKind[]; onAdd: (kind: CanvasNodeKind) => void; disabled: boolean }) {
  return (
    <nav className="bn-palette" aria-label="Node palette">
      <h2>Add</h2>
      {kinds.map((kind) => (
        <button
          key={kind}
          type="button"
          className={`bn-palette-item bn-kind-${kind}`}
          draggable={!disabled}
          disabled={disabled}
          title={ITEMS[kind].hint}
          aria-label={`Add ${ITEMS[kind].title} node`}
          data-kind={kind}
          onDragStart={(e) => {
            e.dataTransfer.setData(NODE_KIND_MIME, kind);
            e.dataTransfer.effectAllowed = 'move';
          }}
          onClick={() => onAdd(kind)}
        >
          <span className="bn-palette-title">{ITEMS[kind].title}</span>
          <span className="bn-palette-hint">{ITEMS[kind].hint}</span>
        </button>
      ))}
    </nav>
  );
}
