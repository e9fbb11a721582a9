/**
 * Entry point of `npm run backup -- --to FILE` (see `backup-command.ts` and `--help`): an
 * online backup of the embedded SQLite store.
 */
import { runBackupCommand } from './backup-command';

runBackupCommand(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  // npm runs scripts from the package root; paths on the command line are meant from where it was typed.
  cwd: process.env.INIT_CWD ?? process.cwd(),
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
