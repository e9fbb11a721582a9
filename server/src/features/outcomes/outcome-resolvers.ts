/** GraphQL resolvers of outcomes, KPIs and suggestions: argument plumbing only, logic in OutcomeService. */
import type { BatonContext } from '../../graphql/context';
import type { Resolvers } from '../../graphql/generated/resolvers-types';
import type { OutcomeRecord } from './outcome-store';

const actorOf = ({ principal }: BatonContext) => ({ keyId: principal.keyId, role: principal.role });
const secondsBetween = (from: Date, to: Date | null): number | null => (to === null ? null : (to.getTime() - from.getTime()) / 1000);

export const outcomeResolvers: Resolvers = {
  Query: {
    outcome: (_p, { conversationId, kind }, { outcomes }) => outcomes.getOutcome(conversationId, kind),
    handoffKpis: (_p, { filter, bucket, timeZone }, { outcomes }) => outcomes.kpis(filter, bucket ?? 'DAY', timeZone ?? 'UTC'),
    handoffSuggestions: (_p, { filter, minVerdicts, threshold, minCorrections }, { outcomes }) =>
      outcomes.suggestions(filter, { minVerdicts: minVerdicts ?? undefined, threshold: threshold ?? undefined, minCorrections: minCorrections ?? undefined }),
  },
  Mutation: {
    recordHandoffOutcome: (_p, { input }, context) => context.outcomes.recordHandoffOutcome(input, actorOf(context)),
    recordAiOutcome: (_p, { input }, context) => context.outcomes.recordAiOutcome(input, actorOf(context)),
    createDatasetFromSuggestion: (_p, { input }, context) => context.outcomes.datasetFromSuggestion(input, actorOf(context)),
  },
  Outcome: {
    firstResponseSeconds: (o: OutcomeRecord) => secondsBetween(o.decidedAt, o.firstAgentResponseAt),
    resolutionSeconds: (o: OutcomeRecord) => secondsBetween(o.decidedAt, o.resolvedAt),
  },
  KpiFigures: {
    outcomeDecisionIds: (figures, { kind, resolution, verdict, first }, { outcomes }) =>
      outcomes.outcomeDecisionIds(figures.slice, { kind: kind ?? 'HANDOFF', resolution, verdict }, first ?? 20),
  },
  HandoffSuggestion: {
    examples: (suggestion, { first }, { outcomes }) => outcomes.examples(suggestion, first ?? 5),
  },
  OutcomeExample: {
    decision: (outcome, _args, { decisionLog }) => decisionLog.getDecision(outcome.decisionId),
  },
};
