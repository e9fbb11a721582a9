/** The `DirectorySeedTarget` the seed loader fills an empty directory through: the directory service, as the system. */
import type { DirectorySeedTarget } from '@baton/seed';
import { SYSTEM_ACTOR } from '../audit/audit-event';
import type { DirectoryService } from './directory-service';
import { channelList } from './directory-resolvers';

/** Seeds through the service, so seed data passes the same checks as any upsert. */
export function createDirectorySeedTarget(service: DirectoryService): DirectorySeedTarget {
  return {
    hasQueues: async () => (await service.listQueues()).length > 0,
    loadDirectory: async ({ queues, agents }) => {
      // A fallback must exist before the queue naming it.
      const pending = [...queues];
      while (pending.length > 0) {
        const index = pending.findIndex((q) => q.fallbackQueueId === null || !pending.some((p) => p.id === q.fallbackQueueId));
        const [queue] = pending.splice(index === -1 ? 0 : index, 1);
        if (queue) await service.upsertQueue(queue, SYSTEM_ACTOR);
      }
      for (const { status, ...profile } of agents) {
        await service.upsertAgent({ ...profile, capacity: channelList(profile.capacity) }, SYSTEM_ACTOR);
        if (status !== 'OFFLINE') await service.setAgentPresence(profile.id, status, null, SYSTEM_ACTOR);
      }
    },
  };
}
