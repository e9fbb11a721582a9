/** `sampleConversations`: the seed's sample conversations, for the editor's test panel. */
import { sampleConversations, type SampleConversation } from '@baton/seed';
import type { Resolver } from '../../graphql/context';

export const sampleConversationResolvers: { Query: { sampleConversations: Resolver<unknown, Record<string, never>, readonly SampleConversation[]> } } = {
  Query: {
    sampleConversations: () => sampleConversations,
  },
};
