/**
 * Waiting-room settings of a policy: when a queued customer hears an update, how often, when a
 * callback or email is offered, and what is said, per language. Every field is optional: what a
 * policy leaves out comes from `DEFAULT_WAITING_ROOM`. The defaults follow the support guides
 * Baton is built for: updates every 60–90 s once a customer has waited 2 minutes, a callback
 * offer past 10 minutes.
 */
import { Type, type Static } from '@sinclair/typebox';

/** The placeholders a waiting-room template may use; any other `{name}` is refused at validation. */
export const WAITING_ROOM_PLACEHOLDERS = ['position', 'wait', 'queueName'] as const;

/** Templates per language code, as a leaf's `message` (ISO 639-1 keys, at most 2,000 characters each). */
const templates = (description: string) =>
  Type.Optional(
    Type.Record(Type.String({ pattern: '^[a-z]{2}$' }), Type.String({ minLength: 1, maxLength: 2000 }), { description, additionalProperties: false }),
  );

const seconds = (description: string, minimum: number, maximum: number, defaultValue: number) =>
  Type.Optional(Type.Integer({ minimum, maximum, default: defaultValue, description }));

export const WaitingRoomSettingsSchema = Type.Object(
  {
    firstUpdateAfterSeconds: seconds('Seconds a queued customer waits before the first update (default 120).', 0, 3600, 120),
    minUpdateIntervalSeconds: seconds('Fewest seconds between two updates (default 60).', 15, 3600, 60),
    maxUpdateIntervalSeconds: seconds('Most seconds between two updates (default 90); each gap is picked in between, the same on every read.', 15, 3600, 90),
    callbackOfferAfterSeconds: seconds('Seconds of waiting after which a callback or email is offered (default 600).', 0, 86400, 600),
    updateMessage: templates(
      'The update per language; {position} is the ordinal place ("2nd"), {wait} the expected wait ("about 3 minutes"), {queueName} the queue. A language left out uses the default.',
    ),
    callbackOffer: templates('The callback or email offer per language; the same placeholders as the update. A language left out uses the default.'),
  },
  { additionalProperties: false },
);

/** A policy's waiting-room settings, as stored (every field optional). */
export type WaitingRoomSettings = Static<typeof WaitingRoomSettingsSchema>;

/** Waiting-room settings with every default applied. */
export type ResolvedWaitingRoomSettings = Required<WaitingRoomSettings>;

/**
 * Baton's own waiting-room settings, written natively in en, es, pt, de and fr. The ordinal
 * `{position}` takes the form that agrees with each default's noun (es, pt "lugar": 2.º / 2º;
 * fr "position": 1re, 2e), and `{wait}` reads after each default's preposition (in, en, em,
 * in, dans).
 */
export const DEFAULT_WAITING_ROOM: ResolvedWaitingRoomSettings = {
  firstUpdateAfterSeconds: 120,
  minUpdateIntervalSeconds: 60,
  maxUpdateIntervalSeconds: 90,
  callbackOfferAfterSeconds: 600,
  updateMessage: {
    en: "You're now {position} in the queue; someone from our {queueName} team should be with you in {wait}. Thanks for waiting.",
    es: 'Ahora ocupa el {position} lugar en la cola; alguien de nuestro equipo de {queueName} le atenderá en {wait}. Gracias por esperar.',
    pt: 'Agora você está em {position} lugar na fila; alguém da nossa equipe de {queueName} vai atender você em {wait}. Obrigado por aguardar.',
    de: 'Sie sind jetzt an {position} Stelle in der Warteschlange; in {wait} ist jemand aus unserem Team {queueName} für Sie da. Danke für Ihre Geduld.',
    fr: "Vous êtes maintenant en {position} position dans la file d'attente ; quelqu'un de notre équipe {queueName} sera avec vous dans {wait}. Merci de votre patience.",
  },
  callbackOffer: {
    en: "Sorry the wait is taking this long. Would you rather have our {queueName} team call you back or answer by email? You'd keep this conversation, so there's nothing to repeat.",
    es: 'Sentimos que la espera se alargue tanto. ¿Prefiere que nuestro equipo de {queueName} le llame o le responda por correo electrónico? Conservará esta conversación, así que no tendrá que repetir nada.',
    pt: 'Desculpe a demora. Prefere que a nossa equipe de {queueName} ligue para você ou responda por e-mail? Esta conversa fica guardada, então não será preciso repetir nada.',
    de: 'Entschuldigen Sie die lange Wartezeit. Möchten Sie lieber, dass unser Team {queueName} Sie zurückruft oder per E-Mail antwortet? Dieses Gespräch bleibt erhalten, Sie müssen also nichts wiederholen.',
    fr: "Désolés pour cette longue attente. Préférez-vous que notre équipe {queueName} vous rappelle ou vous réponde par e-mail ? Cette conversation est conservée, vous n'aurez rien à répéter.",
  },
};
