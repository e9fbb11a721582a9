/**
 * Internal: stop words nlp.js does not ship. Its German list is empty, so German gets the
 * Snowball project's list (trimmed); every language gets the greetings and politeness fillers
 * of chat ("please", "hi", "thanks") so that they neither make two questions look different
 * nor count as the content of a phrase. Negation words are never stop words here (see
 * `language-packs.ts`): "not working" must not read like "working".
 */

const GERMAN = `
aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes
anderm andern anders auch auf aus bei bin bis bist da damit dann das dass dasselbe dazu dein
deine deinem deinen deiner deines dem demselben den denn denselben der derer derselbe derselben
des desselben dessen dich die dies diese dieselbe dieselben diesem diesen dieser dieses dir doch
dort du durch ein eine einem einen einer eines einig einige einigem einigen einiger einiges
einmal er es etwas euch euer eure eurem euren eurer eures fur gegen gewesen hab habe haben hat
hatte hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im in indem ins
ist jede jedem jeden jeder jedes jene jenem jenen jener jenes jetzt kann konnen konnte machen
man manche manchem manchen mancher manches mein meine meinem meinen meiner meines mich mir mit
muss musste nach noch nun nur ob oder ohne sehr sein seine seinem seinen seiner seines selbst
sich sie sind so solche solchem solchen solcher solches soll sollte sondern sonst uber um und
uns unser unsere unserem unseren unserer unseres unter viel vom von vor wahrend war waren warst
was weg weil weiter welche welchem welchen welcher welches wenn werde werden wie wieder will
wir wird wirst wo wollen wollte wurde wurden zu zum zur zwar zwischen mochte mochten
`;

/** Chat fillers per language, folded (lower-case, no accents). */
const FILLERS: Record<string, string> = {
  en: 'please pls plz hi hello hey thanks thank thx ok okay yes yeah just also now',
  es: 'por favor hola gracias vale si ok oye buenas buenos dias tardes ya ahora',
  pt: 'por favor ola oi obrigado obrigada ok sim bom dia tarde ja agora',
  de: 'bitte hallo hi danke ok okay ja schon jetzt mal',
  fr: 'svp stp plait bonjour salut merci ok oui deja maintenant',
};

function words(list: string): string[] {
  return list.split(/\s+/).filter((word) => word.length > 0);
}

/** Extra stop words for `language` (folded), beyond what nlp.js ships. */
export function extraStopwords(language: string): string[] {
  const fillers = words(FILLERS[language] ?? '');
  return language === 'de' ? [...words(GERMAN), ...fillers] : fillers;
}
