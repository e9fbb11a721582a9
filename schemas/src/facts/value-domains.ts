/**
 * The values a string fact can hold, where they are known: customer tiers from the catalog and
 * the tiers the server has seen customers have, channels from the catalog, languages from the policy's lexicons (and the directory's queues), queues from the
 * directory, reason codes from the escalation tree's leaves, topics from the lexicons, and the
 * decision's action, priority and support tier from their enums. The validator warns about a
 * condition comparing a fact with a value outside its domain (or one differing only in case);
 * the editor offers the domain as a pick list. Pure: every source is passed in.
 */
import { HANDOFF_ACTIONS, PRIORITIES, SUPPORT_TIERS } from '../decision/enums';
import { CHANNELS } from '../directory/agent';

/** A named set of values some facts take theirs from. */
export type ValueDomain = 'customerTiers' | 'languages' | 'channels' | 'queues' | 'reasonCodes' | 'topics' | 'actions' | 'priorities' | 'supportTiers';

/**
 * Customer tiers documented for Baton's integrations, lower-case (the `customerTier` fact's
 * description). The server adds the tiers its integrations actually send (`DomainSources.customerTiers`);
 * a tier outside both is only warned about.
 */
export const CUSTOMER_TIERS: readonly string[] = ['free', 'pro', 'vip', 'enterprise'];

/** The domain of each fact that has one (escalation facts and the routing graph's decision facts). */
export const FACT_DOMAINS: Readonly<Record<string, ValueDomain>> = {
  customerTier: 'customerTiers',
  language: 'languages',
  channel: 'channels',
  topics: 'topics',
  action: 'actions',
  reasonCode: 'reasonCodes',
  priority: 'priorities',
  tier: 'supportTiers',
  queue: 'queues',
};

/** Plain-words name of each domain, for warnings and hints ("no known customer tier"). */
export const DOMAIN_NOUNS: Readonly<Record<ValueDomain, string>> = {
  customerTiers: 'customer tier',
  languages: 'language of the policy',
  channels: 'channel',
  queues: 'queue of the directory',
  reasonCodes: 'reason code of the escalation tree',
  topics: 'topic of the lexicons',
  actions: 'action',
  priorities: 'priority',
  supportTiers: 'support tier',
};

/** What the domains are gathered from; a source left out leaves its domains unknown (empty, never warned about). */
export interface DomainSources {
  /** Trigger settings: topic names, and the languages of the topic, human-request and hedging lexicons. */
  settings?: {
    topics: Readonly<Record<string, { phrases: Readonly<Record<string, readonly string[]>> }>>;
    humanRequest?: { phrases: Readonly<Record<string, readonly string[]>> };
    hedging?: Readonly<Record<string, readonly string[]>>;
  };
  /** The escalation tree's nodes: leaves give the reason codes. */
  nodes?: readonly { kind: string; data?: unknown }[];
  /** Queue ids of the directory. */
  queues?: Iterable<string>;
  /** Languages the directory serves (its queues' and agents' ISO 639-1 codes). */
  languages?: Iterable<string>;
  /** Customer tiers the server knows (seen in logged decisions), added to {@link CUSTOMER_TIERS}. */
  customerTiers?: Iterable<string>;
}

/** Language codes the policy's lexicons cover (topics, human requests, hedging), sorted. */
export function lexiconLanguages(settings: NonNullable<DomainSources['settings']>): string[] {
  const languages = new Set<string>();
  for (const lexicon of Object.values(settings.topics)) Object.keys(lexicon.phrases).forEach((l) => languages.add(l));
  Object.keys(settings.humanRequest?.phrases ?? {}).forEach((l) => languages.add(l));
  Object.keys(settings.hedging ?? {}).forEach((l) => languages.add(l));
  return [...languages].sort();
}

const reasonCodesOf = (nodes: NonNullable<DomainSources['nodes']>): string[] =>
  nodes
    .filter((n) => n.kind === 'handoff' || n.kind === 'stay' || n.kind === 'callback')
    .map((n) => (n.data as { reasonCode?: unknown } | undefined)?.reasonCode)
    .filter((code): code is string => typeof code === 'string' && code !== '');

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();

/**
 * Known values per domain; a domain whose source was not given is absent (unknown, so nothing
 * is warned about and no pick list is offered).
 */
export function valueDomains(sources: DomainSources): Partial<Record<ValueDomain, string[]>> {
  const domains: Partial<Record<ValueDomain, string[]>> = {
    // The catalog's tiers in their ladder order, then the others the server has seen.
    customerTiers: [...new Set([...CUSTOMER_TIERS, ...sorted(sources.customerTiers ?? [])])],
    channels: [...CHANNELS],
    actions: HANDOFF_ACTIONS.filter((a) => a !== 'STAY'),
    priorities: [...PRIORITIES],
    supportTiers: [...SUPPORT_TIERS],
  };
  if (sources.settings) {
    domains.topics = sorted(Object.keys(sources.settings.topics));
    domains.languages = sorted([...lexiconLanguages(sources.settings), ...(sources.languages ?? [])]);
  }
  if (sources.nodes) domains.reasonCodes = sorted(reasonCodesOf(sources.nodes));
  if (sources.queues) domains.queues = sorted(sources.queues);
  return domains;
}

/** The domain values of `fact`, or undefined when its values are not known. */
export function knownValuesOf(fact: string, domains: Partial<Record<ValueDomain, readonly string[]>>): readonly string[] | undefined {
  const domain = Object.prototype.hasOwnProperty.call(FACT_DOMAINS, fact) ? FACT_DOMAINS[fact] : undefined;
  return domain ? domains[domain] : undefined;
}

/** How `value` stands against `known`: in it, in it but for case (with the spelling it has), or outside it. */
export type DomainFit = { fit: 'known' } | { fit: 'case'; expected: string } | { fit: 'unknown' };

/** Whether `value` is one of `known`, differs from one only in case, or is none of them. */
export function fitOfValue(value: string, known: readonly string[]): DomainFit {
  if (known.includes(value)) return { fit: 'known' };
  const expected = known.find((k) => k.toLowerCase() === value.toLowerCase());
  return expected ? { fit: 'case', expected } : { fit: 'unknown' };
}
