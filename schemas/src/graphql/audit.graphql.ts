/** SDL of the tamper-evident audit log (issue 5). */
export const auditTypeDefs = /* GraphQL */ `
"Who made a change: an API key (keyId null for Baton itself) and its role (or system)."
type AuditActor { keyId: ID, role: String! }

"One change, in the order it was made. hash = sha256(prevHash + canonical JSON of the event)."
type AuditEvent {
  sequence: Int!
  at: DateTime!
  actor: AuditActor!
  "Dotted verb, e.g. policy.publish, policy.activate, changeRequest.approve, apiKey.revoke, directory.agent.upsert."
  action: String!
  targetType: String!
  targetId: String!
  "What changed, before and after (ids, versions, hashes and the fields that moved; never secrets)."
  before: JSON
  after: JSON
  prevHash: String!
  hash: String!
}

type AuditEventConnection { nodes: [AuditEvent!]!, pageInfo: PageInfo! }

"Every field optional; all given must match. action matches exactly, or as a prefix when it ends with a dot (policy.)."
input AuditFilter {
  actorKeyId: ID
  action: String
  targetType: String
  targetId: String
  from: DateTime
  to: DateTime
}

type AuditVerification {
  valid: Boolean!
  checked: Int!
  "The first event whose number, link or hash is wrong; null when the chain is intact."
  firstBrokenSequence: Int
  problem: String
  "Hash of the newest event. Keep it outside Baton: a later chain that does not contain it was rewritten."
  headHash: String
}

extend type Query {
  "Oldest first. first: 1..500 (default 100). Export everything as JSON lines with GET /audit-log.jsonl."
  auditLog(filter: AuditFilter, first: Int = 100, after: String): AuditEventConnection!
  "Recomputes every hash of the chain."
  verifyAuditLog: AuditVerification!
}
`;
