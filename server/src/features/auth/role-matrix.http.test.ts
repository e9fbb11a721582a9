/**
 * The whole role matrix over HTTP: every root field of the schema × every role → allowed or
 * FORBIDDEN. Each operation declares its required arguments as variables and sends none, so an
 * allowed call stops at variable checking (BAD_USER_INPUT) and nothing runs or changes.
 */
import { BatonErrorCode } from '@baton/schemas';
import { startTestServer, type TestServer } from '../../test-support/test-server';
import { OPERATION_ROLES } from './permissions';
import { ROLES, type Role } from './roles';

interface IntrospectedType {
  kind: string;
  name: string | null;
  ofType: IntrospectedType | null;
}
interface IntrospectedField {
  name: string;
  args: { name: string; type: IntrospectedType }[];
  type: IntrospectedType;
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';
const INTROSPECT = `{
  __schema {
    queryType { fields { name args { name type { ${TYPE_REF} } } type { ${TYPE_REF} } } }
    mutationType { fields { name args { name type { ${TYPE_REF} } } type { ${TYPE_REF} } } }
    subscriptionType { fields { name } }
  }
}`;

const typeText = (t: IntrospectedType): string =>
  t.kind === 'NON_NULL' ? `${typeText(t.ofType as IntrospectedType)}!` : t.kind === 'LIST' ? `[${typeText(t.ofType as IntrospectedType)}]` : (t.name as string);
const namedKind = (t: IntrospectedType): string => (t.ofType ? namedKind(t.ofType) : t.kind);

/** `query ($a: ID!) { policy(id: $a) { __typename } }` for a field. */
function operationFor(root: 'query' | 'mutation', field: IntrospectedField): string {
  const required = field.args.filter((a) => a.type.kind === 'NON_NULL');
  const vars = required.map((a) => `$${a.name}: ${typeText(a.type)}`).join(', ');
  const args = required.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = ['OBJECT', 'INTERFACE', 'UNION'].includes(namedKind(field.type)) ? ' { __typename }' : '';
  return `${root}${vars ? ` (${vars})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

/**
 * What issue 5 asks, written out independently of permissions.ts: bot only decides and
 * assigns; auditor reads everything and changes nothing; editor drafts; publisher publishes,
 * approves and rolls back; admin does everything, including keys and the directory. Issue 12:
 * editors and up import datasets and run backtests; publishers set publish gates. Issue 15: an
 * integration (helpdesk, agent desktop) records outcomes and reads nothing; the bot records
 * outcomes too; editors and up turn a suggestion into a dataset; readers read the KPIs.
 */
function expectedAllowed(role: Role, root: 'Query' | 'Mutation', field: string): boolean {
  const editorMutations = [
    'createPolicy',
    'savePolicyDraft',
    'savePolicyTestCase',
    'removePolicyTestCase',
    'importDataset',
    'createDatasetFromDecisions',
    'deleteDataset',
    'startBacktest',
    'cancelBacktest',
    'createDatasetFromSuggestion',
    // Issue 19: an editor asks publishers to review the draft (a change request).
    'requestPolicyReview',
  ];
  // Issue 16: the agent desktop (integration) and the bot tell a handoff's steps; the bot reads its own handoffs (scoped by the service).
  const handoffSteps = ['acceptHandoff', 'resolveHandoff', 'abandonHandoff'];
  const publisherMutations = [
    ...editorMutations,
    'publishPolicy',
    'approveChangeRequest',
    'rejectChangeRequest',
    'activatePolicyVersion',
    // Issue 17: a rollback under four eyes is a change request.
    'requestPolicyActivation',
    'setDefaultPolicy',
    'setRequiredApprovals',
    'setBacktestGates',
  ];
  switch (role) {
    case 'admin':
      return true;
    case 'bot':
      return [
        ...handoffSteps,
        'decideHandoff',
        'startHandoff',
        'releaseAssignment',
        'assignment',
        'handoff',
        'recordHandoffOutcome',
        'recordAiOutcome',
        'viewer',
      ].includes(field);
    case 'integration':
      return [...handoffSteps, 'recordHandoffOutcome', 'recordAiOutcome', 'viewer'].includes(field);
    case 'auditor':
      return root === 'Query' && field !== 'decideHandoff';
    case 'editor':
      return root === 'Query' ? field !== 'apiKeys' : editorMutations.includes(field);
    case 'publisher':
      return root === 'Query' ? field !== 'apiKeys' : publisherMutations.includes(field);
  }
}

describe('role matrix', () => {
  let t: TestServer;
  let schema: { queryType: { fields: IntrospectedField[] }; mutationType: { fields: IntrospectedField[] }; subscriptionType: { fields: { name: string }[] } };
  const keys = new Map<Role, string>();

  beforeAll(async () => {
    t = await startTestServer();
    const introspection = await t.gql<{ __schema: typeof schema }>(INTROSPECT);
    schema = introspection.body.data?.__schema as typeof schema;
    for (const role of ROLES) {
      const created = await t.gql<{ createApiKey: { secret: string } }>(
        `mutation ($name: String!, $role: Role!) { createApiKey(name: $name, role: $role) { secret } }`,
        { name: `${role} key`, role: role.toUpperCase() },
      );
      keys.set(role, created.body.data?.createApiKey.secret as string);
    }
  });
  afterAll(() => t.close());

  it('lists every root field of the schema in the permission table, and nothing else', () => {
    // Subscriptions run over graphql-ws; their roles are tested there (server/src/http/graphql-ws.test.ts).
    const fields = [
      ...schema.queryType.fields.map((f) => `Query.${f.name}`),
      ...schema.mutationType.fields.map((f) => `Mutation.${f.name}`),
      ...schema.subscriptionType.fields.map((f) => `Subscription.${f.name}`),
    ];
    expect(Object.keys(OPERATION_ROLES).sort()).toEqual(fields.sort());
  });

  it('allows or forbids every operation for every role', async () => {
    const outcomes: string[] = [];
    const mismatches: string[] = [];
    for (const [root, fields] of [
      ['Query', schema.queryType.fields],
      ['Mutation', schema.mutationType.fields],
    ] as const) {
      for (const field of fields) {
        const operation = operationFor(root === 'Query' ? 'query' : 'mutation', field);
        for (const role of ROLES) {
          const { status, body } = await t.gql(operation, undefined, keys.get(role));
          const forbidden = body.errors?.some((e) => e.extensions.code === BatonErrorCode.Forbidden) ?? false;
          if (forbidden) expect(status).toBe(403);
          const expected = expectedAllowed(role, root, field.name);
          outcomes.push(`${role} ${root}.${field.name} ${forbidden ? 'FORBIDDEN' : 'allowed'}`);
          if (forbidden === expected) mismatches.push(`${role} ${root}.${field.name}: expected ${expected ? 'allowed' : 'FORBIDDEN'}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(outcomes.length).toBe((schema.queryType.fields.length + schema.mutationType.fields.length) * ROLES.length);
  });

  it('refuses a forbidden field hidden in a fragment, before anything runs', async () => {
    const { status, body } = await t.gql(
      `mutation { ...Sneaky } fragment Sneaky on Mutation { setDefaultPolicy(policyId: "support-default") { id } }`,
      undefined,
      keys.get('editor'),
    );
    expect(status).toBe(403);
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: BatonErrorCode.Forbidden, role: 'editor', fields: ['Mutation.setDefaultPolicy'] } });
  });

  it('tells each key who it is and what it may call', async () => {
    const { body } = await t.gql<{ viewer: { role: string; allowedOperations: string[] } }>(
      `{ viewer { keyId role allowedOperations } }`,
      undefined,
      keys.get('bot'),
    );
    expect(body.data?.viewer.role).toBe('BOT');
    expect(body.data?.viewer.allowedOperations.sort()).toEqual([
      'Mutation.abandonHandoff',
      'Mutation.acceptHandoff',
      'Mutation.recordAiOutcome',
      'Mutation.recordHandoffOutcome',
      'Mutation.releaseAssignment',
      'Mutation.resolveHandoff',
      'Mutation.startHandoff',
      'Query.assignment',
      'Query.decideHandoff',
      'Query.handoff',
      'Query.viewer',
      'Subscription.handoffUpdated',
    ]);
  });
});
