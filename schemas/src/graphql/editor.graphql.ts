/** SDL the visual policy editor needs beyond policy management: test-as-you-draw and sample conversations. */
export const editorTypeDefs = /* GraphQL */ `
"What the reference policy should decide on a sample conversation."
type SampleExpectation { action: HandoffAction!, reasonCode: String!, queue: String }

"A sample conversation shipped with Baton's seed, for trying a policy in the editor."
type SampleConversation {
  "Starts with the branch it exercises, e.g. security (en): account taken over."
  name: String!
  "A DecideHandoffInput as JSON (dates as RFC 3339 strings)."
  input: JSON!
  expected: SampleExpectation!
}

extend type Query {
  """
  Evaluates a draft without publishing it: graph and settings when given (unsaved work in the
  editor), else the stored draft of policyId. Always a dry run: nothing is logged. The answer's
  policy has version 0 and the draft's content hash. INVALID_POLICY (with extensions.diagnostics)
  when the draft has validation errors; NOT_FOUND for an unknown policy.
  """
  testPolicyDraft(policyId: ID!, input: DecideHandoffInput!, graph: JSON, settings: JSON): HandoffDecision!
  "The seed's sample conversations (77), each with the outcome the reference policy gives it."
  sampleConversations: [SampleConversation!]!
}
`;
