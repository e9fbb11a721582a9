/**
 * Internal (tests only): Baton as a child process (`node server/dist/main.js`, so build first),
 * for tests that need a real process boundary: a kill -9 mid-work, servers sharing a store.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const MAIN = path.resolve(__dirname, '../../dist/main.js');
const START_TIMEOUT_MS = 20_000;

export interface ServerProcess {
  child: ChildProcess;
  /** Base URL from its "Baton is listening" line. */
  url: string;
  /** Its stdout and stderr so far (for failure messages). */
  output(): string;
}

/**
 * Starts the server with `env` on top of this process's (MONGODB_URI left out: the embedded
 * store) and resolves once it logs "Baton is listening".
 * @throws when it exits first or stays silent for 20 s (with its output)
 */
export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const { MONGODB_URI: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, [MAIN], { env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let partialLine = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Baton did not start within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const lines = (partialLine + chunk.toString()).split('\n');
      partialLine = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        const entry = JSON.parse(line) as Record<string, unknown>;
        if (entry.msg === 'Baton is listening') {
          clearTimeout(timer);
          resolve({ child, url: entry.url as string, output: () => output });
        }
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Baton exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
}

/** Sends `signal` and resolves once the process has exited. */
export async function killServerProcess(server: ServerProcess, signal: NodeJS.Signals): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  await exited;
}
