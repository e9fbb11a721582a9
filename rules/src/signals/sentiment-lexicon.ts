/**
 * Internal: Baton's support-chat sentiment lexicon, laid over nlp.js's general dictionaries
 * (English scores with this lexicon alone: see `sentiment.ts`).
 * Those dictionaries miss or misjudge the words of support chats ("ridículo" is absent from
 * the Spanish one, "j'en ai marre" scores positive in French, "pedido" and "cobrar" positive
 * in Spanish, "schrecklich" near zero in German), so this file gives the common complaint and
 * praise words their weight and zeroes the domain nouns. Words are folded and stemmed when
 * loaded; expressions match their content words in a row ("waste of my time").
 * Fault words and expressions ("broken", "not working", "no funciona", "kaputt") describe what
 * went wrong rather than how the customer feels: they are listed again under `faults`, and
 * `sentiment.ts` caps what they add up to, so a plain report ("my app is not working", "the
 * parcel arrived damaged and broken") reads negative but not very negative — it is no sharp drop
 * on its own, not even as the first message; anger, insults or "!!" on top of it are.
 * Insults and accusations aimed at the company ("thieves", "scammers", "ladrones", "Abzocker",
 * "arnaqueurs") weigh like the strongest complaints. Demand words ("now", "ya", "sofort") are
 * neutral unless written in capitals: "Fix this NOW!!!" is shouting, "it works now" is not.
 */

/** One language's lexicon. Word lists are space-separated, folded or not. */
export interface SupportLexicon {
  /** Valence (-1..1) -> words. */
  words: Record<string, string>;
  /** Multi-word expressions and their valence; they take precedence over their words. */
  expressions: ReadonlyArray<readonly [string, number]>;
  /** Words that strengthen the next word ("very", "muy"). */
  boosters: string;
  /** Words after which the rest of the message weighs more ("but", "pero"). */
  contrast: string;
  /** Words that press for action ("now", "sofort"): negative only when written in capitals (`sentiment.ts`). */
  demands: string;
  /** Words and expressions (listed above with their valence) that describe a fault, not a feeling. */
  faults: { words: string; expressions: readonly string[] };
}

export const SUPPORT_LEXICONS: Record<string, SupportLexicon> = {
  en: {
    words: {
      '-0.8':
        'worst terrible horrible awful useless pathetic disgusting furious scam scammed hate hated unacceptable outrageous ridiculous absurd appalling incompetent nightmare disaster garbage trash rubbish shameful disgrace insane joke horrendous dreadful infuriating ripoff thieves thief thieving scammers scammer scamming fraud fraudsters fraudster crooks crook swindlers swindler swindled robbery extortion scum fuck fucking fucked shit shitty horrific atrocious abysmal despise loathe vile idiotic devastated heartbroken miserable worthless sickening enraged outraged disgusted',
      '-0.55':
        'angry annoyed annoying frustrated frustrating disappointed disappointing upset bad poor wrong broken fail failed failing failure waste lousy rude unhelpful mad pissed livid stupid nonsense bullshit damn crap sucks stuck impossible unfair unreliable ignored robbed stolen cheated misleading lied liar sick tired fed unhappy dissatisfied unsatisfied irritated irritating fuming shocking unprofessional crash crashes crashed crashing ruined damaged wtf liars cheats dishonest shady idiots idiot morons moron sad sadly upsetting hurt hurts painful afraid scared terrified fear crazy dangerous kill killing hopeless helpless depressed depressing sucked dumb boring bored exhausted regret embarrassing nasty mess messed screwed pointless hassle lazy careless disrespectful insulting worse poorly badly ugh argh ffs smh fml dead died cry crying cried tears suffer suffering',
      '-0.3':
        'problem issue error bug slow confusing confused unfortunately difficult late delay delayed worried concerned missing lost overcharged complaint complain unfortunate meh sigh mistake',
      '-0.25': 'still',
      '-0.15': 'again',
      '0': 'help please order account payment charge refund agent support service question need want like free kind right sure well work fix solve resolve sort clearly',
      '0.3': 'ok okay fine alright works working worked solved resolved fixed sorted easy smooth',
      '0.5': 'thanks thank thx cheers good great helpful helped appreciate appreciated nice lovely glad grateful pleased quick fast clear',
      '0.6': 'happy satisfied',
      '0.8': 'excellent amazing awesome perfect fantastic wonderful brilliant love loved outstanding superb lifesaver delighted thrilled',
    },
    expressions: [
      ['not working', -0.6],
      ['stopped working', -0.55],
      ['still waiting', -0.5],
      ['waste of time', -0.7],
      ['charged twice', -0.4],
      ['charged me twice', -0.4],
      ['double charged', -0.4],
      ['third time', -0.4],
      ['makes no sense', -0.5],
      ['never arrived', -0.45],
      ['never received', -0.45],
      ['no help', -0.5],
      ['not help', -0.5],
      ['not believe', -0.4],
      ['no problem', 0.2],
      ['no worries', 0.2],
      ['no reply', -0.4],
      ['no response', -0.4],
      ['no answer', -0.4],
      ['nothing has changed', -0.4],
      ['without notice', -0.4],
      ['never agreed', -0.4],
      ['not agree', -0.4],
      ['rip off', -0.8],
      ['ripped off', -0.8],
      ['money back', -0.3],
      ['on hold', -0.3],
      ['con artists', -0.8],
      ['daylight robbery', -0.8],
      ['stealing my money', -0.8],
      ['stole my money', -0.8],
      ['bunch of clowns', -0.8],
      ['quick question', 0],
      ['quick q', 0],
      ['for good', 0],
      ['need this fixed', 0],
      ['want this fixed', 0],
      ['get this fixed', 0],
      ['get it fixed', 0],
      ['three times', -0.4],
      ['several times', -0.3],
      ['lost a whole', -0.4],
      ['thanks for nothing', -0.7],
      ['yeah right', -0.5],
      ['as usual', -0.3],
      ['what a joke', -0.8],
      ['fed up', -0.7],
      ['had enough', -0.6],
      ['never again', -0.6],
      ['expected better', -0.5],
      ['first time', 0],
    ],
    boosters: 'very really so extremely totally absolutely completely super incredibly such',
    contrast: 'but however although though',
    demands: 'now immediately',
    faults: {
      words:
        'wrong broken fail failed failing failure stuck impossible crash crashes crashed crashing damaged problem issue error bug slow late delay delayed missing lost overcharged',
      expressions: [
        'not working',
        'stopped working',
        'charged twice',
        'charged me twice',
        'double charged',
        'never arrived',
        'never received',
        'no reply',
        'no response',
        'no answer',
        'without notice',
      ],
    },
  },
  es: {
    words: {
      '-0.8':
        'pésimo pésima horrible terrible vergonzoso vergüenza asco asqueroso inútil ridículo absurdo estafa estafadores estafador timo timadores timador indignante inaceptable desastre basura porquería harto harta furioso furiosa odio lamentable ladrones ladrón ladrona rateros sinvergüenzas sinvergüenza fraude robo atraco mierda joder jodido jodida cabrones espantoso espantosa fatal nefasto deplorable repugnante patético patética penoso penosa chapuza indignado indignada hartos hartas insoportable intolerable pesadilla puta subnormal',
      '-0.55':
        'enfadado enfadada enojado molesto molesta cabreado frustrado frustrante decepcionado decepcionante mal malo mala roto fallo falla incompetente tonto estúpido injusto mentira engañado engaño robado imposible grosero mentirosos mentiroso tramposos idiotas idiota imbéciles imbécil triste tristeza lástima miedo preocupante peor peores cansado cansada decepción desilusión disgusto disgustado disgustada cabreo rabia furia enfado abusivo abuso aburrido agotado agotada desesperado desesperada desesperante injusticia inútiles incompetentes caos malos malas feo fea muerto murió matar llorar llorando lloro sufrir sufriendo',
      '-0.3':
        'problema problemas lento tarde retraso retrasado confuso desgraciadamente lamentablemente preocupado difícil error queja quejas reclamación uf uff',
      '-0.15': 'todavía aún',
      '0': 'ayuda ayudar ayúdame pedido cuenta factura cobro cobrar cargo pago pagar dinero devolución reembolso agente persona humano servicio soporte necesito quiero favor cliente compra tarjeta es ser está estar estoy pedir orden arregla arreglen arreglar solucionen solucionar',
      '0.3': 'vale bien bueno buena correcto funciona funcionó resuelto solucionado arreglado',
      '0.5': 'gracias agradezco genial útil amable rápido contento contenta feliz',
      '0.8': 'excelente perfecto perfecta maravilloso fantástico increíble estupendo encanta encantado',
    },
    expressions: [
      ['no funciona', -0.6],
      ['no sirve', -0.6],
      ['sigue sin funcionar', -0.6],
      ['pérdida de tiempo', -0.7],
      ['cobraron dos veces', -0.4],
      ['cobro doble', -0.4],
      ['nadie me ayuda', -0.6],
      ['no me ayuda', -0.5],
      ['no hay derecho', -0.6],
      ['otra vez', -0.2],
      ['ya funciona', 0.5],
      ['no pasa nada', 0.2],
      ['tomadura de pelo', -0.7],
      ['me están robando', -0.8],
      ['nos están robando', -0.8],
      ['tres veces', -0.4],
      ['gracias por nada', -0.7],
      ['como siempre', -0.3],
      ['hasta las narices', -0.8],
      ['tercera vez', -0.4],
      ['sin respuesta', -0.4],
      ['nadie responde', -0.5],
      ['esperaba más', -0.5],
      ['nunca más', -0.6],
      ['no puede ser', -0.5],
      ['falta de respeto', -0.8],
      ['vale la pena', 0.3],
    ],
    boosters: 'muy tan súper super realmente totalmente completamente absolutamente',
    contrast: 'pero aunque sino',
    demands: 'ya ahora inmediatamente',
    faults: {
      words: 'roto fallo falla error problema problemas lento tarde retraso retrasado',
      expressions: ['no funciona', 'cobraron dos veces', 'cobro doble'],
    },
  },
  pt: {
    words: {
      '-0.8':
        'péssimo péssima horrível terrível ridículo absurdo vergonha vergonhoso nojento inútil roubo ladrões ladrão inaceitável desastre lixo porcaria odeio farto farta furioso furiosa palhaçada golpe golpistas golpista vigaristas vigarista picaretas picareta safados canalhas trapaceiros enganação roubalheira sacanagem fraude merda porra caralho bosta lamentável deplorável patético patética nojo revoltante revoltado revoltada indignado indignada indignação descaso desrespeito insuportável odiei ódio horroroso horrorosa pesadelo',
      '-0.55':
        'irritado irritada chateado chateada frustrado frustrante decepcionado decepcionante mal mau ruim errado quebrado falha falhou injusto mentira enganado roubado impossível grosseiro incompetente mentirosos mentiroso idiotas idiota triste tristeza decepção insatisfeito insatisfeita medo preocupante chato chata chatice descontente desapontado desapontada irritante aborrecido aborrecida desespero desesperado desesperada raiva pior piores cansado cansada cansei enrolação enrolando morreu morte matar sofrer sofrimento abusivo chorar chorando choro',
      '-0.3': 'problema problemas lento atraso atrasado confuso infelizmente preocupado difícil demora erro reclamação reclamar demorado demorando',
      '-0.15': 'ainda novamente',
      '0': 'ajuda ajudar preciso quero pedido conta fatura cobrança cobrar pagamento pagar pago dinheiro reembolso atendente pessoa humano serviço suporte favor cliente compra cartão legal querer resolvam resolver resolve consertem consertar',
      '0.3': 'bem bom boa certo funciona funcionou resolvido resolveu',
      '0.5': 'obrigado obrigada agradeço ótimo ótima útil rápido feliz contente satisfeito satisfeita',
      '0.8': 'excelente perfeito perfeita maravilhoso fantástico incrível adorei amo',
    },
    expressions: [
      ['não funciona', -0.6],
      ['não serve', -0.6],
      ['perda de tempo', -0.7],
      ['cobrado duas vezes', -0.4],
      ['cobraram duas vezes', -0.4],
      ['ninguém me ajuda', -0.6],
      ['não resolve', -0.5],
      ['não ajuda', -0.5],
      ['de novo', -0.2],
      ['já funciona', 0.5],
      ['estão me roubando', -0.8],
      ['me roubando', -0.8],
      ['três vezes', -0.4],
      ['obrigado por nada', -0.7],
      ['como sempre', -0.3],
      ['terceira vez', -0.4],
      ['sem resposta', -0.4],
      ['esperava mais', -0.5],
      ['nunca mais', -0.6],
      ['não aguento mais', -0.7],
      ['falta de respeito', -0.8],
      ['que droga', -0.6],
      ['ninguém resolve', -0.6],
    ],
    boosters: 'muito tão super realmente totalmente completamente absolutamente',
    contrast: 'mas porém contudo embora entretanto',
    demands: 'agora imediatamente já',
    faults: {
      words: 'errado quebrado falha falhou problema problemas lento atraso atrasado demora erro',
      expressions: ['não funciona', 'cobrado duas vezes', 'cobraram duas vezes'],
    },
  },
  de: {
    words: {
      '-0.8':
        'schrecklich furchtbar katastrophe katastrophal unverschämt unverschämtheit frechheit lächerlich nutzlos unbrauchbar abzocke abgezockt abzocker inakzeptabel miserabel wütend hasse ekelhaft skandal skandalös zumutung zeitverschwendung diebe dieb betrüger betrug gauner verbrecher kriminelle halsabschneider saftladen verarsche verarscht beschiss beschissen scheiße scheisse scheiß scheiss kacke arsch grauenhaft grausam entsetzlich fürchterlich widerlich hass hassen unzumutbar empörend empört stinksauer armselig erbärmlich dreist kotzen albtraum alptraum',
      '-0.55':
        'ärgerlich verärgert genervt nervig frustriert frustrierend enttäuscht enttäuschend schlecht falsch kaputt fehlgeschlagen unfreundlich dumm unfair gelogen lüge betrogen gestohlen sauer mies unmöglich lügner unfähig mist idioten idiot vollidioten traurig enttäuschung ärger ärgert nervt blöd doof bescheuert ätzend übel schlimm schlimmer schlimmste schlechter schlechteste angst unzufrieden unverständlich unzuverlässig langweilig peinlich fassungslos entsetzt wut zornig verzweifelt frech quatsch unsinn blödsinn lahm sinnlos hilflos chaos mangelhaft ungenügend tot gestorben sterben töten weinen heulen leiden',
      '-0.3': 'problem probleme langsam verspätet verspätung leider verwirrend kompliziert schwierig besorgt fehler schade sorge sorgen beschwerde beschweren',
      '-0.15': 'immer wieder',
      '0': 'hilfe helfen brauche bestellung konto rechnung abbuchung zahlung geld erstattung mitarbeiter mensch service support bitte kunde karte möchte',
      '0.3': 'okay gut funktioniert geklappt gelöst erledigt behoben',
      '0.5': 'danke dankeschön toll hilfreich schnell freundlich zufrieden prima gefällt',
      '0.8': 'super ausgezeichnet perfekt hervorragend wunderbar fantastisch großartig genial klasse',
    },
    expressions: [
      ['funktioniert nicht', -0.6],
      ['nicht funktioniert', -0.6],
      ['geht nicht', -0.5],
      ['klappt nicht', -0.6],
      ['hilft nicht', -0.5],
      ['nicht geholfen', -0.5],
      ['zweimal belastet', -0.4],
      ['doppelt abgebucht', -0.4],
      ['keine hilfe', -0.5],
      ['immer noch nicht', -0.5],
      ['schon wieder', -0.3],
      ['hat geklappt', 0.5],
      ['dreimal', -0.4],
      ['danke für nichts', -0.7],
      ['wie immer', -0.3],
      ['dritten mal', -0.4],
      ['keine antwort', -0.4],
      ['keine reaktion', -0.4],
      ['mehr erwartet', -0.5],
      ['nie wieder', -0.6],
      ['es reicht', -0.6],
      ['zum kotzen', -0.8],
    ],
    boosters: 'sehr so total echt wirklich völlig extrem absolut ganz',
    contrast: 'aber jedoch sondern obwohl',
    demands: 'jetzt sofort umgehend',
    faults: {
      words: 'falsch kaputt fehlgeschlagen problem probleme langsam verspätet verspätung fehler',
      expressions: ['funktioniert nicht', 'nicht funktioniert', 'geht nicht', 'klappt nicht', 'zweimal belastet', 'doppelt abgebucht'],
    },
  },
  fr: {
    words: {
      '-0.8':
        'horrible nul nulle lamentable inadmissible inacceptable scandaleux scandale honte honteux arnaque escroquerie escrocs escroc arnaqueurs arnaqueur voleurs voleur bandits fraude ridicule absurde catastrophe désastre inutile dégoûtant déteste furieux furieuse marre insupportable merde putain bordel chier dégueulasse affreux affreuse atroce épouvantable exécrable pitoyable minable haine hais détesté révoltant révolté révoltée indigné indignée écœurant écœuré cauchemar',
      '-0.55':
        'énervé énervée agacé agacée fâché frustré frustrant déçu déçue décevant mauvais mauvaise faux cassé échec impossible injuste mensonge menteurs volé trompé incompétent impoli grossier stupide débile incapables minables idiots crétins abrutis triste tristesse déception mécontent mécontente insatisfait insatisfaite énervant agaçant chiant relou pénible fatigué fatiguée épuisé épuisée peur inquiétant pire nuls bête con conne cons colère rage désespéré désespérée désespérant galère incompréhensible raté foiré bâclé ennuyeux chaos pfff pff mort morte mourir tuer pleurer pleure souffrir souffre',
      '-0.3': 'problème problèmes lent retard confus malheureusement inquiet difficile compliqué erreur dommage hélas plainte réclamation bof',
      '-0.15': 'encore',
      '0': 'aide aider besoin veux voudrais commande compte facture prélèvement paiement argent remboursement conseiller agent personne humain service support client carte réglez régler réparez réparer',
      '0.3': 'bien bon bonne fonctionne marche marché résolu réglé',
      '0.5': 'merci génial utile rapide content contente satisfait satisfaite super',
      '0.8': 'excellent parfait parfaitement formidable fantastique merveilleux incroyable adore top',
    },
    expressions: [
      ['marche pas', -0.6],
      ['fonctionne pas', -0.6],
      ['perte de temps', -0.7],
      ['débité deux fois', -0.4],
      ['personne ne m aide', -0.6],
      ["n'importe quoi", -0.6],
      ['sert à rien', -0.6],
      ['de nouveau', -0.2],
      ['ça a marché', 0.5],
      ['pas de souci', 0.2],
      ["c'est du vol", -0.8],
      ['vous vous foutez', -0.8],
      ['trois fois', -0.4],
      ['merci pour rien', -0.7],
      ["comme d'habitude", -0.3],
      ['troisième fois', -0.4],
      ['aucune réponse', -0.4],
      ['pas de réponse', -0.4],
      ['plus jamais', -0.6],
      ['ras le bol', -0.8],
      ['toujours pas', -0.5],
      ['se moquer', -0.6],
    ],
    boosters: 'très vraiment tellement trop complètement totalement absolument',
    contrast: 'mais cependant pourtant',
    demands: 'maintenant immédiatement',
    faults: {
      words: 'faux cassé échec problème problèmes lent retard erreur',
      expressions: ['marche pas', 'fonctionne pas', 'débité deux fois'],
    },
  },
};

/** Emoji and their valence; matched on the raw text. */
export const EMOJI_VALENCE: ReadonlyArray<readonly [string, number]> = [
  ['😡', -0.7],
  ['😠', -0.6],
  ['🤬', -0.8],
  ['😤', -0.5],
  ['👎', -0.5],
  ['😞', -0.4],
  ['😢', -0.4],
  ['😭', -0.5],
  ['🙄', -0.4],
  ['😒', -0.4],
  ['💩', -0.5],
  ['🙂', 0.3],
  ['😊', 0.5],
  ['😀', 0.5],
  ['😃', 0.5],
  ['😄', 0.5],
  ['👍', 0.5],
  ['🙏', 0.4],
  ['❤️', 0.6],
  ['😍', 0.7],
  ['🎉', 0.6],
  ['👌', 0.4],
];

/**
 * ASCII emoticons and their valence, matched on the raw text: ":(" and ">:(" are as clear in a
 * chat as 😞. The slant ":/" must not be followed by another slash, so "https://" never frowns.
 */
export const EMOTICON_VALENCE: ReadonlyArray<readonly [RegExp, number]> = [
  [/>:-?\(/u, -0.7],
  [/[:;=]'-?\(/u, -0.5],
  [/(?<![>\w])[:=]-?\(+/u, -0.45],
  [/(?<!\w)[:=]-?[/\\](?![/\\])/u, -0.35],
  [/(?<!\w)[Tt]_+[Tt](?!\w)/u, -0.45],
  [/(?<!\w)D:(?!\w)/u, -0.45],
  [/(?<!\w)[:;=]-?\)+/u, 0.35],
  [/(?<!\w)[:;=]-?D(?!\w)/u, 0.45],
  [/<3/u, 0.5],
];
