import { DuplicateKeyError } from '../unit-of-work';
import { insertOrDuplicate } from './insert-or-duplicate';

/** What the driver throws for a duplicate key: code 11000 and the index's key pattern. */
const duplicate = (keyPattern: Record<string, number>) => Object.assign(new Error('E11000 duplicate key error'), { code: 11000, keyPattern });
const failing = (error: Error) => () => Promise.reject(error);

describe('insertOrDuplicate', () => {
  it("turns a duplicate on an index over one of the fields into DuplicateKeyError named by the port's key", async () => {
    await expect(insertOrDuplicate('policy', { _id: 'id' }, failing(duplicate({ _id: 1 })))).rejects.toMatchObject({
      name: 'DuplicateKeyError',
      record: 'policy',
      key: 'id',
    });
    await expect(insertOrDuplicate('version', { version: 'version' }, failing(duplicate({ policyId: 1, version: 1 })))).rejects.toBeInstanceOf(
      DuplicateKeyError,
    );
  });

  it('leaves a duplicate on another index, and any other error, as it is', async () => {
    const onSequence = duplicate({ sequence: 1 });
    await expect(insertOrDuplicate('policy', { _id: 'id' }, failing(onSequence))).rejects.toBe(onSequence);
    const other = Object.assign(new Error('WriteConflict'), { code: 112 });
    await expect(insertOrDuplicate('policy', { _id: 'id' }, failing(other))).rejects.toBe(other);
    const noPattern = Object.assign(new Error('E11000'), { code: 11000 });
    await expect(insertOrDuplicate('policy', { _id: 'id' }, failing(noPattern))).rejects.toBe(noPattern);
  });
});
