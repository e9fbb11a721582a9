import { permissionsOf } from './permissions';

describe('permissions from the viewer', () => {
  it('offers editing only to keys that may save drafts, publishing only to those that may publish', () => {
    const auditor = permissionsOf({ keyId: 'a', role: 'AUDITOR', allowedOperations: ['Query.policy', 'Query.auditLog'] });
    expect(auditor.canEdit).toBe(false);
    expect(auditor.can('Query.auditLog')).toBe(true);
    const editor = permissionsOf({ keyId: 'e', role: 'EDITOR', allowedOperations: ['Mutation.savePolicyDraft', 'Mutation.savePolicyTestCase'] });
    expect(editor.canEdit).toBe(true);
    expect(editor.can('Mutation.publishPolicy')).toBe(false);
    expect(permissionsOf(null).canEdit).toBe(false);
  });
});
