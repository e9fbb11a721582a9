/**
 * Internal: the short strings that explain facts to people — quotes of at most 120 characters,
 * centred on what matched, and the "customer message N" prefix. N is the message's 1-based
 * position in `input.messages`, so an auditor finds it in the transcript as sent.
 */

/** Longest quote, in characters, ellipses included. */
export const MAX_EXCERPT = 120;

/**
 * Excerpt of `text` of at most `MAX_EXCERPT` characters, whitespace collapsed, centred on
 * `[start, end)` when given, with "…" where it was cut.
 */
export function excerpt(text: string, start = 0, end = start): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= MAX_EXCERPT) return flat;
  // Offsets refer to the original text; collapsing whitespace only moves them left a little.
  const shift = text.length - flat.length;
  const centre = Math.max(0, Math.min(flat.length, Math.round((start + end) / 2) - Math.round(shift / 2)));
  const room = MAX_EXCERPT - 2;
  let from = Math.max(0, centre - Math.floor(room / 2));
  const to = Math.min(flat.length, from + room);
  from = Math.max(0, to - room);
  return `${from > 0 ? '…' : ''}${flat.slice(from, to).trim()}${to < flat.length ? '…' : ''}`;
}

/** `customer message 3: "…"` (or `bot message 4: …`), the quote centred on `[start, end)`. */
export function quote(speaker: 'customer' | 'bot', position: number, text: string, start?: number, end?: number): string {
  return `${speaker} message ${position}: "${excerpt(text, start, end)}"`;
}

/** A number for evidence text: at most 2 decimals, no trailing zeros. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}
