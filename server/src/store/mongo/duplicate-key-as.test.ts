import { BatonErrorCode } from '@baton/schemas';
import { conflict } from '../../baton-error';
import { duplicateKeyAs } from './duplicate-key-as';

/** What the driver throws for a duplicate key: code 11000 and the index's key pattern. */
const duplicate = (keyPattern: Record<string, number>) => Object.assign(new Error('E11000 duplicate key error'), { code: 11000, keyPattern });
const taken = () => conflict("A policy with id 'p' already exists; choose another id.", { policyId: 'p' });

describe('duplicateKeyAs', () => {
  it('turns a duplicate on an index over the field into the CONFLICT given', async () => {
    await expect(Promise.reject(duplicate({ _id: 1 })).catch(duplicateKeyAs('_id', taken))).rejects.toMatchObject({
      code: BatonErrorCode.Conflict,
      details: { policyId: 'p' },
    });
    await expect(Promise.reject(duplicate({ policyId: 1, version: 1 })).catch(duplicateKeyAs('version', async () => taken()))).rejects.toMatchObject({
      code: BatonErrorCode.Conflict,
    });
  });

  it('leaves a duplicate on another index, and any other error, as it is', async () => {
    const onSequence = duplicate({ sequence: 1 });
    await expect(Promise.reject(onSequence).catch(duplicateKeyAs('_id', taken))).rejects.toBe(onSequence);
    const other = Object.assign(new Error('WriteConflict'), { code: 112 });
    await expect(Promise.reject(other).catch(duplicateKeyAs('_id', taken))).rejects.toBe(other);
    const noPattern = Object.assign(new Error('E11000'), { code: 11000 });
    await expect(Promise.reject(noPattern).catch(duplicateKeyAs('_id', taken))).rejects.toBe(noPattern);
  });
});
