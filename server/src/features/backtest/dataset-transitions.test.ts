import { BatonErrorCode } from '@baton/schemas';
import { datasetRecord } from '../../test-support/backtest-records';
import { SYSTEM_ACTOR, type Actor } from '../audit/audit-event';
import type { BacktestGate } from './backtest-store';
import { datasetIdTaken, datasetNotFound, importedDataset, removedDataset, replacedGates } from './dataset-transitions';

const ADMIN: Actor = { keyId: 'bk_admin0001', role: 'admin' };
const T1 = new Date('2026-03-02T09:00:00.000Z');

describe('dataset transitions (the rules, without storage)', () => {
  it('imports a dataset under a free id only, auditing what identifies it but not its rows', () => {
    const dataset = datasetRecord('ds-1');
    expect(importedDataset(null, dataset, ADMIN)).toEqual({
      actor: ADMIN,
      action: 'dataset.import',
      targetType: 'dataset',
      targetId: 'ds-1',
      after: { name: 'Dataset ds-1', format: 'conversations', source: 'conversations.jsonl', rows: 3, redactions: 2 },
      at: dataset.createdAt,
    });
    expect(() => importedDataset(datasetRecord('ds-1', { name: 'Older' }), dataset, ADMIN)).toThrow(
      expect.objectContaining({ code: BatonErrorCode.Conflict, details: { datasetId: 'ds-1' } }),
    );
  });

  it('removes a dataset that exists and that no publish gate names', () => {
    expect(removedDataset('ds-1', datasetRecord('ds-1'), [], T1, SYSTEM_ACTOR)).toEqual({
      actor: SYSTEM_ACTOR,
      action: 'dataset.remove',
      targetType: 'dataset',
      targetId: 'ds-1',
      before: { name: 'Dataset ds-1', rows: 3 },
      at: T1,
    });
    expect(() => removedDataset('ds-gone', null, [], T1, ADMIN)).toThrow(
      expect.objectContaining({ code: BatonErrorCode.NotFound, details: { datasetId: 'ds-gone' } }),
    );
    // Unknown comes first: a gate cannot name a dataset that is gone.
    expect(() => removedDataset('ds-gone', null, ['support-eu'], T1, ADMIN)).toThrow(expect.objectContaining({ code: BatonErrorCode.NotFound }));
  });

  it('refuses to remove a dataset a gate names, naming the dataset and every such policy', () => {
    const remove = () => removedDataset('ds-1', datasetRecord('ds-1'), ['support-eu', 'support-us'], T1, ADMIN);
    expect(remove).toThrow(expect.objectContaining({ code: BatonErrorCode.Conflict, details: { datasetId: 'ds-1', policyIds: ['support-eu', 'support-us'] } }));
    expect(remove).toThrow(/Dataset 'Dataset ds-1' is a publish gate of 'support-eu', 'support-us'; .*setBacktestGates/);
  });

  it('replaces gates naming datasets that exist, auditing copies of the gates before and after', () => {
    const before: BacktestGate[] = [{ datasetId: 'ds-1', minRecall: 0.9 }];
    const after: BacktestGate[] = [
      { datasetId: 'ds-2', maxFalsePositiveRate: 0.1 },
      { datasetId: 'ds-1', minRecall: 0.8 },
    ];
    const event = replacedGates('support-eu', before, after, [datasetRecord('ds-2'), datasetRecord('ds-1')], T1, ADMIN);
    before.pop();
    after.pop();
    expect(event).toEqual({
      actor: ADMIN,
      action: 'policy.backtestGates',
      targetType: 'policy',
      targetId: 'support-eu',
      before: { gates: [{ datasetId: 'ds-1', minRecall: 0.9 }] },
      after: {
        gates: [
          { datasetId: 'ds-2', maxFalsePositiveRate: 0.1 },
          { datasetId: 'ds-1', minRecall: 0.8 },
        ],
      },
      at: T1,
    });
    expect(replacedGates('support-eu', [{ datasetId: 'ds-1' }], [], [], T1, ADMIN)).toMatchObject({
      before: { gates: [{ datasetId: 'ds-1' }] },
      after: { gates: [] },
    });
  });

  it('refuses gates naming a dataset that does not exist, naming the first one missing', () => {
    const after: BacktestGate[] = [{ datasetId: 'ds-1' }, { datasetId: 'ds-gone', minRecall: 0.5 }, { datasetId: 'ds-lost' }];
    expect(() => replacedGates('support-eu', [], after, [datasetRecord('ds-1'), null, null], T1, ADMIN)).toThrow(
      expect.objectContaining({ code: BatonErrorCode.NotFound, details: { datasetId: 'ds-gone' } }),
    );
  });

  it('gives errors that name what is missing or taken', () => {
    expect(datasetIdTaken('ds-1')).toMatchObject({ code: BatonErrorCode.Conflict, message: "A dataset with id 'ds-1' already exists." });
    expect(datasetNotFound('ds-1')).toMatchObject({
      code: BatonErrorCode.NotFound,
      message: expect.stringMatching(/^Dataset 'ds-1' does not exist; .*datasets query/),
    });
  });
});
