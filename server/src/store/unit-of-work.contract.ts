/**
 * Internal (tests only): what every unit-of-work adapter must show, whatever the feature:
 * a unit commits its writes and audit events together or not at all, a conditional write on a
 * record that changed or an insert on a taken key fails the whole unit, and racing units lose
 * no update. Run on the policies slice, the one every adapter has; the in-memory adapter, SQLite
 * and MongoDB (where a server is available) register it.
 */
import { SYSTEM_ACTOR } from '../features/audit/audit-event';
import type { AuditLogStore } from '../features/audit/audit-log-store';
import type { PolicyStore } from '../features/policies/policy-store';
import { createdPolicy } from '../features/policies/policy-transitions';
import type { PolicyTransaction } from '../features/policies/transactional-policy-stores';
import { newStayPolicy } from '../test-support/fixtures';
import { DuplicateKeyError, StaleWriteError, type UnitOfWork } from './unit-of-work';

/** A fresh, empty adapter: its unit of work and the committed state's reads. */
export interface UnitOfWorkTarget {
  uow: UnitOfWork<PolicyTransaction>;
  policies: Pick<PolicyStore, 'listPolicies' | 'getPolicy'>;
  auditLog: AuditLogStore;
  close(): Promise<void>;
}

const T0 = new Date('2026-03-01T09:00:00.000Z');

/** The record and audit event of a new policy `id` (a stay graph, created by the system). */
export const created = (id: string) => createdPolicy(newStayPolicy(id, T0, SYSTEM_ACTOR));

/** Registers the contract under `describe(name)`; `open` is called once per test. */
export function describeUnitOfWorkContract(name: string, open: () => Promise<UnitOfWorkTarget>): void {
  describe(`${name} unit of work contract`, () => {
    let target: UnitOfWorkTarget | undefined;
    beforeEach(async () => {
      target = await open();
    });
    afterEach(async () => {
      await target?.close();
      target = undefined;
    });
    const t = (): UnitOfWorkTarget => {
      if (!target) throw new Error('target not opened');
      return target;
    };
    const ids = async () => (await t().policies.listPolicies()).map((p) => [p.id, p.name]);
    const actions = async () => (await t().auditLog.scanEvents(0, 100)).map((e) => e.action);

    it('commits the writes and the audit events of a unit together, and returns what the work returned', async () => {
      const { record, event } = created('p');
      const returned = await t().uow.transaction(async (tx) => {
        await tx.policies.insert(record);
        await tx.audit.append(event);
        return 'done';
      });
      expect(returned).toBe('done');
      expect(await ids()).toEqual([['p', 'p']]);
      expect(await actions()).toEqual(['policy.create']);
    });

    it('writes nothing, audit included, when the work throws after queuing writes', async () => {
      const failing = t().uow.transaction(async (tx) => {
        const { record, event } = created('p');
        await tx.policies.insert(record);
        await tx.audit.append(event);
        throw new Error('decided against it');
      });
      await expect(failing).rejects.toThrow('decided against it');
      expect(await ids()).toEqual([]);
      expect(await actions()).toEqual([]);
    });

    it('rolls back the earlier writes of a unit whose conditional write finds the record changed', async () => {
      const { record: p, event } = created('p');
      await t().uow.transaction(async (tx) => {
        await tx.policies.insert(p);
        await tx.audit.append(event);
      });
      const stale = t().uow.transaction(async (tx) => {
        await tx.policies.insert(created('q').record);
        await tx.audit.append(created('q').event);
        await tx.policies.update({ ...p, name: 'renamed' }, { ...p, activeVersion: 7 });
      });
      await expect(stale).rejects.toBeInstanceOf(StaleWriteError);
      expect(await ids()).toEqual([['p', 'p']]);
      expect(await actions()).toEqual(['policy.create']);
    });

    it('fails a unit that inserts on a taken key with DuplicateKeyError naming the key, writing nothing of it', async () => {
      await t().uow.transaction(async (tx) => tx.policies.insert(created('p').record));
      const taken = t().uow.transaction(async (tx) => {
        await tx.policies.insert(created('q').record);
        await tx.policies.insert({ ...created('p').record, name: 'second' });
      });
      await expect(taken).rejects.toMatchObject({ name: 'DuplicateKeyError', key: 'id' });
      await expect(taken).rejects.toBeInstanceOf(DuplicateKeyError);
      expect(await ids()).toEqual([['p', 'p']]);
    });

    it('loses no update when units race to read, change and write one record', async () => {
      await t().uow.transaction(async (tx) => tx.policies.insert(created('p').record));
      const bump = (n: number) =>
        t().uow.transaction(async (tx) => {
          const read = await tx.policies.find('p');
          if (!read) throw new Error('p is gone');
          await new Promise((resolve) => setTimeout(resolve, 2));
          await tx.policies.update({ ...read, name: `${read.name}+${n}`, draft: { ...read.draft, revision: read.draft.revision + 1 } }, read);
        });
      await Promise.all([1, 2, 3, 4, 5].map(bump));
      const p = await t().policies.getPolicy('p');
      expect(p?.draft.revision).toBe(6);
      expect(p?.name.split('+').slice(1).sort()).toEqual(['1', '2', '3', '4', '5']);
    });
  });
}
