import type { AgentProfile, Queue } from '@baton/schemas';
import { openDatabase } from '../../store/sqlite/open-database';
import { sqliteRepositories } from '../../store/sqlite/open-sqlite-store';
import { createSqliteUnitOfWork } from '../../store/sqlite/sqlite-unit-of-work';
import { StaleWriteError } from '../../store/unit-of-work';
import { raceAfterAgentRead } from '../../test-support/race-after-agent-read';
import { makeTempDir, removeTempDirs } from '../../test-support/temp-dir';
import { SYSTEM_ACTOR } from '../audit/audit-event';
import type { HandoffChange, StartRequest } from '../handoffs/handoff-store';
import { createSqliteHandoffAccess } from '../handoffs/sqlite-handoff-repositories';
import { createHandoffStore } from '../handoffs/transactional-handoff-store';
import { createSqliteDirectoryAccess } from './sqlite-directory-repositories';
import { createDirectoryStore } from './transactional-directory-store';

afterAll(removeTempDirs);

const AT = new Date('2026-05-04T13:00:00Z');
const queue: Queue = {
  id: 'claims',
  name: 'Claims',
  requiredSkills: [],
  languages: ['it'],
  hours: null,
  priority: 3,
  fallbackQueueId: null,
  maxWaitSeconds: 240,
  averageHandleSeconds: 500,
};
const profile: AgentProfile = {
  id: 'marco',
  name: 'Marco',
  skills: [],
  languages: ['it'],
  timeZone: 'Europe/Rome',
  workingHours: [],
  seniority: 'REGULAR',
  deescalationTrained: false,
  capacity: { chat: 2 },
  accountIds: [],
};
const start = (decisionId: string, ranked: string[], qualified: string[]): StartRequest => ({
  decisionId,
  conversationId: `conv-${decisionId}`,
  customerId: `cus-${decisionId}`,
  queueId: 'claims',
  channel: 'chat',
  rank: 90,
  fallbackUsed: false,
  ranked,
  qualified,
  explanation: [],
  at: AT,
});

/**
 * A database with the queue and an away agent (chat capacity 2), its repositories' unit of work
 * (its handoff changes told to `told`) and a handoff store committing in units of work of its
 * own, as another server's would (its changes are not watched here).
 */
async function setup() {
  const db = openDatabase(makeTempDir());
  const told: HandoffChange[] = [];
  const uow = createSqliteUnitOfWork(
    db,
    sqliteRepositories(db, (change) => void told.push(change)),
  );
  const handoffs = createHandoffStore(
    createSqliteUnitOfWork(
      db,
      sqliteRepositories(db, () => undefined),
    ),
    createSqliteHandoffAccess(db),
  );
  const access = createSqliteDirectoryAccess(db);
  const directory = createDirectoryStore(uow, access);
  await directory.upsertQueue(queue, AT, SYSTEM_ACTOR);
  await directory.upsertAgent(profile, AT, SYSTEM_ACTOR);
  await directory.setAgentPresence('marco', 'AWAY', undefined, AT, SYSTEM_ACTOR);
  const audits = () => (db.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE action LIKE 'directory.%'`).get() as { n: number }).n;
  return { db, uow, handoffs, access, audits, told };
}

describe('SQLite directory repositories', () => {
  it('refuses an agent write when a handoff changed its load after the read, and writes nothing of the unit', async () => {
    const { uow, handoffs, access, audits } = await setup();
    const online = createDirectoryStore(uow, access);
    await online.setAgentPresence('marco', 'ONLINE', undefined, AT, SYSTEM_ACTOR);
    const before = audits();
    const write = uow.transaction(async (tx) => {
      const read = await tx.agents.find('marco');
      if (!read) throw new Error('marco was not stored');
      // A handoff reserves one of its slots between the read and the write.
      await handoffs.startHandoff(start('between', ['marco'], ['marco']), SYSTEM_ACTOR);
      await tx.queues.update({ ...queue, name: 'Claims (renamed)' }, AT);
      await tx.agents.update({ ...read, status: 'AWAY' }, read, AT);
      await tx.audit.append({
        actor: SYSTEM_ACTOR,
        action: 'directory.queue.upsert',
        targetType: 'queue',
        targetId: 'claims',
        before: queue,
        after: queue,
        at: AT,
      });
    });
    await expect(write).rejects.toBeInstanceOf(StaleWriteError);
    expect((await access.getQueue('claims'))?.name).toBe('Claims');
    expect(await access.getAgent('marco')).toMatchObject({ status: 'ONLINE', activeConversations: { chat: 1 } });
    expect(audits()).toBe(before);
  });

  it('retries a presence change a concurrent handoff raced, and never exceeds capacity', async () => {
    const { db, uow, handoffs, access } = await setup();
    await handoffs.startHandoff(start('q1', [], ['marco']), SYSTEM_ACTOR);
    await handoffs.startHandoff(start('q2', [], ['marco']), SYSTEM_ACTOR);
    const racing = raceAfterAgentRead(uow, async () => {
      // Only an online agent takes a handoff: briefly online, as for a presence change elsewhere.
      // An urgent start: marco serves it, then the oldest queued handoff (q1), with its two slots.
      db.prepare(`UPDATE directory_agents SET status = 'ONLINE' WHERE id = 'marco'`).run();
      await handoffs.startHandoff({ ...start('direct', ['marco'], ['marco']), rank: 190 }, SYSTEM_ACTOR);
      db.prepare(`UPDATE directory_agents SET status = 'AWAY' WHERE id = 'marco'`).run();
    });
    const directory = createDirectoryStore(racing.uow, access);
    const change = await directory.setAgentPresence('marco', 'ONLINE', undefined, AT, SYSTEM_ACTOR);
    expect(racing.raced()).toBe(true);
    // Retried on what the start wrote: marco is full, so the presence change assigns nothing more.
    expect(change?.assigned).toEqual([]);
    expect(change?.agent.activeConversations).toEqual({ chat: 2 });
    expect((await access.getAgent('marco'))?.activeConversations).toEqual({ chat: 2 });
    expect((await handoffs.getAssignment('direct'))?.status).toBe('ASSIGNED');
    expect((await handoffs.getAssignment('q1'))?.status).toBe('ASSIGNED');
    expect((await handoffs.getAssignment('q2'))?.status).toBe('QUEUED');
  });

  it('tells the outbox of each handoff a presence change assigns, as the store then holds it', async () => {
    const { uow, handoffs, access, told } = await setup();
    await handoffs.startHandoff(start('q1', [], ['marco']), SYSTEM_ACTOR);
    await handoffs.startHandoff({ ...start('q2', [], ['marco']), rank: 95 }, SYSTEM_ACTOR);
    const later = new Date(AT.getTime() + 90_000);
    const change = await createDirectoryStore(uow, access).setAgentPresence('marco', 'ONLINE', undefined, later, SYSTEM_ACTOR);
    expect(change?.assigned).toEqual(['q2', 'q1']);
    expect(told).toEqual([
      { kind: 'assign', after: await handoffs.getAssignment('q2'), at: later },
      { kind: 'assign', after: await handoffs.getAssignment('q1'), at: later },
    ]);
    expect(told[0]?.after).toMatchObject({ status: 'ASSIGNED', agentId: 'marco', assignedAt: later, position: null });
  });
});
