/**
 * Internal: the words that follow a password word in ordinary sentences ("my password is not
 * working", "la contraseña es incorrecta", "Passwort ist abgelaufen", "mot de passe oublié"),
 * in English, Spanish, Portuguese, German and French, folded (lower case, no accents). A token
 * that is one of these, an inflected form (a common suffix), or a lower-case contraction
 * ("isn't", "n'est") is read as a word, not a secret.
 */

const WORDS = `
not no never nothing none isnt isn't wasnt wasn't doesnt doesn't dont don't wont won't cant can't didnt didn't cannot
wrong incorrect invalid expired expiring working works work accepted correct right reset changed change forgotten forgot lost
locked blocked weak strong same different too very still also just already always now please here there being been ok okay
fine required needed updated compromised hacked stolen leaked empty blank longer shorter short long complicated complex simple
easy hard difficult secure insecure unknown something anything everything what which who how why when where rejected declined
failing broken manager field recovery update link email mail page screen login account hint requirements policy anymore again
either neither both all any some one set saved stored sent mine yours the a an my your his her our their this that it its
for to and or but of on in at with by from because so if as be is was are were will would should could can may might must
has have had does did do get got getting gets keeps keep stopped stop new old same mandatory optional temporary
no es era el la los las un una mi mis tu su sus que de del y o pero porque incorrecta incorrecto invalida invalido erronea
erroneo caducada caducado expirada expirado bloqueada bloqueado nueva nuevo antigua antiguo vieja viejo correcta correcto
olvidada olvidado olvide funciona sirve valida valido segura seguro debil larga largo corta corto misma mismo diferente muy
demasiado todavia aun ya siempre nunca tampoco para por con sin en esta este estaba cambiada cambiado restablecida aceptada
acepta temporal obligatoria nao e o os as um uma meu minha meus minhas do da dos das ou mas incorreta incorreto errada errado
expirou bloqueou nova novo antiga antigo correta correto esquecida esquecido esqueci aceita fraca fraco forte mesma mesmo
muito ainda ja sempre com sem em foi alterada alterado redefinida redefinido temporaria nicht kein keine ist war der die das
ein eine mein meine dein deine und oder aber weil falsch ungultig abgelaufen gesperrt neu neue neues alt alte richtig korrekt
vergessen funktioniert geht akzeptiert schwach stark gleich gleiche anders sehr zu noch schon immer nie fur mit ohne auf
geandert zuruckgesetzt abgelehnt leer ne n'est pas plus est etait le les mon ma mes ton ta son sa que du des et ou mais
parce incorrect incorrecte invalide errone erronee expire expiree bloque bloquee nouveau nouvelle ancien ancienne correcte
oublie oubliee fonctionne marche accepte acceptee faible fort forte meme different differente tres trop encore deja toujours
jamais pour avec sans dans sur modifie modifiee reinitialise reinitialisee refuse refusee vide provisoire
`;

const COMMON = new Set(WORDS.split(/\s+/).filter((word) => word.length > 0));

/** Endings of inflected words (participles, adverbs, nouns of action) in the five languages. */
const INFLECTED =
  /(?:ing|ed|ly|tion|sion|ment|able|ible|ness|less|ful|ado|ada|ados|adas|ido|ida|idos|idas|cion|mente|dade|cao|coes|ung|lich|keit|heit|iert|ieren|ique|isme|eux|euse)$/;
const CONTRACTION = /^\p{Ll}+['’]\p{Ll}+$/u;
const COMBINING = /[\u0300-\u036f]/g;

/** True for a common word, an inflected form or a contraction; case-insensitive, accents ignored. */
export function looksLikeWord(token: string): boolean {
  if (CONTRACTION.test(token)) return true;
  const folded = token.normalize('NFD').replace(COMBINING, '').toLowerCase().replace(/’/g, "'");
  if (COMMON.has(folded)) return true;
  return /^\p{L}+$/u.test(folded) && folded.length >= 6 && INFLECTED.test(folded);
}
