/**
 * The directory's memory repositories beyond the shared contract, which never reaches them
 * through the services (memory units run one at a time): agents read back as SQLite stores them,
 * and writes conditional on presence and load, refused when another writer moved them.
 */
import type { Agent, AgentProfile, Queue } from '@baton/schemas';
import { openMemoryStore } from '../../store/memory/open-memory-store';
import { DuplicateKeyError, StaleWriteError } from '../../store/unit-of-work';
import { SYSTEM_ACTOR } from '../audit/audit-event';

const AT = new Date('2026-08-12T07:30:00Z');
const queue: Queue = {
  id: 'renewals',
  name: 'Renewals',
  requiredSkills: [],
  languages: ['pt'],
  hours: null,
  priority: 4,
  fallbackQueueId: null,
  maxWaitSeconds: 180,
  averageHandleSeconds: 420,
};
const profile: AgentProfile = {
  id: 'ines',
  name: 'Inês',
  skills: [
    { skill: 'retention', proficiency: 7 },
    { skill: 'billing', proficiency: 5 },
  ],
  languages: ['pt'],
  timeZone: 'Europe/Lisbon',
  workingHours: [],
  seniority: 'SENIOR',
  deescalationTrained: true,
  capacity: { chat: 2, voice: 0 },
  accountIds: [],
};

async function setup() {
  const store = openMemoryStore();
  await store.directory.upsertQueue(queue, AT, SYSTEM_ACTOR);
  await store.directory.upsertAgent(profile, AT, SYSTEM_ACTOR);
  await store.directory.setAgentPresence('ines', 'ONLINE', undefined, AT, SYSTEM_ACTOR);
  /** Another writer books one of her chat slots, as a handoff on another server would. */
  const bookElsewhere = () => {
    const agents = store.uow.committed().directoryAgents;
    agents.set('ines', { ...(agents.get('ines') as Agent), activeConversations: { chat: 1 } });
  };
  return { store, bookElsewhere };
}

describe('memory directory repositories', () => {
  it('reads an agent back as SQLite stores it: skills by name, channels without capacity or load left out', async () => {
    const { store } = await setup();
    const agent = await store.directory.getAgent('ines');
    expect(agent?.skills.map((s) => s.skill)).toEqual(['billing', 'retention']);
    expect(agent).toMatchObject({ capacity: { chat: 2 }, activeConversations: {} });
    expect(Object.keys(agent?.capacity ?? {})).toEqual(['chat']);
  });

  it('refuses an agent write when its load moved after the read, and writes nothing of the unit', async () => {
    const { store, bookElsewhere } = await setup();
    const write = store.uow.transaction(async (tx) => {
      const read = (await tx.agents.find('ines')) as Agent;
      bookElsewhere();
      await tx.queues.update({ ...queue, name: 'Renewals (renamed)' }, AT);
      await tx.agents.updateLoad({ ...read, activeConversations: { chat: 1 }, lastAssignedAt: AT }, read);
    });
    await expect(write).rejects.toBeInstanceOf(StaleWriteError);
    expect((await store.directory.getQueue('renewals'))?.name).toBe('Renewals');
    expect(await store.directory.getAgent('ines')).toMatchObject({ activeConversations: { chat: 1 }, lastAssignedAt: null });
  });

  it('refuses a removal over a moved load, and a second agent of one id', async () => {
    const { store, bookElsewhere } = await setup();
    const remove = store.uow.transaction(async (tx) => {
      const read = (await tx.agents.find('ines')) as Agent;
      bookElsewhere();
      await tx.agents.remove(read);
    });
    await expect(remove).rejects.toBeInstanceOf(StaleWriteError);
    expect(await store.directory.getAgent('ines')).not.toBeNull();
    const insert = store.uow.transaction(async (tx) => tx.agents.insert((await tx.agents.find('ines')) as Agent, AT));
    await expect(insert).rejects.toEqual(new DuplicateKeyError("Agent 'ines'", 'id'));
  });

  it('writes only the load and the last assignment on a load write, keeping the profile', async () => {
    const { store } = await setup();
    await store.uow.transaction(async (tx) => {
      const read = (await tx.agents.find('ines')) as Agent;
      await tx.agents.updateLoad({ ...read, name: 'Not written', status: 'AWAY', activeConversations: { chat: 2, email: 0 }, lastAssignedAt: AT }, read);
    });
    expect(await store.directory.getAgent('ines')).toMatchObject({ name: 'Inês', status: 'ONLINE', activeConversations: { chat: 2 }, lastAssignedAt: AT });
  });
});
