/** GraphQL resolvers of the audit log: argument plumbing only, logic in AuditService. */
import type { AuditFilter as AuditFilterArgs, Resolvers } from '../../graphql/generated/resolvers-types';
import type { AuditFilter } from './audit-log-store';

/** GraphQL nulls mean "no filter", as omitted fields do. */
function toFilter(args: AuditFilterArgs | null | undefined): AuditFilter {
  const filter: AuditFilter = {};
  if (args?.actorKeyId != null) filter.actorKeyId = args.actorKeyId;
  if (args?.action != null) filter.action = args.action;
  if (args?.targetType != null) filter.targetType = args.targetType;
  if (args?.targetId != null) filter.targetId = args.targetId;
  if (args?.from != null) filter.from = args.from;
  if (args?.to != null) filter.to = args.to;
  return filter;
}

export const auditResolvers: Resolvers = {
  Query: {
    auditLog: async (_parent, { filter, first, after }, { audit }) => {
      const page = await audit.list(toFilter(filter), first, after ?? null);
      return { nodes: page.events, pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage } };
    },
    verifyAuditLog: (_parent, _args, { audit }) => audit.verify(),
  },
};
