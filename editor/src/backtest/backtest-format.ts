/** Words and numbers of the Backtest tab: rates as percentages, outcome keys as ops read them. */

/** `0.753` → `75.3%`; null (nothing to divide by) → `—`. */
export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** A report's outcome or expectation key in words: `none` is the policy staying with the bot. */
export function outcomeLabel(key: string): string {
  if (key === 'none') return 'none (stay)';
  if (key.startsWith('action:')) return `action ${key.slice('action:'.length)}`;
  if (key.startsWith('queue:')) return `queue ${key.slice('queue:'.length)}`;
  return key;
}

/** `1 row`, `3 rows`. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** What a run ran: the draft (version 0) or a published version. */
export function ranWhat(version: number): string {
  return version === 0 ? 'the draft' : `version ${version}`;
}

/** `the draft` → `The draft`. */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Keys in the report's order: reason codes alphabetically, `none` last. */
export function sortKeys(keys: Iterable<string>): string[] {
  return [...new Set(keys)].sort((a, b) => (a === 'none' ? 1 : b === 'none' ? -1 : a.localeCompare(b)));
}

/** A dataset file's name without its extension, as the dataset's default name. */
export function nameOfFile(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '') || fileName;
}

/** `1.2 kB`. */
export function fileSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
