/** Internal (tests only): jest-dom matchers and the browser APIs jsdom lacks that React Flow uses. */
import { deserialize, serialize } from 'node:v8';
import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// CI runs these beside the Chromium suites on two cores: a findBy's 1 s default once ran out
// there (the dashboard re-rendering today's figures), so waits allow 5 s; a passing wait is as fast.
configure({ asyncUtilTimeout: 5000 });

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;

// Dagre's ordering clones with structuredClone, which browsers have and jsdom does not expose.
globalThis.structuredClone ??= ((value: unknown) => deserialize(serialize(value))) as typeof structuredClone;
