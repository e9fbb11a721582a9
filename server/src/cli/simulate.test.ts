import fs from 'node:fs';
import path from 'node:path';
import { startTestServer } from '../test-support/test-server';
import { makeTempDir, removeTempDirs } from '../test-support/temp-dir';
import { runSimulateCommand, SIMULATE_EXIT } from './simulate-command';

const fixture = path.join(__dirname, '..', 'features', 'backtest', 'fixtures', 'hand-worked.jsonl');

async function simulate(argv: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runSimulateCommand(argv, { out: (text) => out.push(text), err: (text) => err.push(text), cwd: makeTempDir(), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

afterAll(removeTempDirs);

describe('npm run simulate', () => {
  it('prints one JSON object with the documented top-level figures', async () => {
    const { code, out } = await simulate(['--seed', '--data', fixture, '--json']);
    expect(code).toBe(SIMULATE_EXIT.passed);
    const report = JSON.parse(out) as Record<string, unknown>;
    expect(report).toMatchObject({ rows: 10, recall: 5 / 7, falsePositiveRate: 1 / 3, policy: { id: 'support-default', version: 1 } });
    expect(report.byExpected).toMatchObject({ none: { total: 3, matched: 2 }, billing_dispute: { total: 3, matched: 2 } });
    expect(typeof report.seconds).toBe('number');
  });

  it('prints a readable report and exits 1 when a threshold fails', async () => {
    const { code, out, err } = await simulate(['--seed', '--data', fixture, '--min-recall', '0.9', '--max-false-positives', '0.05']);
    expect(code).toBe(SIMULATE_EXIT.thresholdFailed);
    expect(out).toContain('Backtest of support-default v1');
    expect(out).toMatch(/billing_dispute\s+3\s+2\s+66\.7%/);
    expect(out).toContain('False positives on "none" rows: 33.3% (1 of 3)');
    expect(out).toContain('recall of billing_dispute is 66.7% (2 of 3), below 90.0%');
    expect(out).toContain('false positives are 33.3% of "none" rows (1), above 5.0%');
    expect(err).toContain('failed 4 thresholds');
    expect((await simulate(['--seed', '--data', fixture, '--max-false-positives', '0.5'])).code).toBe(SIMULATE_EXIT.passed);
  });

  it('exits 2 on bad usage and on a bad dataset, naming the problem', async () => {
    expect(await simulate([])).toMatchObject({ code: SIMULATE_EXIT.usage, err: expect.stringContaining('--data FILE') });
    expect(await simulate(['--seed', '--data', fixture, '--min-recall', '90'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('--min-recall must be a number from 0 to 1'),
    });
    expect(await simulate(['--seed', '--data', 'missing.jsonl'])).toMatchObject({ code: 2, err: expect.stringContaining('ENOENT') });
    const bad = path.join(makeTempDir(), 'bad.jsonl');
    fs.writeFileSync(bad, '{"id":"a","text":"hi"}\nnot json\n');
    expect(await simulate(['--seed', '--data', bad])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/nothing was evaluated:\n {2}line 2: is not valid JSON/),
    });
    expect(await simulate(['--data', fixture], { BATON_DATA_DIR: makeTempDir() })).toMatchObject({
      code: 2,
      err: expect.stringContaining('No Baton store in'),
    });
  });

  it('runs the active version, a named version or the draft of the store in BATON_DATA_DIR', async () => {
    const server = await startTestServer();
    const dataDir = server.config.dataDir;
    await server.close();
    const active = await simulate(['--data', fixture, '--json'], { BATON_DATA_DIR: dataDir });
    expect(active.code).toBe(0);
    const seeded = JSON.parse((await simulate(['--seed', '--data', fixture, '--json'])).out) as { policy: unknown; byExpected: unknown };
    const fromStore = JSON.parse(active.out) as { policy: unknown; byExpected: unknown };
    expect(fromStore.policy).toEqual(seeded.policy);
    expect(fromStore.byExpected).toEqual(seeded.byExpected);
    const draft = JSON.parse((await simulate(['--data', fixture, '--json', '--policy', 'support-default', '--draft'], { BATON_DATA_DIR: dataDir })).out) as {
      policy: { version: number };
    };
    expect(draft.policy.version).toBe(0);
    expect(await simulate(['--data', fixture, '--version', '7'], { BATON_DATA_DIR: dataDir })).toMatchObject({
      code: 2,
      err: expect.stringContaining('has no version 7'),
    });
    expect(await simulate(['--data', fixture, '--policy', 'nope'], { BATON_DATA_DIR: dataDir })).toMatchObject({
      code: 2,
      err: expect.stringContaining("Policy 'nope' does not exist"),
    });
  });
});
