/**
 * Internal: each transfer collection in the embedded store's tables. Rows are read with the
 * SQLite stores' own mappers (so a record is what the port would return) and written back
 * column for column, child rows included (approvals, skills, channels, handoff candidates in order).
 * Dataset rows and runs go through the text codecs the backtest store itself uses, webhook rows
 * through the webhook store's own mappers and statements.
 */
import type Database from 'better-sqlite3';
import { CHANNELS } from '@baton/schemas';
import { toEvent, type EventRow } from '../../features/audit/sqlite-audit-log-store';
import { toKey, type KeyRow } from '../../features/auth/sqlite-api-key-repositories';
import { runFromJson, runToJson } from '../../features/backtest/backtest-run-json';
import type { BacktestGate } from '../../features/backtest/backtest-store';
import { rowFromJson, rowToJson } from '../../features/backtest/dataset-row-json';
import { toDataset, type DatasetRow } from '../../features/backtest/sqlite-backtest-repositories';
import { toStored, type DecisionRow } from '../../features/decisions/sqlite-decision-log-store';
import { toAgent, toQueue, type AgentRow, type ChannelRow, type QueueRow, type SkillRow } from '../../features/directory/sqlite-directory-repositories';
import { toAssignment, type AssignmentRow } from '../../features/handoffs/sqlite-assignments';
import { INSERT_OUTCOME, outcomeParams, toOutcome, type OutcomeRow } from '../../features/outcomes/sqlite-outcome-repositories';
import {
  toCase,
  toChangeRequest,
  toPolicy,
  toVersion,
  type ApprovalRow,
  type CaseRow,
  type PolicyRow,
  type RequestRow,
  type VersionRow,
} from '../../features/policies/sqlite-policy-repositories';
import {
  deliveryParams,
  endpointParams,
  INSERT_DELIVERY,
  toDelivery,
  toEndpoint,
  toWebhookEvent,
  type DeliveryRow,
  type EndpointRow,
  type WebhookEventRow,
} from '../../features/webhooks/sqlite-webhook-repositories';
import type { TransferCollection, TransferRecords } from './transfer-records';

/** How one collection is stored: its main table, reading a row (with its children), inserting a record. */
export interface SqliteTable<C extends TransferCollection> {
  table: string;
  toRecord(row: unknown): TransferRecords[C];
  insert(record: TransferRecords[C]): void;
}

export type SqliteTables = { readonly [C in TransferCollection]: SqliteTable<C> };

interface TimestampColumns {
  created_at: string;
  updated_at: string;
}

const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());
const json = (value: unknown): string => JSON.stringify(value);
const jsonOrNull = (value: unknown): string | null => (value === null ? null : JSON.stringify(value));
const timestamps = (row: TimestampColumns) => ({ createdAt: new Date(row.created_at), updatedAt: new Date(row.updated_at) });

/** The tables of every collection on `db`; statements are prepared once. */
export function sqliteTransferTables(db: Database.Database): SqliteTables {
  const insert = (sql: string) => db.prepare(sql);
  const s = {
    apiKey: insert(`INSERT INTO api_keys (id, role, salt, hash, label, source, created_at, created_by, last_used_at, revoked_at)
      VALUES (@id, @role, @salt, @hash, @label, @source, @createdAt, @createdBy, @lastUsedAt, @revokedAt)`),
    queue: insert(`INSERT INTO directory_queues (id, name, required_skills, languages, hours, priority, fallback_queue_id, max_wait_seconds,
      average_handle_seconds, created_at, updated_at) VALUES (@id, @name, @requiredSkills, @languages, @hours, @priority, @fallbackQueueId,
      @maxWaitSeconds, @averageHandleSeconds, @createdAt, @updatedAt)`),
    agent: insert(`INSERT INTO directory_agents (id, name, languages, time_zone, working_hours, seniority, deescalation_trained, account_ids,
      status, last_assigned_at, created_at, updated_at) VALUES (@id, @name, @languages, @timeZone, @workingHours, @seniority,
      @deescalationTrained, @accountIds, @status, @lastAssignedAt, @createdAt, @updatedAt)`),
    skill: insert('INSERT INTO directory_agent_skills (agent_id, skill, proficiency) VALUES (?, ?, ?)'),
    channel: insert('INSERT INTO directory_agent_channels (agent_id, channel, capacity, active) VALUES (?, ?, ?, ?)'),
    skillsOf: db.prepare('SELECT * FROM directory_agent_skills WHERE agent_id = ? ORDER BY skill'),
    channelsOf: db.prepare('SELECT * FROM directory_agent_channels WHERE agent_id = ?'),
    policy: insert(`INSERT INTO policies (id, name, description, is_default, active_version, required_approvals, created_at, updated_at,
      draft_revision, draft_graph, draft_settings, draft_routing, draft_updated_at, draft_updated_by) VALUES (@id, @name, @description,
      @isDefault, @activeVersion, @requiredApprovals, @createdAt, @updatedAt, @revision, @graph, @settings, @routing, @draftUpdatedAt, @draftUpdatedBy)`),
    version: insert(`INSERT INTO policy_versions (policy_id, version, content_hash, graph, settings, routing, compiled_rules, comment,
      published_at, published_by, parent_version) VALUES (@policyId, @version, @contentHash, @graph, @settings, @routing, @compiledRules,
      @comment, @publishedAt, @publishedBy, @parentVersion)`),
    request: insert(`INSERT INTO change_requests (id, policy_id, draft_revision, content_hash, comment, make_default, required_approvals,
      status, author, created_at, closed_at, closed_by, rejection_reason, published_version, activate_version) VALUES (@id, @policyId, @draftRevision,
      @contentHash, @comment, @makeDefault, @requiredApprovals, @status, @author, @createdAt, @closedAt, @closedBy, @rejectionReason, @publishedVersion,
      @activateVersion)`),
    approval: insert('INSERT INTO change_request_approvals (request_id, approver, approved_at) VALUES (?, ?, ?)'),
    approvalsOf: db.prepare('SELECT approver, approved_at FROM change_request_approvals WHERE request_id = ? ORDER BY approved_at, approver'),
    testCase: insert(`INSERT INTO policy_test_cases (policy_id, id, name, input, expected, updated_at, updated_by)
      VALUES (@policyId, @id, @name, @input, @expected, @updatedAt, @updatedBy)`),
    dataset: insert(`INSERT INTO datasets (id, name, format, source, rows, expectations, redactions, warnings, created_at, created_by)
      VALUES (@id, @name, @format, @source, @rows, @expectations, @redactions, @warnings, @createdAt, @createdBy)`),
    datasetRow: insert('INSERT INTO dataset_rows (dataset_id, position, id, row) VALUES (?, ?, ?, ?)'),
    gates: insert('INSERT INTO backtest_gates (policy_id, gates) VALUES (?, ?)'),
    run: insert(`INSERT INTO backtest_runs (id, dataset_id, policy_id, content_hash, gate_run, started_at, run)
      VALUES (@id, @datasetId, @policyId, @contentHash, @gateRun, @startedAt, @run)`),
    assignment: insert(`INSERT INTO handoff_assignments (decision_id, conversation_id, customer_id, queue_id, agent_id, channel, status, rank,
      fallback_used, explanation, created_at, assigned_at, accepted_at, released_at, requeues, started_by) VALUES (@decisionId, @conversationId,
      @customerId, @queueId, @agentId, @channel, @status, @rank, @fallbackUsed, @explanation, @createdAt, @assignedAt, @acceptedAt, @releasedAt,
      @requeues, @startedBy)`),
    candidate: insert('INSERT INTO handoff_candidates (decision_id, agent_id, ordinal) VALUES (?, ?, ?)'),
    candidatesOf: db.prepare('SELECT agent_id FROM handoff_candidates WHERE decision_id = ? ORDER BY ordinal, agent_id'),
    decision: insert(`INSERT INTO decision_log (id, evaluated_at, logged_at, policy_id, policy_version, content_hash, conversation_id, input,
      facts, action, reason_code, reasons, queue, priority, tier, latency_ms) VALUES (@id, @evaluatedAt, @loggedAt, @policyId, @policyVersion,
      @contentHash, @conversationId, @input, @facts, @action, @reasonCode, @reasons, @queue, @priority, @tier, @latencyMs)`),
    outcome: insert(INSERT_OUTCOME),
    webhookEndpoint: insert(`INSERT INTO webhook_endpoints (id, url, description, event_types, enabled, secrets, created_at, updated_at)
      VALUES (@id, @url, @description, @eventTypes, @enabled, @secrets, @createdAt, @updatedAt)`),
    webhookEvent: insert('INSERT INTO webhook_events (id, type, decision_id, occurred_at, data, payload) VALUES (?, ?, ?, ?, ?, ?)'),
    webhookDelivery: insert(INSERT_DELIVERY),
    event: insert(`INSERT INTO audit_log (sequence, at, actor_key_id, actor_role, action, target_type, target_id, before, after, prev_hash, hash)
      VALUES (@sequence, @at, @actorKeyId, @actorRole, @action, @targetType, @targetId, @before, @after, @prevHash, @hash)`),
  };

  return {
    apiKeys: {
      table: 'api_keys',
      toRecord: (row) => toKey(row as KeyRow),
      insert: (k) => s.apiKey.run({ ...k, createdAt: iso(k.createdAt), lastUsedAt: iso(k.lastUsedAt), revokedAt: iso(k.revokedAt) }),
    },
    queues: {
      table: 'directory_queues',
      toRecord: (row) => ({ ...toQueue(row as QueueRow), ...timestamps(row as TimestampColumns) }),
      insert: (q) =>
        s.queue.run({
          ...q,
          requiredSkills: json(q.requiredSkills),
          languages: json(q.languages),
          hours: jsonOrNull(q.hours),
          createdAt: iso(q.createdAt),
          updatedAt: iso(q.updatedAt),
        }),
    },
    agents: {
      table: 'directory_agents',
      toRecord: (row) => {
        const r = row as AgentRow & TimestampColumns;
        return { ...toAgent(r, s.skillsOf.all(r.id) as SkillRow[], s.channelsOf.all(r.id) as ChannelRow[]), ...timestamps(r) };
      },
      insert: (a) => {
        s.agent.run({
          id: a.id,
          name: a.name,
          languages: json(a.languages),
          timeZone: a.timeZone,
          workingHours: json(a.workingHours),
          seniority: a.seniority,
          deescalationTrained: a.deescalationTrained ? 1 : 0,
          accountIds: json(a.accountIds),
          status: a.status,
          lastAssignedAt: iso(a.lastAssignedAt),
          createdAt: iso(a.createdAt),
          updatedAt: iso(a.updatedAt),
        });
        for (const k of a.skills) s.skill.run(a.id, k.skill, k.proficiency);
        // Every channel has a row, as upsertAgent leaves it: capacity and load 0 where the counts omit it.
        for (const channel of CHANNELS) s.channel.run(a.id, channel, a.capacity[channel] ?? 0, a.activeConversations[channel] ?? 0);
      },
    },
    policies: {
      table: 'policies',
      toRecord: (row) => toPolicy(row as PolicyRow),
      insert: (p) =>
        s.policy.run({
          id: p.id,
          name: p.name,
          description: p.description,
          isDefault: p.isDefault ? 1 : 0,
          activeVersion: p.activeVersion,
          requiredApprovals: p.requiredApprovals,
          createdAt: iso(p.createdAt),
          updatedAt: iso(p.updatedAt),
          revision: p.draft.revision,
          graph: json(p.draft.graph),
          settings: json(p.draft.settings),
          routing: jsonOrNull(p.draft.routing),
          draftUpdatedAt: iso(p.draft.updatedAt),
          draftUpdatedBy: p.draft.updatedBy,
        }),
    },
    policyVersions: {
      table: 'policy_versions',
      toRecord: (row) => toVersion(row as VersionRow),
      insert: (v) =>
        s.version.run({
          ...v,
          graph: json(v.graph),
          settings: json(v.settings),
          routing: jsonOrNull(v.routing),
          compiledRules: json(v.compiledRules),
          publishedAt: iso(v.publishedAt),
        }),
    },
    changeRequests: {
      table: 'change_requests',
      toRecord: (row) => {
        const r = row as RequestRow;
        return toChangeRequest(r, s.approvalsOf.all(r.id) as ApprovalRow[]);
      },
      insert: ({ approvals, ...r }) => {
        s.request.run({
          ...r,
          makeDefault: r.makeDefault ? 1 : 0,
          createdAt: iso(r.createdAt),
          closedAt: iso(r.closedAt),
          activateVersion: r.activateVersion ?? null,
        });
        for (const a of approvals) s.approval.run(r.id, a.approver, iso(a.at));
      },
    },
    policyTestCases: {
      table: 'policy_test_cases',
      toRecord: (row) => {
        const r = row as CaseRow & { policy_id: string };
        return { policyId: r.policy_id, ...toCase(r) };
      },
      insert: (c) =>
        s.testCase.run({
          policyId: c.policyId,
          id: c.id,
          name: c.name,
          input: json(c.input),
          expected: json(c.expected),
          updatedAt: iso(c.updatedAt),
          updatedBy: c.updatedBy,
        }),
    },
    datasets: {
      table: 'datasets',
      toRecord: (row) => toDataset(row as DatasetRow),
      insert: (d) => s.dataset.run({ ...d, expectations: json(d.expectations), warnings: json(d.warnings), createdAt: iso(d.createdAt) }),
    },
    datasetRows: {
      table: 'dataset_rows',
      toRecord: (row) => {
        const r = row as { dataset_id: string; position: number; row: string };
        return { datasetId: r.dataset_id, position: r.position, row: rowFromJson(r.row) };
      },
      insert: (r) => s.datasetRow.run(r.datasetId, r.position, r.row.id, rowToJson(r.row)),
    },
    backtestGates: {
      table: 'backtest_gates',
      toRecord: (row) => {
        const r = row as { policy_id: string; gates: string };
        return { policyId: r.policy_id, gates: JSON.parse(r.gates) as BacktestGate[] };
      },
      insert: (g) => s.gates.run(g.policyId, json(g.gates)),
    },
    backtestRuns: {
      table: 'backtest_runs',
      toRecord: (row) => runFromJson((row as { run: string }).run),
      insert: (r) =>
        s.run.run({
          id: r.id,
          datasetId: r.datasetId,
          policyId: r.policyId,
          contentHash: r.contentHash,
          gateRun: r.gateFailures === null ? 0 : 1,
          startedAt: iso(r.startedAt),
          run: runToJson(r),
        }),
    },
    assignments: {
      table: 'handoff_assignments',
      toRecord: (row) => {
        const r = row as AssignmentRow;
        return { ...toAssignment(r), candidates: (s.candidatesOf.all(r.decision_id) as { agent_id: string }[]).map((c) => c.agent_id) };
      },
      insert: ({ candidates, ...a }) => {
        s.assignment.run({
          ...a,
          fallbackUsed: a.fallbackUsed ? 1 : 0,
          explanation: json(a.explanation),
          createdAt: iso(a.createdAt),
          assignedAt: iso(a.assignedAt),
          acceptedAt: iso(a.acceptedAt),
          releasedAt: iso(a.releasedAt),
        });
        candidates.forEach((agentId, ordinal) => s.candidate.run(a.decisionId, agentId, ordinal));
      },
    },
    decisions: {
      table: 'decision_log',
      toRecord: (row) => toStored(row as DecisionRow),
      insert: (d) =>
        s.decision.run({
          id: d.decisionId,
          evaluatedAt: iso(d.evaluatedAt),
          loggedAt: iso(d.loggedAt),
          policyId: d.policyId,
          policyVersion: d.policyVersion,
          contentHash: d.contentHash,
          conversationId: d.conversationId,
          input: json(d.input),
          facts: json(d.facts),
          action: d.outcome.action,
          reasonCode: d.outcome.reasonCode,
          reasons: json(d.outcome.reasons),
          queue: d.outcome.queue,
          priority: d.outcome.priority,
          tier: d.outcome.tier,
          latencyMs: d.latencyMs,
        }),
    },
    outcomes: {
      table: 'conversation_outcomes',
      toRecord: (row) => toOutcome(row as OutcomeRow),
      insert: (o) => s.outcome.run(outcomeParams(o)),
    },
    webhookEndpoints: {
      table: 'webhook_endpoints',
      toRecord: (row) => toEndpoint(row as EndpointRow),
      insert: (e) => s.webhookEndpoint.run(endpointParams(e)),
    },
    webhookEvents: {
      table: 'webhook_events',
      toRecord: (row) => toWebhookEvent(row as WebhookEventRow),
      insert: (e) => s.webhookEvent.run(e.id, e.type, e.decisionId, iso(e.occurredAt), json(e.data), e.payload),
    },
    webhookDeliveries: {
      table: 'webhook_deliveries',
      toRecord: (row) => toDelivery(row as DeliveryRow),
      insert: (d) => s.webhookDelivery.run(deliveryParams(d)),
    },
    auditLog: {
      table: 'audit_log',
      toRecord: (row) => toEvent(row as EventRow),
      // An absent before/after is SQL NULL; a JSON null stays the text 'null' (toEvent tells them apart).
      insert: (e) =>
        s.event.run({
          sequence: e.sequence,
          at: iso(e.at),
          actorKeyId: e.actor.keyId,
          actorRole: e.actor.role,
          action: e.action,
          targetType: e.targetType,
          targetId: e.targetId,
          before: e.before === undefined ? null : json(e.before),
          after: e.after === undefined ? null : json(e.after),
          prevHash: e.prevHash,
          hash: e.hash,
        }),
    },
  };
}
