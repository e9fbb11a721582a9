/**
 * Internal: objects whose fields are computed on first read. Every decision carries a context
 * package, but a bot usually selects a few of its fields (`context { summary }`) and a dry run
 * logs none: the transcript, the trajectory and the Markdown over every message are built only
 * for a reader who asks for them (issue 18). Reads give the same values a built object would,
 * JSON and spreading included.
 */

/** A function that runs `compute` on its first call and returns that result on every call. */
export function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

/**
 * An object with one enumerable field per entry of `fields`, each computed by its function on
 * the first read, once.
 */
export function lazyFields<T extends object>(fields: { [K in keyof T]: () => T[K] }): T {
  const object = {} as T;
  for (const key of Object.keys(fields) as Array<keyof T>) {
    Object.defineProperty(object, key, { enumerable: true, get: once(fields[key]) });
  }
  return object;
}
