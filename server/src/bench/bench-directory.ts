/**
 * A 500-agent directory for the routing benchmark: the seed queues, and the 25 seed agents
 * repeated 20 times with shifted load and last assignment, so each queue has 4–20 times the
 * seed's members and selection scores and sorts hundreds of agents per decision.
 */
import { prepareDirectory, type PreparedDirectory } from '@baton/rules';
import { seedDirectory } from '@baton/seed';
import type { Agent } from '@baton/schemas';

/** `count` agents (default 500) over the seed queues, prepared for routing. */
export function benchDirectory(count = 500, now = new Date('2026-11-21T12:00:00Z')): PreparedDirectory {
  const agents: Agent[] = Array.from({ length: count }, (_, i) => {
    const { status, ...profile } = seedDirectory.agents[i % seedDirectory.agents.length] as (typeof seedDirectory.agents)[number];
    return {
      ...profile,
      id: `${profile.id}-${i}`,
      status,
      activeConversations: { chat: i % 3 },
      lastAssignedAt: new Date(now.getTime() - (i % 60) * 60_000),
    };
  });
  return prepareDirectory({ queues: seedDirectory.queues, agents, waitingByQueue: {} });
}
