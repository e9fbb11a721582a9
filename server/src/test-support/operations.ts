/** Internal (tests only): GraphQL documents the HTTP tests send. */

export const DECIDE = /* GraphQL */ `
  query Decide($input: DecideHandoffInput!) {
    decideHandoff(input: $input) {
      decisionId
      action
      reasonCode
      priority
      tier
      customerMessage
      evaluatedAt
      signals
      reasons {
        code
        category
        description
        evidence
        nodeId
      }
      routing {
        queueId
        queueName
      }
      context {
        summary
        transcript {
          index
          speaker
          text
          at
        }
      }
      policy {
        id
        name
        version
        contentHash
      }
      trace {
        nodeId
        kind
        result
        evaluated
      }
    }
  }
`;

const POLICY_FIELDS = `
  id name description isDefault createdAt updatedAt
  activeVersion { version contentHash comment publishedBy }
  draft { revision graph settings updatedBy validation { valid diagnostics { code severity message nodeId edgeId } } }
  versions { version contentHash }`;

export const CREATE_POLICY = `mutation Create($input: CreatePolicyInput!) { createPolicy(input: $input) { ${POLICY_FIELDS} } }`;

export const POLICY = `query Policy($id: ID!) { policy(id: $id) { ${POLICY_FIELDS} } }`;

export const POLICIES = `query { policies { id name isDefault activeVersion { version } } }`;

export const SAVE_DRAFT = /* GraphQL */ `
  mutation Save($policyId: ID!, $graph: JSON!, $settings: JSON, $baseRevision: Int!) {
    savePolicyDraft(policyId: $policyId, graph: $graph, settings: $settings, baseRevision: $baseRevision) {
      revision
      graph
      updatedAt
      updatedBy
      validation {
        valid
        diagnostics {
          code
          severity
          message
          nodeId
        }
      }
    }
  }
`;

export const SET_DEFAULT = `mutation SetDefault($policyId: ID!) { setDefaultPolicy(policyId: $policyId) { id isDefault } }`;

export const PUBLISH = /* GraphQL */ `
  mutation Publish($policyId: ID!, $comment: String!, $makeDefault: Boolean) {
    publishPolicy(policyId: $policyId, comment: $comment, makeDefault: $makeDefault) {
      version {
        version
        contentHash
        graph
        settings
        compiledRules
        comment
        publishedAt
        publishedBy
        parentVersion
      }
      changeRequest {
        id
        status
        requiredApprovals
        author
      }
    }
  }
`;

export const VALIDATE = /* GraphQL */ `
  query Validate($graph: JSON!, $settings: JSON) {
    validatePolicyGraph(graph: $graph, settings: $settings) {
      valid
      diagnostics {
        code
        severity
        message
        nodeId
        edgeId
      }
    }
  }
`;

/** A minimal valid decideHandoff input. */
export function decideInput(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    conversationId: 'conv-1',
    customer: { id: 'cust-1' },
    messages: [{ speaker: 'CUSTOMER', text: 'Where is my order?' }],
    ...extra,
  };
}
