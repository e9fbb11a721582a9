/**
 * Counts per combination of label values, kept in nested maps so that counting on a hot path
 * is a few map lookups and an increment: prom-client's own `inc(labels)` builds a key string
 * per call. The counts are copied into a prom-client counter when Prometheus scrapes.
 */
import type { Counter } from 'prom-client';

type Node = Map<string | number, Node | { value: number }>;

export class LabelledCounts {
  private readonly root: Node = new Map();

  /** @param labelNames - the counter's label names, in the order `inc` receives their values */
  constructor(readonly labelNames: readonly string[]) {}

  /** Adds one for these label values (as many as `labelNames`, same order). */
  inc(...values: (string | number)[]): void {
    let node = this.root;
    const last = values.length - 1;
    for (let i = 0; i < last; i += 1) {
      let child = node.get(values[i] as string | number) as Node | undefined;
      if (!child) node.set(values[i] as string | number, (child = new Map()));
      node = child;
    }
    const leaf = node.get(values[last] as string | number) as { value: number } | undefined;
    if (leaf) leaf.value += 1;
    else node.set(values[last] as string | number, { value: 1 });
  }

  /** Every combination counted so far with its count, label values as strings. */
  *entries(): Generator<{ labels: Record<string, string>; value: number }> {
    const names = this.labelNames;
    function* walk(node: Node, depth: number, values: string[]): Generator<{ labels: Record<string, string>; value: number }> {
      for (const [key, child] of node) {
        const path = [...values, String(key)];
        if (depth === names.length - 1) {
          yield { labels: Object.fromEntries(names.map((name, i) => [name, path[i] as string])), value: (child as { value: number }).value };
        } else {
          yield* walk(child as Node, depth + 1, path);
        }
      }
    }
    yield* walk(this.root, 0, []);
  }

  /** Replaces `counter`'s values with these counts (from a scrape-time `collect`). */
  publishTo(counter: Counter<string>): void {
    counter.reset();
    for (const { labels, value } of this.entries()) counter.inc(labels, value);
  }
}
