/**
 * The known values of each fact domain (tiers, languages, channels, queues, reason codes…) the
 * inspector's value editors offer as pick lists, and the words they show for a value outside its
 * domain. Provided by the inspector from `valueDomains` (`@baton/schemas`); the warnings a draft
 * gets for such values are the server's validation (VALUE_CASE, UNKNOWN_VALUE).
 */
import { createContext, useContext } from 'react';
import { DOMAIN_NOUNS, FACT_DOMAINS, fitOfValue, knownValuesOf, type ValueDomain } from '@baton/schemas';

export type KnownDomains = Partial<Record<ValueDomain, readonly string[]>>;

export const ValueDomainsContext = createContext<KnownDomains>({});

/** Known values per domain for the value editors in view. */
export function useValueDomains(): KnownDomains {
  return useContext(ValueDomainsContext);
}

/** Domains whose values are a closed list (the decision's enums): a select, not free text. */
const CLOSED: ReadonlySet<ValueDomain> = new Set(['actions', 'priorities', 'supportTiers']);

/** What a value editor offers for `fact`: its known values and whether free text is allowed; null when nothing is known. */
export function pickListOf(fact: string, domains: KnownDomains): { values: readonly string[]; closed: boolean; noun: string } | null {
  const domain = FACT_DOMAINS[fact];
  const values = knownValuesOf(fact, domains);
  if (!domain || domain === 'topics' || !values || values.length === 0) return null;
  return { values, closed: CLOSED.has(domain), noun: DOMAIN_NOUNS[domain] };
}

/**
 * The line under a value box: the known values, or a warning for values outside them (each
 * element of a list checked).
 * @returns `warning` true when some value is outside the domain or differs only in case
 */
export function valueHint(values: readonly string[], pick: { values: readonly string[]; noun: string }): { text: string; warning: boolean } {
  for (const value of values) {
    const fit = fitOfValue(value, pick.values);
    if (fit.fit === 'case') return { text: `⚠ “${value}” never matches: the ${pick.noun} is “${fit.expected}” (values are compared exactly).`, warning: true };
    if (fit.fit === 'unknown' && value !== '') return { text: `⚠ “${value}” is no known ${pick.noun}. Known: ${pick.values.join(', ')}.`, warning: true };
  }
  return { text: `Known: ${pick.values.join(', ')}.`, warning: false };
}
