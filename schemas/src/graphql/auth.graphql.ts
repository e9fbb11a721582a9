/** SDL of roles and API keys (issue 5). */
export const authTypeDefs = /* GraphQL */ `
"What an API key may do; see the role matrix in the README."
enum Role { ADMIN PUBLISHER EDITOR AUDITOR BOT }

"The caller: the key the request was signed with."
type Viewer {
  keyId: ID!
  role: Role!
  "Root fields this role may call, e.g. Query.policies, Mutation.savePolicyDraft."
  allowedOperations: [String!]!
}

"An API key as stored: never its secret."
type ApiKey {
  "The key's first 12 characters."
  id: ID!
  name: String!
  role: Role!
  createdAt: DateTime!
  "Key id of the admin who created it; null for keys created by Baton itself."
  createdBy: ID
  "Last successful use, to within a minute; null if never used."
  lastUsedAt: DateTime
  revokedAt: DateTime
  active: Boolean!
}

type CreatedApiKey {
  key: ApiKey!
  "The key itself. Shown only in this answer and stored only hashed: keep it now."
  secret: String!
}

extend type Query {
  viewer: Viewer!
  "Every key, revoked ones too."
  apiKeys: [ApiKey!]!
}

extend type Mutation {
  "Creates a key; the secret is in the answer only."
  createApiKey(name: String!, role: Role!): CreatedApiKey!
  "Revokes a key at once. Refused for the last active admin key."
  revokeApiKey(id: ID!): ApiKey!
}
`;
