/** `sampleConversations`: the seed's sample conversations, for the editor's test panel. */
import { sampleConversations } from '@baton/seed';
import type { Resolvers } from '../../graphql/generated/resolvers-types';

export const sampleConversationResolvers: Resolvers = {
  Query: {
    sampleConversations: () => [...sampleConversations],
  },
};
