/**
 * Internal: text as a person reads it in the package — one-line clips of (already redacted)
 * message text, whitespace collapsed and cut at a word boundary when one is near, and codes in
 * words.
 */

/** Longest trigger excerpt, in characters (the package's contract). */
export const EXCERPT_MAX = 120;

/** `text` on one line, at most `max` characters including the closing "…". */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  if (max <= 1) return flat.slice(0, Math.max(0, max));
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  const head = space >= max * 0.6 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s,;:.!?-]+$/, '')}…`;
}

/** Reason codes and topic names for people: `billing_dispute` → `billing dispute`. */
export function humanise(code: string): string {
  return code.replace(/[_-]+/g, ' ').trim();
}
