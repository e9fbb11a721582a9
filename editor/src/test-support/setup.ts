/** Internal (tests only): jest-dom matchers and the browser APIs jsdom lacks that React Flow uses. */
import { deserialize, serialize } from 'node:v8';
import '@testing-library/jest-dom';

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;

// Dagre's ordering clones with structuredClone, which browsers have and jsdom does not expose.
globalThis.structuredClone ??= ((value: unknown) => deserialize(serialize(value))) as typeof structuredClone;
