/**
 * The handoff store's units of work on SQLite, beyond the shared contract: a start that lost the
 * race for an agent's last slot is tried again on fresh data, a write over a handoff no longer as
 * read leaves nothing of its unit behind, and the webhooks outbox is told of every change.
 */
import type { AgentProfile } from '@baton/schemas';
import { openDatabase } from '../../store/sqlite/open-database';
import { sqliteRepositories } from '../../store/sqlite/open-sqlite-store';
import { createSqliteUnitOfWork } from '../../store/sqlite/sqlite-unit-of-work';
import { StaleWriteError } from '../../store/unit-of-work';
import { raceAfterAgentRead } from '../../test-support/race-after-agent-read';
import { makeTempDir, removeTempDirs } from '../../test-support/temp-dir';
import { SYSTEM_ACTOR } from '../audit/audit-event';
import { createSqliteDirectoryAccess } from '../directory/sqlite-directory-repositories';
import { createDirectoryStore } from '../directory/transactional-directory-store';
import { planCommand } from './handoff-lifecycle';
import type { HandoffChange, StartRequest } from './handoff-store';
import { createSqliteHandoffAccess } from './sqlite-handoff-repositories';
import { createHandoffStore } from './transactional-handoff-store';

afterAll(removeTempDirs);

const AT = new Date('2026-07-01T08:15:00Z');
const LATER = new Date('2026-07-01T08:20:00Z');

const profile = (id: string, chat: number): AgentProfile => ({
  id,
  name: id,
  skills: [],
  languages: ['sv'],
  timeZone: 'Europe/Stockholm',
  workingHours: [],
  seniority: 'REGULAR',
  deescalationTrained: false,
  capacity: { chat },
  accountIds: [],
});

const start = (decisionId: string, ranked: string[], qualified: string[] = ranked): StartRequest => ({
  decisionId,
  conversationId: `conv-${decisionId}`,
  customerId: `cus-${decisionId}`,
  queueId: 'returns',
  channel: 'chat',
  rank: 103,
  fallbackUsed: false,
  ranked,
  qualified,
  explanation: [],
  at: AT,
});

/**
 * A database with queue `returns` and online agents (chat capacities given), a unit of work whose
 * handoff changes are told to `told`, and a second handoff store committing in units of work of
 * its own, as another server's would.
 */
async function setup(agents: Record<string, number>) {
  const db = openDatabase(makeTempDir());
  const told: HandoffChange[] = [];
  const uow = createSqliteUnitOfWork(
    db,
    sqliteRepositories(db, (change) => void told.push(change)),
  );
  const access = createSqliteHandoffAccess(db);
  const other = createHandoffStore(
    createSqliteUnitOfWork(
      db,
      sqliteRepositories(db, () => undefined),
    ),
    access,
  );
  const directory = createDirectoryStore(uow, createSqliteDirectoryAccess(db));
  await directory.upsertQueue(
    {
      id: 'returns',
      name: 'Returns',
      requiredSkills: [],
      languages: ['sv'],
      hours: null,
      priority: 3,
      fallbackQueueId: null,
      maxWaitSeconds: 300,
      averageHandleSeconds: 400,
    },
    AT,
    SYSTEM_ACTOR,
  );
  for (const [id, chat] of Object.entries(agents)) {
    await directory.upsertAgent(profile(id, chat), AT, SYSTEM_ACTOR);
    await directory.setAgentPresence(id, 'ONLINE', undefined, AT, SYSTEM_ACTOR);
  }
  const handoffEvents = () => (db.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE action LIKE 'handoff.%'`).get() as { n: number }).n;
  told.length = 0;
  return { db, uow, access, other, directory, told, handoffEvents };
}

describe('SQLite handoff units of work', () => {
  it('tries a start again when another writer took the last slot it read as free: it queues, and nobody is overbooked', async () => {
    const { uow, access, other, directory, handoffEvents } = await setup({ elin: 1 });
    const racing = raceAfterAgentRead(uow, async () => {
      await other.startHandoff(start('elsewhere', ['elin']), SYSTEM_ACTOR);
    });
    const { assignment, created } = await createHandoffStore(racing.uow, access).startHandoff(start('mine', ['elin']), SYSTEM_ACTOR);
    expect(racing.raced()).toBe(true);
    expect(created).toBe(true);
    expect(assignment).toMatchObject({ decisionId: 'mine', status: 'QUEUED', agentId: null, position: 1 });
    expect(await access.getAssignment('elsewhere')).toMatchObject({ status: 'ASSIGNED', agentId: 'elin' });
    expect((await directory.getAgent('elin'))?.activeConversations).toEqual({ chat: 1 });
    expect(handoffEvents()).toBe(2);
  });

  it('writes nothing of a unit whose handoff changed after it was read', async () => {
    const { uow, access, other, directory, told, handoffEvents } = await setup({ elin: 2 });
    await other.startHandoff(start('d1', ['elin']), SYSTEM_ACTOR);
    const before = await access.getAssignment('d1');
    const write = uow.transaction(async (tx) => {
      const read = await tx.handoffs.find('d1');
      if (!read) throw new Error('d1 was not stored');
      // Another server accepts it between this read and the write.
      await other.transition('d1', (current) => planCommand(current, { kind: 'accept' }, AT), SYSTEM_ACTOR);
      const elin = await tx.agents.find('elin');
      if (!elin) throw new Error('elin was not stored');
      await tx.agents.updateLoad({ ...elin, activeConversations: {} }, elin);
      await tx.handoffs.update({ ...read, status: 'RELEASED', releasedAt: LATER }, read, []);
      await tx.handoffOutbox.append({ kind: 'assign', after: read, at: LATER });
    });
    await expect(write).rejects.toBeInstanceOf(StaleWriteError);
    expect(await access.getAssignment('d1')).toEqual({ ...before, status: 'ACCEPTED', acceptedAt: AT });
    expect((await directory.getAgent('elin'))?.activeConversations).toEqual({ chat: 1 });
    expect(told).toEqual([]);
    expect(handoffEvents()).toBe(2);
  });

  it('tells the outbox of a start, of a step with the handoff its freed capacity took, and of every other one it took', async () => {
    const { uow, access, told } = await setup({ elin: 2 });
    const store = createHandoffStore(uow, access);
    await store.startHandoff(start('held', ['elin']), SYSTEM_ACTOR);
    // Qualified but not ranked: they wait although elin has a free slot, until capacity moves.
    await store.startHandoff({ ...start('w1', [], ['elin']), rank: 300 }, SYSTEM_ACTOR);
    await store.startHandoff(start('w2', [], ['elin']), SYSTEM_ACTOR);
    const released = await store.transition('held', (current) => planCommand(current, { kind: 'release' }, LATER), SYSTEM_ACTOR);
    expect(released?.next).toMatchObject({ decisionId: 'w1', status: 'ASSIGNED', agentId: 'elin', assignedAt: LATER });
    expect(await access.getAssignment('w2')).toMatchObject({ status: 'ASSIGNED', agentId: 'elin', assignedAt: LATER });
    expect(told.map((change) => [change.kind, change.after.decisionId, change.after.status])).toEqual([
      ['start', 'held', 'ASSIGNED'],
      ['start', 'w1', 'QUEUED'],
      ['start', 'w2', 'QUEUED'],
      ['step', 'held', 'RELEASED'],
      ['assign', 'w2', 'ASSIGNED'],
    ]);
    expect(told[3]).toEqual({ kind: 'step', step: released?.step, before: released?.before, after: released?.after, next: released?.next });
    expect(told[4]).toEqual({ kind: 'assign', after: await access.getAssignment('w2'), at: LATER });
  });
});
