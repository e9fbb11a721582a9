/**
 * Migration 9 on a database an older server wrote (version 8): the assignments table is rebuilt
 * for the lifecycle statuses without losing a row or a candidate; an assignment of the old
 * server (a human already at work) becomes ACCEPTED at its assignment time, so no acceptance
 * timeout requeues it; the starting key comes from the handoff's start event in the audit log;
 * and the handoff store works on the result.
 */
import { openDatabase } from '../../store/sqlite/open-database';
import { MIGRATIONS } from '../../store/sqlite/migrations';
import { sqliteRepositories } from '../../store/sqlite/open-sqlite-store';
import { createSqliteUnitOfWork } from '../../store/sqlite/sqlite-unit-of-work';
import { makeTempDir, removeTempDirs } from '../../test-support/temp-dir';
import { planCommand, planTimeout } from './handoff-lifecycle';
import { createSqliteHandoffAccess } from './sqlite-handoff-repositories';
import { createHandoffStore } from './transactional-handoff-store';

afterAll(removeTempDirs);

const AT = '2026-03-10T10:00:00.000Z';
const LATER = new Date('2026-03-10T10:05:00.000Z');

function version8(dir: string): void {
  const db = openDatabase(
    dir,
    MIGRATIONS.filter((m) => m.version <= 8),
  );
  db.exec(`
    INSERT INTO directory_queues (id, name, required_skills, languages, hours, priority, fallback_queue_id, max_wait_seconds, average_handle_seconds, created_at, updated_at)
      VALUES ('billing', 'Billing', '[]', '[]', NULL, 5, NULL, 300, 600, '${AT}', '${AT}');
    INSERT INTO directory_agents (id, name, languages, time_zone, working_hours, seniority, deescalation_trained, account_ids, status, created_at, updated_at)
      VALUES ('a1', 'A1', '["en"]', 'UTC', '[]', 'REGULAR', 0, '[]', 'ONLINE', '${AT}', '${AT}');
    INSERT INTO directory_agent_channels (agent_id, channel, capacity, active) VALUES ('a1', 'chat', 1, 1);
    INSERT INTO handoff_assignments (decision_id, conversation_id, customer_id, queue_id, agent_id, channel, status, rank, fallback_used, explanation, created_at, assigned_at, released_at) VALUES
      ('working', 'conv-1', 'cus-1', 'billing', 'a1', 'chat', 'ASSIGNED', 105, 0, '["why"]', '${AT}', '${AT}', NULL),
      ('waiting', 'conv-2', 'cus-2', 'billing', NULL, 'chat', 'QUEUED', 105, 0, '[]', '${AT}', NULL, NULL),
      ('done', 'conv-3', 'cus-3', 'billing', 'a1', 'chat', 'RELEASED', 105, 1, '[]', '${AT}', '${AT}', '${AT}');
    INSERT INTO handoff_candidates (decision_id, agent_id) VALUES ('waiting', 'a1'), ('waiting', 'a0');
    INSERT INTO audit_log (sequence, at, actor_key_id, actor_role, action, target_type, target_id, before, after, prev_hash, hash) VALUES
      (1, '${AT}', 'bk_bot-one', 'bot', 'handoff.start', 'handoff', 'working', NULL, '{}', 'p1', 'h1'),
      (2, '${AT}', 'bk_bot-two', 'bot', 'handoff.start', 'handoff', 'waiting', NULL, '{}', 'h1', 'h2'),
      (3, '${AT}', 'bk_bot-two', 'bot', 'handoff.release', 'handoff', 'working', NULL, '{}', 'h2', 'h3');
  `);
  db.close();
}

describe('migration 9 (handoff lifecycle)', () => {
  it('keeps every handoff and candidate; an old assignment is accepted; the starting key is read from the audit log', async () => {
    const dir = makeTempDir();
    version8(dir);
    const db = openDatabase(dir);
    const store = createHandoffStore(createSqliteUnitOfWork(db, sqliteRepositories(db)), createSqliteHandoffAccess(db));
    expect(await store.getAssignment('working')).toMatchObject({
      status: 'ACCEPTED',
      agentId: 'a1',
      assignedAt: new Date(AT),
      acceptedAt: new Date(AT),
      explanation: ['why'],
      requeues: 0,
      startedBy: 'bk_bot-one',
    });
    expect(await store.getAssignment('waiting')).toMatchObject({ status: 'QUEUED', position: 1, acceptedAt: null, startedBy: 'bk_bot-two' });
    expect(await store.getAssignment('done')).toMatchObject({ status: 'RELEASED', fallbackUsed: true, releasedAt: new Date(AT), startedBy: null });
    expect(db.prepare('SELECT decision_id, agent_id, ordinal FROM handoff_candidates ORDER BY agent_id').all()).toEqual([
      { decision_id: 'waiting', agent_id: 'a0', ordinal: 0 },
      { decision_id: 'waiting', agent_id: 'a1', ordinal: 0 },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // Nothing accepted is requeued; the store goes on: releasing the old assignment lets the queued one in.
    expect(
      await store.transition('working', (current) => planTimeout(current, LATER, { acceptSeconds: 1, maxAgeSeconds: null }), { keyId: null, role: 'system' }),
    ).toMatchObject({
      step: null,
    });
    const released = await store.transition('working', (current) => planCommand(current, { kind: 'release' }, LATER), { keyId: null, role: 'system' });
    expect(released?.next).toMatchObject({ decisionId: 'waiting', status: 'ASSIGNED', agentId: 'a1' });
    // Candidates still cascade with their handoff.
    db.prepare("DELETE FROM handoff_assignments WHERE decision_id = 'waiting'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM handoff_candidates').get()).toEqual({ n: 0 });
    db.close();
  });
});
