/**
 * Internal: words of routine support requests per language (orders, deliveries, opening hours,
 * top-ups, transfers, balances, invoices, the app), which no escalation topic may fire on by
 * itself. A one-word topic or human-request phrase that stems like one of them (Spanish "baja",
 * as in "dar de baja", stems like "bajo", low; English "operator" like "operate") would send
 * routine requests to a person. Nor is a routine word ever a typo of a lexicon word: "annuel"
 * (annual) is one letter swap from "annulé" (cancelled). The price: a real typo that happens to
 * stem like a routine word is not read as the word it misspells. Written for Baton, from
 * everyday support vocabulary.
 */
import { matchingStem } from './stemmer';
import { foldText } from './text-normalise';

export const ROUTINE_WORDS: Readonly<Record<string, string>> = {
  en: 'order ordered delivery deliver address opening hours open schedule price prices upgrade download install update size colour color track tracking balance statement limit rate interest loan mortgage annual yearly monthly app website login weather operate operating operation represent present charger recharge reload top transfer exchange currency pin branch atm appointment invoice receipt discount coupon voucher promo gift shipping return warranty',
  es: 'pedido entrega dirección horario abrir abierto precio precios actualizar descargar instalar talla color seguimiento saldo extracto límite tasa interés préstamo hipoteca anual mensual aplicación web tiempo bajo bajar cargar recargar recarga transferir transferencia cambio divisa sucursal cajero cita factura recibo descuento cupón regalo envío devolución garantía operar operación representar presentar',
  pt: 'pedido entrega endereço horário abrir aberto preço preços atualizar baixar instalar tamanho cor rastreio rastreamento saldo extrato limite taxa juros empréstimo anual mensal aplicativo site tempo carregar recarregar recarga transferir transferência câmbio agência caixa agendamento fatura recibo desconto cupom presente frete devolução garantia operar operação representar apresentar',
  de: 'bestellung bestellt lieferung liefern adresse öffnungszeiten öffnen geöffnet preis preise aktualisieren herunterladen installieren größe farbe sendungsverfolgung kontostand kontoauszug limit zins zinsen kredit darlehen jährlich monatlich app webseite wetter aufladen überweisen überweisung wechselkurs filiale geldautomat termin rechnung quittung rabatt gutschein geschenk versand rücksendung garantie bedienen betreiben vertreten vorstellen',
  fr: 'commande livraison adresse horaires ouvrir ouvert prix télécharger installer taille couleur suivi solde relevé plafond taux intérêt prêt crédit annuel annuelle mensuel mensuelle application site météo recharger recharge virement virer change devise agence distributeur facture reçu remise réduction bon cadeau expédition retour garantie opérer opération représenter présenter',
};

const routineByStem = new Map<string, Map<string, string>>();

/**
 * The routine word of `language` that `key` (a word's matching stem, see `matchingStem`) stems
 * like, or undefined; the first word listed names a shared stem ("operate", not "operation").
 */
export function routineWordOf(language: string, key: string): string | undefined {
  let stems = routineByStem.get(language);
  if (!stems) {
    stems = new Map();
    for (const word of (ROUTINE_WORDS[language] ?? '').split(/\s+/).filter(Boolean)) {
      const wordKey = matchingStem(language, foldText(word));
      if (!stems.has(wordKey)) stems.set(wordKey, word);
    }
    routineByStem.set(language, stems);
  }
  return stems.get(key);
}
