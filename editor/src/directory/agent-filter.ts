/**
 * The directory's agent filter: what an ops lead types to find agents in a long directory
 * ("billing es", "vip", "Ana"). Every word must match something of the agent: name, id, a
 * skill, a language, or a queue it serves (by name or id), case-insensitively and by prefix of
 * any word of it, so "bill" finds skill `billing` and queue "Billing (Spanish)". Presence words
 * (`online`, `away`, `offline`) match the agent's presence.
 */
/** What the filter reads of an agent (the directory's `EditorAgentDetail` has it). */
export interface FilteredAgent {
  id: string;
  name: string;
  status: string;
  skills: ReadonlyArray<{ skill: string }>;
  languages: readonly string[];
  queueIds: readonly string[];
}

/** Lower-cased words of `text`, split on anything that is not a letter or digit. */
const wordsOf = (text: string): string[] =>
  text
    .toLocaleLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');

/**
 * The agents matching `query` in their order; all of them when `query` has no words.
 * `queueName` names a queue id (the id itself when unknown).
 */
export function filterAgents<A extends FilteredAgent>(agents: readonly A[], query: string, queueName: (queueId: string) => string): A[] {
  const wanted = wordsOf(query);
  if (wanted.length === 0) return [...agents];
  return agents.filter((agent) => {
    const words = [
      agent.name,
      agent.id,
      agent.status,
      ...agent.skills.map((s) => s.skill),
      ...agent.languages,
      ...agent.queueIds.flatMap((id) => [id, queueName(id)]),
    ].flatMap(wordsOf);
    return wanted.every((w) => words.some((word) => word.startsWith(w)));
  });
}
