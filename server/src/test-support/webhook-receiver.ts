/**
 * Internal (tests only): a real node:http webhook receiver. Each path answers as its behaviour
 * says (a status code, or `stall`: never answer until released); every request is recorded
 * with its headers and raw body, so tests verify signatures on exactly the bytes sent.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** How a path answers: an HTTP status, or `stall` (hold the request open until `release()` or close). */
export type Behaviour = number | 'stall' | ((request: ReceivedRequest, count: number) => number | 'stall');

export interface TestReceiver {
  url: string;
  received: ReceivedRequest[];
  /** Requests held open by `stall`, not answered yet. */
  readonly stalled: number;
  on(path: string, behaviour: Behaviour): void;
  /** Answers every stalled request with `status`. */
  release(status?: number): void;
  close(): Promise<void>;
}

/** Starts a receiver on an ephemeral port of 127.0.0.1; unknown paths answer 200. */
export async function startTestReceiver(): Promise<TestReceiver> {
  const behaviours = new Map<string, Behaviour>();
  const counts = new Map<string, number>();
  const received: ReceivedRequest[] = [];
  const held = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      const request = { path, headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString('utf8') };
      received.push(request);
      const count = (counts.get(path) ?? 0) + 1;
      counts.set(path, count);
      const behaviour = behaviours.get(path) ?? 200;
      const answer = typeof behaviour === 'function' ? behaviour(request, count) : behaviour;
      if (answer === 'stall') {
        held.add(res);
        res.on('close', () => held.delete(res));
        return;
      }
      res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer >= 300 ? `refused with ${answer}` : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    get stalled() {
      return held.size;
    },
    on: (path, behaviour) => behaviours.set(path, behaviour),
    release: (status = 200) => {
      for (const res of held) res.writeHead(status).end();
      held.clear();
    },
    close: async () => {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Polls `check` every 20 ms until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 10_000,
  what = 'the condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
