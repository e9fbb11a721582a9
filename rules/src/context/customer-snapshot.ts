/**
 * The customer as the integration sent them (already redacted), with flags a human should see
 * at once:
 * - `VIP` — tier `vip`; `ENTERPRISE` — tier `enterprise` (tiers compared trimmed, lower-case);
 * - `HIGH_VALUE` — `lifetimeValue` at or above {@link HIGH_VALUE_LTV} (1000, in the
 *   integration's currency units);
 * - `REPEAT_ESCALATION` — `customer.attributes.previousEscalations` at least 1.
 * `previousEscalations` is that attribute as a whole number (numeric strings accepted), null
 * when absent or not a count. `language` is the conversation's (`facts.language`: detected from
 * the customer's messages, else the profile's), the language a human should answer in.
 */
import type { ContextPackage, CustomerInput } from '@baton/schemas';

export const HIGH_VALUE_LTV = 1000;

type Snapshot = ContextPackage['customer'];

function plainObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function text(value: string | null | undefined): string | null {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  return trimmed === '' ? null : trimmed;
}

/** A non-negative whole count from a number or numeric string, else null. */
function countOf(value: unknown): number | null {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isFinite(number) && number >= 0 ? Math.floor(number) : null;
}

/** @param language conversation language (ISO 639-1) */
export function buildCustomerSnapshot(customer: CustomerInput, language: string): Snapshot {
  const attributes = plainObject(customer.attributes);
  const tier = text(customer.tier);
  const ltv = typeof customer.lifetimeValue === 'number' && Number.isFinite(customer.lifetimeValue) ? customer.lifetimeValue : null;
  const previousEscalations = countOf(attributes.previousEscalations);
  const flags: string[] = [];
  if (tier?.toLowerCase() === 'vip') flags.push('VIP');
  if (tier?.toLowerCase() === 'enterprise') flags.push('ENTERPRISE');
  if (ltv !== null && ltv >= HIGH_VALUE_LTV) flags.push('HIGH_VALUE');
  if (previousEscalations !== null && previousEscalations >= 1) flags.push('REPEAT_ESCALATION');
  return {
    id: customer.id,
    name: text(customer.name),
    email: text(customer.email),
    tier,
    language,
    timezone: text(customer.timezone),
    lifetimeValue: ltv,
    accountOwnerId: text(customer.accountOwnerId),
    attributes,
    flags,
    previousEscalations,
  };
}
