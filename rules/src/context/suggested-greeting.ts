/**
 * The human's first line, in the conversation's language (en, es, pt, de, fr; English for any
 * other): a greeting with the customer's first name when known, the issue in a few words, what
 * the AI already tried (its latest attempt), and a promise to act — no apology, no filler.
 * "Hi Maria, I see you're disputing a charge on your account and have already checked your
 * invoices with our assistant — I'll take it from here and sort this out now."
 * Spanish, German and French address the customer formally (usted, Sie, vous).
 *
 * The issue comes from the package's category and subcategory by keyword (`security…`, `legal`,
 * `refund`, `billing`/`charge`/`invoice`, `cancel…`, `password`/`login`, `order`/`delivery`,
 * `bug`/`error`/`technical`), else a general phrase.
 */
import type { AttemptKind } from './attempts';

export type IssueKey = 'security' | 'legal' | 'refund' | 'billing' | 'cancellation' | 'account_access' | 'order' | 'technical' | 'general';

const ISSUE_KEYWORDS: readonly [Exclude<IssueKey, 'general'>, RegExp][] = [
  ['security', /secur|fraud|hack|phish|compromis|takeover|unauthori[sz]ed/],
  ['legal', /legal|gdpr|lawyer|complian|privacy|data_?protection/],
  ['refund', /refund/],
  ['billing', /billing|charge|invoice|payment|dispute|overcharg/],
  ['cancellation', /cancel|close_?account|unsubscri|churn/],
  ['account_access', /password|login|log_?in|sign_?in|access|locked|2fa|mfa/],
  ['order', /order|deliver|shipping|shipment|parcel|package|tracking/],
  ['technical', /bug|error|crash|outage|not_working|technical|(?:^|[^a-z])app(?:[^a-z]|$)/],
];

/** The greeting's issue for a category and subcategory (first keyword that matches, category first). */
export function issueKey(category: string, subcategory: string | null): IssueKey {
  for (const text of [category, subcategory ?? '']) {
    const folded = text.toLowerCase();
    const hit = ISSUE_KEYWORDS.find(([, pattern]) => pattern.test(folded));
    if (hit) return hit[0];
  }
  return 'general';
}

interface Template {
  hello: string;
  issue: Record<IssueKey, string>;
  tried: Record<AttemptKind, string>;
  line: (hello: string, issue: string, tried: string | null) => string;
}

type GreetingLanguage = 'en' | 'es' | 'pt' | 'de' | 'fr';

const TEMPLATES: Record<GreetingLanguage, Template> = {
  en: {
    hello: 'Hi',
    issue: {
      security: "you're worried about the safety of your account or card",
      legal: 'you have a legal or data-protection request',
      refund: "you're waiting on a refund",
      billing: "you're disputing a charge on your account",
      cancellation: "you'd like to cancel",
      account_access: "you're having trouble getting into your account",
      order: "you're waiting on your order",
      technical: "you've run into a technical problem",
      general: 'you still need help with your request',
    },
    tried: {
      password_reset: 'tried a password reset',
      refund: 'looked into a refund',
      invoices: 'checked your invoices',
      restart: 'tried a restart',
      order_status: 'checked the order status',
      help_article: 'gone through our help articles',
      other: 'tried a few things',
    },
    line: (hello, issue, tried) =>
      `${hello}, I see ${issue}${tried ? ` and have already ${tried} with our assistant` : ''} — I'll take it from here and sort this out now.`,
  },
  es: {
    hello: 'Hola',
    issue: {
      security: 'le preocupa la seguridad de su cuenta o de su tarjeta',
      legal: 'tiene una consulta legal o de protección de datos',
      refund: 'está esperando un reembolso',
      billing: 'no está de acuerdo con un cargo en su cuenta',
      cancellation: 'quiere darse de baja',
      account_access: 'tiene problemas para acceder a su cuenta',
      order: 'está esperando su pedido',
      technical: 'tiene un problema técnico',
      general: 'todavía necesita ayuda con su consulta',
    },
    tried: {
      password_reset: 'intentó restablecer la contraseña',
      refund: 'consultó un reembolso',
      invoices: 'revisó sus facturas',
      restart: 'probó a reiniciar',
      order_status: 'consultó el estado del pedido',
      help_article: 'revisó nuestros artículos de ayuda',
      other: 'probó algunas soluciones',
    },
    line: (hello, issue, tried) =>
      `${hello}, veo que ${issue}${tried ? ` y que ya ${tried} con nuestro asistente` : ''}; me encargo ahora mismo de resolverlo.`,
  },
  pt: {
    hello: 'Olá',
    issue: {
      security: 'você está preocupado com a segurança da sua conta ou do seu cartão',
      legal: 'você tem uma solicitação jurídica ou de proteção de dados',
      refund: 'você está aguardando um reembolso',
      billing: 'você contesta uma cobrança na sua conta',
      cancellation: 'você quer cancelar',
      account_access: 'você está com dificuldade para acessar sua conta',
      order: 'você está aguardando o seu pedido',
      technical: 'você está com um problema técnico',
      general: 'você ainda precisa de ajuda com a sua solicitação',
    },
    tried: {
      password_reset: 'tentou redefinir a senha',
      refund: 'consultou um reembolso',
      invoices: 'consultou suas faturas',
      restart: 'tentou reiniciar',
      order_status: 'verificou o status do pedido',
      help_article: 'consultou nossos artigos de ajuda',
      other: 'tentou algumas soluções',
    },
    line: (hello, issue, tried) => `${hello}, vejo que ${issue}${tried ? ` e que já ${tried} com o nosso assistente` : ''}; vou resolver isso agora mesmo.`,
  },
  de: {
    hello: 'Hallo',
    issue: {
      security: 'Sie sich um die Sicherheit Ihres Kontos oder Ihrer Karte sorgen',
      legal: 'Sie ein rechtliches oder datenschutzbezogenes Anliegen haben',
      refund: 'Sie auf eine Erstattung warten',
      billing: 'Sie eine Abbuchung auf Ihrem Konto beanstanden',
      cancellation: 'Sie kündigen möchten',
      account_access: 'Sie nicht in Ihr Konto kommen',
      order: 'Sie auf Ihre Bestellung warten',
      technical: 'Sie ein technisches Problem haben',
      general: 'Sie noch Hilfe bei Ihrem Anliegen brauchen',
    },
    tried: {
      password_reset: 'ein Zurücksetzen des Passworts versucht haben',
      refund: 'eine Erstattung angefragt haben',
      invoices: 'Ihre Rechnungen durchgesehen haben',
      restart: 'einen Neustart versucht haben',
      order_status: 'den Bestellstatus geprüft haben',
      help_article: 'unsere Hilfeartikel durchgesehen haben',
      other: 'einiges ausprobiert haben',
    },
    line: (hello, issue, tried) =>
      `${hello}, ich sehe, dass ${issue}${tried ? ` und mit unserem Assistenten bereits ${tried}` : ''} – ich kümmere mich jetzt sofort darum.`,
  },
  fr: {
    hello: 'Bonjour',
    issue: {
      security: 'vous êtes inquiet pour la sécurité de votre compte ou de votre carte',
      legal: 'vous avez une demande juridique ou liée à vos données personnelles',
      refund: 'vous attendez un remboursement',
      billing: 'vous contestez un prélèvement sur votre compte',
      cancellation: 'vous souhaitez résilier',
      account_access: "vous n'arrivez pas à accéder à votre compte",
      order: 'vous attendez votre commande',
      technical: 'vous rencontrez un problème technique',
      general: "vous avez encore besoin d'aide pour votre demande",
    },
    tried: {
      password_reset: 'essayé de réinitialiser votre mot de passe',
      refund: 'demandé un remboursement',
      invoices: 'consulté vos factures',
      restart: 'essayé un redémarrage',
      order_status: 'vérifié le statut de la commande',
      help_article: "consulté nos articles d'aide",
      other: 'essayé plusieurs solutions',
    },
    line: (hello, issue, tried) =>
      `${hello}, je vois que ${issue}${tried ? ` et que vous avez déjà ${tried} avec notre assistant` : ''} : je m'en occupe tout de suite.`,
  },
};

/** Languages with a greeting template. */
export const GREETING_LANGUAGES = Object.keys(TEMPLATES);

/** The first word of a name, when it looks like one (masked or placeholder names are skipped). */
function firstName(name: string | null): string | null {
  const first = name?.trim().split(/\s+/)[0] ?? '';
  return /^\p{L}[\p{L}\p{M}'’.-]*$/u.test(first) ? first : null;
}

/**
 * @param language conversation language (ISO 639-1)
 * @param latestAttempt kind of the AI's latest attempt, if it made one
 */
export function buildSuggestedGreeting(language: string, customerName: string | null, issue: IssueKey, latestAttempt: AttemptKind | null): string {
  const template = Object.prototype.hasOwnProperty.call(TEMPLATES, language) ? TEMPLATES[language as GreetingLanguage] : TEMPLATES.en;
  const name = firstName(customerName);
  return template.line(name ? `${template.hello} ${name}` : template.hello, template.issue[issue], latestAttempt ? template.tried[latestAttempt] : null);
}
