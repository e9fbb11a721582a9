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
      activeVersion { version contentHash comment publishedAt publishedBy }
      draft { revision graph settings routing updatedAt updatedBy }
    }
  }
`;

export const CREATE_POLICY = gql`
  mutation EditorCreatePolicy($input: CreatePolicyInput!) {
    createPolicy(input: $input) { id }
  }
`;

export const VALIDATE = gql`
  query EditorValidate($graph: JSON!, $settings: JSON, $routing: JSON) {
    validatePolicyGraph(graph: $graph, settings: $settings, routing: $routing) { valid diagnostics { code severity message nodeId edgeId } }
  }
`;

export const SAVE_DRAFT = gql`
  mutation EditorSaveDraft($policyId: ID!, $graph: JSON!, $settings: JSON, $routing: JSON, $baseRevision: Int!) {
    savePolicyDraft(policyId: $policyId, graph: $graph, settings: $settings, routing: $routing, baseRevision: $baseRevision) { revision updatedAt updatedBy }
  }
`;

export const PUBLISH = gql`
  mutation EditorPublish($policyId: ID!, $comment: String!) {
    publishPolicy(policyId: $policyId, comment: $comment) {
      version { version contentHash }
      changeRequest { id status requiredApprovals approvals { approver at } }
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

export const VIEWER = gql`
  query EditorViewer {
    viewer { keyId role allowedOperations }
  }
`;

export const POLICY_VERSIONS = gql`
  query EditorPolicyVersions($policyId: ID!) {
    policyVersions(policyId: $policyId) { version parentVersion contentHash comment publishedAt publishedBy }
  }
`;

export const POLICY_VERSION = gql`
  query EditorPolicyVersion($policyId: ID!, $version: Int!) {
    policyVersion(policyId: $policyId, version: $version) { version parentVersion contentHash comment publishedAt publishedBy graph settings routing }
  }
`;

const GRAPH_DIFF_FIELDS = `
  nodesAdded { id kind label before after fields { path before after } }
  nodesRemoved { id kind label before after fields { path before after } }
  nodesChanged { id kind label before after fields { path before after } }
  nodesMoved { id }
  edgesAdded { id source target sourceHandle before after }
  edgesRemoved { id source target sourceHandle before after }
  edgesChanged { id source target sourceHandle before after fields { path before after } }
`;

export const POLICY_DIFF = gql`
  query EditorPolicyDiff($policyId: ID!, $from: Int!, $to: Int) {
    policyDiff(policyId: $policyId, from: $from, to: $to) {
      from
      to
      fromContentHash
      toContentHash
      unchanged
      layoutOnly
      summary
      graph { ${GRAPH_DIFF_FIELDS} }
      routing { ${GRAPH_DIFF_FIELDS} }
    }
  }
`;

export const ACTIVATE_VERSION = gql`
  mutation EditorActivateVersion($policyId: ID!, $version: Int!, $comment: String!) {
    activatePolicyVersion(policyId: $policyId, version: $version, comment: $comment) { id activeVersion { version } }
  }
`;

const CHANGE_REQUEST_FIELDS = 'id policyId draftRevision contentHash comment requiredApprovals approvals { approver at } status author createdAt closedAt closedBy rejectionReason publishedVersion';

export const GOVERNANCE = gql`
  query EditorGovernance($id: ID!) {
    policy(id: $id) {
      id
      requiredApprovals
      activeVersion { version }
      changeRequests { ${CHANGE_REQUEST_FIELDS} }
    }
  }
`;

export const APPROVE_CHANGE_REQUEST = gql`
  mutation EditorApprove($id: ID!) {
    approveChangeRequest(id: $id) { changeRequest { id status } version { version contentHash } }
  }
`;

export const REJECT_CHANGE_REQUEST = gql`
  mutation EditorReject($id: ID!, $reason: String!) {
    rejectChangeRequest(id: $id, reason: $reason) { id status }
  }
`;

export const SET_REQUIRED_APPROVALS = gql`
  mutation EditorSetRequiredApprovals($policyId: ID!, $count: Int!) {
    setRequiredApprovals(policyId: $policyId, count: $count) { id requiredApprovals }
  }
`;

export const TEST_CASES = gql`
  query EditorTestCases($id: ID!) {
    policy(id: $id) { id testCases { id name input expected { action reasonCode queue } updatedAt updatedBy } }
  }
`;

export const RUN_POLICY_TESTS = gql`
  query EditorRunPolicyTests($policyId: ID!, $version: Int) {
    runPolicyTests(policyId: $policyId, version: $version) {
      version
      passed
      failed
      results { testCase { id name } passed failures actual { action reasonCode queue } }
    }
  }
`;

export const SAVE_TEST_CASE = gql`
  mutation EditorSaveTestCase($policyId: ID!, $input: PolicyTestCaseInput!) {
    savePolicyTestCase(policyId: $policyId, input: $input) { id }
  }
`;

export const REMOVE_TEST_CASE = gql`
  mutation EditorRemoveTestCase($policyId: ID!, $id: ID!) {
    removePolicyTestCase(policyId: $policyId, id: $id)
  }
`;

export const AUDIT_LOG = gql`
  query EditorAuditLog($filter: AuditFilter, $first: Int, $after: String) {
    auditLog(filter: $filter, first: $first, after: $after) {
      nodes { sequence at actor { keyId role } action targetType targetId before after prevHash hash }
      pageInfo { endCursor hasNextPage }
    }
  }
`;

export const VERIFY_AUDIT_LOG = gql`
  query EditorVerifyAuditLog {
    verifyAuditLog { valid checked firstBrokenSequence problem headHash }
  }
`;

export const QUEUES = gql`
  query EditorQueues {
    queues { id name openNow }
  }
`;
