/**
 * Internal (tests only): compares an answer the README shows with the answer the server really
 * gives. Values the server makes afresh on every run — generated ids (decision ids, API keys and
 * key ids), timestamps of the server clock, audit hashes that cover them — are compared by their
 * form only, and each such id is paired with the real one, so that later examples which reuse
 * the README's id (`decision(id: "…")`) can be run with the id this run produced.
 */

/** Keys whose values come from the server's clock or from randomness, wherever they appear. */
const VOLATILE_KEYS = new Set([
  'decisionId',
  'secret',
  'publishedAt',
  'createdAt',
  'updatedAt',
  'lastUsedAt',
  'revokedAt',
  'closedAt',
  'assignedAt',
  'acceptedAt',
  'releasedAt',
  'loggedAt',
  'hash',
  'prevHash',
  'headHash',
]);

/** Forms of generated values; a generated id is recognised by its form under any key. */
const FORMS: [name: string, pattern: RegExp, generatedId: boolean][] = [
  ['uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, true],
  ['API key', /^bk_[A-Za-z0-9_-]{43}$/, true],
  ['API key id', /^bk_[A-Za-z0-9_-]{9}$/, true],
  ['timestamp', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/, false],
  ['sha256', /^[0-9a-f]{64}$/, false],
];

/** Generated ids anywhere in a text: what a later example may only use once an answer gave it. */
export const GENERATED_ID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b|\bbk_[A-Za-z0-9_-]{9}(?![A-Za-z0-9_-])/g;

export interface Comparison {
  /** One line per difference: the path, what the README shows, what the server said. */
  mismatches: string[];
  /** README id → the id of this run, for every generated id the shown answer holds. */
  ids: Map<string, string>;
}

function formOf(value: unknown): { name: string; generatedId: boolean } | null {
  if (typeof value !== 'string') return null;
  const form = FORMS.find(([, pattern]) => pattern.test(value));
  return form ? { name: form[0], generatedId: form[2] } : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const brief = (value: unknown) => {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
};

/**
 * Where in `body` (the whole `{ data }` answer) the shown JSON sits: the body itself, or the first
 * object down its chain of single-key objects (`data` → `decideHandoff` → `routing`) that has
 * every key the shown JSON has.
 */
export function locateShown(shown: unknown, body: unknown): unknown {
  if (!isObject(shown)) return body;
  const keys = Object.keys(shown);
  let current: unknown = body;
  while (isObject(current)) {
    const here = current;
    if (keys.every((key) => key in here)) return here;
    const own = Object.keys(here);
    if (own.length !== 1) return here;
    current = here[own[0] as string];
  }
  return current;
}

/** The value at `path` (`['context', 'markdown']`), its first key found as `locateShown` finds keys. */
export function locateField(path: string[], body: unknown): unknown {
  let current = locateShown({ [path[0] ?? '']: null }, body);
  for (const key of path) current = isObject(current) ? current[key] : undefined;
  return current;
}

/**
 * Compares `shown` with `actual`. Objects must have the same keys (with `abridged`, the shown
 * keys only); arrays the same length, element by element; other values must be equal, except
 * the volatile ones described in the header.
 */
export function compareShown(shown: unknown, actual: unknown, abridged: boolean): Comparison {
  const result: Comparison = { mismatches: [], ids: new Map() };
  walk(shown, actual, '$', null, abridged, result);
  return result;
}

function walk(shown: unknown, actual: unknown, path: string, key: string | null, abridged: boolean, result: Comparison): void {
  const form = formOf(shown);
  if (form && (form.generatedId || (key !== null && VOLATILE_KEYS.has(key)))) {
    if (formOf(actual)?.name !== form.name) result.mismatches.push(`${path}: the README shows a ${form.name}, the server answered ${brief(actual)}`);
    else if (form.generatedId) result.ids.set(shown as string, actual as string);
    return;
  }
  if (Array.isArray(shown)) {
    if (!Array.isArray(actual) || actual.length !== shown.length) {
      result.mismatches.push(`${path}: the README shows ${shown.length} item(s), the server answered ${brief(actual)}`);
      return;
    }
    shown.forEach((item, i) => walk(item, actual[i], `${path}[${i}]`, null, abridged, result));
    return;
  }
  if (isObject(shown)) {
    if (!isObject(actual)) {
      result.mismatches.push(`${path}: the README shows an object, the server answered ${brief(actual)}`);
      return;
    }
    for (const [name, value] of Object.entries(shown)) {
      if (!(name in actual)) result.mismatches.push(`${path}.${name}: shown in the README, absent from the answer`);
      else walk(value, actual[name], `${path}.${name}`, name, abridged, result);
    }
    if (!abridged) {
      for (const name of Object.keys(actual)) {
        if (!(name in shown)) result.mismatches.push(`${path}.${name}: in the answer (${brief(actual[name])}), not shown in the README`);
      }
    }
    return;
  }
  if (shown !== actual) result.mismatches.push(`${path}: the README shows ${brief(shown)}, the server answered ${brief(actual)}`);
}
