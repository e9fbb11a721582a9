/**
 * Entry point of `npm run demo:traffic` (see `demo-traffic-command.ts` and `--help`): a month of
 * demo traffic in the embedded store of BATON_DATA_DIR.
 */
import { runDemoTrafficCommand } from './demo-traffic-command';

const terminal = process.stderr.isTTY;
runDemoTrafficCommand(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${terminal ? '\r\x1b[K' : ''}${text}\n`),
  progress: terminal ? (text) => process.stderr.write(`\r\x1b[K${text}`) : undefined,
  // BATON_DATA_DIR is resolved as the server resolves it (npm start), from the package root.
  cwd: process.cwd(),
  env: process.env,
}).then(
  (code) => {
    if (terminal) process.stderr.write('\r\x1b[K');
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`demo:traffic: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
