/** The GraphQL documents the editor sends. */
import { gql } from '@apollo/client';

export const POLICIES = gql`
  query EditorPolicies {
    policies {
      id
      name
      isDefault
      activeVersion { version publishedAt }
      draft { revision updatedAt updatedBy }
    }
  }
`;

export const POLICY = gql`
  query EditorPolicy($id: ID!) {
    policy(id: $id) {
      id
      name
      description
      isDefault
      activeVersion { version contentHash comment publishedAt publishedBy graph settings }
      draft { revision graph settings updatedAt updatedBy }
      versions { version contentHash comment publishedAt publishedBy }
    }
  }
`;

export const CREATE_POLICY = gql`
  mutation EditorCreatePolicy($input: CreatePolicyInput!) {
    createPolicy(input: $input) { id }
  }
`;

export const VALIDATE = gql`
  query EditorValidate($graph: JSON!, $settings: JSON) {
    validatePolicyGraph(graph: $graph, settings: $settings) { valid diagnostics { code severity message nodeId edgeId } }
  }
`;

export const SAVE_DRAFT = gql`
  mutation EditorSaveDraft($policyId: ID!, $graph: JSON!, $settings: JSON, $baseRevision: Int!) {
    savePolicyDraft(policyId: $policyId, graph: $graph, settings: $settings, baseRevision: $baseRevision) { revision updatedAt updatedBy }
  }
`;

export const PUBLISH = gql`
  mutation EditorPublish($policyId: ID!, $comment: String!) {
    publishPolicy(policyId: $policyId, comment: $comment) {
      version { version contentHash }
      changeRequest { id }
    }
  }
`;

export const TEST_DRAFT = gql`
  query EditorTestDraft($policyId: ID!, $input: DecideHandoffInput!, $graph: JSON, $settings: JSON) {
    testPolicyDraft(policyId: $policyId, input: $input, graph: $graph, settings: $settings) {
      action
      reasonCode
      priority
      tier
      customerMessage
      signals
      reasons { code category description evidence nodeId }
      routing { queueId queueName explanation }
      context { summary recommendedActions }
      trace { nodeId kind description fact factValue result evaluated }
    }
  }
`;

export const SAMPLE_CONVERSATIONS = gql`
  query EditorSampleConversations {
    sampleConversations { name input expected { action reasonCode queue } }
  }
`;
