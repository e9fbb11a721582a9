/**
 * The editor's shortcuts: Ctrl/⌘+S save (everywhere), and — outside text fields, where the
 * browser's own undo and copy apply — Ctrl+Z undo, Ctrl+Shift+Z / Ctrl+Y redo, Ctrl+C copy,
 * Ctrl+V paste, Delete / Backspace delete the selection.
 */
import { useEffect, useRef } from 'react';

export interface ShortcutHandlers {
  save: () => void;
  undo: () => void;
  redo: () => void;
  copy: () => void;
  paste: () => void;
  remove: () => void;
}

const isTextField = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function useKeyboardShortcuts(handlers: ShortcutHandlers, enabled: boolean): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 's') {
        e.preventDefault();
        latest.current.save();
        return;
      }
      if (isTextField(e.target) || (e.target instanceof HTMLElement && e.target.closest('dialog'))) return;
      if (mod && key === 'z') {
        e.preventDefault();
        if (e.shiftKey) latest.current.redo();
        else latest.current.undo();
      } else if (mod && key === 'y') {
        e.preventDefault();
        latest.current.redo();
      } else if (mod && key === 'c') {
        latest.current.copy();
      } else if (mod && key === 'v') {
        e.preventDefault();
        latest.current.paste();
      } else if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) {
        e.preventDefault();
        latest.current.remove();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
