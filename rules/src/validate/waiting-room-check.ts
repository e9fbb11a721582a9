/**
 * Internal: the waiting room's settings beyond their shape: update gaps in order, and templates
 * naming only the placeholders Baton fills in (`WAITING_ROOM_PLACEHOLDERS`); a misspelt
 * `{postion}` would otherwise reach the customer as it is.
 */
import { DEFAULT_WAITING_ROOM, WAITING_ROOM_PLACEHOLDERS, type TriggerSettings } from '@baton/schemas';
import { DiagnosticCode, error, type Diagnostic } from './diagnostic';

const KNOWN: ReadonlySet<string> = new Set(WAITING_ROOM_PLACEHOLDERS);
const TEMPLATE_NAMES = { updateMessage: 'update message', callbackOffer: 'callback offer' } as const;

/** One error per problem of `settings.waitingRoom` (none when the policy has no waiting-room settings). */
export function checkWaitingRoom(settings: TriggerSettings): Diagnostic[] {
  const room = settings.waitingRoom;
  if (!room) return [];
  const problems: Diagnostic[] = [];
  // A gap left out takes its default, which may not fit the other one set.
  const min = room.minUpdateIntervalSeconds ?? DEFAULT_WAITING_ROOM.minUpdateIntervalSeconds;
  const max = room.maxUpdateIntervalSeconds ?? DEFAULT_WAITING_ROOM.maxUpdateIntervalSeconds;
  if (min > max) {
    problems.push(
      error(
        DiagnosticCode.InvalidSettings,
        `Waiting room: the shortest gap between updates (${min} s) is longer than the longest (${max} s); make the longest at least the shortest.`,
      ),
    );
  }
  for (const field of ['updateMessage', 'callbackOffer'] as const) {
    for (const [language, template] of Object.entries(room[field] ?? {})) {
      const unknown = [...template.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1] ?? '').filter((name) => !KNOWN.has(name));
      if (unknown.length === 0) continue;
      problems.push(
        error(
          DiagnosticCode.InvalidSettings,
          `Waiting room ${TEMPLATE_NAMES[field]} (${language}) uses ${unknown.map((n) => `{${n}}`).join(', ')}, which Baton does not fill in; ` +
            `use ${WAITING_ROOM_PLACEHOLDERS.map((n) => `{${n}}`).join(', ')}.`,
        ),
      );
    }
  }
  return problems;
}
