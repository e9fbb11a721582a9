/**
 * Internal: Baton's French support-chat sentiment lexicon (see `sentiment-lexicon.ts` for what each
 * field means). Written natively in French, not translated.
 */
import type { SupportLexicon } from './sentiment-lexicon';

export const FRENCH: SupportLexicon = {
  words: {
    '-0.8':
      'horrible nul nulle inacceptable scandaleux scandale honte honteux arnaque escroquerie escrocs escroc arnaqueurs arnaqueur voleurs voleur bandits fraude ridicule absurde catastrophe désastre inutile dégoûtant déteste furieux furieuse marre insupportable merde putain bordel chier dégueulasse affreux affreuse atroce épouvantable exécrable pitoyable minable haine hais détesté révoltant révolté révoltée indigné indignée écœurant écœuré cauchemar foutage inadmissible lamentable',
    '-0.55':
      'énervé énervée agacé agacée fâché frustré frustrant déçu déçue décevant mauvais mauvaise faux cassé échec impossible injuste mensonge menteurs trompé incompétent impoli grossier stupide débile incapables minables idiots crétins abrutis triste tristesse déception mécontent mécontente insatisfait insatisfaite énervant agaçant chiant relou pénible fatigué fatiguée épuisé épuisée peur inquiétant pire nuls bête con conne cons colère rage désespéré désespérée désespérant galère incompréhensible raté foiré bâclé ennuyeux chaos pfff pff mort morte mourir tuer pleurer pleure souffrir souffre grr ignoré ignorée ignorez saoule soule craint déprime déprimée stressé stressée gonflé dégoûté dégoûtée',
    '-0.3':
      'problème problèmes lent retard confus malheureusement inquiet difficile compliqué erreur dommage hélas plainte réclamation bof refusé refusée rejeté rejetée bloqué bloquée bloqués perdu perdue volé volée piraté piratée suspendu suspendue expiré expirée sérieusement manque manquant manquante',
    '-0.15': 'encore',
    '0': 'aide aider besoin veux voudrais commande compte facture prélèvement paiement argent remboursement conseiller agent personne humain service support client carte réglez régler réparez réparer incroyable',
    '0.3': 'bien bon bonne fonctionne marche marché résolu réglé',
    '0.5': 'merci génial utile rapide content contente satisfait satisfaite super',
    '0.8': 'excellent parfait parfaitement formidable fantastique merveilleux adore top',
  },
  expressions: [
    ["j'en peux plus", -0.7],
    ["je n'en peux plus", -0.7],
    ['oh non', -0.5],
    ['pas bon', -0.5],
    ['ça me saoule', -0.7],
    ['ça craint', -0.6],
    ['la honte', -0.6],
    ['combien de fois', -0.5],
    ['quatrième fois', -0.5],
    ['encore une fois', -0.4],
    ['à chaque fois', -0.3],
    ['toujours rien', -0.5],
    ["j'attends depuis", -0.4],
    ['depuis des semaines', -0.4],
    ['personne ne répond', -0.5],
    ['personne ne me répond', -0.6],
    ["c'est une blague", -0.7],
    ['foutage de gueule', -0.8],
    ['à bout', -0.6],
    ["j'abandonne", -0.5],
    ['pas possible', -0.5],
    ['pas normal', -0.5],
    ['merci du cadeau', -0.6],
    ['mort de rire', 0.4],
    ['morte de rire', 0.4],
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
    words:
      'faux cassé échec problème problèmes lent retard erreur refusé refusée rejeté rejetée bloqué bloquée bloqués perdu perdue volé volée piraté piratée suspendu suspendue expiré expirée manque manquant manquante',
    expressions: ['marche pas', 'fonctionne pas', 'débité deux fois'],
  },
};
