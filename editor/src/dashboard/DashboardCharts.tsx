/**
 * The Dashboard's charts (recharts, loaded with the page only: the editor's first screen does not
 * pay for them): handoff rate over time, handoffs per reason, time to human, resolution after
 * handoff, repeat handoffs, CSAT handoff vs AI-only, unnecessary escalations per reason with the
 * month-over-month trend, and sentiment at handoff. Clicking a bucket opens the decisions behind it;
 * each caption links to those of the whole range.
 */
import type { ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  LabelList,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type MouseHandlerDataParam,
} from 'recharts';
import type { DecisionsRequest } from './DecisionList';
import {
  bucketLabel,
  bucketTitle,
  count,
  csat,
  duration,
  monthLabel,
  percent,
  points,
  reasonColour,
  reasonsOf,
  shortDuration,
  signed,
  toDecisionFilter,
  type HandoffKpis,
  type KpiBucketFigures,
} from './dashboard-model';

const HEIGHT = 220;
const BLUE = '#2563eb';
const ORANGE = '#ea580c';
const GREEN = '#16a34a';
const GREY = '#94a3b8';
const PURPLE = '#7c3aed';

interface Row {
  index: number;
  label: string;
  [key: string]: number | string | null;
}

type Open = (request: DecisionsRequest) => void;

/** One value per bucket: what the charts plot (null where nothing was measured, drawn as a gap). */
function rowsOf(kpis: HandoffKpis, now: number): Row[] {
  const reasons = reasonsOf(kpis);
  return kpis.buckets.map((b, index) => {
    const f = b.figures;
    const row: Row = {
      index,
      label: bucketLabel(b.label),
      // The bucket still running (today, this week) has its figures so far.
      title: `${bucketTitle(b, kpis.bucket)}${Date.parse(b.end) > now ? ' (so far)' : ''}`,
      conversations: f.conversations,
      handoffs: f.handoffs,
      handoffRate: f.handoffRate,
      assignedP50: f.timeToAssignment.p50Seconds,
      assignedP90: f.timeToAssignment.p90Seconds,
      firstP50: f.timeToFirstResponse.p50Seconds,
      firstP90: f.timeToFirstResponse.p90Seconds,
      resolutionRate: f.resolutionRate,
      netResolutionRate: f.netResolutionRate,
      resolutions: f.resolutions,
      repeatRate: f.repeatHandoffRate,
      repeats: f.repeatHandoffs,
      csatHandoff: f.csatHandoff.average,
      csatAi: f.csatAiOnly.average,
      sentiment: f.sentimentAtHandoff,
    };
    // No bar (and no tooltip line) for a reason without handoffs in the bucket.
    for (const reason of reasons) row[`reason:${reason}`] = f.byReason.find((r) => r.reasonCode === reason)?.handoffs || null;
    return row;
  });
}

/** Below this many verdicts in a month, a change of rate is mostly noise: shown, but not coloured. */
const FEW_VERDICTS = 10;
const few = (months: readonly { verdicts: number }[]) => months.slice(-2).some((m) => m.verdicts < FEW_VERDICTS);

/** Ticks of a rate axis from 0 to a round top above `max` (0..1). */
function rateTicks(max: number): number[] {
  const top = Math.min(1, Math.max(0.1, Math.ceil(max * 10) / 10));
  const step = top <= 0.2 ? 0.05 : top <= 0.6 ? 0.1 : 0.25;
  const ticks: number[] = [];
  for (let t = 0; t <= top + 1e-9; t += step) ticks.push(Math.round(t * 100) / 100);
  if ((ticks.at(-1) as number) < top) ticks.push(top);
  return ticks;
}

/** A legend whose labels read in the text colour (a pale series colour would not). */
const legendText = (value: unknown) => <span className="bn-dash-legend">{String(value)}</span>;

/** A durations axis on a log scale: seconds to days read on one chart. */
const DURATION_TICKS = [1, 10, 60, 600, 3600, 6 * 3600, 86_400, 7 * 86_400];

function Chart({
  title,
  hint,
  empty,
  behind,
  summary,
  children,
  wide,
  table,
}: {
  title: string;
  hint: string;
  /** Said instead of the chart when nothing was measured. */
  empty: string | null;
  behind?: { text?: string; open: () => void };
  /** What the chart shows, for screen readers. */
  summary: string;
  children: ReactNode;
  wide?: boolean;
  /** The body is a table: read as one, not as an image. */
  table?: boolean;
}) {
  return (
    <figure className={`bn-chart bn-dash-chart${wide ? ' bn-dash-wide' : ''}`} aria-label={title}>
      <figcaption>
        <div className="bn-dash-caption">
          <h3>{title}</h3>
          {behind && !empty ? (
            <button type="button" className="bn-link bn-dash-behind" onClick={behind.open}>
              {behind.text ?? 'Decisions behind it'}
            </button>
          ) : null}
        </div>
        <span className="bn-hint">{hint}</span>
      </figcaption>
      {empty ? (
        <p className="bn-dash-chart-empty">{empty}</p>
      ) : table ? (
        children
      ) : (
        <div className="bn-chart-body" role="img" aria-label={summary}>
          {children}
        </div>
      )}
    </figure>
  );
}

const tooltipStyle = { fontSize: 12 };

export function DashboardCharts({ kpis, onOpen }: { kpis: HandoffKpis; onOpen: Open }) {
  const rows = rowsOf(kpis, Date.now());
  const reasons = reasonsOf(kpis);
  const o = kpis.overall;
  const unit = kpis.bucket;
  const bucketAt = (state: MouseHandlerDataParam): KpiBucketFigures | undefined => {
    const index = state.activeTooltipIndex;
    return index === null || index === undefined ? undefined : kpis.buckets[Number(index)];
  };
  /** Clicking a bucket opens its handoffs (or all its decisions). */
  const openBucket =
    (what: string, all = false) =>
    (state: MouseHandlerDataParam) => {
      const bucket = bucketAt(state);
      if (!bucket) return;
      onOpen({
        title: `${what}, ${bucketTitle(bucket, unit)}`,
        source: { kind: 'filter', filter: toDecisionFilter(all ? bucket.figures.decisions : bucket.figures.handoffDecisions) },
      });
    };
  const allHandoffs = (title: string) => ({ open: () => onOpen({ title, source: { kind: 'filter', filter: toDecisionFilter(o.handoffDecisions) } }) });
  const xAxis = <XAxis dataKey="label" fontSize={11} minTickGap={12} tickMargin={4} />;
  const grid = <CartesianGrid strokeDasharray="3 3" vertical={false} />;
  const rateAxis = (values: unknown[], yAxisId?: string) => {
    const ticks = rateTicks(Math.max(0, ...values.map((v) => (typeof v === 'number' ? v : 0))));
    return (
      <YAxis
        yAxisId={yAxisId}
        domain={[0, ticks.at(-1) as number]}
        ticks={ticks}
        tickFormatter={(v: number) => `${Math.round(v * 100)}%`}
        fontSize={11}
        width={44}
      />
    );
  };
  const titleOf = (_label: unknown, payload: readonly { payload?: unknown }[]) => String((payload[0]?.payload as Row | undefined)?.title ?? '');
  const showRate = (value: unknown) => percent(typeof value === 'number' ? value : null);
  const maxDuration = Math.max(1, ...rows.flatMap((r) => [r.assignedP90, r.firstP90].map((v) => (typeof v === 'number' ? v : 0))));
  const verdictReasons = o.byReason.filter((r) => r.verdicts > 0).sort((a, b) => (b.unnecessaryEscalationRate ?? 0) - (a.unnecessaryEscalationRate ?? 0));
  const trend = kpis.unnecessaryEscalationTrend;
  const months = trend[0]?.months.map((m) => m.month) ?? [];
  const noHandoffs = o.handoffs === 0 ? 'No handoff in this range.' : null;
  // Dots show single values between gaps (a day without outcomes) while the points are few enough to read.
  const dot = rows.length <= 45 ? { r: 2 } : false;

  return (
    <div className="bn-charts bn-dash-charts">
      <Chart
        title="Handoff rate over time"
        hint={`Share of the conversations decided each ${unit === 'DAY' ? 'day' : 'week'} that were handed off (line); conversations decided (bars). Click a ${unit === 'DAY' ? 'day' : 'week'} for its decisions.`}
        empty={null}
        behind={allHandoffs('Handoffs of the range')}
        summary={`Handoff rate ${percent(o.handoffRate)} over the range: ${rows.map((r) => `${r.label} ${showRate(r.handoffRate)}`).join(', ')}`}
      >
        <ResponsiveContainer width="100%" height={HEIGHT}>
          <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} onClick={openBucket('Decisions', true)}>
            {grid}
            {xAxis}
            {rateAxis(
              rows.map((r) => r.handoffRate),
              'rate',
            )}
            <YAxis yAxisId="count" orientation="right" fontSize={11} width={40} allowDecimals={false} />
            <Tooltip
              labelFormatter={titleOf}
              contentStyle={tooltipStyle}
              formatter={(value, name, item) => {
                const row = item.payload as Row;
                return name === 'Handoff rate'
                  ? [`${showRate(value)} (${count(Number(row.handoffs))} of ${count(Number(row.conversations))})`, name]
                  : [count(Number(value)), name];
              }}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} formatter={legendText} />
            <Bar yAxisId="count" dataKey="conversations" name="Conversations" fill={GREY} fillOpacity={0.35} isAnimationActive={false} />
            <Line yAxisId="rate" type="monotone" dataKey="handoffRate" name="Handoff rate" stroke={BLUE} strokeWidth={2} dot={dot} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </Chart>

      <Chart
        title="Handoffs per reason"
        hint={`Handed-off conversations each ${unit === 'DAY' ? 'day' : 'week'}, stacked by the reason the policy gave. Click a bar for its handoffs.`}
        empty={noHandoffs}
        behind={allHandoffs('Handoffs of the range')}
        summary={o.byReason.map((r) => `${r.reasonCode} ${count(r.handoffs)} (${percent(r.share)})`).join(', ')}
      >
        <ResponsiveContainer width="100%" height={HEIGHT}>
          <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} onClick={openBucket('Handoffs')}>
            {grid}
            {xAxis}
            <YAxis fontSize={11} width={36} allowDecimals={false} />
            <Tooltip labelFormatter={titleOf} contentStyle={tooltipStyle} />
            <Legend wrapperStyle={{ fontSize: 11 }} iconSize={9} formatter={legendText} />
            {reasons.map((reason, i) => (
              <Bar key={reason} dataKey={`reason:${reason}`} name={reason} stackId="reasons" fill={reasonColour(i)} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </Chart>

      <Chart
        title="Time to human"
        hint="From the handoff decision to an agent assigned (startHandoff) and to the agent's first response (recorded outcomes), p50 and p90 (dashed); log scale."
        empty={
          o.timeToAssignment.count + o.timeToFirstResponse.count === 0
            ? 'No handoff started or answered yet: the bot commits handoffs with startHandoff, and the helpdesk sends firstAgentResponseAt with recordHandoffOutcome.'
            : null
        }
        behind={allHandoffs('Handoffs of the range (time to human)')}
        summary={`Assigned p50 ${duration(o.timeToAssignment.p50Seconds)}, p90 ${duration(o.timeToAssignment.p90Seconds)}; first response p50 ${duration(o.timeToFirstResponse.p50Seconds)}, p90 ${duration(o.timeToFirstResponse.p90Seconds)}`}
      >
        <ResponsiveContainer width="100%" height={HEIGHT}>
          <LineChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} onClick={openBucket('Handoffs')}>
            {grid}
            {xAxis}
            <YAxis
              scale="log"
              domain={[1, Math.max(60, maxDuration * 1.5)]}
              ticks={DURATION_TICKS.filter((t) => t <= Math.max(60, maxDuration * 1.5))}
              tickFormatter={shortDuration}
              allowDataOverflow
              fontSize={11}
              width={40}
            />
            <Tooltip
              labelFormatter={titleOf}
              contentStyle={tooltipStyle}
              formatter={(value, name) => [duration(typeof value === 'number' ? value : null), name]}
            />
            <Legend wrapperStyle={{ fontSize: 11 }} iconSize={9} formatter={legendText} />
            <Line dataKey="assignedP50" name="Assigned p50" stroke={BLUE} strokeWidth={2} dot={dot} isAnimationActive={false} />
            <Line dataKey="assignedP90" name="Assigned p90" stroke={BLUE} strokeDasharray="5 4" dot={dot} isAnimationActive={false} />
            <Line dataKey="firstP50" name="First response p50" stroke={ORANGE} strokeWidth={2} dot={dot} isAnimationActive={false} />
            <Line dataKey="firstP90" name="First response p90" stroke={ORANGE} strokeDasharray="5 4" dot={dot} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </Chart>

      <Chart
        title="Resolution after handoff"
        hint="Handoffs the agent resolved, of those with a recorded resolution; net: resolved and never reopened."
        empty={
          o.resolutions === 0
            ? 'No resolution recorded yet: the helpdesk sends resolution (RESOLVED, UNRESOLVED, TRANSFERRED, ABANDONED) with recordHandoffOutcome.'
            : null
        }
        behind={{
          open: () =>
            onOpen({ title: 'Handoffs with a recorded outcome', note: 'The 100 newest handoff outcomes.', source: { kind: 'ids', ids: o.handoffOutcomeIds } }),
        }}
        summary={`Resolution rate ${percent(o.resolutionRate)}, net ${percent(o.netResolutionRate)}: ${count(o.resolved)} resolved, ${count(o.unresolved)} unresolved, ${count(o.transferred)} transferred, ${count(o.abandoned)} abandoned`}
      >
        <ResponsiveContainer width="100%" height={HEIGHT}>
          <LineChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} onClick={openBucket('Handoffs')}>
            {grid}
            {xAxis}
            {rateAxis([1])}
            <Tooltip labelFormatter={titleOf} contentStyle={tooltipStyle} formatter={(value, name) => [showRate(value), name]} />
            <Legend wrapperStyle={{ fontSize: 11 }} iconSize={9} formatter={legendText} />
            <Line dataKey="resolutionRate" name="Resolved" stroke={GREEN} strokeWidth={2} dot={dot} isAnimationActive={false} />
            <Line dataKey="netResolutionRate" name="Resolved, never reopened" stroke={GREEN} strokeDasharray="5 4" dot={dot} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </Chart>

      <Chart
        title="Repeat handoffs"
        hint="Handoffs of a customer who was handed off in another conversation in the 7 days before."
        empty={noHandoffs}
        behind={allHandoffs('Handoffs of the range (repeat handoffs)')}
        summary={`Repeat-handoff rate ${percent(o.repeatHandoffRate)}: ${count(o.repeatHandoffs)} of ${count(o.handoffs)} handoffs`}
      >
        <ResponsiveContainer width="100%" height={HEIGHT}>
          <LineChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} onClick={openBucket('Handoffs')}>
            {grid}
            {xAxis}
            {rateAxis(rows.map((r) => r.repeatRate))}
            <Tooltip
              labelFormatter={titleOf}
              contentStyle={tooltipStyle}
              formatter={(value, name, item) => [`${showRate(value)} (${count(Number((item.payload as Row).repeats))})`, name]}
            />
            <Line dataKey="repeatRate" name="Repeat handoffs" stroke={PURPLE} strokeWidth={2} dot={dot} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </Chart>

      <Chart
        title="CSAT: handoff vs AI-only"
        hint="Mean customer satisfaction (1–5) of handed-off conversations and of those the AI kept."
        empty={
          o.csatHandoff.responses + o.csatAiOnly.responses === 0
            ? 'No CSAT recorded yet: the helpdesk sends csat with recordHandoffOutcome, and recordAiOutcome for conversations the AI kept.'
            : null
        }
        behind={{
          text: 'AI-only decisions behind it',
          open: () =>
            onOpen({
              title: 'Conversations the AI kept, with a recorded outcome',
              note: 'The 100 newest AI-only outcomes.',
              source: { kind: 'ids', ids: o.aiOnlyIds },
            }),
        }}
        summary={`CSAT handoff ${csat(o.csatHandoff.average)} (${count(o.csatHandoff.responses)} responses), AI-only ${csat(o.csatAiOnly.average)} (${count(o.csatAiOnly.responses)} responses)`}
      >
        <ResponsiveContainer width="100%" height={HEIGHT}>
          <LineChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} onClick={openBucket('Handoffs')}>
            {grid}
            {xAxis}
            <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} fontSize={11} width={28} />
            <Tooltip labelFormatter={titleOf} contentStyle={tooltipStyle} formatter={(value, name) => [csat(typeof value === 'number' ? value : null), name]} />
            <Legend wrapperStyle={{ fontSize: 11 }} iconSize={9} formatter={legendText} />
            <Line dataKey="csatHandoff" name="Handed off" stroke={ORANGE} strokeWidth={2} dot={dot} isAnimationActive={false} />
            <Line dataKey="csatAi" name="AI-only" stroke={BLUE} strokeWidth={2} dot={dot} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </Chart>

      <Chart
        title="Unnecessary escalations per reason"
        hint="Agent verdicts saying “the AI could have resolved this”, of the verdicts given, per reason; the line marks 10% (guide 003's bar). Click a bar for its handoffs."
        empty={
          o.verdicts === 0
            ? 'No agent verdict yet: the agent desktop sends agentVerdict (YES, NO, UNSURE) with recordHandoffOutcome and an INTEGRATION key.'
            : null
        }
        behind={{
          open: () =>
            onOpen({
              title: 'Handoffs agents said the AI could have resolved',
              note: 'The 100 newest handoffs with the verdict YES.',
              source: { kind: 'ids', ids: o.unnecessaryIds },
            }),
        }}
        summary={verdictReasons.map((r) => `${r.reasonCode} ${percent(r.unnecessaryEscalationRate)} (${r.unnecessary} of ${r.verdicts})`).join(', ')}
      >
        <ResponsiveContainer width="100%" height={Math.max(HEIGHT - 40, 30 + verdictReasons.length * 26)}>
          <BarChart
            data={verdictReasons}
            layout="vertical"
            margin={{ top: 4, right: 72, bottom: 0, left: 8 }}
            onClick={(state) => {
              const reason = verdictReasons[Number(state.activeTooltipIndex)];
              if (reason) onOpen({ title: `Handoffs of ${reason.reasonCode}`, source: { kind: 'filter', filter: toDecisionFilter(reason.handoffDecisions) } });
            }}
          >
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} fontSize={11} />
            <YAxis type="category" dataKey="reasonCode" width={140} fontSize={11} tickLine={false} />
            <Tooltip
              contentStyle={tooltipStyle}
              formatter={(_value, _name, item) => {
                const r = item.payload as (typeof verdictReasons)[number];
                return [`${percent(r.unnecessaryEscalationRate)} (${r.unnecessary} of ${r.verdicts} verdicts)`, 'Unnecessary'];
              }}
            />
            <ReferenceLine x={0.1} stroke="#dc2626" strokeDasharray="4 3" />
            <Bar dataKey="unnecessaryEscalationRate" name="Unnecessary" fill={ORANGE} barSize={14} isAnimationActive={false}>
              <LabelList
                dataKey="unnecessaryEscalationRate"
                position="right"
                fontSize={11}
                formatter={(value: unknown) => percent(typeof value === 'number' ? value : null, 0)}
              />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </Chart>

      <Chart
        title="Sentiment at handoff"
        hint="Mean sentiment of the customer's latest message when the policy handed off (−1 angry … +1 happy)."
        empty={o.sentimentMeasured === 0 ? 'No handoff with a measured sentiment in this range.' : null}
        behind={allHandoffs('Handoffs of the range (sentiment)')}
        summary={`Mean sentiment at handoff ${signed(o.sentimentAtHandoff)} over ${count(o.sentimentMeasured)} handoffs`}
      >
        <ResponsiveContainer width="100%" height={HEIGHT}>
          <LineChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} onClick={openBucket('Handoffs')}>
            {grid}
            {xAxis}
            <YAxis domain={[-1, 1]} ticks={[-1, -0.5, 0, 0.5, 1]} fontSize={11} width={32} />
            <ReferenceLine y={0} stroke={GREY} />
            <Tooltip
              labelFormatter={titleOf}
              contentStyle={tooltipStyle}
              formatter={(value, name) => [signed(typeof value === 'number' ? value : null), name]}
            />
            <Line dataKey="sentiment" name="Sentiment at handoff" stroke={PURPLE} strokeWidth={2} dot={dot} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </Chart>
      {months.length > 0 && o.verdicts > 0 ? (
        <Chart
          title="Unnecessary escalations, month over month"
          hint={`Per month of the range (in its time zone), all reasons first; the change is from the month before, in percentage points (grey where a month has fewer than ${FEW_VERDICTS} verdicts: mostly noise). Guide 003 wants it to go down.`}
          empty={null}
          summary={trend
            .map((t) => `${t.reasonCode ?? 'all reasons'}: ${t.months.map((m) => `${monthLabel(m.month)} ${percent(m.rate, 0)}`).join(', ')}`)
            .join('; ')}
          wide
          table
        >
          <table className="bn-dash-table bn-dash-trend" aria-label="Unnecessary escalations month over month">
            <thead>
              <tr>
                <th scope="col">Reason</th>
                {months.map((m) => (
                  <th key={m} scope="col">
                    {monthLabel(m)}
                  </th>
                ))}
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {trend
                .filter((t) => t.months.some((m) => m.verdicts > 0))
                .map((t) => {
                  const last = t.months.at(-1);
                  const change = last?.change ?? null;
                  return (
                    <tr key={t.reasonCode ?? 'all'}>
                      <th scope="row">{t.reasonCode ?? 'All reasons'}</th>
                      {t.months.map((m) => (
                        <td key={m.month}>
                          {percent(m.rate, 0)} <span className="bn-dash-count">{m.verdicts > 0 ? `${m.unnecessary} of ${m.verdicts}` : ''}</span>
                        </td>
                      ))}
                      <td className={change === null || few(t.months) ? 'bn-dash-few' : change < 0 ? 'bn-dash-better' : change > 0 ? 'bn-dash-worse' : ''}>
                        {change === null ? '–' : `${change < 0 ? '▼' : change > 0 ? '▲' : ''} ${points(change)}`}
                      </td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </Chart>
      ) : null}
    </div>
  );
}
