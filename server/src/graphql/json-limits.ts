/**
 * Limits of a value sent through the `JSON` scalar (and of the JSON fields of a decision input):
 * nesting depth, size as JSON in bytes, and content — no NUL character and no lone UTF-16
 * surrogate in any string or key. One walk measures and checks everything, and stops at the
 * first problem, so a hostile value (thousands of levels deep, megabytes wide) costs at most
 * `maxDepth` stack frames and `maxBytes` of work. The measure of each checked object is kept
 * (weakly) so a later, tighter size check of the same value (`jsonBytesOf`) walks nothing again.
 */

export interface JsonLimits {
  /** Deepest nesting of objects and arrays (`{}` is 1, `{"a": {}}` is 2). */
  maxDepth: number;
  /** Largest size of the value written as JSON, in UTF-8 bytes. */
  maxBytes: number;
}

/** What a check measured. */
export interface JsonMeasure {
  depth: number;
  bytes: number;
}

/** Why a value was refused; `path` is a JSONPath into it, e.g. `$.order.items[3]`. */
export class JsonLimitError extends Error {
  override readonly name = 'JsonLimitError';
  constructor(
    message: string,
    readonly reason: 'depth' | 'bytes' | 'nul' | 'surrogate' | 'type',
    readonly path: string,
    readonly limit?: number,
  ) {
    super(message);
  }
}

const measured = new WeakMap<object, JsonMeasure>();

interface StringWithWellFormed {
  isWellFormed?: () => boolean;
}
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `text` has a lone surrogate (`String.prototype.isWellFormed` where the runtime has it). */
export function hasLoneSurrogate(text: string): boolean {
  const native = (text as unknown as StringWithWellFormed).isWellFormed;
  return native ? !native.call(text) : LONE_SURROGATE.test(text);
}

/** `$` followed by the keys walked, e.g. `$.a[0].b`. */
function pathOf(keys: readonly (string | number)[]): string {
  return keys.map((key) => (typeof key === 'number' ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`)).join('');
}

/** Bytes of `text` as a JSON string in UTF-8 (quotes included, escapes not counted). */
const stringBytes = (text: string): number => Buffer.byteLength(text, 'utf8') + 2;

function checkString(text: string, keys: (string | number)[]): void {
  if (text.includes('\u0000')) throw new JsonLimitError(`a NUL character (\\u0000) at $${pathOf(keys)}; remove it.`, 'nul', `$${pathOf(keys)}`);
  if (hasLoneSurrogate(text)) {
    throw new JsonLimitError(`a lone UTF-16 surrogate at $${pathOf(keys)} (not valid Unicode); send well-formed text.`, 'surrogate', `$${pathOf(keys)}`);
  }
}

/**
 * Checks `value` against `limits` in one walk.
 * @returns its depth and size in bytes
 * @throws JsonLimitError naming the first problem and where it is
 */
export function checkJson(value: unknown, limits: JsonLimits): JsonMeasure {
  const keys: (string | number)[] = [];
  let bytes = 0;
  let deepest = 0;
  const add = (n: number) => {
    bytes += n;
    if (bytes > limits.maxBytes) {
      throw new JsonLimitError(`larger than ${limits.maxBytes} bytes as JSON; send less.`, 'bytes', `$${pathOf(keys)}`, limits.maxBytes);
    }
  };
  const walk = (node: unknown, depth: number): void => {
    if (node === null || typeof node === 'boolean') return add(node === false ? 5 : 4);
    if (typeof node === 'number') return add(Number.isFinite(node) ? String(node).length : 4);
    if (typeof node === 'string') {
      checkString(node, keys);
      return add(stringBytes(node));
    }
    if (typeof node !== 'object') throw new JsonLimitError(`a ${typeof node} at $${pathOf(keys)}, which JSON cannot hold.`, 'type', `$${pathOf(keys)}`);
    if (depth > limits.maxDepth) {
      throw new JsonLimitError(`nested deeper than ${limits.maxDepth} levels (at $${pathOf(keys)}); flatten it.`, 'depth', `$${pathOf(keys)}`, limits.maxDepth);
    }
    if (depth > deepest) deepest = depth;
    if (Array.isArray(node)) {
      add(2 + Math.max(0, node.length - 1));
      for (let i = 0; i < node.length; i += 1) {
        keys.push(i);
        walk(node[i], depth + 1);
        keys.pop();
      }
      return;
    }
    if (node instanceof Date) return add(26);
    const entries = Object.entries(node);
    add(2 + Math.max(0, entries.length - 1));
    for (const [key, child] of entries) {
      if (child === undefined) continue;
      keys.push(key);
      checkString(key, keys);
      add(stringBytes(key) + 1);
      walk(child, depth + 1);
      keys.pop();
    }
  };
  walk(value, 1);
  const measure = { depth: deepest, bytes };
  if (typeof value === 'object' && value !== null) measured.set(value, measure);
  return measure;
}

/**
 * Size of `value` as JSON in bytes: remembered from the check that already walked it, else
 * measured now under `limits`.
 * @throws JsonLimitError when it was not checked before and breaks `limits`
 */
export function jsonBytesOf(value: unknown, limits: JsonLimits): number {
  const known = typeof value === 'object' && value !== null ? measured.get(value) : undefined;
  return (known ?? checkJson(value, limits)).bytes;
}
