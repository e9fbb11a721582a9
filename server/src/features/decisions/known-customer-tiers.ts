/**
 * The customer tiers this server knows: the fact catalog's documented tiers (`CUSTOMER_TIERS`)
 * plus every tier its integrations have sent in logged decisions — learnt from the decision log
 * at start, then from each decision as it is logged. Validation and the editor's pick lists read
 * it, so a tier an integration really sends ("gold") is offered and not warned about, while a
 * condition on "VIP" still differs only in case from the "vip" customers have.
 */
import { CUSTOMER_TIERS } from '@baton/schemas';
import type { DecisionLogStore } from './decision-log-store';

/** Decisions read at start: enough to meet every tier in use without reading a long log. */
export const TIER_SCAN_DECISIONS = 10_000;

/** More distinct tiers than this and new ones are ignored: a tier is a small closed set, a flood of them is not. */
export const MAX_KNOWN_TIERS = 200;

/** Longest tier kept (the input limit on `customer.tier` is larger; a real tier name is short). */
const MAX_TIER_CHARS = 64;

export class KnownCustomerTiers {
  private readonly tiers = new Set<string>(CUSTOMER_TIERS);

  /** Adds the tiers of the newest {@link TIER_SCAN_DECISIONS} logged decisions. */
  async load(store: Pick<DecisionLogStore, 'recentCustomerTiers'>): Promise<void> {
    for (const tier of await store.recentCustomerTiers(TIER_SCAN_DECISIONS)) this.observe(tier);
  }

  /** Learns the `customerTier` fact of a logged decision (already trimmed and lower-cased by the signals); ignores anything else. */
  observe(tier: unknown): void {
    if (typeof tier !== 'string' || tier === '' || tier.length > MAX_TIER_CHARS || this.tiers.size >= MAX_KNOWN_TIERS) return;
    this.tiers.add(tier);
  }

  /** Every known tier, sorted. */
  values(): string[] {
    return [...this.tiers].sort();
  }
}
