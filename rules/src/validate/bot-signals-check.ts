/**
 * Internal: `botSignals.intentTopics` entries whose topic the policy does not define are refused
 * at validation: such an intent would never raise anything, and ops would believe it does.
 */
import type { TriggerSettings } from '@baton/schemas';
import { DiagnosticCode, error, type Diagnostic } from './diagnostic';

/** One error per intent mapped to an unknown topic. */
export function checkBotSignals(settings: TriggerSettings): Diagnostic[] {
  const known = Object.keys(settings.topics);
  return Object.entries(settings.botSignals?.intentTopics ?? {})
    .filter(([, topic]) => !known.includes(topic))
    .map(([intent, topic]) =>
      error(
        DiagnosticCode.InvalidSettings,
        `Bot intent "${intent}" maps to topic "${topic}", which this policy does not define; use one of: ${known.join(', ')}.`,
      ),
    );
}
