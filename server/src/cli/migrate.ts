/**
 * Entry point of `npm run migrate -- --from sqlite:PATH --to TARGET` (see `migrate-command.ts`
 * and `--help`): copies a whole store into a new one and verifies it.
 */
import { runMigrateCommand } from './migrate-command';

runMigrateCommand(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  // npm runs scripts from the package root; paths on the command line are meant from where it was typed.
  cwd: process.env.INIT_CWD ?? process.cwd(),
}).then((code) => {
  process.exitCode = code;
});
