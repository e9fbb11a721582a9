/**
 * The directory an empty store gets on first start: a queue for every queue the reference
 * policy names (plus `technical`, open on Berlin business hours) and 25 agents across five
 * languages, fourteen time zones and three seniorities — enough to see skills, languages,
 * seniority, account owners, working hours and presence at work. Every queue the reference
 * policy reaches has agents without fixed hours, so its seed conversations route at any time.
 */
import type { AgentProfile, AgentStatus, Queue } from '@baton/schemas';
import directoryJson from './directory.json';

/** A seed agent: its profile and the status it starts with. */
export type SeedAgent = AgentProfile & { status: AgentStatus };

export interface SeedDirectory {
  queues: Queue[];
  agents: SeedAgent[];
}

// Safe cast: `seed-directory.test.ts` checks every queue and agent against the directory schemas.
export const seedDirectory = directoryJson as unknown as SeedDirectory;

/** What the loader needs from the store (the server implements it over its directory service). */
export interface DirectorySeedTarget {
  /** True when the directory holds at least one queue. */
  hasQueues(): Promise<boolean>;
  /** Creates the queues (fallbacks after the queues they name) and agents, and sets each agent's status. */
  loadDirectory(directory: SeedDirectory): Promise<void>;
}

/**
 * Loads the seed directory when the store has no queue yet; safe on every start.
 * @returns true when it loaded the directory
 */
export async function loadSeedDirectory(target: DirectorySeedTarget): Promise<boolean> {
  if (await target.hasQueues()) return false;
  await target.loadDirectory(seedDirectory);
  return true;
}
