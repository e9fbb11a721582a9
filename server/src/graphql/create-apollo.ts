/**
 * Builds Apollo Server over the shared SDL and the feature resolvers. Request errors are
 * reshaped by `createFormatError`; stack traces never reach clients; landing page, usage
 * reporting and automatic persisted queries are off; signals are handled by `main.ts`.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { typeDefs } from '@baton/schemas';
import { decisionResolvers } from '../features/decisions/decision-resolvers';
import { policyResolvers } from '../features/policies/policy-resolvers';
import type { Logger } from '../logger';
import type { BatonContext } from './context';
import { createFormatError } from './format-error';
import { scalarResolvers } from './scalars';

/** The resolver map for the whole schema. */
export function buildResolvers() {
  return {
    ...scalarResolvers,
    Query: { ...decisionResolvers.Query, ...policyResolvers.Query },
    Mutation: policyResolvers.Mutation,
    Policy: policyResolvers.Policy,
    PolicyDraft: policyResolvers.PolicyDraft,
  };
}

/** A configured, not yet started Apollo Server. */
export function createApollo(logger: Logger): ApolloServer<BatonContext> {
  const text = (args: unknown[]) => args.map(String).join(' ');
  return new ApolloServer<BatonContext>({
    typeDefs,
    resolvers: buildResolvers(),
    formatError: createFormatError(logger),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    persistedQueries: false,
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginUsageReportingDisabled()],
    logger: {
      debug: () => undefined,
      info: (...args: unknown[]) => logger.info(text(args)),
      warn: (...args: unknown[]) => logger.warn(text(args)),
      error: (...args: unknown[]) => logger.error(text(args)),
    },
  });
}
