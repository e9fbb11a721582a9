/** Rows per outcome (the reason code of the leaf reached, none for stay) as bars (recharts): what a dataset without expectations can still tell. */
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BacktestReport } from '../api/types';
import { outcomeLabel } from './backtest-format';

const ROW_HEIGHT = 30;

export function OutcomeChart({ report }: { report: BacktestReport }) {
  const data = report.byReason.map((r) => ({ label: outcomeLabel(r.key), rows: r.count }));
  const summary = data.map((d) => `${d.label}: ${d.rows}`).join('; ');
  return (
    <figure className="bn-chart" aria-label="Rows per outcome">
      <figcaption>
        <h3>Rows per outcome</h3>
        <span className="bn-hint">No row of this dataset says what it should get, so there is no recall: this is what the policy did.</span>
      </figcaption>
      <div className="bn-chart-body" role="img" aria-label={summary}>
        <ResponsiveContainer width="100%" height={40 + data.length * ROW_HEIGHT}>
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 48, bottom: 4, left: 8 }}>
            <CartesianGrid horizontal={false} stroke="#e2e8f0" />
            <XAxis type="number" allowDecimals={false} fontSize={11} />
            <YAxis type="category" dataKey="label" width={150} fontSize={12} tickLine={false} />
            <Tooltip />
            <Bar dataKey="rows" name="rows" fill="#1d4ed8" barSize={16} isAnimationActive={false}>
              <LabelList dataKey="rows" position="right" fontSize={12} fill="#0f172a" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
