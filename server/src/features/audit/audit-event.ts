/**
 * The audit log's event model: every mutation appends one event in the same transaction as
 * its change (after Unleash's events with data/preData). Events form a
 * sha256 hash chain, so an edited or deleted row breaks every hash after it.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '@baton/rules';

/** Who made a change: an API key and its role, or the system (seed, migrations). */
export interface Actor {
  /** API key id; null for system writes. */
  keyId: string | null;
  /** Role of the key, or `system`. */
  role: string;
}

/** The system as an actor (seed loader, start-up). */
export const SYSTEM_ACTOR: Actor = { keyId: null, role: 'system' };

/** A handoff as its audit events show it. */
interface HandoffSummary {
  status: string;
  queueId: string;
  agentId: string | null;
  channel: string;
  position: number | null;
}

/** A lifecycle step of a handoff: where it stood before and after, and the queued handoff its freed capacity took. */
interface HandoffStepEvent {
  targetType: 'handoff';
  before: HandoffSummary;
  after: HandoffSummary & { nextAssigned: string | null };
}

/** An agent as its audit events show it: the profile without its (possibly long) account list. */
type AgentSummary = Record<string, unknown> & { id: string; accounts: number };

/** An agent's presence as its audit events show it. */
interface Presence {
  status: string;
  activeConversations: Record<string, number | undefined>;
}

/** An outcome as its audit events show it: the decision it follows and the fields that changed (times as ISO strings). */
interface OutcomeSummary {
  kind: string;
  decisionId: string;
  fields: Record<string, string | number | boolean | null>;
}

/** A webhook endpoint as its audit events show it: secrets only by their prefix (`whsec_` and four characters). */
interface WebhookEndpointSummary {
  url: string;
  eventTypes: string[];
  enabled: boolean;
  description: string;
  secrets: string[];
}

/**
 * Every action the audit log records: the kind of thing it changes and what its `before` and
 * `after` hold (after Unleash's events with `preData` and `data`). Short summaries only, no
 * secrets and no full graphs: hashes and the fields that moved. `undefined`: the event has none.
 */
export interface AuditActions {
  'policy.create': { targetType: 'policy'; before: undefined; after: { name: string; draftRevision: number } };
  'policy.setDefault': { targetType: 'policy'; before: { defaultPolicy: string | null }; after: { defaultPolicy: string } };
  'policy.draft.save': { targetType: 'policy'; before: { draftRevision: number }; after: { draftRevision: number } };
  'policy.publish': {
    targetType: 'policy';
    before: { activeVersion: number | null };
    after: { activeVersion: number; contentHash: string; draftRevision: number; comment: string };
  };
  'policy.activate': { targetType: 'policy'; before: { activeVersion: number | null }; after: { activeVersion: number; contentHash: string; comment: string } };
  'policy.emergencyActivate': {
    targetType: 'policy';
    before: { activeVersion: number | null };
    after: { activeVersion: number; contentHash: string; comment: string; requiredApprovals: number };
  };
  'policy.requiredApprovals': { targetType: 'policy'; before: { requiredApprovals: number }; after: { requiredApprovals: number } };
  'policyTestCase.save': {
    targetType: 'policy';
    before: { testCase: string; expected: unknown } | undefined;
    after: { testCase: string; name: string; expected: unknown };
  };
  'policyTestCase.remove': { targetType: 'policy'; before: { testCase: string }; after: undefined };
  'changeRequest.open': {
    targetType: 'changeRequest';
    before: undefined;
    after: { policyId: string; draftRevision: number; contentHash: string; requiredApprovals: number; activateVersion?: number };
  };
  'changeRequest.approve': { targetType: 'changeRequest'; before: undefined; after: { approvals: number; requiredApprovals: number } };
  'changeRequest.publish': { targetType: 'changeRequest'; before: { status: 'OPEN' }; after: { status: 'PUBLISHED'; version: number } };
  'changeRequest.reject': { targetType: 'changeRequest'; before: { status: 'OPEN' }; after: { status: 'REJECTED'; reason: string } };
  'changeRequest.stale': { targetType: 'changeRequest'; before: { status: 'OPEN' }; after: { status: 'STALE' } };
  'apiKey.create': { targetType: 'apiKey'; before: undefined; after: { name: string; role: string; source: string } };
  'apiKey.revoke': { targetType: 'apiKey'; before: { role: string; revoked: false }; after: { role: string; revoked: true } };
  'directory.queue.upsert': { targetType: 'queue'; before: object | undefined; after: object };
  'directory.agent.upsert': { targetType: 'agent'; before: AgentSummary | undefined; after: AgentSummary };
  'directory.agent.remove': { targetType: 'agent'; before: AgentSummary; after: undefined };
  'directory.agent.presence': { targetType: 'agent'; before: Presence; after: Presence & { assigned: unknown[] } };
  /** `queuedAssigned`: handoffs queued before it that its ranked agents served first (absent in events of older servers). */
  'handoff.start': { targetType: 'handoff'; before: undefined; after: HandoffSummary & { queuedAssigned: string[] } };
  'handoff.release': HandoffStepEvent;
  'handoff.accept': HandoffStepEvent;
  'handoff.resolve': HandoffStepEvent;
  'handoff.transfer': HandoffStepEvent;
  'handoff.abandon': HandoffStepEvent;
  'handoff.requeue': HandoffStepEvent;
  'handoff.expire': HandoffStepEvent;
  'dataset.import': { targetType: 'dataset'; before: undefined; after: { name: string; format: string; source: string; rows: number; redactions: number } };
  'dataset.remove': { targetType: 'dataset'; before: { name: string; rows: number }; after: undefined };
  'policy.backtestGates': { targetType: 'policy'; before: { gates: object[] }; after: { gates: object[] } };
  'outcome.record': { targetType: 'conversation'; before: OutcomeSummary | undefined; after: OutcomeSummary };
  'webhook.endpoint.create': { targetType: 'webhookEndpoint'; before: undefined; after: WebhookEndpointSummary };
  'webhook.endpoint.update': { targetType: 'webhookEndpoint'; before: WebhookEndpointSummary; after: WebhookEndpointSummary };
  'webhook.endpoint.delete': { targetType: 'webhookEndpoint'; before: WebhookEndpointSummary; after: undefined };
  'webhook.secret.rotate': { targetType: 'webhookEndpoint'; before: { secrets: string[] }; after: { secrets: string[]; previousExpireAt: string | null } };
  'webhook.redeliver': { targetType: 'webhookDelivery'; before: { status: string }; after: { delivery: string; eventId: string; endpointId: string } };
}

/** A dotted verb the audit log knows, e.g. `policy.publish`. */
export type AuditAction = keyof AuditActions;

/**
 * What a change records, one member per action: its `targetType`, `before` and `after` are the
 * action's own, so an event of a new action, or of a changed shape, fails the type check until
 * `AuditActions` says what it holds.
 */
export type AuditEventInput = {
  [A in AuditAction]: {
    actor: Actor;
    action: A;
    targetType: AuditActions[A]['targetType'];
    targetId: string;
    before?: AuditActions[A]['before'];
    after?: AuditActions[A]['after'];
    at: Date;
  };
}[AuditAction];

/**
 * A stored event, as read back: any action the log ever held (older servers may have written
 * others). `hash = sha256(prevHash + canonicalJson(event without hash))`.
 */
export interface AuditEvent {
  actor: Actor;
  action: string;
  targetType: string;
  targetId: string;
  before?: unknown;
  after?: unknown;
  at: Date;
  /** 1, 2, 3... with no gaps. */
  sequence: number;
  /** Hash of the previous event; 64 zeros for the first. */
  prevHash: string;
  hash: string;
}

/** `prevHash` of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The canonical content an event's hash covers. */
function hashedContent(event: Omit<AuditEvent, 'hash'>): string {
  return canonicalJson({
    sequence: event.sequence,
    at: event.at.toISOString(),
    actor: { keyId: event.actor.keyId, role: event.actor.role },
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    before: event.before ?? null,
    after: event.after ?? null,
    prevHash: event.prevHash,
  });
}

/** sha256 hex over the previous hash and the canonical event. */
export function hashAuditEvent(event: Omit<AuditEvent, 'hash'>): string {
  return createHash('sha256').update(event.prevHash).update(hashedContent(event)).digest('hex');
}

/**
 * The event `input` becomes when appended after `previous` (null for the first event of the log):
 * the next sequence number, linked to and hashed over the previous hash. `before` and `after`
 * are hashed as JSON, as every adapter stores and reads them back (a Date becomes a string).
 */
export function chainedAuditEvent(input: AuditEventInput, previous: { sequence: number; hash: string } | null): AuditEvent {
  const { before, after, ...rest } = input;
  const unhashed = {
    ...rest,
    // Absent, not undefined, when the action records none: as every adapter reads it back.
    ...(before === undefined ? {} : { before: JSON.parse(JSON.stringify(before)) as unknown }),
    ...(after === undefined ? {} : { after: JSON.parse(JSON.stringify(after)) as unknown }),
    sequence: (previous?.sequence ?? 0) + 1,
    prevHash: previous?.hash ?? GENESIS_HASH,
  };
  return { ...unhashed, hash: hashAuditEvent(unhashed) };
}
