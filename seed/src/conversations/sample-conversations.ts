/**
 * Every sample conversation, one JSON file per branch of the reference policy plus
 * `stay.json` (risky-looking conversations the AI keeps) and `precedence.json` (several
 * triggers at once; the first in table order must win).
 */
import type { SampleConversation } from './sample-conversation';
import crisisJson from './crisis.json';
import securityJson from './security.json';
import legalJson from './legal.json';
import billingDisputeJson from './billing-dispute.json';
import cancellationJson from './cancellation.json';
import customerRequestJson from './customer-request.json';
import enterpriseJson from './enterprise.json';
import sentimentJson from './sentiment.json';
import lowConfidenceJson from './low-confidence.json';
import repeatedQuestionJson from './repeated-question.json';
import noProgressJson from './no-progress.json';
import stayJson from './stay.json';
import precedenceJson from './precedence.json';

// Safe cast: the files are shipped data whose JSON literals TypeScript widens (`"speaker":
// "BOT"` becomes `string`); `sample-conversations.test.ts` checks every entry's structure and
// its expectation against the graph's leaves.
const groups = [
  crisisJson,
  securityJson,
  legalJson,
  billingDisputeJson,
  cancellationJson,
  customerRequestJson,
  enterpriseJson,
  sentimentJson,
  lowConfidenceJson,
  repeatedQuestionJson,
  noProgressJson,
  stayJson,
  precedenceJson,
] as unknown as SampleConversation[][];

/** All sample conversations, in reference-table order of the branch they exercise, then stay and precedence cases. */
export const sampleConversations: readonly SampleConversation[] = groups.flat();
