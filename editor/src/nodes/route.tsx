/**
 * The route leaf of a routing graph: ordered targets, each a queue (picked from the directory),
 * an agent filter (skills, same language, senior, account owner), a timeout in seconds and
 * whether to skip it when no agent is free. Targets are tried in order.
 */
import { memo, useId } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { AgentFilter, RouteNode, RouteTarget, SkillRequirement } from '@baton/schemas';
import { overlayNames, useCanvasOverlay } from '../canvas/canvas-overlay';
import { NodeFrame } from '../canvas/node-frame';
import { TextField, numberProblem } from '../inspector/fields';
import { LabelField, type NodeFormProps } from '../inspector/node-form';
import { QueueField } from '../inspector/queue-field';
import type { EditorNodeSpec, FlowNodeOf, NodeNames } from './node-spec';

/** Skills as typed: `billing:6, spanish` (skill, optional minimum proficiency 1..10). */
export function parseSkills(text: string): SkillRequirement[] | string {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const skills: SkillRequirement[] = [];
  for (const part of parts) {
    const match = /^([^:\s]{1,64})(?:\s*:\s*(\d+))?$/.exec(part);
    if (!match) return `“${part}” is not a skill; write skill or skill:level, e.g. billing:6.`;
    const skill = match[1] as string;
    if (match[2] === undefined) skills.push({ skill });
    else {
      const level = Number(match[2]);
      if (level < 1 || level > 10) return `The level of ${skill} must be 1 to 10.`;
      skills.push({ skill, minProficiency: level });
    }
  }
  return skills;
}

function formatSkills(skills: readonly SkillRequirement[] | undefined): string {
  return (skills ?? []).map((s) => (s.minProficiency ? `${s.skill}:${s.minProficiency}` : s.skill)).join(', ');
}

/** The filter without empty fields (absent rather than false or []). */
function cleanFilter(filter: AgentFilter): AgentFilter | undefined {
  const out: AgentFilter = {};
  if (filter.skills && filter.skills.length > 0) out.skills = filter.skills;
  if (filter.matchCustomerLanguage) out.matchCustomerLanguage = true;
  if (filter.senior) out.senior = true;
  if (filter.accountOwner) out.accountOwner = true;
  return Object.keys(out).length > 0 ? out : undefined;
}

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const id = useId();
  return (
    <div className="bn-check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

function TargetEditor({ node, index, context, onChange }: NodeFormProps<RouteNode> & { index: number }) {
  const targets = node.data.targets;
  const target = targets[index] as RouteTarget;
  const n = index + 1;
  const replace = (next: RouteTarget, field: string) =>
    onChange({ ...node, data: { targets: targets.map((t, i) => (i === index ? next : t)) } }, `target-${index}-${field}`);
  const setFilter = (patch: Partial<AgentFilter>, field: string) => {
    const agentFilter = cleanFilter({ ...(target.agentFilter ?? {}), ...patch });
    const next: RouteTarget = { ...target };
    if (agentFilter) next.agentFilter = agentFilter;
    else delete next.agentFilter;
    replace(next, field);
  };
  const move = (to: number) => {
    const list = [...targets];
    list.splice(index, 1);
    list.splice(to, 0, target);
    onChange({ ...node, data: { targets: list } }, 'targets');
  };
  return (
    <fieldset className="bn-case" aria-label={`Target ${n}`}>
      <legend>Target {n}</legend>
      <QueueField
        context={context}
        label={`Queue of target ${n}`}
        value={target.queue}
        listId={`route-queues-${node.id}-${index}`}
        onCommit={(queue) => replace({ ...target, queue }, 'queue')}
      />
      <TextField
        label={`Required skills of target ${n}`}
        hint="On top of the queue's own, e.g. billing:6, spanish (level 1–10)."
        value={formatSkills(target.agentFilter?.skills)}
        validate={(text) => {
          const parsed = parseSkills(text);
          return typeof parsed === 'string' ? parsed : null;
        }}
        onCommit={(text) => setFilter({ skills: parseSkills(text) as SkillRequirement[] }, 'skills')}
      />
      <Check
        label="Only agents speaking the customer's language"
        checked={Boolean(target.agentFilter?.matchCustomerLanguage)}
        onChange={(v) => setFilter({ matchCustomerLanguage: v }, 'language')}
      />
      <Check
        label="Only senior or de-escalation trained agents"
        checked={Boolean(target.agentFilter?.senior)}
        onChange={(v) => setFilter({ senior: v }, 'senior')}
      />
      <Check
        label="Only the customer's account owner"
        checked={Boolean(target.agentFilter?.accountOwner)}
        onChange={(v) => setFilter({ accountOwner: v }, 'owner')}
      />
      <TextField
        label={`Timeout of target ${n} (seconds)`}
        hint="How long to wait for this target before trying the next; empty: the queue's maximum wait."
        value={target.timeoutSeconds === undefined ? '' : String(target.timeoutSeconds)}
        validate={(text) => (text.trim() === '' ? null : numberProblem(text, 0, 86_400, true))}
        onCommit={(text) => {
          const next: RouteTarget = { ...target };
          if (text.trim() === '') delete next.timeoutSeconds;
          else next.timeoutSeconds = Number(text);
          replace(next, 'timeout');
        }}
      />
      <Check
        label="Skip when no agent is available now"
        checked={Boolean(target.skipIfNoAgentAvailable)}
        onChange={(v) => {
          const next: RouteTarget = { ...target };
          if (v) next.skipIfNoAgentAvailable = true;
          else delete next.skipIfNoAgentAvailable;
          replace(next, 'skip');
        }}
      />
      <div className="bn-inline">
        <button type="button" onClick={() => move(index - 1)} disabled={index === 0} aria-label={`Move target ${n} up`}>
          ↑ Up
        </button>
        <button type="button" onClick={() => move(index + 1)} disabled={index === targets.length - 1} aria-label={`Move target ${n} down`}>
          ↓ Down
        </button>
        <button
          type="button"
          className="bn-link"
          onClick={() => onChange({ ...node, data: { targets: targets.filter((_, i) => i !== index) } }, 'targets')}
          disabled={targets.length === 1}
        >
          Remove target {n}
        </button>
      </div>
    </fieldset>
  );
}

function RouteForm(props: NodeFormProps<RouteNode>) {
  const { node, onChange } = props;
  return (
    <>
      <LabelField node={node} onChange={onChange} />
      <p className="bn-hint">Targets are tried in order: the first with an agent free (or within its timeout) takes the conversation.</p>
      {node.data.targets.map((_, i) => (
        <TargetEditor key={i} {...props} index={i} />
      ))}
      <button
        type="button"
        onClick={() =>
          onChange(
            { ...node, data: { targets: [...node.data.targets, { queue: props.context.directoryQueues?.[0] ?? props.context.queues[0] ?? 'general' }] } },
            'targets',
          )
        }
        disabled={node.data.targets.length >= 20}
      >
        Add a target
      </button>
    </>
  );
}

/** One route target in words: "Billing (same language, senior; 60 s; skip if nobody free)", the queue by its directory name when `names` has it. */
function describeTarget(target: RouteTarget, names?: NodeNames): string {
  const filter = target.agentFilter ?? {};
  const notes = [
    ...(filter.skills ?? []).map((s) => (s.minProficiency ? `${s.skill} ≥ ${s.minProficiency}` : s.skill)),
    filter.matchCustomerLanguage ? 'same language' : '',
    filter.senior ? 'senior' : '',
    filter.accountOwner ? 'account owner' : '',
    target.timeoutSeconds !== undefined ? `${target.timeoutSeconds} s` : '',
    target.skipIfNoAgentAvailable ? 'skip if nobody free' : '',
  ].filter(Boolean);
  const queue = names?.queue(target.queue) ?? target.queue;
  return notes.length > 0 ? `${queue} (${notes.join(', ')})` : queue;
}

function RouteNodeView({ data, selected }: NodeProps<FlowNodeOf<'route'>>) {
  const names = overlayNames(useCanvasOverlay());
  const body = (
    <ol className="bn-route-targets" aria-label="Targets in order">
      {data.node.data.targets.map((t, i) => (
        <li key={i}>{describeTarget(t, names)}</li>
      ))}
    </ol>
  );
  return <NodeFrame spec={routeSpec} node={data.node} selected={selected} body={body} />;
}

export const routeSpec: EditorNodeSpec<'route'> = {
  kind: 'route',
  title: 'Route',
  hint: 'Leaf: queues to try in order, with agent filters',
  colour: '#0891b2',
  fill: '#ecfeff',
  targets: ['routing'],
  input: true,
  create: (id, position) => ({ id, kind: 'route', label: 'Route', position, data: { targets: [{ queue: 'general' }] } }),
  describe: (node, names) => node.data.targets.map((t, i) => `${i + 1}. ${describeTarget(t, names)}`).join(' → '),
  outputs: () => [],
  queues: (node) => node.data.targets.map((t) => t.queue),
  Renderer: memo(RouteNodeView),
  Form: RouteForm,
};
