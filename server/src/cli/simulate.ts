/**
 * Entry point of `npm run simulate -- --data FILE` (see `simulate-command.ts` and `--help`): a
 * backtest of a policy over a dataset file.
 */
import { runSimulateCommand } from './simulate-command';

const terminal = process.stderr.isTTY;
runSimulateCommand(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${terminal ? '\r\x1b[K' : ''}${text}\n`),
  progress: terminal ? (text) => process.stderr.write(`\r\x1b[K${text}`) : undefined,
  // npm runs scripts from the package root; paths on the command line are meant from where it was typed.
  cwd: process.env.INIT_CWD ?? process.cwd(),
  env: process.env,
}).then(
  (code) => {
    if (terminal) process.stderr.write('\r\x1b[K');
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`simulate: the backtest failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
