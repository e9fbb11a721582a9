/**
 * One paragraph an auditor can read instead of the JSON: "Version 3 → draft: 1 node changed
 * (“Bot unsure twice”: data.test.value 0.4 → 0.5), 1 node added (h_billing_vip: Hand off to vip
 * (billing_vip, HIGH)), 2 edges added; settings: 3 phrases added to topic billing (es)."
 * Nodes are named by their titles (labels) where they have one, by id otherwise; thresholds by
 * their titles in the settings schema.
 * Long lists name the first few items and count the rest.
 */
import { ThresholdsSchema } from '@baton/schemas';
import { describeNode } from '../graph/describe-node';
import type { GraphNode } from '../graph/graph-index';
import type { FieldChange, GraphDiff, NodeChange, PhraseListChange, PolicyDocumentDiff, SettingsDiff } from './diff-types';

const MAX_ITEMS = 3;
const MAX_FIELDS_PER_NODE = 2;
const MAX_VALUE_CHARS = 40;

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function formatValue(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = JSON.stringify(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

function formatField(change: FieldChange): string {
  return `${change.path === '' ? 'value' : change.path} ${formatValue(change.before)} → ${formatValue(change.after)}`;
}

/** The first few items, then "and N more". */
function listed(items: string[]): string {
  const shown = items.slice(0, MAX_ITEMS).join('; ');
  return items.length > MAX_ITEMS ? `${shown}; and ${items.length - MAX_ITEMS} more` : shown;
}

/** Node titles by id; a node without one is named by its id. */
type NodeNames = ReadonlyMap<string, string>;

function nodeName(id: string | undefined, names: NodeNames, label?: string | null): string {
  if (id === undefined) return '(none)';
  const title = label ?? names.get(id);
  return title ? `“${title}”` : id;
}

function changedNode(change: NodeChange, names: NodeNames): string {
  const fields = change.fields.slice(0, MAX_FIELDS_PER_NODE).map(formatField);
  const more = change.fields.length > MAX_FIELDS_PER_NODE ? `, ${change.fields.length - MAX_FIELDS_PER_NODE} more` : '';
  return `${nodeName(change.id, names, change.label)}: ${fields.join(', ')}${more}`;
}

function graphParts(diff: GraphDiff, names: NodeNames): string[] {
  const parts: string[] = [];
  const nodes = (list: NodeChange[], verb: string, detail: (c: NodeChange) => string): void => {
    if (list.length > 0) parts.push(`${plural(list.length, 'node')} ${verb} (${listed(list.map(detail))})`);
  };
  nodes(diff.nodesChanged, 'changed', (c) => changedNode(c, names));
  nodes(diff.nodesAdded, 'added', (c) => `${nodeName(c.id, names, c.label)}: ${describeNode(c.after as GraphNode)}`);
  nodes(diff.nodesRemoved, 'removed', (c) => `${nodeName(c.id, names, c.label)}: ${describeNode(c.before as GraphNode)}`);
  if (diff.edgesAdded.length > 0) parts.push(`${plural(diff.edgesAdded.length, 'edge')} added`);
  if (diff.edgesRemoved.length > 0) parts.push(`${plural(diff.edgesRemoved.length, 'edge')} removed`);
  if (diff.edgesChanged.length > 0) {
    const rewired = diff.edgesChanged.map(
      (c) => `${nodeName(c.source, names)} ${c.sourceHandle ?? 'next'}: ${nodeName(c.before?.target, names)} → ${nodeName(c.after?.target, names)}`,
    );
    parts.push(`${plural(diff.edgesChanged.length, 'edge')} changed (${listed(rewired)})`);
  }
  if (diff.nodesMoved.length > 0) parts.push(`${plural(diff.nodesMoved.length, 'node')} moved (layout only)`);
  return parts;
}

const THRESHOLDS = ThresholdsSchema.properties as Record<string, { title?: string }>;

/** A settings path in words: a threshold by its schema title ("Low-confidence threshold"), anything else by its path. */
function settingName(path: string): string {
  const threshold = /^thresholds\.(\w+)$/.exec(path)?.[1];
  return threshold !== undefined && Object.hasOwn(THRESHOLDS, threshold) ? (THRESHOLDS[threshold]?.title ?? path) : path;
}

function phraseList(change: PhraseListChange): string {
  return change.topic === null ? change.list : `topic ${change.topic}`;
}

function settingsParts(diff: SettingsDiff): string[] {
  const parts: string[] = [];
  if (diff.fields.length > 0) parts.push(listed(diff.fields.map((change) => formatField({ ...change, path: settingName(change.path) }))));
  const wholeTopic = new Set([...diff.topicsAdded, ...diff.topicsRemoved]);
  const phraseCount = (topic: string, side: 'added' | 'removed'): number =>
    diff.phrases.filter((p) => p.topic === topic).reduce((n, p) => n + p[side].length, 0);
  for (const topic of diff.topicsAdded) parts.push(`topic ${topic} added (${plural(phraseCount(topic, 'added'), 'phrase')})`);
  for (const topic of diff.topicsRemoved) parts.push(`topic ${topic} removed (${plural(phraseCount(topic, 'removed'), 'phrase')})`);
  for (const change of diff.phrases) {
    if (change.topic !== null && wholeTopic.has(change.topic)) continue;
    if (change.added.length > 0) parts.push(`${plural(change.added.length, 'phrase')} added to ${phraseList(change)} (${change.language})`);
    if (change.removed.length > 0) parts.push(`${plural(change.removed.length, 'phrase')} removed from ${phraseList(change)} (${change.language})`);
  }
  return parts;
}

/**
 * The diff in one paragraph.
 * @param from - how to name the older side, e.g. "Version 3"
 * @param to - how to name the other side, e.g. "draft" or "version 4"
 * @param names - node titles by id (both sides' labels), so unchanged nodes an edge connects are named too
 */
export function summariseDiff(diff: PolicyDocumentDiff, from: string, to: string, names: NodeNames = new Map()): string {
  if (diff.unchanged) return `${from} → ${to}: no changes.`;
  const groups: string[] = [];
  const graph = graphParts(diff.graph, names);
  if (graph.length > 0) groups.push(graph.join(', '));
  const routing = graphParts(diff.routing, names);
  if (routing.length > 0) groups.push(`routing: ${routing.join(', ')}`);
  const settings = settingsParts(diff.settings);
  if (settings.length > 0) groups.push(`settings: ${settings.join(', ')}`);
  return `${from} → ${to}: ${groups.join('; ')}.`;
}
