/** GraphQL resolvers of roles and API keys: argument plumbing only, logic in AuthService. */
import type { Resolver } from '../../graphql/context';
import type { ApiKeyRecord } from './api-key-store';
import type { CreatedApiKey, Principal } from './auth-service';
import { OPERATION_ROLES } from './permissions';
import type { Role } from './roles';

export const authResolvers: {
  Role: Record<Uppercase<Role>, Role>;
  Query: {
    viewer: Resolver<unknown, Record<string, never>, Principal & { allowedOperations: string[] }>;
    apiKeys: Resolver<unknown, Record<string, never>, ApiKeyRecord[]>;
  };
  Mutation: {
    createApiKey: Resolver<unknown, { name: string; role: Role }, CreatedApiKey>;
    revokeApiKey: Resolver<unknown, { id: string }, ApiKeyRecord>;
  };
  ApiKey: {
    name: Resolver<ApiKeyRecord, unknown, string>;
    active: Resolver<ApiKeyRecord, unknown, boolean>;
  };
} = {
  Role: { ADMIN: 'admin', PUBLISHER: 'publisher', EDITOR: 'editor', AUDITOR: 'auditor', BOT: 'bot' },
  Query: {
    viewer: (_parent, _args, { principal }) => ({
      ...principal,
      allowedOperations: Object.entries(OPERATION_ROLES)
        .filter(([, roles]) => roles.includes(principal.role))
        .map(([operation]) => operation),
    }),
    apiKeys: (_parent, _args, { auth }) => auth.listKeys(),
  },
  Mutation: {
    createApiKey: (_parent, { name, role }, { auth, principal }) => auth.createKey(name, role, principal),
    revokeApiKey: (_parent, { id }, { auth, principal }) => auth.revokeKey(id, principal),
  },
  ApiKey: {
    name: (key) => key.label,
    active: (key) => key.revokedAt === null,
  },
};
