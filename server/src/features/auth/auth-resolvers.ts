/** GraphQL resolvers of roles and API keys: argument plumbing only, logic in AuthService. */
import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { OPERATION_ROLES } from './permissions';
import { ROLES } from './roles';

export const authResolvers: Resolvers = {
  // Each SDL name (ADMIN) resolves to the stored role (admin).
  Role: Object.fromEntries(ROLES.map((role) => [role.toUpperCase(), role])),
  Query: {
    viewer: (_parent, _args, { principal }) => ({
      ...principal,
      allowedOperations: Object.entries(OPERATION_ROLES)
        .filter(([, roles]) => roles.includes(principal.role))
        .map(([operation]) => operation),
    }),
    apiKeys: (_parent, _args, { auth }) => auth.listKeys(),
    keyNames: (_parent, { ids }, { auth }) => auth.keyNames(ids),
  },
  Mutation: {
    createApiKey: (_parent, { name, role }, { auth, principal }) => auth.createKey(name, role, principal),
    revokeApiKey: (_parent, { id }, { auth, principal }) => auth.revokeKey(id, principal),
  },
  ApiKey: {
    name: (key) => key.label,
    active: (key) => key.revokedAt === null,
  },
  KeyName: {
    name: (key) => key.label,
    active: (key) => key.revokedAt === null,
  },
};
