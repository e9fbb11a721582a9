/**
 * What the bot tried, and how it went. Attempts come from `input.attempts` when the integration
 * sends any (`source: 'reported'`); otherwise they are detected in the bot's messages
 * (`source: 'detected'`), in en, es, pt, de, fr:
 *
 * - a sentence of a bot message that reports a completed action in the first person —
 *   "I've sent…", "I have restarted…", "we've issued…", "te he enviado…", "acabo de reiniciar…",
 *   "enviei…", "ich habe … zurückgesetzt", "je vous ai envoyé…" — or hands something over with
 *   "here is / here are", "aquí tiene", "segue", "hier sind", "voici" (these only when they
 *   name a known kind). Offers and plans ("would you like me to send…", "I'll restart…") and
 *   negated actions ("I have not sent") are not attempts;
 * - the kind comes from that sentence: password reset, refund, invoice list, restart, order
 *   status, help article; any other action is quoted (its sentence, clipped).
 *
 * The result is read from the customer's next message: "didn't work", "still…", "same error",
 * "never got it", "no funciona", "sigue", "ainda", "não chegou", "immer noch", "funktioniert
 * nicht", "toujours pas", "rien reçu"… → `failed`; "it worked", "works now", "funcionó",
 * "resolvido", "hat geklappt", "ça marche"… → `succeeded`; otherwise (or with no reply yet)
 * `unknown`. Like the signals stage, only the first `ANALYSED_CHARS_PER_MESSAGE` (2,000)
 * characters of a message are read. A reported attempt keeps its result text; it succeeded when that text reads as a
 * success ("resolved", "done", "sent"…) and not as a failure (`signals/attempts.ts`).
 */
import type { AttemptInput, ContextPackage, MessageInput } from '@baton/schemas';
import { isFailedResult } from '../signals/attempts';
import { ANALYSED_CHARS_PER_MESSAGE } from '../signals/read-messages';
import { foldText } from '../signals/text-normalise';
import { LRUCache } from 'lru-cache';
import { clip } from './display-text';
import { dateOf } from './time-offsets';

/** What an attempt was about; `other` carries the bot's own words as its action. */
export type AttemptKind = 'password_reset' | 'refund' | 'invoices' | 'restart' | 'order_status' | 'help_article' | 'other';

/** An attempt of the package plus what the greeting and summary need. */
export interface AttemptFinding {
  attempt: ContextPackage['attempts'][number];
  kind: AttemptKind;
  /** The bot message it was detected in (0-based), null when reported. */
  messageIndex: number | null;
}

/** Longest quoted action of an `other` attempt. */
export const ACTION_MAX = 80;

const FIRST_PERSON_DONE = new RegExp(
  [
    // en
    "(?<!\\b(?:can|could|shall|should|may|might|will|would|do|did|if|when|once|before|after|until|unless) )\\b(?:i|we)(?:'ve| have)?(?: just| now| already| also)? (?:sent|re-?sent|emailed|reset|restarted|rebooted|refreshed|cleared|issued|processed|refunded|credited|cancell?ed|updated|checked|verified|escalated|applied|opened|created|reactivated|unlocked|re-?synced|added|removed|changed|fixed|shared|attached|requested|submitted|raised|filed|initiated|triggered|generated|pulled up)\\b",
    // es
    '\\b(?:(?:te|le|les|se lo|se la) )?(?:he|hemos)(?: vuelto a)? (?:enviado|mandado|reenviado|reiniciado|restablecido|reseteado|reembolsado|procesado|emitido|cancelado|anulado|actualizado|verificado|revisado|comprobado|escalado|aplicado|abierto|creado|reactivado|desbloqueado|generado|solicitado|compartido|adjuntado)\\b',
    '\\b(?:te|le|les) (?:envie|mande|reenvie)\\b',
    '\\bacabo de (?:enviar|mandar|reiniciar|restablecer|procesar|reembolsar|cancelar|actualizar|verificar|revisar|solicitar)\\b',
    // pt
    '\\b(?:eu |nos )?(?:ja )?(?:(?:te|lhe) )?(?:enviei|mandei|reenviei|reiniciei|redefini|resetei|reembolsei|processei|emiti|cancelei|atualizei|verifiquei|conferi|escalei|apliquei|criei|reativei|desbloqueei|gerei|solicitei|compartilhei|anexei)\\b',
    '\\bacabei de (?:enviar|mandar|reiniciar|redefinir|processar|reembolsar|cancelar|atualizar|verificar|solicitar)\\b',
    // de
    '\\b(?:ich|wir) (?:habe|haben|hab) [^.!?]{0,60}?\\b(?:gesendet|geschickt|zugeschickt|gesandt|verschickt|neu gestartet|neugestartet|zuruckgesetzt|erstattet|gutgeschrieben|storniert|aktualisiert|gepruft|uberpruft|kontrolliert|weitergeleitet|eroffnet|erstellt|angewendet|reaktiviert|entsperrt|freigeschaltet|angefordert|beantragt|angehangt|bearbeitet)\\b',
    // fr
    "\\b(?:je vous ai|je t'ai|j'ai|nous avons|nous vous avons|on vous a)(?: bien| deja| maintenant)? [^.!?]{0,40}?\\b(?:envoye|renvoye|transmis|redemarre|relance|reinitialise|rembourse|credite|annule|resilie|mis a jour|verifie|controle|ouvert|cree|applique|reactive|debloque|genere|demande|partage|joint|traite)e?s?\\b",
  ].join('|'),
);

const HANDED_OVER = /\b(?:here (?:is|are)|here's|aqui (?:tiene|tienes|esta|estan)|segue[m]? (?:o|a|os|as)|hier (?:ist|sind)|anbei|voici|ci-joint)\b/;

/**
 * Negated first-person actions in the languages whose cue survives the negation ("no he
 * enviado", "não enviei", "ich habe … nicht gesendet"); English and French cues already need the
 * affirmative form ("I've sent", "j'ai envoyé").
 */
const NEGATED =
  /\bno (?:te |le |les |se lo |se la )?(?:he|hemos)\b|\bnao (?:te |lhe )?[a-z]+(?:ei|i)\b|\b(?:ich|wir) (?:habe|haben|hab) (?:[^ .!?]+ ){0,4}?(?:nicht|noch nicht|kein[a-z]*)\b/;

const KINDS: readonly { kind: Exclude<AttemptKind, 'other'>; label: string; pattern: RegExp }[] = [
  { kind: 'password_reset', label: 'password reset', pattern: /password|passcode|reset link|contrasena|senha|passwort|kennwort|mot de passe/ },
  { kind: 'refund', label: 'refund', pattern: /refund|reembols|erstatt|gutschrift|rembours/ },
  { kind: 'invoices', label: 'invoice list', pattern: /invoice|receipt|billing history|factura|recibo|fatura|rechnung|quittung|beleg|facture/ },
  { kind: 'restart', label: 'restart', pattern: /restart|reboot|reinici|neu ?gestartet|neustart|redemarr|relance/ },
  {
    kind: 'order_status',
    label: 'order status',
    pattern:
      /tracking|order status|delivery status|shipment|seguimiento|estado del pedido|rastreio|rastreamento|status do pedido|sendungsverfolgung|sendungsnummer|bestellstatus|lieferstatus|numero de suivi|suivi de (?:la|votre) commande|statut de (?:la|votre) commande/,
  },
  {
    kind: 'help_article',
    label: 'help article',
    pattern: /article|help cent|guide|instructions|tutorial|articulo|instrucciones|artigo|instrucoes|anleitung|artikel|hilfe|tutoriel/,
  },
];

const FAILED_REPLY = new RegExp(
  [
    // en
    "\\b(?:didn'?t|did not|doesn'?t|does not|don'?t|do not|won'?t|isn'?t|is not|wasn'?t|not) (?:work|working|help|helped|fix|fixed|arrive|arrived|come|load|show|open)\\b",
    '\\bstill\\b',
    '\\bsame (?:problem|issue|error|thing|message)\\b',
    '\\b(?:nothing|no (?:email|link|code|mail)) (?:happened|changed|came|arrived)\\b',
    '\\bnever (?:got|received|arrived|came|worked)\\b',
    "\\b(?:haven'?t|have not|didn'?t|did not) (?:get|got|receive|received)\\b",
    '\\bno luck\\b',
    "\\b(?:that'?s|this is|it'?s) not (?:it|right|what i)\\b",
    '\\bnot what i\\b',
    '\\bwrong\\b',
    // es
    '\\bno (?:me )?(?:ha )?(?:funciona|funciono|funcionado|sirve|sirvio|servido|llego|llegado|resuelto|resuelve|arreglado)\\b',
    '\\b(?:sigue|sigo|todavia|aun)\\b',
    '\\blo mismo\\b',
    // pt
    '\\bnao (?:me )?(?:funciona|funcionou|resolveu|resolve|chegou|recebi|deu certo|ajudou)\\b',
    '\\b(?:ainda|continua|continuo)\\b',
    '\\bo mesmo (?:problema|erro)\\b',
    // de
    '\\b(?:funktioniert|klappt|geht|hilft|kam|kommt)(?: immer noch| noch immer| leider| trotzdem)? (?:nicht|nichts)\\b',
    '\\bhat (?:leider )?nicht (?:funktioniert|geklappt|geholfen)\\b',
    '\\b(?:immer noch|noch immer|weiterhin)\\b',
    '\\bnicht (?:angekommen|erhalten|bekommen)\\b',
    '\\bkeine[n]? (?:e-?mail|mail|link|code) (?:bekommen|erhalten)\\b',
    // fr
    "\\b(?:ne |n')?(?:marche|fonctionne|sert|m'aide)(?: toujours)? pas\\b",
    "\\bn'a (?:toujours )?pas (?:marche|fonctionne|aide|resolu)\\b",
    '\\btoujours\\b',
    '\\b(?:pas|rien) recu\\b',
    '\\bencore le meme\\b',
  ].join('|'),
);

const SUCCEEDED_REPLY =
  /\b(?:it|that|this) (?:worked|works|helped|fixed it|did it)\b|\b(?:works|working) now\b|\b(?:all )?(?:fixed|solved|sorted)\b|\bfunciono\b|\bya funciona\b|\b(?:resuelto|solucionado)\b|\bfuncionou\b|\bfunciona agora\b|\bresolvido\b|\bdeu certo\b|\bhat (?:funktioniert|geklappt|geholfen)\b|\bfunktioniert (?:jetzt|wieder)\b|\bgeklappt\b|\bgelost\b|\bca (?:a )?marche\b|\bca fonctionne\b|\bresolu\b|\bc'est bon\b/;

const REPORTED_SUCCESS =
  /\b(?:success(?:ful|fully)?|succeeded|resolved|fixed|solved|done|complete[d]?|sent|delivered|refunded|worked|ok|resuelto|exito|hecho|enviado|completado|resolvido|sucesso|feito|concluido|erfolgreich|gelost|erledigt|gesendet|resolu|reussi|succes|envoye|termine)\b/;

function fold(text: string): string {
  return foldText(text).replace(/[’`]/g, "'");
}

/** How the customer's reply `text` reads: the attempt failed, succeeded, or we cannot tell. */
export function outcomeOf(text: string): 'failed' | 'succeeded' | 'unknown' {
  const folded = fold(text.slice(0, ANALYSED_CHARS_PER_MESSAGE));
  if (FAILED_REPLY.test(folded)) return 'failed';
  return SUCCEEDED_REPLY.test(folded) ? 'succeeded' : 'unknown';
}

/**
 * Attempts found per bot text: bots send the whole conversation every turn, so each reply is read
 * once (10,000 texts, a kind and a short action each).
 */
const attemptsByText = new LRUCache<string, { found: { kind: AttemptKind; action: string } | null }>({ max: 10_000 });

/** The attempt a bot message reports, if any: its kind and action words. */
export function attemptIn(text: string): { kind: AttemptKind; action: string } | undefined {
  let known = attemptsByText.get(text);
  if (!known) {
    known = { found: findAttempt(text) ?? null };
    attemptsByText.set(text, known);
  }
  return known.found ?? undefined;
}

function findAttempt(text: string): { kind: AttemptKind; action: string } | undefined {
  for (const sentence of text.slice(0, ANALYSED_CHARS_PER_MESSAGE).split(/(?<=[.!?])\s+|\n+/)) {
    const folded = fold(sentence);
    const strong = FIRST_PERSON_DONE.test(folded) && !NEGATED.test(folded);
    if (!strong && !HANDED_OVER.test(folded)) continue;
    const known = KINDS.find((entry) => entry.pattern.test(folded));
    if (known) return { kind: known.kind, action: known.label };
    if (strong) return { kind: 'other', action: clip(sentence, ACTION_MAX) };
  }
  return undefined;
}

/** Attempts detected in the bot messages, each judged by the customer's next message. */
export function detectAttempts(messages: readonly MessageInput[]): AttemptFinding[] {
  const findings: AttemptFinding[] = [];
  // From the end, so each bot message knows the customer's next message without searching for it.
  let reply: MessageInput | undefined;
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = messages[index] as MessageInput;
    if (message.speaker === 'CUSTOMER') reply = message;
    if (message.speaker !== 'BOT') continue;
    const found = attemptIn(message.text);
    if (!found) continue;
    const result = reply ? outcomeOf(reply.text) : 'unknown';
    findings.push({
      attempt: { action: found.action, result, at: dateOf(message.at), succeeded: result === 'succeeded', source: 'detected' },
      kind: found.kind,
      messageIndex: index,
    });
  }
  return findings.reverse();
}

/** Attempts as the integration reported them; the kind is read from the action text. */
export function reportedAttempts(attempts: readonly AttemptInput[]): AttemptFinding[] {
  return attempts.map((reported) => {
    const folded = fold(reported.action);
    const succeeded = !isFailedResult(reported.result) && REPORTED_SUCCESS.test(fold(reported.result));
    return {
      attempt: {
        action: clip(reported.action, ACTION_MAX * 2),
        result: clip(reported.result, ACTION_MAX * 2),
        at: dateOf(reported.at),
        succeeded,
        source: 'reported',
      },
      kind: KINDS.find((entry) => entry.pattern.test(folded))?.kind ?? 'other',
      messageIndex: null,
    };
  });
}

/** Reported attempts when the integration sent any, else the attempts detected in bot messages. */
export function collectAttempts(messages: readonly MessageInput[], reported: readonly AttemptInput[] | null | undefined): AttemptFinding[] {
  return reported && reported.length > 0 ? reportedAttempts(reported) : detectAttempts(messages);
}
