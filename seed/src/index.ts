/**
 * @baton/seed: the reference policy, sample conversations for it, and the loader that fills
 * an empty store on first start. Depends on `@baton/schemas` only.
 */
export { referencePolicy } from './reference-policy';
export type { SeedPolicy } from './reference-policy';
export { loadSeed, SEED_COMMENT } from './load-seed';
export type { SeedTarget } from './load-seed';
export { sampleConversations } from './conversations/sample-conversations';
export { toDecideHandoffInput } from './conversations/sample-conversation';
export type { SampleConversation, SampleExpectation, SampleInput } from './conversations/sample-conversation';
export { seedDirectory, loadSeedDirectory } from './directory/seed-directory';
export type { SeedDirectory, SeedAgent, DirectorySeedTarget } from './directory/seed-directory';
