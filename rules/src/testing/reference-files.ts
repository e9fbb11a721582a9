/**
 * Test-only: the seed's reference policy and directory as files (`seed/src/`), read from disk
 * because rules must not import seed. Tests that check the shipped lexicons, concepts and
 * messages read them through here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TriggerSettings } from '@baton/schemas';

const SEED = path.join(__dirname, '../../../seed/src');

/** The parsed JSON of `file`, a path under `seed/src/` (e.g. `directory/directory.json`). */
export function readSeedFile(file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(SEED, file), 'utf8'));
}

/** The parsed JSON of one file of the reference policy (`graph.json`, `trigger-settings.json`, `routing.json`). */
export function readReferencePolicyFile(file: 'graph.json' | 'trigger-settings.json' | 'routing.json'): unknown {
  return readSeedFile(path.join('policies/support-default', file));
}

/** The reference policy's trigger settings, as shipped (not validated here). */
export function referenceTriggerSettings(): TriggerSettings {
  return readReferencePolicyFile('trigger-settings.json') as TriggerSettings;
}
