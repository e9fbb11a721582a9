/**
 * The conversations of the demo month (`npm run demo:traffic`): what customers write, in five
 * languages, and what the bot answers, written for the demo (not taken from any evaluation set).
 * Each scenario says where the reference policy routes it (`routesTo`, checked by
 * `demo-scenarios.test.ts`) and what an agent would say afterwards: whether a person was needed
 * (`needs`), how often agents call its handoffs unnecessary, and the reason they would correct
 * it to. `demo-traffic.ts` turns them into decisions, assignments and outcomes.
 */

export const DEMO_LANGUAGES = ['en', 'es', 'de', 'fr', 'pt'] as const;
export type DemoLanguage = (typeof DEMO_LANGUAGES)[number];

/** One exchange: the customer writes, then (unless the conversation ends or is handed off) the bot answers. */
export interface DemoTurn {
  customer: string;
  bot?: string;
  /** The bot's confidence in its answer (default 0.9). */
  confidence?: number;
}

export interface DemoScenario {
  id: string;
  /** The reason code of the handoff the reference policy decides, or `stay` when the AI keeps it. */
  routesTo: string;
  /** Relative share of conversations. */
  weight: number;
  /** Who could have handled it: `ai` (a handoff was unnecessary) or `human`. */
  needs: 'ai' | 'human';
  /** Share of agent verdicts on its handoffs that say "the AI could have resolved this". */
  unnecessaryRate: number;
  /** The reason agents correct its handoffs to, when the policy named another. */
  actualReason?: string;
  /** A customer tier it always has (enterprise accounts). */
  tier?: string;
  /** Channels it happens on (default all). Chat-paced scenarios (behaviour triggers) exclude email. */
  channels?: readonly string[];
  /** Variants per language; `{order}`, `{amount}` and `{product}` are filled in. */
  scripts: Record<DemoLanguage, DemoTurn[][]>;
}

/** Products the conversations talk about. */
export const DEMO_PRODUCTS = ['Aero 2 headphones', 'Nova Mini speaker', 'Pulse 3 band', 'Lumo desk lamp', 'Orbit robot vacuum'] as const;

/** How amounts are written per language. */
export const AMOUNT_FORMAT: Record<DemoLanguage, (value: number) => string> = {
  en: (v) => `$${v.toFixed(2)}`,
  es: (v) => `${v.toFixed(2).replace('.', ',')} €`,
  de: (v) => `${v.toFixed(2).replace('.', ',')} €`,
  fr: (v) => `${v.toFixed(2).replace('.', ',')} €`,
  pt: (v) => `R$ ${v.toFixed(2).replace('.', ',')}`,
};

const CHAT_ONLY = ['chat', 'whatsapp'] as const;

export const DEMO_SCENARIOS: readonly DemoScenario[] = [
  {
    id: 'change-address',
    routesTo: 'stay',
    weight: 16,
    needs: 'ai',
    unnecessaryRate: 0.8,
    scripts: {
      en: [
        [
          {
            customer: 'How do I change the delivery address on order {order}?',
            bot: 'Open Orders, pick {order} and choose Edit address. You can change it until the parcel ships.',
          },
          { customer: 'Done, thank you!' },
        ],
        [
          {
            customer: 'Can I still update the shipping address? I moved last week.',
            bot: 'Yes: in Orders, choose the order and Edit address, as long as it has not shipped yet.',
          },
          { customer: 'Perfect, that worked.' },
        ],
      ],
      es: [
        [
          {
            customer: '¿Cómo cambio la dirección de entrega del pedido {order}?',
            bot: 'En Mis pedidos, elige {order} y pulsa Editar dirección. Se puede cambiar hasta que salga del almacén.',
          },
          { customer: 'Listo, muchas gracias.' },
        ],
      ],
      de: [
        [
          {
            customer: 'Wie kann ich die Lieferadresse für Bestellung {order} ändern?',
            bot: 'Unter Meine Bestellungen {order} auswählen und auf Adresse bearbeiten tippen, solange das Paket noch nicht versendet ist.',
          },
          { customer: 'Hat geklappt, danke!' },
        ],
      ],
      fr: [
        [
          {
            customer: "Comment modifier l'adresse de livraison de la commande {order} ?",
            bot: "Dans Mes commandes, choisissez {order} puis Modifier l'adresse, tant que le colis n'est pas expédié.",
          },
          { customer: "C'est fait, merci beaucoup." },
        ],
      ],
      pt: [
        [
          {
            customer: 'Como altero o endereço de entrega do pedido {order}?',
            bot: 'Em Meus pedidos, escolha {order} e toque em Editar endereço, enquanto ele não for enviado.',
          },
          { customer: 'Consegui, obrigado!' },
        ],
      ],
    },
  },
  {
    id: 'order-status',
    routesTo: 'stay',
    weight: 20,
    needs: 'ai',
    unnecessaryRate: 0.8,
    scripts: {
      en: [
        [
          {
            customer: 'Where is my order {order}? It said it would arrive this week.',
            bot: 'Order {order} left our warehouse yesterday and is with the courier; delivery is expected tomorrow. Here is the tracking link.',
          },
          { customer: 'Great, thanks for checking.' },
        ],
        [
          { customer: 'Has my {product} shipped yet?', bot: 'Yes, it shipped this morning. You will get a text from the courier with a delivery window.' },
          { customer: 'Nice, thanks!' },
        ],
      ],
      es: [
        [
          {
            customer: '¿Dónde está mi pedido {order}? Decía que llegaba esta semana.',
            bot: 'El pedido {order} salió ayer del almacén y está con la mensajería; llegará mañana. Aquí tienes el enlace de seguimiento.',
          },
          { customer: 'Genial, gracias.' },
        ],
      ],
      de: [
        [
          {
            customer: 'Wo ist meine Bestellung {order}? Sie sollte diese Woche ankommen.',
            bot: 'Die Bestellung {order} hat gestern unser Lager verlassen und ist beim Paketdienst; die Zustellung ist für morgen geplant.',
          },
          { customer: 'Super, danke.' },
        ],
      ],
      fr: [
        [
          {
            customer: 'Où en est ma commande {order} ? Elle devait arriver cette semaine.',
            bot: "La commande {order} a quitté l'entrepôt hier et elle est chez le transporteur ; livraison prévue demain.",
          },
          { customer: 'Parfait, merci.' },
        ],
      ],
      pt: [
        [
          {
            customer: 'Onde está meu pedido {order}? Era para chegar esta semana.',
            bot: 'O pedido {order} saiu do armazém ontem e está com a transportadora; a entrega está prevista para amanhã.',
          },
          { customer: 'Ótimo, obrigada.' },
        ],
      ],
    },
  },
  {
    id: 'invoice-copy',
    routesTo: 'stay',
    weight: 8,
    needs: 'ai',
    unnecessaryRate: 0.8,
    scripts: {
      en: [
        [
          { customer: 'Where can I download the invoice for my last order?', bot: 'In Account > Orders, open the order and choose Download invoice (PDF).' },
          { customer: 'Got it, thanks.' },
        ],
      ],
      es: [
        [
          { customer: '¿Dónde puedo descargar la factura de mi último pedido?', bot: 'En Cuenta > Pedidos, abre el pedido y elige Descargar factura (PDF).' },
          { customer: 'Perfecto, gracias.' },
        ],
      ],
      de: [
        [
          {
            customer: 'Wo finde ich die Rechnung zu meiner letzten Bestellung?',
            bot: 'Unter Profil > Bestellungen die Bestellung öffnen und Rechnung herunterladen wählen.',
          },
          { customer: 'Gefunden, danke.' },
        ],
      ],
      fr: [
        [
          {
            customer: 'Où puis-je télécharger la facture de ma dernière commande ?',
            bot: 'Dans Profil > Commandes, ouvrez la commande puis Télécharger la facture (PDF).',
          },
          { customer: 'Trouvé, merci.' },
        ],
      ],
      pt: [
        [
          { customer: 'Onde baixo a nota fiscal do meu último pedido?', bot: 'Em Perfil > Pedidos, abra o pedido e escolha Baixar nota fiscal.' },
          { customer: 'Achei, obrigado.' },
        ],
      ],
    },
  },
  {
    id: 'product-question',
    routesTo: 'stay',
    weight: 12,
    needs: 'ai',
    unnecessaryRate: 0.8,
    scripts: {
      en: [
        [
          {
            customer: 'Does the {product} work with the charger from the older model?',
            bot: 'Yes, every charger since 2022 uses the same USB-C connector and works with it.',
          },
          { customer: 'Good to know, thanks!' },
        ],
        [
          { customer: 'Is the {product} available in white?', bot: 'It comes in white, black and sage green; white ships within two days.' },
          { customer: 'Lovely, ordering it now.' },
        ],
      ],
      es: [
        [
          { customer: '¿El {product} funciona con el cargador del modelo anterior?', bot: 'Sí, todos los cargadores desde 2022 usan el mismo conector USB-C.' },
          { customer: 'Vale, gracias.' },
        ],
      ],
      de: [
        [
          { customer: 'Funktioniert {product} mit dem Ladegerät vom Vorgängermodell?', bot: 'Ja, alle Ladegeräte seit 2022 haben denselben USB-C-Anschluss.' },
          { customer: 'Gut zu wissen, danke!' },
        ],
      ],
      fr: [
        [
          {
            customer: 'Le {product} fonctionne-t-il avec le chargeur de l’ancien modèle ?',
            bot: 'Oui, tous les chargeurs depuis 2022 utilisent le même connecteur USB-C.',
          },
          { customer: 'Super, merci !' },
        ],
      ],
      pt: [
        [
          { customer: 'O {product} funciona com o carregador do modelo anterior?', bot: 'Sim, todos os carregadores desde 2022 usam o mesmo conector USB-C.' },
          { customer: 'Beleza, obrigado!' },
        ],
      ],
    },
  },
  {
    id: 'discount-code',
    routesTo: 'stay',
    weight: 4,
    needs: 'human',
    unnecessaryRate: 0.1,
    scripts: {
      en: [
        [
          {
            customer: 'The discount code from your newsletter is not accepted at checkout.',
            bot: 'Discount codes apply to full-price items only. Could the basket contain sale items?',
            confidence: 0.8,
          },
          { customer: 'No, nothing in it is on sale. Never mind then.' },
        ],
      ],
      es: [
        [
          {
            customer: 'El código de descuento de la newsletter no funciona al pagar.',
            bot: 'Los códigos solo se aplican a productos sin rebaja. ¿Hay artículos rebajados en la cesta?',
            confidence: 0.8,
          },
          { customer: 'No, ninguno. Bueno, da igual.' },
        ],
      ],
      de: [
        [
          {
            customer: 'Der Rabattcode aus dem Newsletter wird an der Kasse nicht angenommen.',
            bot: 'Rabattcodes gelten nur für nicht reduzierte Artikel. Liegen reduzierte Artikel im Warenkorb?',
            confidence: 0.8,
          },
          { customer: 'Nein. Na gut, dann eben nicht.' },
        ],
      ],
      fr: [
        [
          {
            customer: 'Le code promo de la newsletter est refusé au paiement.',
            bot: "Les codes ne s'appliquent qu'aux articles non soldés. Y a-t-il des articles soldés dans le panier ?",
            confidence: 0.8,
          },
          { customer: 'Non, aucun. Tant pis.' },
        ],
      ],
      pt: [
        [
          {
            customer: 'O cupom da newsletter não é aceito no pagamento.',
            bot: 'Os cupons valem só para itens sem desconto. Há itens em promoção no carrinho?',
            confidence: 0.8,
          },
          { customer: 'Não. Deixa pra lá.' },
        ],
      ],
    },
  },
  {
    id: 'charged-twice',
    routesTo: 'billing_dispute',
    weight: 2.2,
    needs: 'human',
    unnecessaryRate: 0.06,
    scripts: {
      en: [
        [{ customer: 'Hi, I was charged twice for my subscription this month, {amount} each time.' }],
        [{ customer: 'There is a {amount} payment on my card that I never made.' }],
        [{ customer: 'Hello', bot: 'Hi! How can I help today?' }, { customer: 'You charged me twice for order {order}. I want one of them back.' }],
      ],
      es: [
        [{ customer: 'Me cobraron dos veces el pedido {order}, {amount} cada vez.' }],
        [{ customer: 'Tengo un cargo de {amount} en mi tarjeta que no reconozco.' }],
      ],
      de: [[{ customer: 'Sie haben mir {amount} doppelt abgebucht, Bestellung {order}.' }]],
      fr: [[{ customer: "J'ai été débité deux fois de {amount} pour la commande {order}." }]],
      pt: [[{ customer: 'Fui cobrado duas vezes pelo pedido {order}, {amount} cada.' }]],
    },
  },
  {
    id: 'refund-pending',
    routesTo: 'billing_dispute',
    weight: 0.35,
    needs: 'ai',
    unnecessaryRate: 0.7,
    scripts: {
      en: [[{ customer: 'I was double charged last week, but I can already see a refund pending. Can you confirm it will go through?' }]],
      es: [[{ customer: 'La semana pasada hubo un cobro doble, pero ya veo un reembolso pendiente. ¿Me confirmas que se completará?' }]],
      de: [[{ customer: 'Letzte Woche wurde ich doppelt belastet, jetzt sehe ich eine ausstehende Erstattung. Geht die sicher durch?' }]],
      fr: [[{ customer: "J'ai été débité deux fois la semaine dernière, mais je vois un remboursement en attente. Il sera bien versé ?" }]],
      pt: [[{ customer: 'Fui cobrado duas vezes semana passada, mas já vejo um estorno pendente. Pode confirmar que vai cair?' }]],
    },
  },
  {
    id: 'cancel-subscription',
    routesTo: 'cancellation',
    weight: 1.4,
    needs: 'human',
    unnecessaryRate: 0.12,
    scripts: {
      en: [
        [{ customer: "I want to cancel my subscription, it's too expensive for me now." }],
        [{ customer: "Please close my account, I'm moving to another service." }],
      ],
      es: [[{ customer: 'Quiero cancelar mi suscripción, ya casi no la uso.' }]],
      de: [[{ customer: 'Ich möchte mein Abo kündigen, ich nutze es kaum noch.' }]],
      fr: [[{ customer: "Je souhaite résilier mon abonnement, je ne l'utilise plus." }]],
      pt: [[{ customer: 'Quero cancelar minha assinatura, está cara demais para mim.' }]],
    },
  },
  {
    id: 'how-to-cancel',
    routesTo: 'cancellation',
    weight: 1.0,
    needs: 'ai',
    unnecessaryRate: 0.72,
    scripts: {
      en: [[{ customer: 'How would I cancel my subscription later on, if I wanted to? Just checking the steps, no rush.' }]],
      es: [[{ customer: '¿Cómo se puede cancelar la suscripción desde la web? Solo quiero saber los pasos por si acaso.' }]],
      de: [[{ customer: 'Wie kann man das Abo online kündigen? Ich will nur wissen, wie es geht, falls ich es später brauche.' }]],
      fr: [[{ customer: "Comment résilier l'abonnement en ligne, au cas où ? Je veux juste connaître la marche à suivre." }]],
      pt: [[{ customer: 'Como faço para cancelar a assinatura pelo site, caso eu precise? Só quero saber o passo a passo.' }]],
    },
  },
  {
    id: 'asks-for-a-person',
    routesTo: 'customer_request',
    weight: 1.4,
    needs: 'human',
    unnecessaryRate: 0.1,
    scripts: {
      en: [
        [{ customer: 'Can I talk to a person please? My parcel was left with a neighbour I have never met.' }],
        [
          {
            customer: 'My {product} arrived without the charging cable.',
            bot: 'Sorry about that! I can send the cable separately. Shall I?',
            confidence: 0.86,
          },
          { customer: "I'd rather speak to someone, please." },
        ],
      ],
      es: [[{ customer: 'Quiero hablar con una persona, por favor. Mi paquete lo dejaron con un vecino que no conozco.' }]],
      de: [[{ customer: 'Ich würde gern mit einem Mitarbeiter sprechen, es geht um meine Lieferung.' }]],
      fr: [[{ customer: "Je voudrais parler à un conseiller, s'il vous plaît. C'est au sujet de ma livraison." }]],
      pt: [[{ customer: 'Quero falar com um atendente, por favor. É sobre a minha entrega.' }]],
    },
  },
  {
    id: 'person-about-bill',
    routesTo: 'customer_request',
    weight: 0.7,
    needs: 'human',
    unnecessaryRate: 0.05,
    actualReason: 'billing_dispute',
    scripts: {
      en: [[{ customer: 'I need to speak to someone about my last bill, please.' }]],
      es: [[{ customer: 'Necesito hablar con alguien sobre mi última factura, por favor.' }]],
      de: [[{ customer: 'Ich möchte mit jemandem sprechen, es geht um meine letzte Rechnung.' }]],
      fr: [[{ customer: "Je voudrais parler à quelqu'un au sujet de ma dernière facture." }]],
      pt: [[{ customer: 'Quero falar com alguém sobre a minha última fatura, por favor.' }]],
    },
  },
  {
    id: 'account-takeover',
    routesTo: 'security_incident',
    weight: 0.8,
    needs: 'human',
    unnecessaryRate: 0.02,
    scripts: {
      en: [
        [{ customer: 'Someone logged into my account from another country last night and changed my email.' }],
        [{ customer: 'I got a text asking for my card details that says it is from you. Is this a scam?' }],
      ],
      es: [[{ customer: 'Recibí un aviso de inicio de sesión desde otro país y no fui yo. Creo que me han hackeado la cuenta.' }]],
      de: [[{ customer: 'Jemand hat sich gestern in mein Konto eingeloggt und mein Passwort geändert.' }]],
      fr: [[{ customer: "Quelqu'un s'est connecté à mon compte depuis l'étranger et a changé mon mot de passe." }]],
      pt: [[{ customer: 'Alguém entrou na minha conta ontem à noite e trocou meu e-mail.' }]],
    },
  },
  {
    id: 'personal-data',
    routesTo: 'legal_compliance',
    weight: 0.3,
    needs: 'human',
    unnecessaryRate: 0.05,
    scripts: {
      en: [
        [{ customer: 'Under GDPR I want a copy of all the personal data you hold about me.' }],
        [{ customer: 'If this is not fixed by Friday my lawyer will be in touch.' }],
      ],
      es: [[{ customer: 'Quiero ejercer mi derecho al olvido: borrad mis datos personales, por favor.' }]],
      de: [[{ customer: 'Ich verlange Auskunft nach Artikel 15 DSGVO über meine gespeicherten Daten.' }]],
      fr: [[{ customer: 'Je demande une copie de mes données personnelles au titre du RGPD.' }]],
      pt: [[{ customer: 'Quero uma cópia dos meus dados pessoais, conforme a LGPD.' }]],
    },
  },
  {
    id: 'broken-again',
    routesTo: 'negative_sentiment',
    weight: 1.0,
    needs: 'human',
    unnecessaryRate: 0.08,
    channels: CHAT_ONLY,
    scripts: {
      en: [
        [
          {
            customer: 'My order arrived broken, again. This is really disappointing.',
            bot: 'I am sorry about that. Could you send a photo of the damage?',
            confidence: 0.88,
          },
          { customer: 'This is the third time. Your packaging is terrible and I am fed up.' },
        ],
      ],
      es: [
        [
          { customer: 'El pedido llegó roto otra vez. Estoy muy decepcionada.', bot: 'Lo siento mucho. ¿Puedes enviarme una foto del daño?', confidence: 0.88 },
          { customer: 'Es la tercera vez. El embalaje es pésimo y estoy harta.' },
        ],
      ],
      de: [
        [
          {
            customer: 'Die Lieferung kam schon wieder kaputt an. Das ist wirklich enttäuschend.',
            bot: 'Das tut mir leid. Können Sie ein Foto vom Schaden schicken?',
            confidence: 0.88,
          },
          { customer: 'Das ist das dritte Mal. Ihre Verpackung ist miserabel, ich bin total genervt.' },
        ],
      ],
      fr: [
        [
          {
            customer: "Ma commande est encore arrivée cassée. C'est vraiment décevant.",
            bot: 'Je suis désolé. Pouvez-vous envoyer une photo des dégâts ?',
            confidence: 0.88,
          },
          { customer: "C'est la troisième fois. Votre emballage est nul, j'en ai marre." },
        ],
      ],
      pt: [
        [
          { customer: 'Meu pedido chegou quebrado de novo. Que decepção.', bot: 'Sinto muito. Pode enviar uma foto do dano?', confidence: 0.88 },
          { customer: 'É a terceira vez. A embalagem de vocês é péssima, estou cansada disso.' },
        ],
      ],
    },
  },
  {
    id: 'thinking-of-leaving',
    routesTo: 'negative_sentiment',
    weight: 0.6,
    needs: 'human',
    unnecessaryRate: 0.06,
    actualReason: 'cancellation',
    channels: CHAT_ONLY,
    scripts: {
      en: [
        [
          {
            customer: 'The app keeps signing me out and it is driving me crazy.',
            bot: 'Sorry about that! Updating to the latest version usually fixes it.',
            confidence: 0.85,
          },
          { customer: 'I already did. This is useless, honestly I am thinking of leaving for good.' },
        ],
      ],
      es: [
        [
          {
            customer: 'La app me echa de la sesión todo el rato, es desesperante.',
            bot: '¡Perdona! Suele arreglarse actualizando a la última versión.',
            confidence: 0.85,
          },
          { customer: 'Ya lo hice. Esto es inútil, estoy pensando en irme a otra compañía.' },
        ],
      ],
      de: [
        [
          {
            customer: 'Die App wirft mich ständig raus, das nervt unglaublich.',
            bot: 'Das tut mir leid! Meist hilft ein Update auf die neueste Version.',
            confidence: 0.85,
          },
          { customer: 'Hab ich schon. Das ist nutzlos, ich überlege ernsthaft zu wechseln.' },
        ],
      ],
      fr: [
        [
          {
            customer: "L'application me fait sortir sans arrêt, c'est insupportable.",
            bot: 'Désolé ! La mise à jour vers la dernière version règle souvent le problème.',
            confidence: 0.85,
          },
          { customer: "Déjà fait. C'est inutile, je pense sérieusement à partir chez un concurrent." },
        ],
      ],
      pt: [
        [
          {
            customer: 'O app fica me tirando da sessão, é irritante demais.',
            bot: 'Desculpe! Atualizar para a versão mais recente costuma resolver.',
            confidence: 0.85,
          },
          { customer: 'Já atualizei. Isso é inútil, estou pensando em ir para a concorrência.' },
        ],
      ],
    },
  },
  {
    id: 'warranty-unsure',
    routesTo: 'low_confidence',
    weight: 1.2,
    needs: 'human',
    unnecessaryRate: 0.25,
    channels: CHAT_ONLY,
    scripts: {
      en: [
        [
          {
            customer: 'Does the warranty cover water damage on the {product}?',
            bot: 'The warranty covers some accidental damage, but water may not be included.',
            confidence: 0.55,
          },
          { customer: 'So is it covered or not?', bot: 'It depends on the plan you bought, possibly the extended one.', confidence: 0.5 },
          { customer: 'OK, which plan do I have then?' },
        ],
      ],
      es: [
        [
          {
            customer: '¿La garantía cubre daños por agua en el {product}?',
            bot: 'La garantía cubre algunos daños accidentales, pero el agua puede que no.',
            confidence: 0.55,
          },
          { customer: '¿Entonces lo cubre o no?', bot: 'Depende del plan que compraste, quizá el ampliado.', confidence: 0.5 },
          { customer: 'Vale, ¿y qué plan tengo yo?' },
        ],
      ],
      de: [
        [
          {
            customer: 'Deckt die Garantie Wasserschäden am {product} ab?',
            bot: 'Die Garantie deckt manche Unfallschäden ab, Wasser eventuell nicht.',
            confidence: 0.55,
          },
          { customer: 'Also ist es abgedeckt oder nicht?', bot: 'Das hängt vom gekauften Tarif ab, vielleicht vom erweiterten.', confidence: 0.5 },
          { customer: 'Okay, welchen Tarif habe ich denn?' },
        ],
      ],
      fr: [
        [
          {
            customer: 'La garantie couvre-t-elle les dégâts des eaux sur le {product} ?',
            bot: "La garantie couvre certains dommages accidentels, mais pas forcément l'eau.",
            confidence: 0.55,
          },
          { customer: 'Donc, c’est couvert ou pas ?', bot: "Cela dépend de l'offre achetée, peut-être l'extension.", confidence: 0.5 },
          { customer: "D'accord, et j'ai quelle offre ?" },
        ],
      ],
      pt: [
        [
          {
            customer: 'A garantia cobre danos por água no {product}?',
            bot: 'A garantia cobre alguns danos acidentais, mas água talvez não.',
            confidence: 0.55,
          },
          { customer: 'Então cobre ou não?', bot: 'Depende do plano que você comprou, talvez o estendido.', confidence: 0.5 },
          { customer: 'Ok, e qual plano eu tenho?' },
        ],
      ],
    },
  },
  {
    id: 'same-question',
    routesTo: 'repeated_question',
    weight: 0.7,
    needs: 'human',
    unnecessaryRate: 0.12,
    channels: CHAT_ONLY,
    scripts: {
      en: [
        [
          {
            customer: 'When will the replacement for order {order} arrive?',
            bot: 'Replacements ship within 3 business days of the return being scanned.',
            confidence: 0.82,
          },
          {
            customer: 'Yes but when will the replacement for order {order} arrive?',
            bot: 'Once the courier scans your return, it ships within 3 business days.',
            confidence: 0.8,
          },
          { customer: 'When will the replacement for my order {order} arrive??' },
        ],
      ],
      es: [
        [
          {
            customer: '¿Cuándo llega el reemplazo del pedido {order}?',
            bot: 'Los reemplazos se envían en 3 días hábiles desde que se escanea la devolución.',
            confidence: 0.82,
          },
          {
            customer: 'Ya, pero ¿cuándo llega el reemplazo del pedido {order}?',
            bot: 'Cuando la mensajería escanee tu devolución, sale en 3 días hábiles.',
            confidence: 0.8,
          },
          { customer: '¿¿Cuándo llega el reemplazo de mi pedido {order}??' },
        ],
      ],
      de: [
        [
          {
            customer: 'Wann kommt der Ersatz für Bestellung {order}?',
            bot: 'Ersatz wird innerhalb von 3 Werktagen nach dem Scan der Rücksendung verschickt.',
            confidence: 0.82,
          },
          {
            customer: 'Ja, aber wann kommt der Ersatz für Bestellung {order}?',
            bot: 'Sobald der Paketdienst die Rücksendung scannt, geht er in 3 Werktagen raus.',
            confidence: 0.8,
          },
          { customer: 'Wann kommt der Ersatz für meine Bestellung {order}??' },
        ],
      ],
      fr: [
        [
          {
            customer: 'Quand arrive le remplacement de la commande {order} ?',
            bot: 'Les remplacements partent sous 3 jours ouvrés après le scan du retour.',
            confidence: 0.82,
          },
          {
            customer: 'Oui, mais quand arrive le remplacement de la commande {order} ?',
            bot: 'Dès que le transporteur scanne votre retour, il part sous 3 jours ouvrés.',
            confidence: 0.8,
          },
          { customer: 'Quand arrive le remplacement de ma commande {order} ??' },
        ],
      ],
      pt: [
        [
          { customer: 'Quando chega a troca do pedido {order}?', bot: 'As trocas são enviadas em 3 dias úteis após a leitura da devolução.', confidence: 0.82 },
          {
            customer: 'Sim, mas quando chega a troca do pedido {order}?',
            bot: 'Assim que a transportadora registrar a devolução, sai em 3 dias úteis.',
            confidence: 0.8,
          },
          { customer: 'Quando chega a troca do meu pedido {order}??' },
        ],
      ],
    },
  },
  {
    id: 'wifi-setup',
    routesTo: 'no_progress',
    weight: 0.8,
    needs: 'ai',
    unnecessaryRate: 0.55,
    channels: CHAT_ONLY,
    scripts: {
      en: [
        [
          {
            customer: 'Can you help me connect the {product} to my wifi?',
            bot: 'Sure! First hold the power button for 5 seconds until the light blinks blue.',
          },
          { customer: 'OK, it is blinking.', bot: 'Now open the app and tap Add device.' },
          { customer: 'Done, it is searching.', bot: 'Choose your network and enter the wifi password.' },
          { customer: 'It says connecting.', bot: 'Give it a minute: the light turns solid white when it is done.' },
          { customer: 'Still connecting...' },
        ],
      ],
      es: [
        [
          {
            customer: '¿Me ayudas a conectar el {product} al wifi?',
            bot: '¡Claro! Mantén pulsado el botón de encendido 5 segundos hasta que la luz parpadee en azul.',
          },
          { customer: 'Vale, ya parpadea.', bot: 'Ahora abre la app y toca Añadir dispositivo.' },
          { customer: 'Hecho, está buscando.', bot: 'Elige tu red e introduce la contraseña del wifi.' },
          { customer: 'Pone conectando.', bot: 'Dale un minuto: la luz se queda blanca fija cuando termina.' },
          { customer: 'Sigue conectando...' },
        ],
      ],
      de: [
        [
          {
            customer: 'Kannst du mir helfen, {product} mit dem WLAN zu verbinden?',
            bot: 'Klar! Halte zuerst die Einschalttaste 5 Sekunden gedrückt, bis das Licht blau blinkt.',
          },
          { customer: 'Okay, es blinkt.', bot: 'Öffne jetzt die App und tippe auf Gerät hinzufügen.' },
          { customer: 'Erledigt, es sucht.', bot: 'Wähle dein Netzwerk und gib das WLAN-Passwort ein.' },
          { customer: 'Da steht verbinden.', bot: 'Gib ihm eine Minute: Das Licht leuchtet dauerhaft weiß, wenn es fertig ist.' },
          { customer: 'Verbindet immer noch...' },
        ],
      ],
      fr: [
        [
          {
            customer: 'Vous pouvez m’aider à connecter le {product} au wifi ?',
            bot: "Bien sûr ! Maintenez le bouton d'alimentation 5 secondes jusqu'à ce que le voyant clignote en bleu.",
          },
          { customer: "D'accord, il clignote.", bot: "Ouvrez maintenant l'application et touchez Ajouter un appareil." },
          { customer: 'Fait, il cherche.', bot: 'Choisissez votre réseau et saisissez le mot de passe du wifi.' },
          { customer: 'Il affiche connexion en cours.', bot: 'Laissez-lui une minute : le voyant devient blanc fixe une fois terminé.' },
          { customer: 'Toujours en cours...' },
        ],
      ],
      pt: [
        [
          { customer: 'Pode me ajudar a conectar o {product} no wifi?', bot: 'Claro! Segure o botão de ligar por 5 segundos até a luz piscar em azul.' },
          { customer: 'Ok, está piscando.', bot: 'Agora abra o app e toque em Adicionar dispositivo.' },
          { customer: 'Feito, está procurando.', bot: 'Escolha sua rede e digite a senha do wifi.' },
          { customer: 'Está escrito conectando.', bot: 'Espere um minuto: a luz fica branca fixa quando terminar.' },
          { customer: 'Ainda conectando...' },
        ],
      ],
    },
  },
  {
    id: 'enterprise-seats',
    routesTo: 'enterprise_account',
    weight: 1.0,
    needs: 'human',
    unnecessaryRate: 0.12,
    tier: 'enterprise',
    scripts: {
      en: [
        [{ customer: 'Can you add five more seats to our team plan before Monday?' }],
        [{ customer: 'Our admin left the company; how do we move the owner role to me?' }],
      ],
      es: [[{ customer: '¿Podéis añadir cinco licencias más a nuestro plan de equipo antes del lunes?' }]],
      de: [[{ customer: 'Könnt ihr unserem Team-Tarif vor Montag fünf weitere Plätze hinzufügen?' }]],
      fr: [[{ customer: 'Pouvez-vous ajouter cinq places à notre offre équipe avant lundi ?' }]],
      pt: [[{ customer: 'Vocês conseguem adicionar mais cinco licenças ao nosso plano de equipe antes de segunda?' }]],
    },
  },
];

/** What an email customer writes back hours later, when the bot's answer was enough: Baton sees a slow thread. */
export const EMAIL_FOLLOW_UP: Record<DemoLanguage, readonly string[]> = {
  en: ['Thanks, that answers my question.', 'Thank you, all sorted now.'],
  es: ['Gracias, eso responde a mi pregunta.'],
  de: ['Danke, damit ist meine Frage beantwortet.'],
  fr: ['Merci, cela répond à ma question.'],
  pt: ['Obrigado, isso responde minha dúvida.'],
};
