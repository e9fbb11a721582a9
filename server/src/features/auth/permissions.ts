/**
 * Which roles may call each root field of the schema (issue 5's role matrix). Fail closed: a
 * root field missing here is refused for every role, and a test checks that every field of the
 * schema has an entry. Introspection (`__schema`, `__type`, `__typename`) is open to any key.
 */
import type { Role } from './roles';

const EVERYONE: readonly Role[] = ['admin', 'publisher', 'editor', 'auditor', 'bot', 'integration'];
/** Reading is for people: the bot role sees only what it needs to decide and assign. */
const READERS: readonly Role[] = ['admin', 'publisher', 'editor', 'auditor'];
const EDITORS: readonly Role[] = ['admin', 'publisher', 'editor'];
const PUBLISHERS: readonly Role[] = ['admin', 'publisher'];
const ADMINS: readonly Role[] = ['admin'];
/** decideHandoff writes the decision log unless dryRun, so auditors (who change nothing) may not call it. */
const DECIDERS: readonly Role[] = ['admin', 'publisher', 'editor', 'bot'];
const ASSIGNERS: readonly Role[] = ['admin', 'bot'];
/** Reading a handoff: people, and the bot that started it (HandoffService refuses a BOT key another key's handoff: FORBIDDEN). */
const HANDOFF_READERS: readonly Role[] = [...READERS, 'bot'];
/**
 * A handoff's lifecycle (accept, resolve, abandon) is told by the agent desktop or helpdesk (an
 * `integration` key, which may act on any handoff) or by the bot platform (a `bot` key, only on
 * the handoffs it started).
 */
const HANDOFF_STEPPERS: readonly Role[] = ['admin', 'bot', 'integration'];
/**
 * Live handoff events (subscriptions): people, the agent desktop (an `integration` key: the one
 * thing it reads, so it can show what waits and what it was assigned) and the bot, which the feed
 * sends only the handoffs it started (FORBIDDEN for a conversation another key's handoff holds).
 */
const HANDOFF_WATCHERS: readonly Role[] = [...HANDOFF_READERS, 'integration'];
/** Queue figures (and the waiting handoffs of every bot) are for people and the agent desktop, not for bots. */
const QUEUE_WATCHERS: readonly Role[] = [...READERS, 'integration'];
/**
 * Outcomes come from the helpdesk or agent desktop (an `integration` key, which reads nothing) or
 * the bot platform; a bot key may not give an agent's verdict or reason correction (the service
 * refuses those fields with FORBIDDEN: the AI does not grade itself).
 */
const OUTCOME_RECORDERS: readonly Role[] = ['admin', 'integration', 'bot'];
/** Webhook endpoints and the delivery log: read by auditors and up (never a secret), changed and redelivered by admins. */
const WEBHOOK_READERS: readonly Role[] = READERS;

/** `Query.<field>` / `Mutation.<field>` / `Subscription.<field>` → roles allowed. */
export const OPERATION_ROLES: Readonly<Record<string, readonly Role[]>> = {
  'Query.viewer': EVERYONE,
  'Query.decideHandoff': DECIDERS,
  'Query.policies': READERS,
  'Query.policy': READERS,
  'Query.validatePolicyGraph': READERS,
  'Query.policyVersions': READERS,
  'Query.policyVersion': READERS,
  'Query.policyDiff': READERS,
  'Query.changeRequest': READERS,
  'Query.runPolicyTests': READERS,
  'Query.auditLog': READERS,
  'Query.verifyAuditLog': READERS,
  'Query.apiKeys': ['admin', 'auditor'],
  'Query.keyNames': READERS,
  'Query.decision': READERS,
  'Query.decisions': READERS,
  'Query.replayDecision': READERS,
  'Query.queues': READERS,
  'Query.agents': READERS,
  'Query.queue': READERS,
  'Query.agent': READERS,
  'Query.assignment': HANDOFF_READERS,
  'Query.handoff': HANDOFF_READERS,
  'Query.testPolicyDraft': READERS,
  'Query.sampleConversations': READERS,
  'Query.customerTiers': READERS,
  'Query.datasets': READERS,
  'Query.dataset': READERS,
  'Query.backtestRun': READERS,
  'Query.backtestRuns': READERS,
  'Query.backtestGates': READERS,
  'Query.outcome': READERS,
  'Query.handoffKpis': READERS,
  'Query.handoffSuggestions': READERS,
  'Query.webhookEventTypes': WEBHOOK_READERS,
  'Query.webhookEndpoints': WEBHOOK_READERS,
  'Query.webhookEndpoint': WEBHOOK_READERS,
  'Query.webhookDeliveries': WEBHOOK_READERS,

  'Mutation.createPolicy': EDITORS,
  'Mutation.savePolicyDraft': EDITORS,
  'Mutation.savePolicyTestCase': EDITORS,
  'Mutation.removePolicyTestCase': EDITORS,
  'Mutation.publishPolicy': PUBLISHERS,
  'Mutation.approveChangeRequest': PUBLISHERS,
  'Mutation.rejectChangeRequest': PUBLISHERS,
  'Mutation.activatePolicyVersion': PUBLISHERS,
  'Mutation.requestPolicyActivation': PUBLISHERS,
  'Mutation.requestPolicyReview': EDITORS,
  'Mutation.setDefaultPolicy': PUBLISHERS,
  'Mutation.setRequiredApprovals': PUBLISHERS,
  'Mutation.createApiKey': ADMINS,
  'Mutation.revokeApiKey': ADMINS,
  'Mutation.upsertQueue': ADMINS,
  'Mutation.upsertAgent': ADMINS,
  'Mutation.removeAgent': ADMINS,
  'Mutation.setAgentPresence': ADMINS,
  'Mutation.startHandoff': ASSIGNERS,
  'Mutation.releaseAssignment': ASSIGNERS,
  'Mutation.acceptHandoff': HANDOFF_STEPPERS,
  'Mutation.resolveHandoff': HANDOFF_STEPPERS,
  'Mutation.abandonHandoff': HANDOFF_STEPPERS,
  'Mutation.importDataset': EDITORS,
  'Mutation.createDatasetFromDecisions': EDITORS,
  'Mutation.deleteDataset': EDITORS,
  'Mutation.startBacktest': EDITORS,
  'Mutation.cancelBacktest': EDITORS,
  'Mutation.setBacktestGates': PUBLISHERS,
  'Mutation.recordHandoffOutcome': OUTCOME_RECORDERS,
  'Mutation.recordAiOutcome': OUTCOME_RECORDERS,
  'Mutation.createDatasetFromSuggestion': EDITORS,
  'Mutation.createWebhookEndpoint': ADMINS,
  'Mutation.updateWebhookEndpoint': ADMINS,
  'Mutation.deleteWebhookEndpoint': ADMINS,
  'Mutation.rotateWebhookSecret': ADMINS,
  'Mutation.redeliverWebhook': ADMINS,

  'Subscription.handoffUpdated': HANDOFF_WATCHERS,
  'Subscription.queueStatusUpdated': QUEUE_WATCHERS,
};

/** Roles allowed to call `Type.field`; empty when the field is unknown here (refused). */
export function rolesFor(rootType: 'Query' | 'Mutation' | 'Subscription', field: string): readonly Role[] {
  return OPERATION_ROLES[`${rootType}.${field}`] ?? [];
}
