/** What each role may do, in the words the keys screen offers them (the README's role matrix, shortened). */
import type { Role } from '../api/types';

export const ROLE_CHOICES: ReadonlyArray<{ role: Role; label: string; description: string }> = [
  { role: 'EDITOR', label: 'Editor', description: 'edits drafts and test cases, asks for review; cannot publish' },
  { role: 'PUBLISHER', label: 'Publisher', description: 'an editor who also publishes, approves change requests and activates versions' },
  { role: 'AUDITOR', label: 'Auditor', description: 'reads versions, diffs, decisions and the audit log; changes nothing' },
  { role: 'BOT', label: 'Bot', description: 'calls decideHandoff and starts handoffs; reads nothing else' },
  { role: 'INTEGRATION', label: 'Integration', description: 'a helpdesk or agent desktop: records outcomes and handoff steps' },
  { role: 'ADMIN', label: 'Admin', description: 'everything, including API keys and the directory' },
];
