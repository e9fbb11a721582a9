/**
 * Builds Apollo Server over the shared SDL and the feature resolvers. Request errors are
 * reshaped by `createFormatError`; stack traces never reach clients; landing page, usage
 * reporting and automatic persisted queries are off, and so are cache-control hints (every
 * operation is a POST no HTTP cache keeps; the plugin's per-field hook cost about 4% of a
 * decision's allocations); signals are handled by `main.ts`.
 */
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { typeDefs } from '@baton/schemas';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { GraphQLScalarType, type GraphQLSchema } from 'graphql';
import { auditResolvers } from '../features/audit/audit-resolvers';
import { authResolvers } from '../features/auth/auth-resolvers';
import { backtestResolvers } from '../features/backtest/backtest-resolvers';
import { decisionResolvers } from '../features/decisions/decision-resolvers';
import { decisionLogResolvers } from '../features/decisions/decision-log-resolvers';
import { policyGovernanceResolvers } from '../features/policies/policy-governance-resolvers';
import { policyResolvers } from '../features/policies/policy-resolvers';
import { policyDiffResolvers } from '../features/policies/policy-diff';
import { sampleConversationResolvers } from '../features/decisions/sample-conversations-resolver';
import { createTestDraftResolvers } from '../features/decisions/test-draft-resolver';
import { directoryResolvers } from '../features/directory/directory-resolvers';
import { handoffResolvers } from '../features/handoffs/handoff-resolvers';
import { idempotencyPlugin } from '../features/idempotency/idempotency-plugin';
import { subscriptionResolvers } from '../features/handoffs/subscription-resolvers';
import { outcomeResolvers } from '../features/outcomes/outcome-resolvers';
import { webhookResolvers } from '../features/webhooks/webhook-resolvers';
import { DEFAULT_GRAPHQL_LIMITS, DEFAULT_LIMITS, type GraphQLLimits, type RequestLimits } from '../config';
import type { Logger } from '../logger';
import { authorizePlugin } from './authorize';
import type { BatonContext } from './context';
import { createFormatError, errorRequestIdsPlugin } from './format-error';
import type { Resolvers } from './generated/resolvers-types';
import { operationLimitOptions } from './operation-limits';
import { createScalarResolvers, scalarResolvers } from './scalars';

/** Each feature's resolvers; a feature adds its map here and its SDL to `schemas/graphql/`. */
const FEATURE_RESOLVERS: Resolvers[] = [
  scalarResolvers,
  decisionResolvers,
  policyResolvers,
  policyGovernanceResolvers,
  authResolvers,
  auditResolvers,
  policyDiffResolvers,
  decisionLogResolvers,
  directoryResolvers,
  handoffResolvers,
  subscriptionResolvers,
  backtestResolvers,
  outcomeResolvers,
  webhookResolvers,
];

/**
 * The resolver map for the whole schema: the feature maps merged type by type.
 * @throws when two features resolve the same field (a wiring mistake, caught at start-up).
 */
export function buildResolvers(features: readonly Resolvers[] = FEATURE_RESOLVERS): Resolvers {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const feature of features) {
    for (const [typeName, fields] of Object.entries(feature)) {
      if (fields instanceof GraphQLScalarType) {
        merged[typeName] = fields as unknown as Record<string, unknown>;
        continue;
      }
      const target = (merged[typeName] ??= {});
      for (const [field, resolver] of Object.entries(fields)) {
        if (field in target) throw new Error(`Two features resolve ${typeName}.${field}`);
        target[field] = resolver;
      }
    }
  }
  return merged;
}

/**
 * The executable schema, shared by Apollo (queries and mutations over HTTP) and the graphql-ws
 * server (subscriptions), as Apollo Server's subscriptions guide builds it.
 */
export function createBatonSchema(limits: RequestLimits = DEFAULT_LIMITS): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs,
    // The JSON scalar with the configured limits replaces the default one (scalars are not merged field by field).
    resolvers: buildResolvers([
      ...FEATURE_RESOLVERS,
      sampleConversationResolvers,
      createTestDraftResolvers({ limits }),
      createScalarResolvers(limits),
    ]) as never,
  });
}

/**
 * A configured, not yet started Apollo Server over `schema`; `onErrorCode` is told the code of
 * every error sent. `graphqlLimits` bound every operation before it runs (`operation-limits.ts`).
 */
export function createApollo(
  logger: Logger,
  limits: RequestLimits = DEFAULT_LIMITS,
  onErrorCode?: (code: string) => void,
  graphqlLimits: GraphQLLimits = DEFAULT_GRAPHQL_LIMITS,
  schema: GraphQLSchema = createBatonSchema(limits),
): ApolloServer<BatonContext> {
  const guarded = operationLimitOptions(graphqlLimits);
  return new ApolloServer<BatonContext>({
    schema,
    formatError: createFormatError(logger, onErrorCode),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    persistedQueries: false,
    stopOnTerminationSignals: false,
    parseOptions: guarded.parseOptions,
    validationRules: guarded.validationRules,
    plugins: [
      errorRequestIdsPlugin(),
      authorizePlugin(),
      ...guarded.plugins,
      idempotencyPlugin(),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginCacheControlDisabled(),
    ],
    logger,
  });
}
