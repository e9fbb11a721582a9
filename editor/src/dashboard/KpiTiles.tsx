/** The headline figures of the whole range, each with a link to the decisions behind it. */
import type { ReactNode } from 'react';
import type { DecisionsRequest } from './DecisionList';
import { csat, duration, NONE, percent, plural, signed, toDecisionFilter, type HandoffKpis } from './dashboard-model';

function Tile({ label, value, detail, link }: { label: string; value: ReactNode; detail: ReactNode; link?: { text: string; open: () => void } }) {
  return (
    <div className="bn-figure bn-dash-tile">
      <dt>{label}</dt>
      <dd className="bn-figure-value">{value}</dd>
      <dd className="bn-hint">{detail}</dd>
      {link ? (
        <dd>
          <button type="button" className="bn-link bn-dash-behind" onClick={link.open}>
            {link.text}
          </button>
        </dd>
      ) : null}
    </div>
  );
}

export function KpiTiles({ kpis, onOpen }: { kpis: HandoffKpis; onOpen: (request: DecisionsRequest) => void }) {
  const o = kpis.overall;
  const handoffs = { kind: 'filter', filter: toDecisionFilter(o.handoffDecisions) } as const;
  const byIds = (ids: string[], title: string, note: string) => () => onOpen({ title, source: { kind: 'ids', ids }, note });
  return (
    <dl className="bn-figures bn-dash-tiles" aria-label="Figures of the range">
      <Tile
        label="Handoff rate"
        value={percent(o.handoffRate)}
        detail={`${plural(o.handoffs, 'handoff')} of ${plural(o.conversations, 'conversation')} decided`}
        link={{ text: 'Decisions behind it', open: () => onOpen({ title: 'Handoffs of the range', source: handoffs }) }}
      />
      <Tile
        label="Time to agent assigned"
        value={
          <>
            {duration(o.timeToAssignment.p50Seconds)} <small>p50</small>
          </>
        }
        detail={
          o.timeToAssignment.count === 0
            ? 'no handoff started yet (startHandoff)'
            : `p90 ${duration(o.timeToAssignment.p90Seconds)} · ${plural(o.timeToAssignment.count, 'handoff')} assigned`
        }
        link={{ text: 'Decisions behind it', open: () => onOpen({ title: 'Handoffs of the range (time to agent assigned)', source: handoffs }) }}
      />
      <Tile
        label="Time to first agent response"
        value={
          <>
            {duration(o.timeToFirstResponse.p50Seconds)} <small>p50</small>
          </>
        }
        detail={
          o.timeToFirstResponse.count === 0
            ? 'no first response recorded yet'
            : `p90 ${duration(o.timeToFirstResponse.p90Seconds)} · ${plural(o.timeToFirstResponse.count, 'response')} recorded`
        }
        link={{ text: 'Decisions behind it', open: byIds(o.handoffOutcomeIds, 'Handoffs with a recorded outcome', 'The 100 newest handoff outcomes.') }}
      />
      <Tile
        label="Resolution after handoff"
        value={percent(o.resolutionRate)}
        detail={
          o.resolutions === 0
            ? 'no resolution recorded yet'
            : `${plural(o.resolved, 'resolved', 'resolved')} of ${o.resolutions.toLocaleString('en')} · net ${percent(o.netResolutionRate)} (never reopened)`
        }
        link={{ text: 'Decisions behind it', open: byIds(o.handoffOutcomeIds, 'Handoffs with a recorded outcome', 'The 100 newest handoff outcomes.') }}
      />
      <Tile
        label="Repeat handoffs"
        value={percent(o.repeatHandoffRate)}
        detail={`${plural(o.repeatHandoffs, 'handoff')} of a customer handed off in the 7 days before`}
        link={{ text: 'Decisions behind it', open: () => onOpen({ title: 'Handoffs of the range', source: handoffs }) }}
      />
      <Tile
        label="CSAT handoff vs AI-only"
        value={
          <>
            {csat(o.csatHandoff.average)} <small>vs</small> {csat(o.csatAiOnly.average)}
          </>
        }
        detail={
          o.csatHandoff.responses + o.csatAiOnly.responses === 0
            ? 'no CSAT recorded yet'
            : `gap ${o.csatGap === null ? NONE : `${signed(o.csatGap)} points`} · ${o.csatHandoff.responses.toLocaleString('en')} and ${o.csatAiOnly.responses.toLocaleString('en')} responses`
        }
        link={{
          text: 'AI-only decisions behind it',
          open: byIds(o.aiOnlyIds, 'Conversations the AI kept, with a recorded outcome', 'The 100 newest AI-only outcomes.'),
        }}
      />
      <Tile
        label="Unnecessary escalations"
        value={percent(o.unnecessaryEscalationRate)}
        detail={
          o.verdicts === 0
            ? 'no agent verdict yet'
            : `${o.unnecessary.toLocaleString('en')} of ${plural(o.verdicts, 'agent verdict')}: "the AI could have resolved it"`
        }
        link={{
          text: 'Decisions behind it',
          open: byIds(o.unnecessaryIds, 'Handoffs agents said the AI could have resolved', 'The 100 newest handoffs with the verdict YES.'),
        }}
      />
      <Tile
        label="Sentiment at handoff"
        value={o.sentimentAtHandoff === null ? NONE : signed(o.sentimentAtHandoff)}
        detail={o.sentimentMeasured === 0 ? 'no handoff measured' : `mean of ${plural(o.sentimentMeasured, 'handoff')}, −1 angry … +1 happy`}
        link={{ text: 'Decisions behind it', open: () => onOpen({ title: 'Handoffs of the range', source: handoffs }) }}
      />
    </dl>
  );
}
