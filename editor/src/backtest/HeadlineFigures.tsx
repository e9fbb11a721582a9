/** The figures an ops lead reads first, each said to hold on this dataset only: rows, handoff rate, recall and false positives. */
import type { BacktestReport } from '../api/types';
import { count, percent } from './backtest-format';

function Figure({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <div className="bn-figure">
      <dt>{label}</dt>
      <dd className="bn-figure-value">{value}</dd>
      <dd className="bn-hint">{detail}</dd>
    </div>
  );
}

export function HeadlineFigures({ report }: { report: BacktestReport }) {
  const escalations = report.byExpected.filter((e) => e.key !== 'none');
  const expectingHandoff = escalations.reduce((sum, e) => sum + e.total, 0);
  const caught = escalations.reduce((sum, e) => sum + e.matched, 0);
  const stays = report.byExpected.find((e) => e.key === 'none');
  return (
    <dl className="bn-figures" aria-label="Figures on this dataset">
      <Figure
        label="Rows"
        value={report.rows.toLocaleString('en')}
        detail={`${count(report.expectedRows, 'row')} with an expectation · ${report.seconds.toFixed(1)} s${report.turnByTurn ? ' · turn by turn' : ''}`}
      />
      <Figure
        label="Handoff rate on this dataset"
        value={percent(report.handoffRate)}
        detail={`${report.handoffs.toLocaleString('en')} of ${count(report.rows, 'row')} handed off or called back`}
      />
      <Figure
        label="Recall on this dataset"
        value={percent(report.recall)}
        detail={
          report.recall === null
            ? 'no row expects a handoff'
            : `${caught.toLocaleString('en')} of ${count(expectingHandoff, 'row')} expecting a handoff got the expected reason · ${report.falseNegativeCount} missed`
        }
      />
      <Figure
        label="False-positive rate on this dataset"
        value={percent(report.falsePositiveRate)}
        detail={
          stays
            ? `${report.falsePositiveCount.toLocaleString('en')} of ${count(stays.total, 'row')} expected to stay were handed off`
            : 'no row is expected to stay (none)'
        }
      />
    </dl>
  );
}
