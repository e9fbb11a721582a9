/** Internal: an agent's profile as `directory-transitions.ts` compares and audits it. */
import type { Agent, AgentProfile } from '@baton/schemas';

/** The profile fields of an agent (what upsertAgent replaces), for change detection and audit. */
export const profileOf = (a: Agent | AgentProfile): AgentProfile => ({
  id: a.id,
  name: a.name,
  skills: a.skills,
  languages: a.languages,
  timeZone: a.timeZone,
  workingHours: a.workingHours,
  seniority: a.seniority,
  deescalationTrained: a.deescalationTrained,
  capacity: a.capacity,
  accountIds: a.accountIds,
});

/** Audit summary of an agent profile: the fields without the (possibly long) account list. */
export const agentSummary = (p: AgentProfile) => ({ ...profileOf(p), accountIds: undefined, accounts: p.accountIds.length });
