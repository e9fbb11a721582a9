/**
 * A policy document: what a draft holds and a published version freezes. Its canonical JSON
 * is what the content hash covers.
 */
import { Type, type Static } from '@sinclair/typebox';
import { PolicyGraphSchema } from './policy-graph';
import { TriggerSettingsSchema } from './trigger-settings';

export const PolicyDocumentSchema = Type.Object(
  { graph: PolicyGraphSchema, settings: TriggerSettingsSchema },
  { additionalProperties: false, $id: 'https://baton.dev/schemas/policy-document.json' },
);

/** Graph plus trigger settings. */
export type PolicyDocument = Static<typeof PolicyDocumentSchema>;
