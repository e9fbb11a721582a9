/**
 * The rules of recording outcomes, without I/O: what an update may carry, who may give an agent's
 * verdict, and how an update merges into what is stored. Merging is idempotent and tolerates late
 * and out-of-order updates: a field given wins when it is newer (its `occurredAt`) than the value
 * stored, `firstAgentResponseAt` keeps the earliest time, and a field left out is never erased.
 */
import { BatonErrorCode } from '@baton/schemas';
import { BatonError, badInput, conflict } from '../../baton-error';
import type { Actor, AuditEventInput } from '../audit/audit-event';
import { OUTCOME_FIELDS, type OutcomeAnchor, type OutcomeField, type OutcomeKind, type OutcomeRecord, type OutcomeValues } from './outcome-store';

/** One update as received: the values it carries (absent or null: not given). */
export interface OutcomeUpdate {
  kind: OutcomeKind;
  /** When the update was true at the helpdesk (default: when Baton received it). */
  occurredAt: Date;
  values: Partial<OutcomeValues>;
}

/** The fields each kind of outcome carries. */
export const FIELDS_OF: Readonly<Record<OutcomeKind, readonly OutcomeField[]>> = {
  HANDOFF: ['firstAgentResponseAt', 'resolution', 'resolvedAt', 'csat', 'agentVerdict', 'correctedReasonCode', 'reopened'],
  AI_ONLY: ['resolvedByAi', 'csat', 'reopened'],
};

/** The agent's judgement of the AI: only people's integrations give it, never the AI's own (BOT) key. */
export const JUDGEMENT_FIELDS: readonly OutcomeField[] = ['agentVerdict', 'correctedReasonCode'];

/** Roles whose keys may give `agentVerdict` and `correctedReasonCode`. */
export const JUDGING_ROLES: readonly string[] = ['admin', 'integration'];

/** How far ahead of the server's clock a time may be (clock skew between helpdesk and Baton). */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

const REASON_CODE_MAX = 100;

/** Fields of `values` that are given (not absent, not null). */
export function givenFields(values: Partial<OutcomeValues>): OutcomeField[] {
  return OUTCOME_FIELDS.filter((field) => values[field] !== undefined && values[field] !== null);
}

/** @throws FORBIDDEN when `role` may not give a field the update carries (the AI grading itself). */
export function checkJudgement(values: Partial<OutcomeValues>, role: string): void {
  const judged = givenFields(values).filter((field) => JUDGEMENT_FIELDS.includes(field));
  if (judged.length === 0 || JUDGING_ROLES.includes(role)) return;
  throw new BatonError(
    BatonErrorCode.Forbidden,
    `A key with role '${role}' may not give ${judged.join(' or ')}: that is the agent's judgement of the AI. ` +
      'Send it with the helpdesk integration key (role INTEGRATION); nothing was recorded.',
    { role, fields: judged },
  );
}

/**
 * Checks an update against the decision it follows and the server clock: something given,
 * CSAT a whole number 1..5, times neither before the decision nor in the future, a reason code
 * of 1..100 characters.
 * @throws BAD_USER_INPUT naming the field; nothing is written
 */
export function checkOutcomeUpdate(update: OutcomeUpdate, anchor: OutcomeAnchor, now: Date): void {
  const given = givenFields(update.values);
  if (given.length === 0) {
    throw badInput(
      `The update of conversation '${anchor.conversationId}' carries no outcome field; give at least one of ${FIELDS_OF[update.kind].join(', ')}.`,
    );
  }
  const { csat, correctedReasonCode, firstAgentResponseAt, resolvedAt } = update.values;
  if (csat !== undefined && csat !== null && !(Number.isInteger(csat) && csat >= 1 && csat <= 5)) {
    throw badInput(`csat must be a whole number from 1 to 5; got ${csat}.`, { field: 'csat' });
  }
  if (correctedReasonCode !== undefined && correctedReasonCode !== null) {
    const code = correctedReasonCode.trim();
    if (code === '' || code.length > REASON_CODE_MAX) {
      throw badInput(`correctedReasonCode must be a reason code of 1 to ${REASON_CODE_MAX} characters, e.g. billing_dispute.`, {
        field: 'correctedReasonCode',
      });
    }
  }
  const times: [string, Date | null | undefined][] = [
    ['occurredAt', update.occurredAt],
    ['firstAgentResponseAt', firstAgentResponseAt],
    ['resolvedAt', resolvedAt],
  ];
  for (const [field, time] of times) {
    if (!time) continue;
    if (time.getTime() < anchor.decidedAt.getTime()) {
      throw badInput(
        `${field} (${time.toISOString()}) is before decision '${anchor.decisionId}' of conversation '${anchor.conversationId}' ` +
          `(${anchor.decidedAt.toISOString()}); an outcome follows its decision. Check the time zone of the times sent.`,
        { field, decisionId: anchor.decisionId, decidedAt: anchor.decidedAt.toISOString() },
      );
    }
    if (time.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) {
      throw badInput(`${field} (${time.toISOString()}) is in the future (server time ${now.toISOString()}); send times that have happened.`, { field });
    }
  }
}

const same = (a: unknown, b: unknown): boolean => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);
const auditValue = (value: unknown): string | number | boolean | null =>
  value instanceof Date ? value.toISOString() : (value as string | number | boolean | null);

const EMPTY_VALUES: OutcomeValues = {
  firstAgentResponseAt: null,
  resolution: null,
  resolvedAt: null,
  csat: null,
  agentVerdict: null,
  correctedReasonCode: null,
  reopened: null,
  resolvedByAi: null,
};

/**
 * Merges `update` into the stored outcome (`existing`, null for the first update).
 * @param at the server time of the write
 * @returns the record to store and its audit event; null when nothing changes (an idempotent retry)
 * @throws CONFLICT when the stored outcome follows another decision than `anchor`; BAD_USER_INPUT
 *   when the merged outcome would be resolved before its first agent response
 */
export function mergeOutcome(
  existing: OutcomeRecord | null,
  anchor: OutcomeAnchor,
  update: OutcomeUpdate,
  at: Date,
  actor: Actor,
): { record: OutcomeRecord; event: AuditEventInput } | null {
  if (existing && existing.decisionId !== anchor.decisionId) {
    throw conflict(
      `The ${update.kind} outcome of conversation '${anchor.conversationId}' follows decision '${existing.decisionId}', not '${anchor.decisionId}'; ` +
        'send updates without decisionId, or with that one.',
      { conversationId: anchor.conversationId, decisionId: existing.decisionId },
    );
  }
  const values: OutcomeValues = existing ? { ...EMPTY_VALUES, ...pickValues(existing) } : { ...EMPTY_VALUES };
  const fieldTimes = { ...(existing?.fieldTimes ?? {}) };
  const changed: OutcomeField[] = [];
  for (const field of givenFields(update.values).filter((f) => FIELDS_OF[update.kind].includes(f))) {
    const value = field === 'correctedReasonCode' ? (update.values.correctedReasonCode as string).trim() : update.values[field];
    const stored = values[field];
    if (same(stored, value)) continue;
    const storedAt = fieldTimes[field];
    const wins =
      stored === null ||
      (field === 'firstAgentResponseAt'
        ? (value as Date).getTime() < (stored as Date).getTime()
        : storedAt === undefined || update.occurredAt.getTime() >= storedAt.getTime());
    if (!wins) continue;
    (values as unknown as Record<OutcomeField, unknown>)[field] = value;
    fieldTimes[field] = update.occurredAt;
    changed.push(field);
  }
  if (values.resolvedAt && values.firstAgentResponseAt && values.resolvedAt.getTime() < values.firstAgentResponseAt.getTime()) {
    throw badInput(
      `resolvedAt (${values.resolvedAt.toISOString()}) would be before firstAgentResponseAt (${values.firstAgentResponseAt.toISOString()}) ` +
        `for conversation '${anchor.conversationId}'; nothing was recorded.`,
      { field: 'resolvedAt' },
    );
  }
  if (existing && changed.length === 0) return null;
  const record: OutcomeRecord = {
    ...anchor,
    ...values,
    kind: update.kind,
    fieldTimes,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
    updatedBy: actor.keyId,
  };
  const fieldsOf = (source: OutcomeValues) => Object.fromEntries(changed.map((field) => [field, auditValue(source[field])]));
  const summary = { kind: update.kind, decisionId: anchor.decisionId };
  return {
    record,
    event: {
      actor,
      action: 'outcome.record',
      targetType: 'conversation',
      targetId: anchor.conversationId,
      before: existing ? { ...summary, fields: fieldsOf(existing) } : undefined,
      after: { ...summary, fields: fieldsOf(values) },
      at,
    },
  };
}

/** The values of a stored outcome. */
export function pickValues(record: OutcomeValues): OutcomeValues {
  return Object.fromEntries(OUTCOME_FIELDS.map((field) => [field, record[field]])) as unknown as OutcomeValues;
}

/** The anchor of a stored outcome (what later updates without a decision id follow). */
export function anchorOfRecord(record: OutcomeRecord): OutcomeAnchor {
  const { conversationId, decisionId, decidedAt, policyId, policyVersion, reasonCode, queue, channel, language } = record;
  return { conversationId, decisionId, decidedAt, policyId, policyVersion, reasonCode, queue, channel, language };
}
