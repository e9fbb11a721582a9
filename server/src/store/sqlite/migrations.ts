/**
 * Internal: the embedded store's schema, as an append-only list of migrations. Never edit a
 * shipped migration; add the next one. Each runs in its own transaction and is recorded in
 * `schema_migrations`.
 */

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'roles, api keys, policies, immutable versions, decision log',
    sql: `
      CREATE TABLE roles (
        name TEXT PRIMARY KEY,
        description TEXT NOT NULL
      );
      INSERT INTO roles (name, description) VALUES ('admin', 'Every operation: decisions, policies, keys.');

      -- Keys are never stored in clear: id is the key's first 12 characters (the lookup prefix),
      -- hash is scrypt(full key, salt).
      CREATE TABLE api_keys (
        id TEXT PRIMARY KEY,
        role TEXT NOT NULL REFERENCES roles(name),
        salt BLOB NOT NULL,
        hash BLOB NOT NULL,
        label TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('env', 'generated')),
        created_at TEXT NOT NULL,
        revoked_at TEXT
      );

      CREATE TABLE policies (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        description TEXT,
        is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
        active_version INTEGER,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        draft_revision INTEGER NOT NULL,
        draft_graph TEXT NOT NULL,
        draft_settings TEXT NOT NULL,
        draft_updated_at TEXT NOT NULL,
        draft_updated_by TEXT
      );
      CREATE UNIQUE INDEX policies_one_default ON policies (is_default) WHERE is_default = 1;

      CREATE TABLE policy_versions (
        policy_id TEXT NOT NULL REFERENCES policies(id),
        version INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        graph TEXT NOT NULL,
        settings TEXT NOT NULL,
        compiled_rules TEXT NOT NULL,
        comment TEXT NOT NULL,
        published_at TEXT NOT NULL,
        published_by TEXT,
        PRIMARY KEY (policy_id, version)
      );
      CREATE TRIGGER policy_versions_immutable_update BEFORE UPDATE ON policy_versions
        BEGIN SELECT RAISE(ABORT, 'policy versions are immutable'); END;
      CREATE TRIGGER policy_versions_immutable_delete BEFORE DELETE ON policy_versions
        BEGIN SELECT RAISE(ABORT, 'policy versions are immutable'); END;

      -- input is stored as received (after GraphQL coercion); redaction is a later issue.
      CREATE TABLE decision_log (
        id TEXT PRIMARY KEY,
        evaluated_at TEXT NOT NULL,
        policy_id TEXT NOT NULL,
        policy_version INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        input TEXT NOT NULL,
        facts TEXT NOT NULL,
        action TEXT NOT NULL,
        reasons TEXT NOT NULL,
        queue TEXT,
        priority TEXT NOT NULL,
        tier TEXT NOT NULL,
        latency_ms REAL NOT NULL
      );
      CREATE INDEX decision_log_policy ON decision_log (policy_id, evaluated_at);
      CREATE INDEX decision_log_conversation ON decision_log (conversation_id, evaluated_at);
      CREATE TRIGGER decision_log_append_only BEFORE UPDATE ON decision_log
        BEGIN SELECT RAISE(ABORT, 'the decision log is append-only'); END;
    `,
  },
  {
    version: 2,
    name: 'routing graph of drafts and versions',
    // NULL: the policy has no routing graph; a handoff goes to the queue on its leaf.
    sql: `
      ALTER TABLE policies ADD COLUMN draft_routing TEXT;
      ALTER TABLE policy_versions ADD COLUMN routing TEXT;
    `,
  },
  {
    version: 3,
    name: 'hash-chained audit log',
    // Append-only by trigger; the hash chain is what proves nothing was edited behind it.
    sql: `
      CREATE TABLE audit_log (
        sequence INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_key_id TEXT,
        actor_role TEXT NOT NULL,
        action TEXT NOT NULL,
        target_type TEXT NOT NULL,
        target_id TEXT NOT NULL,
        before TEXT,
        after TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE
      );
      CREATE INDEX audit_log_target ON audit_log (target_type, target_id, sequence);
      CREATE INDEX audit_log_actor ON audit_log (actor_key_id, sequence);
      CREATE INDEX audit_log_action ON audit_log (action, sequence);
      CREATE INDEX audit_log_at ON audit_log (at);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    `,
  },
  {
    version: 4,
    name: 'directory (queues, agents, skills, channel capacity and load) and handoff assignments',
    // Capacity is reserved with a conditional UPDATE (active < capacity) inside the caller's
    // transaction, so no agent is ever assigned beyond capacity. Assignments keep agent ids
    // without a foreign key: history outlives a removed agent.
    sql: `
      CREATE TABLE directory_queues (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        required_skills TEXT NOT NULL,
        languages TEXT NOT NULL,
        hours TEXT,
        priority INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 10),
        fallback_queue_id TEXT REFERENCES directory_queues(id),
        max_wait_seconds INTEGER NOT NULL CHECK (max_wait_seconds >= 0),
        average_handle_seconds INTEGER NOT NULL CHECK (average_handle_seconds > 0),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE directory_agents (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        languages TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        working_hours TEXT NOT NULL,
        seniority TEXT NOT NULL CHECK (seniority IN ('JUNIOR', 'REGULAR', 'SENIOR')),
        deescalation_trained INTEGER NOT NULL CHECK (deescalation_trained IN (0, 1)),
        account_ids TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'OFFLINE' CHECK (status IN ('ONLINE', 'AWAY', 'OFFLINE')),
        last_assigned_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE directory_agent_skills (
        agent_id TEXT NOT NULL REFERENCES directory_agents(id) ON DELETE CASCADE,
        skill TEXT NOT NULL,
        proficiency INTEGER NOT NULL CHECK (proficiency BETWEEN 1 AND 10),
        PRIMARY KEY (agent_id, skill)
      );
      CREATE INDEX directory_agent_skills_skill ON directory_agent_skills (skill, proficiency);
      CREATE TABLE directory_agent_channels (
        agent_id TEXT NOT NULL REFERENCES directory_agents(id) ON DELETE CASCADE,
        channel TEXT NOT NULL CHECK (channel IN ('chat', 'email', 'voice')),
        capacity INTEGER NOT NULL CHECK (capacity >= 0),
        active INTEGER NOT NULL DEFAULT 0 CHECK (active >= 0),
        PRIMARY KEY (agent_id, channel)
      );
      CREATE TABLE handoff_assignments (
        decision_id TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL,
        customer_id TEXT NOT NULL,
        queue_id TEXT NOT NULL REFERENCES directory_queues(id),
        agent_id TEXT,
        channel TEXT NOT NULL CHECK (channel IN ('chat', 'email', 'voice')),
        status TEXT NOT NULL CHECK (status IN ('ASSIGNED', 'QUEUED', 'RELEASED')),
        rank INTEGER NOT NULL,
        fallback_used INTEGER NOT NULL CHECK (fallback_used IN (0, 1)),
        explanation TEXT NOT NULL,
        created_at TEXT NOT NULL,
        assigned_at TEXT,
        released_at TEXT
      );
      CREATE INDEX handoff_assignments_waiting ON handoff_assignments (queue_id, rank DESC, created_at) WHERE status = 'QUEUED';
      CREATE INDEX handoff_assignments_agent ON handoff_assignments (agent_id, status);
      CREATE INDEX handoff_assignments_customer ON handoff_assignments (customer_id, assigned_at);
      -- Who may take a queued handoff once free: the target's qualified agents at queueing time.
      CREATE TABLE handoff_candidates (
        decision_id TEXT NOT NULL REFERENCES handoff_assignments(decision_id) ON DELETE CASCADE,
        agent_id TEXT NOT NULL,
        PRIMARY KEY (decision_id, agent_id)
      );
      CREATE INDEX handoff_candidates_agent ON handoff_candidates (agent_id);
    `,
  },
  {
    version: 5,
    name: 'governance: roles, key usage, version lineage, approvals, policy test cases',
    sql: `
      UPDATE roles SET description = 'Every operation; manages API keys and the routing directory.' WHERE name = 'admin';
      INSERT INTO roles (name, description) VALUES
        ('publisher', 'Drafts, publishes, approves change requests, activates versions (rollback).'),
        ('editor', 'Reads policies and the directory; edits drafts and policy test cases.'),
        ('auditor', 'Reads everything (versions, diffs, audit log, decision log, replay); changes nothing.'),
        ('bot', 'Calls decideHandoff, startHandoff and releaseAssignment only.');

      ALTER TABLE api_keys ADD COLUMN last_used_at TEXT;
      ALTER TABLE api_keys ADD COLUMN created_by TEXT;

      ALTER TABLE policies ADD COLUMN required_approvals INTEGER NOT NULL DEFAULT 0 CHECK (required_approvals BETWEEN 0 AND 10);
      -- The version that was active when this one was published (null for the first).
      ALTER TABLE policy_versions ADD COLUMN parent_version INTEGER;

      CREATE TABLE change_requests (
        id TEXT PRIMARY KEY,
        policy_id TEXT NOT NULL REFERENCES policies(id),
        draft_revision INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        comment TEXT NOT NULL,
        make_default INTEGER NOT NULL CHECK (make_default IN (0, 1)),
        required_approvals INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('OPEN', 'PUBLISHED', 'REJECTED', 'STALE')),
        author TEXT,
        created_at TEXT NOT NULL,
        closed_at TEXT,
        closed_by TEXT,
        rejection_reason TEXT,
        published_version INTEGER
      );
      CREATE INDEX change_requests_policy ON change_requests (policy_id, created_at);
      CREATE TABLE change_request_approvals (
        request_id TEXT NOT NULL REFERENCES change_requests(id),
        approver TEXT NOT NULL,
        approved_at TEXT NOT NULL,
        PRIMARY KEY (request_id, approver)
      );

      CREATE TABLE policy_test_cases (
        policy_id TEXT NOT NULL REFERENCES policies(id),
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        input TEXT NOT NULL,
        expected TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT,
        PRIMARY KEY (policy_id, id)
      );
    `,
  },
  {
    version: 6,
    name: 'decision log: reason code, logged time, filter indexes',
    // reason_code and logged_at are filled for existing rows from data each row already holds
    // (the primary reason's code; the evaluation time), with the append-only trigger lifted for
    // this one statement inside the migration's transaction: no recorded value changes. A STAY
    // logged before this version keeps a null reason code. DELETE stays allowed: retention
    // (BATON_DECISION_RETENTION_DAYS) is the only caller that deletes.
    sql: `
      ALTER TABLE decision_log ADD COLUMN reason_code TEXT;
      ALTER TABLE decision_log ADD COLUMN logged_at TEXT;
      DROP TRIGGER decision_log_append_only;
      UPDATE decision_log SET logged_at = evaluated_at,
        reason_code = CASE WHEN action = 'STAY' THEN NULL ELSE json_extract(reasons, '$[0].code') END;
      CREATE TRIGGER decision_log_append_only BEFORE UPDATE ON decision_log
        BEGIN SELECT RAISE(ABORT, 'the decision log is append-only'); END;
      CREATE INDEX decision_log_newest ON decision_log (evaluated_at, id);
      CREATE INDEX decision_log_version ON decision_log (policy_id, policy_version, evaluated_at, id);
      CREATE INDEX decision_log_action ON decision_log (action, evaluated_at, id);
      CREATE INDEX decision_log_reason_code ON decision_log (reason_code, evaluated_at, id);
      CREATE INDEX decision_log_queue ON decision_log (queue, evaluated_at, id);
      CREATE INDEX decision_log_logged_at ON decision_log (logged_at);
    `,
  },
  {
    version: 7,
    name: 'backtest: datasets and their rows, finished runs, publish gates',
    // Rows are stored as JSON, already redacted; a run keeps its whole (bounded) report.
    sql: `
      CREATE TABLE datasets (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        format TEXT NOT NULL,
        source TEXT NOT NULL,
        rows INTEGER NOT NULL,
        expectations TEXT NOT NULL,
        redactions INTEGER NOT NULL,
        warnings TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT
      );
      CREATE TABLE dataset_rows (
        dataset_id TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        id TEXT NOT NULL,
        row TEXT NOT NULL,
        PRIMARY KEY (dataset_id, position)
      );
      CREATE UNIQUE INDEX dataset_rows_id ON dataset_rows (dataset_id, id);
      CREATE TABLE backtest_runs (
        id TEXT PRIMARY KEY,
        dataset_id TEXT NOT NULL,
        policy_id TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        gate_run INTEGER NOT NULL,
        started_at TEXT NOT NULL,
        run TEXT NOT NULL
      );
      CREATE INDEX backtest_runs_newest ON backtest_runs (started_at, id);
      CREATE TABLE backtest_gates (
        policy_id TEXT PRIMARY KEY,
        gates TEXT NOT NULL
      );
    `,
  },
  {
    version: 8,
    name: 'outcomes, the integration role, handoff KPI indexes',
    // The decision log gains four virtual columns read from data each row already holds (nothing
    // is rewritten; the append-only trigger stays), so KPI queries filter and group on them
    // through indexes instead of parsing JSON. The KPI indexes cover their queries: a query reads
    // the index alone, never the rows with their input and facts. Outcomes copy the filter
    // dimensions of the decision they follow (decisions never change).
    sql: `
      INSERT INTO roles (name, description) VALUES
        ('integration', 'Records outcomes of handoffs and AI-kept conversations (recordHandoffOutcome, recordAiOutcome); reads nothing.');

      ALTER TABLE decision_log ADD COLUMN channel TEXT GENERATED ALWAYS AS (json_extract(facts, '$.channel')) VIRTUAL;
      ALTER TABLE decision_log ADD COLUMN language TEXT GENERATED ALWAYS AS (json_extract(facts, '$.language')) VIRTUAL;
      ALTER TABLE decision_log ADD COLUMN customer_id TEXT GENERATED ALWAYS AS (json_extract(input, '$.customer.id')) VIRTUAL;
      ALTER TABLE decision_log ADD COLUMN sentiment REAL GENERATED ALWAYS AS (json_extract(facts, '$.sentimentLatest')) VIRTUAL;
      -- Conversations decided: each conversation's first decision in range, read in conversation order.
      CREATE INDEX decision_log_kpi_conversation ON decision_log (conversation_id, evaluated_at, policy_id, policy_version, channel, language);
      -- Handed-off conversations: each one's first HANDOFF decision in range, with what the figures read.
      CREATE INDEX decision_log_kpi_handoff ON decision_log (conversation_id, evaluated_at, reason_code, policy_id, policy_version, queue,
        channel, language, customer_id, sentiment) WHERE action = 'HANDOFF';
      -- Repeat handoffs: the same customer's HANDOFF decisions in the 7 days before.
      CREATE INDEX decision_log_customer_handoff ON decision_log (customer_id, evaluated_at, conversation_id) WHERE action = 'HANDOFF';
      -- Time to assignment: a conversation's first assignment.
      CREATE INDEX handoff_assignments_conversation ON handoff_assignments (conversation_id, assigned_at);

      -- One outcome per conversation and kind; field_times: when each value was true (JSON).
      CREATE TABLE conversation_outcomes (
        conversation_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('HANDOFF', 'AI_ONLY')),
        decision_id TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        policy_id TEXT NOT NULL,
        policy_version INTEGER NOT NULL,
        reason_code TEXT,
        queue TEXT,
        channel TEXT,
        language TEXT,
        first_response_at TEXT,
        resolution TEXT CHECK (resolution IN ('RESOLVED', 'UNRESOLVED', 'TRANSFERRED', 'ABANDONED')),
        resolved_at TEXT,
        csat INTEGER CHECK (csat BETWEEN 1 AND 5),
        verdict TEXT CHECK (verdict IN ('YES', 'NO', 'UNSURE')),
        corrected_reason TEXT,
        reopened INTEGER CHECK (reopened IN (0, 1)),
        resolved_by_ai INTEGER CHECK (resolved_by_ai IN (0, 1)),
        field_times TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT,
        PRIMARY KEY (conversation_id, kind)
      );
      CREATE INDEX conversation_outcomes_decided ON conversation_outcomes (kind, decided_at);
      CREATE INDEX conversation_outcomes_reason ON conversation_outcomes (kind, reason_code, decided_at);
    `,
  },
  {
    version: 9,
    name: 'handoff lifecycle: accepted and final statuses, requeues, starting key, ordered candidates',
    // The status CHECK changes, so handoff_assignments is rebuilt (its candidates first, which
    // reference it, so that dropping the old table cascades into nothing). An ASSIGNED handoff of
    // an older server is a human already at work (nothing accepted assignments then): it becomes
    // ACCEPTED at its assignment time, so no acceptance timeout requeues it. started_by is the key
    // of the handoff's start event in the audit log. Candidates are kept while a handoff is open
    // (not only while queued), in routing order (ordinal), for the next agent after a timeout.
    sql: `
      UPDATE roles SET description = 'Calls decideHandoff and startHandoff; reads and changes (accept, resolve, abandon, release) only the handoffs it started; records outcomes without a verdict.'
        WHERE name = 'bot';
      UPDATE roles SET description = 'Records outcomes of handoffs and AI-kept conversations; tells any handoff''s lifecycle (acceptHandoff, resolveHandoff, abandonHandoff); reads nothing.'
        WHERE name = 'integration';
      CREATE TABLE handoff_assignments_v9 (
        decision_id TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL,
        customer_id TEXT NOT NULL,
        queue_id TEXT NOT NULL REFERENCES directory_queues(id),
        agent_id TEXT,
        channel TEXT NOT NULL CHECK (channel IN ('chat', 'email', 'voice')),
        status TEXT NOT NULL CHECK (status IN ('QUEUED', 'ASSIGNED', 'ACCEPTED', 'RESOLVED', 'TRANSFERRED', 'ABANDONED', 'RELEASED', 'EXPIRED')),
        rank INTEGER NOT NULL,
        fallback_used INTEGER NOT NULL CHECK (fallback_used IN (0, 1)),
        explanation TEXT NOT NULL,
        created_at TEXT NOT NULL,
        assigned_at TEXT,
        accepted_at TEXT,
        released_at TEXT,
        requeues INTEGER NOT NULL DEFAULT 0 CHECK (requeues >= 0),
        started_by TEXT
      );
      INSERT INTO handoff_assignments_v9 (decision_id, conversation_id, customer_id, queue_id, agent_id, channel, status, rank, fallback_used,
        explanation, created_at, assigned_at, accepted_at, released_at, requeues, started_by)
        SELECT decision_id, conversation_id, customer_id, queue_id, agent_id, channel,
          CASE status WHEN 'ASSIGNED' THEN 'ACCEPTED' ELSE status END, rank, fallback_used, explanation, created_at, assigned_at,
          CASE status WHEN 'ASSIGNED' THEN assigned_at END, released_at, 0,
          (SELECT e.actor_key_id FROM audit_log e WHERE e.target_type = 'handoff' AND e.target_id = a.decision_id AND e.action = 'handoff.start'
            ORDER BY e.sequence LIMIT 1)
        FROM handoff_assignments a;
      CREATE TABLE handoff_candidates_v9 (decision_id TEXT NOT NULL, agent_id TEXT NOT NULL);
      INSERT INTO handoff_candidates_v9 (decision_id, agent_id) SELECT decision_id, agent_id FROM handoff_candidates;
      DROP TABLE handoff_candidates;
      DROP TABLE handoff_assignments;
      ALTER TABLE handoff_assignments_v9 RENAME TO handoff_assignments;
      -- Who may take an open handoff: the target's qualified agents at start, best ranked first (ordinal).
      CREATE TABLE handoff_candidates (
        decision_id TEXT NOT NULL REFERENCES handoff_assignments(decision_id) ON DELETE CASCADE,
        agent_id TEXT NOT NULL,
        ordinal INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (decision_id, agent_id)
      );
      INSERT INTO handoff_candidates (decision_id, agent_id) SELECT decision_id, agent_id FROM handoff_candidates_v9;
      DROP TABLE handoff_candidates_v9;
      CREATE INDEX handoff_candidates_agent ON handoff_candidates (agent_id);
      CREATE INDEX handoff_assignments_waiting ON handoff_assignments (queue_id, rank DESC, created_at) WHERE status = 'QUEUED';
      CREATE INDEX handoff_assignments_agent ON handoff_assignments (agent_id, status);
      CREATE INDEX handoff_assignments_customer ON handoff_assignments (customer_id, assigned_at);
      CREATE INDEX handoff_assignments_conversation ON handoff_assignments (conversation_id, assigned_at);
      -- Timeouts: assignments waiting for acceptance, and open handoffs by age.
      CREATE INDEX handoff_assignments_unaccepted ON handoff_assignments (assigned_at) WHERE status = 'ASSIGNED';
      CREATE INDEX handoff_assignments_open ON handoff_assignments (created_at) WHERE status IN ('QUEUED', 'ASSIGNED', 'ACCEPTED');
    `,
  },
  {
    version: 10,
    name: 'four eyes: activation change requests',
    // A change request may ask to make a published version active again (rollback or roll
    // forward under required approvals) instead of publishing the draft: activate_version names
    // it; null for the publish requests every older row is.
    sql: `
      ALTER TABLE change_requests ADD COLUMN activate_version INTEGER CHECK (activate_version IS NULL OR activate_version >= 1);
    `,
  },
  {
    version: 11,
    name: 'webhooks: endpoints, outbox events, deliveries',
    // Events are appended in the same transaction as the handoff change that raised them, one
    // delivery per subscribed endpoint; the dispatcher claims due deliveries by moving
    // next_attempt_at forward (a lease), so a crash mid-delivery only delays the retry.
    sql: `
      CREATE TABLE webhook_endpoints (
        id TEXT PRIMARY KEY,
        url TEXT NOT NULL,
        description TEXT NOT NULL,
        event_types TEXT NOT NULL,
        enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
        secrets TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE webhook_events (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        decision_id TEXT NOT NULL,
        occurred_at TEXT NOT NULL,
        data TEXT NOT NULL,
        payload TEXT
      );
      CREATE TABLE webhook_deliveries (
        id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL REFERENCES webhook_events(id),
        event_type TEXT NOT NULL,
        decision_id TEXT NOT NULL,
        endpoint_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('PENDING', 'FAILED', 'DELIVERED', 'DEAD')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        last_attempt_at TEXT,
        last_status_code INTEGER,
        last_error TEXT,
        last_duration_ms INTEGER,
        delivered_at TEXT,
        redelivery_of TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status IN ('PENDING', 'FAILED');
      CREATE INDEX webhook_deliveries_log ON webhook_deliveries (created_at DESC, id DESC);
      CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at DESC);
      CREATE INDEX webhook_deliveries_decision ON webhook_deliveries (decision_id);
    `,
  },
  {
    version: 12,
    name: 'safe retries: idempotency keys',
    // One row per API key and Idempotency-Key: the first request's operation, fingerprint and
    // (once answered) response, forgotten at expires_at (BATON_IDEMPOTENCY_TTL_SECONDS).
    sql: `
      CREATE TABLE idempotency_keys (
        api_key_id TEXT NOT NULL,
        key TEXT NOT NULL,
        operation TEXT NOT NULL CHECK (operation IN ('decideHandoff', 'startHandoff')),
        request_hash TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('PENDING', 'COMPLETED')),
        response TEXT,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        PRIMARY KEY (api_key_id, key)
      );
      CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);
    `,
  },
  {
    version: 13,
    name: 'decision log: one index fewer per insert',
    // decision_log_kpi_conversation starts with the same (conversation_id, evaluated_at), so it
    // serves every lookup this one did; each logged decision now updates eleven indexes, not twelve.
    sql: `
      DROP INDEX decision_log_conversation;
    `,
  },
];
