/** A finished run's report: headline figures, the recall bars and the confusion matrix, the comparison, warnings and the miss lists. */
import type { BacktestMiss, BacktestRun } from '../api/types';
import { ComparisonSection } from './ComparisonSection';
import { ConfusionMatrix } from './ConfusionMatrix';
import { HeadlineFigures } from './HeadlineFigures';
import { MissTabs } from './MissTabs';
import { OutcomeChart } from './OutcomeChart';
import { RecallChart } from './RecallChart';
import { capitalised, ranWhat } from './backtest-format';

export interface BacktestReportViewProps {
  run: BacktestRun;
  onOpen: (miss: BacktestMiss) => void;
  opening: string | null;
}

export function BacktestReportView({ run, onOpen, opening }: BacktestReportViewProps) {
  const report = run.report;
  if (!report) return null;
  return (
    <section className="bn-report" aria-label="Backtest report">
      <h2>
        {capitalised(ranWhat(run.version))} on “{run.datasetName}”
        <span className="bn-hint">
          {' '}
          · sha256 <code title={run.contentHash}>{run.contentHash.slice(0, 12)}…</code> · {new Date(run.startedAt).toLocaleString()}
        </span>
      </h2>
      <p className="bn-hint">These figures hold on this dataset only: how the policy decides these conversations, not a promise for all traffic.</p>
      <HeadlineFigures report={report} />
      {report.warnings.length > 0 ? (
        <ul className="bn-report-warnings" aria-label="Warnings">
          {report.warnings.map((w, i) => (
            <li key={i} className="bn-sev-warning">
              {w}
            </li>
          ))}
        </ul>
      ) : null}
      {report.expectedRows > 0 ? (
        <div className="bn-charts">
          <RecallChart report={report} />
          <ConfusionMatrix report={report} />
        </div>
      ) : (
        <div className="bn-charts">
          <OutcomeChart report={report} />
        </div>
      )}
      {run.comparison ? <ComparisonSection comparison={run.comparison} ran={ranWhat(run.version)} /> : null}
      {report.expectedRows > 0 ? <MissTabs report={report} onOpen={onOpen} opening={opening} /> : null}
    </section>
  );
}
