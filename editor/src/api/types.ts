/** The shapes of the answers the editor reads (the fields its documents select). */
import type { HandoffAction, PolicyGraph, Priority, RoutingGraph, SupportTier, TriggerCategory, TriggerSettings } from '@baton/schemas';
import type { ApiDiagnostic } from './api-error';

export interface PolicySummary {
  id: string;
  name: string;
  isDefault: boolean;
  activeVersion: { version: number; publishedAt: string } | null;
  draft: { revision: number; updatedAt: string; updatedBy: string | null };
}

export interface VersionSummary {
  version: number;
  contentHash: string;
  comment: string;
  publishedAt: string;
  publishedBy: string | null;
  parentVersion?: number | null;
}

/** A published version with its content (read-only on the canvas). */
export interface VersionDetail extends VersionSummary {
  graph: PolicyGraph;
  settings: TriggerSettings;
  routing: RoutingGraph | null;
}

export interface PolicyDetail {
  id: string;
  name: string;
  description: string | null;
  isDefault: boolean;
  activeVersion: VersionSummary | null;
  draft: { revision: number; graph: PolicyGraph; settings: TriggerSettings; routing: RoutingGraph | null; updatedAt: string; updatedBy: string | null };
}

export interface ValidationResult {
  valid: boolean;
  diagnostics: ApiDiagnostic[];
}

export interface DecisionTraceStep {
  nodeId: string;
  kind: string;
  description: string;
  fact: string | null;
  factValue: unknown;
  result: string;
  evaluated: boolean;
}

export interface DraftDecision {
  action: HandoffAction;
  reasonCode: string;
  priority: Priority;
  tier: SupportTier;
  customerMessage: string | null;
  signals: Record<string, unknown>;
  reasons: { code: string; category: TriggerCategory; description: string; evidence: string[]; nodeId: string | null }[];
  routing: { queueId: string; queueName: string; explanation: string[] } | null;
  context: { summary: string; recommendedActions: string[] };
  trace: DecisionTraceStep[];
}

/** A conversation as the test panel edits it: a DecideHandoffInput as JSON. */
export interface ConversationInput {
  conversationId: string;
  channel?: string | null;
  customer: { id: string; name?: string | null; tier?: string | null; language?: string | null };
  messages: { speaker: 'CUSTOMER' | 'BOT' | 'AGENT' | 'SYSTEM'; text: string; at?: string | null; confidence?: number | null }[];
  now?: string | null;
  [extra: string]: unknown;
}

export interface SampleConversation {
  name: string;
  input: ConversationInput;
  expected: { action: HandoffAction; reasonCode: string; queue: string | null };
}

/** What publishing did: a version published at once, or a change request waiting for approvals. */
export interface PublishOutcome {
  version: { version: number; contentHash: string } | null;
  changeRequest: { id: string; status: ChangeRequestStatus; requiredApprovals: number; approvals: { approver: string; at: string }[] } | null;
}

export type Role = 'ADMIN' | 'PUBLISHER' | 'EDITOR' | 'AUDITOR' | 'BOT';

/** The signed-in key: its role and the root fields it may call (`Mutation.savePolicyDraft`). */
export interface Viewer {
  keyId: string;
  role: Role;
  allowedOperations: string[];
}

/** One changed value of a diff (path dotted from the node, edge or settings root). */
export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

export interface NodeChange {
  id: string;
  kind: string;
  label: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  fields: FieldChange[];
}

export interface EdgeChange {
  id: string;
  source: string;
  target: string;
  sourceHandle: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  fields?: FieldChange[];
}

export interface GraphDiff {
  nodesAdded: NodeChange[];
  nodesRemoved: NodeChange[];
  nodesChanged: NodeChange[];
  nodesMoved: { id: string }[];
  edgesAdded: EdgeChange[];
  edgesRemoved: EdgeChange[];
  edgesChanged: EdgeChange[];
}

/** The server's `policyDiff`: what changed from one version to another (or the draft, `to` null). */
export interface PolicyDiff {
  from: number;
  to: number | null;
  fromContentHash: string;
  toContentHash: string;
  unchanged: boolean;
  layoutOnly: boolean;
  summary: string;
  graph: GraphDiff;
  routing: GraphDiff;
}

export type ChangeRequestStatus = 'OPEN' | 'PUBLISHED' | 'REJECTED' | 'STALE';

export interface ChangeRequest {
  id: string;
  policyId: string;
  draftRevision: number;
  contentHash: string;
  comment: string;
  requiredApprovals: number;
  approvals: { approver: string; at: string }[];
  status: ChangeRequestStatus;
  author: string | null;
  createdAt: string;
  closedAt: string | null;
  closedBy: string | null;
  rejectionReason: string | null;
  publishedVersion: number | null;
}

export interface Governance {
  requiredApprovals: number;
  activeVersion: { version: number } | null;
  changeRequests: ChangeRequest[];
}

export interface ExpectedOutcome {
  action: HandoffAction;
  reasonCode?: string | null;
  queue?: string | null;
}

export interface PolicyTestCase {
  id: string;
  name: string;
  input: ConversationInput;
  expected: ExpectedOutcome;
  updatedAt: string;
  updatedBy: string | null;
}

export interface PolicyTestRun {
  version: number | null;
  passed: number;
  failed: number;
  results: { testCase: { id: string; name: string }; passed: boolean; failures: string[]; actual: { action: HandoffAction; reasonCode: string; queue: string | null } | null }[];
}

export interface AuditEvent {
  sequence: number;
  at: string;
  actor: { keyId: string | null; role: string };
  action: string;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
  prevHash: string;
  hash: string;
}

export interface AuditFilter {
  actorKeyId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
}

export interface AuditPage {
  nodes: AuditEvent[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

export interface AuditVerification {
  valid: boolean;
  checked: number;
  firstBrokenSequence: number | null;
  problem: string | null;
  headHash: string | null;
}

export interface DirectoryQueue {
  id: string;
  name: string;
  openNow: boolean;
}
