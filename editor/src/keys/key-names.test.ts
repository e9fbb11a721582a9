import { idsToAsk, keyLabel, type KeyName } from './key-names';
import { keyNameProblem } from './KeysPage';
import { publishWording } from '../publish/PublishDialog';

const names = new Map<string, KeyName>([
  ['bk_ana', { id: 'bk_ana', name: 'Ana Souza', role: 'PUBLISHER', active: true }],
  ['bk_old', { id: 'bk_old', name: 'Old bot', role: 'BOT', active: false }],
]);

describe('key names', () => {
  it('shows a person, a revoked key, Baton itself, or the id when no key has it', () => {
    expect(keyLabel('bk_ana', names)).toBe('Ana Souza (publisher)');
    expect(keyLabel('bk_old', names)).toBe('Old bot (bot, revoked)');
    expect(keyLabel(null, names)).toBe('Baton');
    expect(keyLabel('system', names)).toBe('Baton');
    expect(keyLabel('system:seed', names)).toBe('Baton (seed)');
    expect(keyLabel('bk_gone', names)).toBe('bk_gone');
  });

  it('asks only for ids not asked for yet, once each', () => {
    expect(idsToAsk(['bk_a', null, 'bk_b', 'bk_a', 'system', 'system:seed', undefined, 'bk_c'], new Set(['bk_c']))).toEqual(['bk_a', 'bk_b']);
  });

  it('checks a key name as the API does', () => {
    expect(keyNameProblem('  ')).toMatch(/Give the key a name/);
    expect(keyNameProblem('x'.repeat(101))).toBe('The name has 101 characters; the limit is 100.');
    expect(keyNameProblem('Ana, publisher')).toBeNull();
  });
});

describe('what the publish dialog says it will do', () => {
  it('publishes at once, opens a change request under four eyes, or asks for review', () => {
    expect(publishWording('publish', 0)).toEqual({ title: 'Publish', intro: null, action: 'Publish' });
    expect(publishWording('publish', 2)).toMatchObject({ action: 'Open change request', intro: expect.stringContaining('needs 2 approvals') });
    expect(publishWording('review', 0)).toMatchObject({ action: 'Request review', intro: expect.stringContaining('a publisher other than you reviews') });
    expect(publishWording('review', 3).intro).toContain('3 publishers other than you review the draft');
  });
});
