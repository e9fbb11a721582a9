/**
 * Search on the canvas (Ctrl+F / ⌘F while a canvas is shown): names, facts, compared values,
 * queues, reason codes. Typing goes to the first match, Enter to the next (Shift+Enter back);
 * the match is selected (the inspector shows it) and centred at a readable zoom.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Panel } from '@xyflow/react';
import type { FlowNode } from '../graph/flow-types';
import { searchNodes } from './node-search';

export function CanvasSearch({ nodes, onPick }: { nodes: readonly FlowNode[]; onPick: (nodeId: string) => void }) {
  const id = useId();
  const box = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const matches = useMemo(
    () =>
      searchNodes(
        nodes.map((n) => ({ ...n.data.node, position: n.position })),
        query,
      ),
    [nodes, query],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        box.current?.focus();
        box.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const go = (next: number) => {
    if (matches.length === 0) return;
    const at = (next + matches.length) % matches.length;
    setIndex(at);
    onPick(matches[at] as string);
  };
  const status = query.trim() === '' ? '' : matches.length === 0 ? 'No match' : `${Math.min(index, matches.length - 1) + 1} of ${matches.length}`;
  return (
    <Panel position="top-left" className="bn-search">
      <label htmlFor={id} className="bn-visually-hidden">
        Search nodes
      </label>
      <input
        id={id}
        ref={box}
        type="search"
        placeholder="Search (Ctrl+F)"
        value={query}
        aria-describedby={`${id}-status`}
        onChange={(e) => {
          const next = e.target.value;
          setQuery(next);
          setIndex(0);
          const found = searchNodes(
            nodes.map((n) => ({ ...n.data.node, position: n.position })),
            next,
          );
          if (found.length > 0) onPick(found[0] as string);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            go(e.shiftKey ? index - 1 : index + 1);
          } else if (e.key === 'Escape') {
            setQuery('');
          }
        }}
      />
      <span id={`${id}-status`} className="bn-search-status" role="status">
        {status}
      </span>
      {matches.length > 1 ? (
        <button type="button" onClick={() => go(index + 1)} aria-label="Next match">
          ↓
        </button>
      ) : null}
    </Panel>
  );
}
