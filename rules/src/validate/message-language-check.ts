/**
 * Warns about a handoff or callback leaf whose customer message lacks a language the policy's
 * lexicons cover: such a conversation is detected in that language, yet the customer reads
 * Baton's built-in sentence instead of the policy's own words (`messageSourceFor`). Warnings
 * only: the built-in sentence may be what the policy wants.
 */
import { describeFallback, LANGUAGE_NAMES, lexiconLanguages, messageSourceFor, type TriggerSettings } from '@baton/schemas';
import type { AnyGraph } from '../graph/graph-index';
import { DiagnosticCode, quotedNodeName, warning, type Diagnostic } from './diagnostic';

const named = (code: string): string => (LANGUAGE_NAMES[code] ? `${LANGUAGE_NAMES[code]} (${code})` : code);

/**
 * One `MISSING_TRANSLATION` warning per handoff or callback leaf missing a language of the lexicons.
 * @param graph - a structurally valid escalation tree
 */
export function checkMessageLanguages(graph: AnyGraph, settings: TriggerSettings): Diagnostic[] {
  const covered = lexiconLanguages(settings);
  if (covered.length === 0) return [];
  const problems: Diagnostic[] = [];
  for (const node of graph.nodes) {
    if (node.kind !== 'handoff' && node.kind !== 'callback') continue;
    const templates = (node.data as { message?: Record<string, string> }).message ?? {};
    const missing = covered.filter((language) => (templates[language] ?? '').trim() === '');
    if (missing.length === 0) continue;
    const name = quotedNodeName(node);
    const fallback = missing.every((language) => messageSourceFor(templates, language).kind === 'built-in')
      ? "Baton's built-in sentence in their language"
      : [...new Set(missing.map((language) => describeFallback(templates, language)))].join(' or ');
    problems.push(
      warning(
        DiagnosticCode.MissingTranslation,
        `${name} has no customer message in ${missing.map(named).join(', ')}, which the policy's lexicons detect: those customers get ${fallback} instead. Add the message in the Inspector.`,
        { nodeId: node.id },
      ),
    );
  }
  return problems;
}
