import { buildSuggestedGreeting, GREETING_LANGUAGES, issueKey, type IssueKey } from './suggested-greeting';
import type { AttemptKind } from './attempts';

const APOLOGY = /sorry|apolog|lo siento|disculp|lament|desculp|entschuldig|bedauer|leider|désolé|excuse|pardon/i;

describe('buildSuggestedGreeting', () => {
  it('greets by first name, names the issue and what the AI tried, and promises to act', () => {
    expect(buildSuggestedGreeting('en', 'Maria Keller', 'billing', 'invoices')).toBe(
      "Hi Maria, I see you're disputing a charge on your account and have already checked your invoices with our assistant — I'll take it from here and sort this out now.",
    );
    expect(buildSuggestedGreeting('en', null, 'order', null)).toBe("Hi, I see you're waiting on your order — I'll take it from here and sort this out now.");
  });

  it.each([
    [
      'es',
      'Hola María, veo que no está de acuerdo con un cargo en su cuenta y que ya revisó sus facturas con nuestro asistente; me encargo ahora mismo de resolverlo.',
    ],
    [
      'pt',
      'Olá María, vejo que você contesta uma cobrança na sua conta e que já consultou suas faturas com o nosso assistente; vou resolver isso agora mesmo.',
    ],
    [
      'de',
      'Hallo María, ich sehe, dass Sie eine Abbuchung auf Ihrem Konto beanstanden und mit unserem Assistenten bereits Ihre Rechnungen durchgesehen haben – ich kümmere mich jetzt sofort darum.',
    ],
    [
      'fr',
      "Bonjour María, je vois que vous contestez un prélèvement sur votre compte et que vous avez déjà consulté vos factures avec notre assistant : je m'en occupe tout de suite.",
    ],
  ])('speaks %s', (language, expected) => {
    expect(buildSuggestedGreeting(language, 'María López', 'billing', 'invoices')).toBe(expected);
  });

  it('falls back to English for other languages, including inherited property names', () => {
    expect(buildSuggestedGreeting('it', 'Luca', 'refund', null)).toMatch(/^Hi Luca, I see you're waiting on a refund/);
    expect(buildSuggestedGreeting('constructor', 'Luca', 'refund', null)).toMatch(/^Hi Luca,/);
  });

  it('skips a name that is masked or not a name', () => {
    expect(buildSuggestedGreeting('en', '[name]', 'general', null)).toMatch(/^Hi, I see/);
    expect(buildSuggestedGreeting('en', '   ', 'general', null)).toMatch(/^Hi, I see/);
  });

  it('never apologises, in any language, issue or attempt', () => {
    const issues: IssueKey[] = ['security', 'legal', 'refund', 'billing', 'cancellation', 'account_access', 'order', 'technical', 'general'];
    const attempts: (AttemptKind | null)[] = ['password_reset', 'refund', 'invoices', 'restart', 'order_status', 'help_article', 'other', null];
    const lines = GREETING_LANGUAGES.flatMap((language) =>
      issues.flatMap((issue) => attempts.map((attempt) => buildSuggestedGreeting(language, 'Ana', issue, attempt))),
    );
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines.filter((line) => APOLOGY.test(line))).toEqual([]);
  });
});

describe('issueKey', () => {
  it.each([
    ['security', null, 'security'],
    ['legal', null, 'legal'],
    ['billing_dispute', 'duplicate_charge', 'billing'],
    ['billing_dispute', 'refund_status', 'billing'],
    ['refund', null, 'refund'],
    ['cancellation', null, 'cancellation'],
    ['account', 'password_reset', 'account_access'],
    ['order_status', null, 'order'],
    ['app_crash', null, 'technical'],
    ['general', null, 'general'],
    ['happy_feedback', null, 'general'],
  ])('maps %s / %s to %s', (category, subcategory, key) => {
    expect(issueKey(category, subcategory)).toBe(key);
  });
});
