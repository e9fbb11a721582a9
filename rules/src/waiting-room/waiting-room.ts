/**
 * The waiting room of a queued handoff: which update the customer should hear now, when the next
 * one is due, and — past the policy's threshold — the callback or email offer, each rendered
 * from the policy's templates in the conversation's language. Pure: the clock (`now`) and the
 * handoff's facts are passed in.
 *
 * Schedule: the first update is due `firstUpdateAfterSeconds` after the customer started waiting,
 * each later one a gap of `minUpdateIntervalSeconds`..`maxUpdateIntervalSeconds` after the one
 * before. A gap is drawn from a hash of the handoff's id and the update's number, so updates do
 * not tick like a metronome, yet every read (any server, any retry) sees the same schedule.
 */
import { DEFAULT_WAITING_ROOM, type ResolvedWaitingRoomSettings, type WaitingRoomSettings } from '@baton/schemas';
import { ordinal, phraseLanguage, waitPhrase } from './waiting-phrases';

/** What the waiting room is computed from. */
export interface WaitingRoomInput {
  /** When the customer started waiting: the handoff's start (a handoff sent back to the queue keeps it). */
  waitingSince: Date;
  now: Date;
  /** 1-based place in the queue. */
  position: number;
  /** Expected wait in seconds; null when unknown (no agent online). */
  estimatedWaitSeconds: number | null;
  /** The conversation's language (ISO 639-1); a language without a template gets the English one. */
  language: string;
  queueName: string;
  /** Seeds the gaps between updates: the handoff's id. */
  seed: string;
  /** The policy's `settings.waitingRoom`; whatever it leaves out comes from `DEFAULT_WAITING_ROOM`. */
  settings?: WaitingRoomSettings;
}

/** Where a queued customer stands in the waiting room. */
export interface WaitingRoomState {
  /** The language of the templates used (the conversation's, or `en` when neither the policy nor Baton has one in it). */
  language: string;
  /** Seconds waited so far (never negative). */
  waitedSeconds: number;
  /** How many updates are due so far; the current message is the `updateNumber`-th (0: none yet). */
  updateNumber: number;
  /** The update to say now, with the current position and wait; null before the first is due. */
  message: string | null;
  /** When the current update became due; null before the first. */
  messageAt: Date | null;
  /** When the next update is due. */
  nextUpdateAt: Date;
  /** The callback or email offer, once the wait has passed `callbackOfferAfterSeconds`; null before. */
  callbackOffer: string | null;
  /** When the offer is (or was) due. */
  callbackOfferAt: Date;
}

/** Settings with every field a policy left out taken from the defaults (templates are merged per language). */
export function resolveWaitingRoomSettings(settings: WaitingRoomSettings = {}): ResolvedWaitingRoomSettings {
  return {
    firstUpdateAfterSeconds: settings.firstUpdateAfterSeconds ?? DEFAULT_WAITING_ROOM.firstUpdateAfterSeconds,
    minUpdateIntervalSeconds: settings.minUpdateIntervalSeconds ?? DEFAULT_WAITING_ROOM.minUpdateIntervalSeconds,
    maxUpdateIntervalSeconds: settings.maxUpdateIntervalSeconds ?? DEFAULT_WAITING_ROOM.maxUpdateIntervalSeconds,
    callbackOfferAfterSeconds: settings.callbackOfferAfterSeconds ?? DEFAULT_WAITING_ROOM.callbackOfferAfterSeconds,
    updateMessage: { ...DEFAULT_WAITING_ROOM.updateMessage, ...settings.updateMessage },
    callbackOffer: { ...DEFAULT_WAITING_ROOM.callbackOffer, ...settings.callbackOffer },
  };
}

/** FNV-1a (32 bit) of `text` as a fraction in [0, 1): a stable, well-spread draw without randomness. */
function draw(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash / 0x1_0000_0000;
}

/** Seconds between update `n` and update `n + 1`, in [min, max] (whole seconds). */
export function updateGapSeconds(seed: string, n: number, minSeconds: number, maxSeconds: number): number {
  const low = Math.min(minSeconds, maxSeconds);
  const high = Math.max(minSeconds, maxSeconds);
  return low + Math.floor(draw(`${seed}:${n}`) * (high - low + 1));
}

/** The template of `language`, else the English one, with its language. */
function templateFor(templates: Record<string, string>, language: string): { language: string; template: string } {
  const own = templates[language];
  if (own !== undefined && own.trim() !== '') return { language, template: own };
  return { language: 'en', template: templates.en ?? '' };
}

/** `template` with `{position}`, `{wait}` and `{queueName}` filled in; spaces left by an empty value are tidied. */
function render(template: string, values: Record<'position' | 'wait' | 'queueName', string>): string {
  return template
    .replace(/\{(position|wait|queueName)\}/g, (_match, name: keyof typeof values) => values[name])
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/**
 * The waiting room at `input.now`.
 * @returns the state; with `now` before `waitingSince` (clock skew) the customer has waited 0 s
 */
export function waitingRoomState(input: WaitingRoomInput): WaitingRoomState {
  const settings = resolveWaitingRoomSettings(input.settings);
  const start = input.waitingSince.getTime();
  const waitedMs = Math.max(0, input.now.getTime() - start);
  const at = (seconds: number) => new Date(start + seconds * 1000);

  let updateNumber = 0;
  let dueSeconds = settings.firstUpdateAfterSeconds;
  let currentSeconds: number | null = null;
  while (dueSeconds * 1000 <= waitedMs) {
    updateNumber++;
    currentSeconds = dueSeconds;
    dueSeconds += updateGapSeconds(input.seed, updateNumber, settings.minUpdateIntervalSeconds, settings.maxUpdateIntervalSeconds);
  }

  const requested = input.language.trim().toLowerCase().slice(0, 2);
  const update = templateFor(settings.updateMessage, requested);
  const values = (language: string) => ({
    position: ordinal(input.position, phraseLanguage(language)),
    wait: waitPhrase(input.estimatedWaitSeconds, phraseLanguage(language)),
    queueName: input.queueName,
  });
  const offer = templateFor(settings.callbackOffer, requested);
  const offerDue = waitedMs >= settings.callbackOfferAfterSeconds * 1000;
  return {
    language: update.language,
    waitedSeconds: Math.floor(waitedMs / 1000),
    updateNumber,
    message: currentSeconds === null ? null : render(update.template, values(update.language)),
    messageAt: currentSeconds === null ? null : at(currentSeconds),
    nextUpdateAt: at(dueSeconds),
    callbackOffer: offerDue ? render(offer.template, values(offer.language)) : null,
    callbackOfferAt: at(settings.callbackOfferAfterSeconds),
  };
}
