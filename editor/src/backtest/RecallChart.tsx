/**
 * Recall per expected reason as horizontal bars (recharts): the share of the rows expecting each
 * reason that got it, with the counts beside each bar; `none` is the share that stayed.
 */
import { Bar, BarChart, CartesianGrid, LabelList, Rectangle, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from 'recharts';
import type { BacktestReport } from '../api/types';
import { outcomeLabel, percent } from './backtest-format';

interface Datum {
  label: string;
  recall: number;
  matched: number;
  total: number;
  stay: boolean;
}

const ROW_HEIGHT = 34;

/** Bars coloured by how much they miss: green from 90%, amber from 60%, red below. */
function colourOf(datum: Datum): string {
  if (datum.recall >= 0.9) return '#15803d';
  if (datum.recall >= 0.6) return '#d97706';
  return '#dc2626';
}

export function RecallChart({ report }: { report: BacktestReport }) {
  const data: Datum[] = report.byExpected.map((e) => ({
    label: outcomeLabel(e.key),
    recall: e.recall,
    matched: e.matched,
    total: e.total,
    stay: e.key === 'none',
  }));
  if (data.length === 0) return <p className="bn-hint">No row carries an expectation, so there is no recall to chart.</p>;
  const summary = data.map((d) => `${d.label}: ${percent(d.recall)} (${d.matched} of ${d.total})`).join('; ');
  return (
    <figure className="bn-chart" aria-label="Recall per expected reason">
      <figcaption>
        <h3>Recall per expected reason</h3>
        <span className="bn-hint">
          Rows that got exactly the reason they expect; for none (stay), rows that stayed. Green from 90%, amber from 60%, red below.
        </span>
      </figcaption>
      <div className="bn-chart-body" role="img" aria-label={summary}>
        <ResponsiveContainer width="100%" height={40 + data.length * ROW_HEIGHT}>
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 96, bottom: 4, left: 8 }}>
            <CartesianGrid horizontal={false} stroke="#e2e8f0" />
            <XAxis type="number" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} fontSize={11} />
            <YAxis type="category" dataKey="label" width={150} fontSize={12} tickLine={false} />
            <Tooltip
              formatter={(_value, _name, item) => {
                const d = item.payload as Datum;
                return [`${percent(d.recall)} (${d.matched} of ${d.total})`, d.stay ? 'stayed' : 'recall'];
              }}
            />
            <Bar
              dataKey="recall"
              barSize={18}
              isAnimationActive={false}
              background={{ fill: '#f1f5f9' }}
              shape={(props: BarShapeProps) => <Rectangle {...props} fill={colourOf(props.payload as Datum)} />}
            >
              <LabelList
                dataKey="recall"
                content={(props) => {
                  const d = data[Number(props.index)];
                  if (!d) return null;
                  const x = Number(props.x) + Number(props.width) + 6;
                  const y = Number(props.y) + Number(props.height) / 2 + 4;
                  return (
                    <text x={x} y={y} fontSize={12} fill="#0f172a">
                      {percent(d.recall)} · {d.matched}/{d.total}
                    </text>
                  );
                }}
              />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
