/** The shapes of the answers the editor reads (the fields its documents select). */
import type { HandoffAction, PolicyGraph, Priority, SupportTier, TriggerCategory, TriggerSettings } from '@baton/schemas';
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
}

export interface PolicyDetail {
  id: string;
  name: string;
  description: string | null;
  isDefault: boolean;
  activeVersion: (VersionSummary & { graph: PolicyGraph; settings: TriggerSettings }) | null;
  draft: { revision: number; graph: PolicyGraph; settings: TriggerSettings; updatedAt: string; updatedBy: string | null };
  versions: VersionSummary[];
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
  changeRequest: { id: string } | null;
}
