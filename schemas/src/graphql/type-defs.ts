/**
 * Baton's GraphQL schema (SDL), one document per feature. The core decision contract is
 * DESIGN.md's; later issues extend `Query` and `Mutation` in their own documents, never rename.
 */
import { auditTypeDefs } from './audit.graphql';
import { authTypeDefs } from './auth.graphql';
import { decisionTypeDefs } from './decision.graphql';
import { policyTypeDefs } from './policies.graphql';
import { policyGovernanceTypeDefs } from './policy-governance.graphql';
import { editorTypeDefs } from './editor.graphql';
import { directoryTypeDefs } from './directory.graphql';
import { policyDiffTypeDefs } from './policy-diff.graphql';
import { decisionLogTypeDefs } from './decision-log.graphql';

export const typeDefs: string[] = [decisionTypeDefs, policyTypeDefs, editorTypeDefs, authTypeDefs, policyGovernanceTypeDefs, auditTypeDefs, directoryTypeDefs, policyDiffTypeDefs, decisionLogTypeDefs];
