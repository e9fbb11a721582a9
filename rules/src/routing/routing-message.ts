/**
 * What routing adds to the customer message, in the conversation's language (en, es, pt, de,
 * fr; English otherwise): the expected wait after a handoff's template, and the callback offer
 * when every target queue is closed, with the opening time in the customer's time zone (the
 * queue's when the customer's is unknown).
 */
import { DateTime } from 'luxon';
import { isValidTimeZone } from './business-hours';

type Templates = Record<'en' | 'es' | 'pt' | 'de' | 'fr', string>;

const SOON: Templates = {
  en: 'Someone will be with you in under a minute.',
  es: 'Alguien le atenderá en menos de un minuto.',
  pt: 'Alguém vai atender você em menos de um minuto.',
  de: 'In weniger als einer Minute ist jemand für Sie da.',
  fr: "Quelqu'un sera avec vous dans moins d'une minute.",
};

const WAIT: Templates = {
  en: 'The expected wait is about {minutes} min.',
  es: 'El tiempo de espera estimado es de unos {minutes} min.',
  pt: 'O tempo de espera estimado é de cerca de {minutes} min.',
  de: 'Die voraussichtliche Wartezeit beträgt etwa {minutes} Min.',
  fr: "L'attente estimée est d'environ {minutes} min.",
};

const CALLBACK: Templates = {
  en: 'Our {queueName} team is not available right now; it opens again {opening}. Would you like them to call you back then? They will see this whole conversation, so you will not need to repeat anything.',
  es: 'Nuestro equipo de {queueName} no está disponible ahora; vuelve a abrir {opening}. ¿Quiere que le llamen entonces? Verán toda esta conversación, así que no tendrá que repetir nada.',
  pt: 'Nossa equipe de {queueName} não está disponível agora; volta a abrir {opening}. Quer que liguem para você nesse horário? Eles verão toda esta conversa, então você não precisará repetir nada.',
  de: 'Unser Team {queueName} ist gerade nicht erreichbar; es ist wieder {opening} da. Sollen wir Sie dann zurückrufen? Das Team sieht das gesamte Gespräch, Sie müssen also nichts wiederholen.',
  fr: "Notre équipe {queueName} n'est pas disponible pour le moment ; elle rouvre {opening}. Voulez-vous qu'elle vous rappelle à ce moment-là ? Elle verra toute cette conversation, vous n'aurez rien à répéter.",
};

const OPENING_UNKNOWN: Templates = { en: 'later', es: 'más tarde', pt: 'mais tarde', de: 'später', fr: 'plus tard' };

const pick = (templates: Templates, language: string): string => templates[language as keyof Templates] ?? templates.en;

/** The expected-wait sentence; null when the wait is unknown. */
export function waitSentence(waitSeconds: number | null, language: string): string | null {
  if (waitSeconds === null) return null;
  if (waitSeconds < 60) return pick(SOON, language);
  return pick(WAIT, language).replace('{minutes}', String(Math.round(waitSeconds / 60)));
}

/**
 * The callback offer for a closed queue.
 * @param timeZone - the customer's IANA zone, else the queue's; UTC when neither is valid
 */
export function callbackMessage(queueName: string, opensAt: Date | null, language: string, timeZone: string): string {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const opening = opensAt
    ? DateTime.fromJSDate(opensAt)
        .setZone(zone)
        .setLocale(language)
        .toLocaleString({ weekday: 'long', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' })
    : pick(OPENING_UNKNOWN, language);
  return pick(CALLBACK, language).replace('{queueName}', queueName).replace('{opening}', opening);
}
