/**
 * A policy document: what a draft holds and a published version freezes. Its canonical JSON
 * is what the content hash covers.
 */
import { Type, type Static } from '@sinclair/typebox';
import { PolicyGraphSchema } from './policy-graph';
import { RoutingGraphSchema } from './routing-graph';
import { TriggerSettingsSchema } from './trigger-settings';

export const PolicyDocumentSchema = Type.Object(
  {
    graph: PolicyGraphSchema,
    settings: TriggerSettingsSchema,
    /** Absent: a handoff goes to the queue named on its leaf. */
    routing: Type.Optional(RoutingGraphSchema),
  },
  { additionalProperties: false, $id: 'https://baton.dev/schemas/policy-document.json' },
);

/** Escalation graph, trigger settings and (optionally) the routing graph. */
export type PolicyDocument = Static<typeof PolicyDocumentSchema>;
