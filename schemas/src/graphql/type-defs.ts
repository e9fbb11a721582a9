/**
 * Baton's GraphQL schema (SDL), one document per feature. The core decision contract is
 * DESIGN.md's; later issues extend `Query` and `Mutation` in their own documents, never rename.
 */
import { decisionTypeDefs } from './decision.graphql';
import { policyTypeDefs } from './policies.graphql';
import { editorTypeDefs } from './editor.graphql';
import { policyDiffTypeDefs } from './policy-diff.graphql';
import { decisionLogTypeDefs } from './decision-log.graphql';

export const typeDefs: string[] = [decisionTypeDefs, policyTypeDefs, editorTypeDefs, policyDiffTypeDefs, decisionLogTypeDefs];
