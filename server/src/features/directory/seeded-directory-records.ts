/**
 * Internal (tests only): real directory and handoff records, as the SQLite store returns them
 * after loading the seed directory and committing a few handoffs. The MongoDB schema tests
 * build their documents from these, so the mappers are checked on the records the port yields.
 */
import { seedDirectory } from '@baton/seed';
import type { Agent, Queue } from '@baton/schemas';
import { openSqliteStore } from '../../store/sqlite/open-sqlite-store';
import { makeTempDir } from '../../test-support/temp-dir';
import { SYSTEM_ACTOR } from '../audit/audit-event';
import { candidateOrder, planCommand } from '../handoffs/handoff-lifecycle';
import type { AssignmentRecord, StartRequest } from '../handoffs/handoff-store';

export interface SeededRecords {
  queues: Queue[];
  agents: Agent[];
  /** One assigned, one queued (with its candidates) and one released handoff. */
  assignments: { record: AssignmentRecord; candidates: string[] }[];
}

const AT = new Date('2026-03-10T10:00:00.000Z');

/** Loads the seed directory into a new SQLite store and reads every record back; call `removeTempDirs` in `afterAll`. */
export async function seededDirectoryRecords(): Promise<SeededRecords> {
  const store = await openSqliteStore(makeTempDir());
  try {
    const { directory, handoffs } = store;
    // A fallback must exist before the queue naming it.
    const pending = [...seedDirectory.queues];
    while (pending.length > 0) {
      const index = pending.findIndex((q) => q.fallbackQueueId === null || !pending.some((p) => p.id === q.fallbackQueueId));
      const [queue] = pending.splice(Math.max(index, 0), 1);
      if (queue) await directory.upsertQueue(queue, AT, SYSTEM_ACTOR);
    }
    for (const { status, ...profile } of seedDirectory.agents) {
      await directory.upsertAgent(profile, AT, SYSTEM_ACTOR);
      if (status !== 'OFFLINE') await directory.setAgentPresence(profile.id, status, undefined, AT, SYSTEM_ACTOR);
    }
    const online = seedDirectory.agents.find((a) => a.status === 'ONLINE' && (a.capacity.chat ?? 0) >= 2);
    const offline = seedDirectory.agents.find((a) => a.status === 'OFFLINE');
    if (!online || !offline) throw new Error('the seed directory needs an online agent with two chat slots and an offline agent');
    const request = (decisionId: string, ranked: string[], qualified: string[]): StartRequest => ({
      decisionId,
      conversationId: `conv-${decisionId}`,
      customerId: `cus-${decisionId}`,
      queueId: 'billing',
      channel: 'chat',
      rank: 105,
      fallbackUsed: decisionId === 'queued',
      ranked,
      qualified,
      explanation: [`explanation of ${decisionId}`],
      at: AT,
    });
    const started = [request('assigned', [online.id], [online.id]), request('queued', [], [offline.id]), request('released', [online.id], [online.id])];
    for (const r of started) await handoffs.startHandoff(r, SYSTEM_ACTOR);
    const releasedAt = new Date(AT.getTime() + 60_000);
    await handoffs.transition('released', (current) => planCommand(current, { kind: 'release' }, releasedAt), SYSTEM_ACTOR);
    const assignments = [];
    for (const r of started) {
      const record = await handoffs.getAssignment(r.decisionId);
      if (!record) throw new Error(`handoff ${r.decisionId} was not stored`);
      assignments.push({ record, candidates: candidateOrder(r) });
    }
    return { queues: await directory.listQueues(), agents: await directory.listAgents(), assignments };
  } finally {
    await store.close();
  }
}
