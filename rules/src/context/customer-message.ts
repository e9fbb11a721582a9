/**
 * What the bot says at a handoff or callback: the leaf's template in the conversation's
 * language, with `{queueName}` and `{customerName}` filled in; without one, Baton's built-in
 * sentence in that language, then the leaf's English template, then the built-in English
 * sentence (`messageSourceFor` in @baton/schemas). A stay says nothing.
 */
import { messageSourceFor, type BuiltInMessageLanguage, type LeafNode } from '@baton/schemas';

const BUILT_IN: Record<'handoff' | 'callback', Record<BuiltInMessageLanguage, string>> = {
  handoff: {
    en: 'I am connecting you with our {queueName} team now. They will see this whole conversation, so you will not need to repeat anything.',
    es: 'Le paso ahora con nuestro equipo de {queueName}. Verán toda esta conversación, así que no tendrá que repetir nada.',
    pt: 'Vou passar você agora para a nossa equipe de {queueName}. Eles verão toda esta conversa, então você não precisará repetir nada.',
    de: 'Ich verbinde Sie jetzt mit unserem Team {queueName}. Das Team sieht das gesamte Gespräch, Sie müssen also nichts wiederholen.',
    fr: "Je vous mets en relation avec notre équipe {queueName}. Elle verra toute cette conversation, vous n'aurez donc rien à répéter.",
  },
  callback: {
    en: 'Our {queueName} team is not available right now. Would you like them to call you back? They will see this whole conversation.',
    es: 'Nuestro equipo de {queueName} no está disponible ahora. ¿Quiere que le llamen? Verán toda esta conversación.',
    pt: 'A nossa equipe de {queueName} não está disponível agora. Quer que liguem para você? Eles verão toda esta conversa.',
    de: 'Unser Team {queueName} ist gerade nicht erreichbar. Sollen wir Sie zurückrufen? Das Team sieht das gesamte Gespräch.',
    fr: "Notre équipe {queueName} n'est pas disponible pour le moment. Voulez-vous qu'elle vous rappelle ? Elle verra toute cette conversation.",
  },
};

/** Human name of a queue id: `trust_safety` → `Trust safety`. */
export function queueDisplayName(queueId: string): string {
  const words = queueId.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * @param language - the conversation's language (ISO 639-1)
 * @param queueName - name of the queue routing chose (default: the leaf's queue id in words)
 * @returns the message and the language it is written in (what a wait sentence after it must
 *   use), or null for a stay leaf
 */
export function renderCustomerMessage(
  leaf: LeafNode,
  language: string,
  customerName: string | null | undefined,
  queueName?: string,
): { text: string; language: string } | null {
  if (leaf.kind === 'stay') return null;
  const source = messageSourceFor(leaf.data.message, language);
  const template = source.kind === 'leaf' ? (leaf.data.message?.[source.language] as string) : BUILT_IN[leaf.kind][source.language];
  const text = template
    .replace(/\{queueName\}/g, queueName ?? queueDisplayName(leaf.data.queue))
    .replace(/\{customerName\}/g, customerName?.trim() ?? '')
    .replace(/\s+([,.!?])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
  return { text, language: source.language };
}
