/**
 * `npm run demo:traffic`: fills the embedded store in BATON_DATA_DIR with a month of demo
 * traffic (`demo/demo-traffic.ts`) so a new user sees a living dashboard. Refuses a store that
 * already has logged decisions. `demo-traffic.ts` runs it on the process; tests call it directly.
 */
import { parseArgs } from 'node:util';
import { isBatonError } from '../baton-error';
import { ConfigError, loadConfig } from '../config';
import { DEMO_DEFAULTS, DemoTrafficRefused, seedDemoTraffic, type DemoTrafficSummary } from '../demo/demo-traffic';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store';

/** Exit codes, as `--help` lists them. */
export const DEMO_TRAFFIC_EXIT = { done: 0, refused: 2 } as const;

export const DEMO_TRAFFIC_HELP = `Usage: npm run demo:traffic [-- options]

Fills the embedded store in BATON_DATA_DIR (default .baton; created with the reference policy and
directory when it does not exist) with a month of demo traffic, so the editor's Dashboard has
something to show: customers writing in English, Spanish, German, French and Portuguese over chat,
WhatsApp and email, more on weekdays and in daytime; the bot calling decideHandoff after every
customer message on the default policy; handoffs started, answered, resolved and released; the
helpdesk recording first responses, resolutions, CSAT, agents' verdicts ("could the AI have
resolved this?") and reason corrections; the bot recording what happened to the conversations it
kept. Everything goes through Baton's services with times over the last days, so the decision log,
assignments, outcomes and audit log read as if it had happened.

  --conversations N   first contacts over the period (default ${DEMO_DEFAULTS.conversations}; customers coming back add a few)
  --days N            length of the period, ending now (default ${DEMO_DEFAULTS.days})
  --seed N            seed of the generator: the same seed and size give the same month (default ${DEMO_DEFAULTS.seed})
  --help              this text

It never writes to a store that already has logged decisions (real or demo): point
BATON_DATA_DIR at a new directory instead, e.g. BATON_DATA_DIR=.baton-demo npm run demo:traffic,
then start the server on it (BATON_DATA_DIR=.baton-demo npm start). MONGODB_URI is not used.

Exit codes: 0 done; 2 bad arguments, a store that already has decisions, or a store that cannot
be used (no default policy, a newer schema).`;

/** Where the command writes and reads its environment. */
export interface DemoTrafficIo {
  out(text: string): void;
  err(text: string): void;
  /** Redraws the progress line; absent when stderr is no terminal. */
  progress?(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
}

class UsageError extends Error {}

function whole(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) < min || Number(value) > max)
    throw new UsageError(`${name} must be a whole number from ${min} to ${max.toLocaleString('en-US')}, got "${value}".`);
  return Number(value);
}

function parse(argv: readonly string[]): { conversations?: number; days?: number; seed?: number } | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        conversations: { type: 'string' },
        days: { type: 'string' },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';
  return {
    conversations: whole(values.conversations, '--conversations', 1, 200_000),
    days: whole(values.days, '--days', 1, 366),
    seed: whole(values.seed, '--seed', 0, 2 ** 32 - 1),
  };
}

const number = (n: number) => n.toLocaleString('en-US');
const share = (part: number, whole: number) => (whole === 0 ? '0%' : `${((part / whole) * 100).toFixed(1)}%`);

function report(dataDir: string, summary: DemoTrafficSummary): string {
  const reasons = summary.byReason.map((r) => `${r.reasonCode} ${number(r.handoffs)}`).join(', ');
  return [
    `Demo traffic written to ${dataDir}: ${summary.from.toISOString().slice(0, 10)} to ${summary.to.toISOString().slice(0, 10)}.`,
    `  conversations     ${number(summary.conversations)}`,
    `  decisions         ${number(summary.decisions)}`,
    `  handoffs          ${number(summary.handoffs)} (${share(summary.handoffs, summary.conversations)} of conversations)`,
    `  assignments       ${number(summary.assignments)}`,
    `  outcomes          ${number(summary.handoffOutcomes)} handoff, ${number(summary.aiOutcomes)} AI-only`,
    `  handoff reasons   ${reasons || 'none'}`,
    '',
    'Start the server on it (npm start, with the same BATON_DATA_DIR) and open Dashboard in the editor.',
  ].join('\n');
}

/**
 * Writes the demo month the arguments describe and prints what it wrote.
 * @returns the exit code (see `DEMO_TRAFFIC_EXIT`); never throws for bad input or a refused store
 */
export async function runDemoTrafficCommand(argv: readonly string[], io: DemoTrafficIo): Promise<number> {
  try {
    const args = parse(argv);
    if (args === 'help') {
      io.out(DEMO_TRAFFIC_HELP);
      return DEMO_TRAFFIC_EXIT.done;
    }
    const config = loadConfig(io.env, io.cwd);
    const store = await openSqliteStore(config.dataDir);
    try {
      const summary = await seedDemoTraffic(store, {
        ...args,
        onProgress: io.progress && ((done, total) => io.progress?.(`Writing demo traffic: ${number(done)}/${number(total)} conversations`)),
      });
      io.out(report(config.dataDir, summary));
      return DEMO_TRAFFIC_EXIT.done;
    } finally {
      await store.close();
    }
  } catch (error) {
    if (error instanceof DemoTrafficRefused) {
      io.err(
        `demo:traffic: nothing written: ${error.message}, so demo traffic never mixes with real traffic.\n` +
          'Point BATON_DATA_DIR at a new directory (e.g. BATON_DATA_DIR=.baton-demo npm run demo:traffic) and start the server on it.',
      );
      return DEMO_TRAFFIC_EXIT.refused;
    }
    if (error instanceof UsageError || error instanceof ConfigError || isBatonError(error)) {
      io.err(`demo:traffic: ${error.message}`);
      if (error instanceof UsageError) io.err('Run with --help for the options.');
      return DEMO_TRAFFIC_EXIT.refused;
    }
    throw error;
  }
}
