/**
 * The reference policy an ops team gets on first start (README, "The reference policy"): the
 * table drawn as a graph in `policies/support-default/graph.json`, plus the topic lexicons and
 * thresholds in `trigger-settings.json` next to it.
 */
import type { PolicyDocument, PolicyGraph, RoutingGraph, TriggerSettings } from '@baton/schemas';
import graphJson from './policies/support-default/graph.json';
import settingsJson from './policies/support-default/trigger-settings.json';
import routingJson from './policies/support-default/routing.json';

/** A policy ready to be created and published: store id, display name, description and document. */
export interface SeedPolicy {
  /** Policy id in the store, e.g. `support-default`. */
  id: string;
  /** Name shown in the editor's policy list. */
  name: string;
  /** One paragraph for ops: what the policy does. */
  description: string;
  /** Graph plus trigger settings, as a draft holds them. */
  document: PolicyDocument;
}

// The casts below are safe because the JSON files are data we ship, not input: TypeScript
// widens JSON literals (`"kind": "start"` becomes `string`), so it cannot see that they fit the
// schema types, and `reference-policy.test.ts` checks the whole document against
// `PolicyDocumentSchema` with ajv. A file that stops matching fails that test, not a user.
const graph = graphJson as unknown as PolicyGraph;
const settings = settingsJson as unknown as TriggerSettings;
const routing = routingJson as unknown as RoutingGraph;

/**
 * The reference policy `support-default`. First match wins, in this order: security incident,
 * legal or compliance, billing dispute, cancellation (content topics, to specialist queues);
 * an explicit request for a person; enterprise customers; an upset customer (VIP queue for VIP
 * customers, senior queue otherwise); two unsure bot replies in a row; the same question asked
 * three times; no progress after four bot replies or six minutes. Otherwise the AI keeps the
 * conversation (`ai_resolving`). Its routing graph (`routing.json`) keeps each leaf's queue and
 * picks the agent: same-language agents first, a senior for upset billing and VIP customers,
 * the account owner first for enterprise and VIP accounts, dispute specialists before general
 * billing.
 */
export const referencePolicy: SeedPolicy = {
  id: 'support-default',
  name: 'Support default',
  description:
    'Hands security incidents, legal and compliance matters, billing disputes and cancellations to specialist queues; ' +
    'hands off customers who ask for a person, enterprise customers and upset customers (VIP customers to the VIP queue); ' +
    'brings in a person when the bot is unsure twice in a row, the customer asks the same question three times, ' +
    'or the conversation reaches four bot replies or six minutes. Otherwise the AI keeps the conversation.',
  document: { graph, settings, routing },
};
