/** The two miss lists of a report, one at a time: false negatives (a handoff missed) and false positives (handed off, should have stayed). */
import { useState } from 'react';
import type { BacktestMiss, BacktestReport } from '../api/types';
import { MissList } from './MissList';

export interface MissTabsProps {
  report: BacktestReport;
  onOpen: (miss: BacktestMiss) => void;
  opening: string | null;
}

export function MissTabs({ report, onOpen, opening }: MissTabsProps) {
  const [tab, setTab] = useState<'negatives' | 'positives'>('negatives');
  return (
    <section className="bn-misses" aria-label="Missed rows">
      <h3>Missed rows</h3>
      <div className="bn-tabs" role="tablist" aria-label="Miss lists">
        <button type="button" role="tab" aria-selected={tab === 'negatives'} onClick={() => setTab('negatives')}>
          False negatives ({report.falseNegativeCount.toLocaleString('en')})
        </button>
        <button type="button" role="tab" aria-selected={tab === 'positives'} onClick={() => setTab('positives')}>
          False positives ({report.falsePositiveCount.toLocaleString('en')})
        </button>
      </div>
      <div role="tabpanel" aria-label={tab === 'negatives' ? 'False negatives' : 'False positives'}>
        {tab === 'negatives' ? (
          <>
            <p className="bn-hint">Rows expecting a handoff (or another outcome) that did not get it.</p>
            <MissList
              key="negatives"
              title="False negatives"
              misses={report.falseNegatives}
              total={report.falseNegativeCount}
              empty="No false negative: every row with an expectation other than none got it."
              onOpen={onOpen}
              opening={opening}
            />
          </>
        ) : (
          <>
            <p className="bn-hint">Rows expected to stay with the bot (none) that were handed off or called back.</p>
            <MissList
              key="positives"
              title="False positives"
              misses={report.falsePositives}
              total={report.falsePositiveCount}
              empty="No false positive: every row expected to stay stayed."
              onOpen={onOpen}
              opening={opening}
            />
          </>
        )}
      </div>
    </section>
  );
}
