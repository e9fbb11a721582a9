/**
 * The confusion matrix as a heat-map grid: one row per expected key, one column per outcome got,
 * each cell the rows that expected one and got the other; shaded by its share of the row, green
 * on the diagonal (right), red off it (missed).
 */
import { Fragment } from 'react';
import type { BacktestReport } from '../api/types';
import { count, outcomeLabel, percent, sortKeys } from './backtest-format';

/** A cell's background: the stronger, the larger its share of the expected row. */
function shade(share: number, right: boolean): string {
  if (share === 0) return 'transparent';
  const alpha = 0.12 + 0.6 * share;
  return right ? `rgba(22, 163, 74, ${alpha.toFixed(2)})` : `rgba(220, 38, 38, ${alpha.toFixed(2)})`;
}

/** A column heading that may wrap after each underscore of a reason code, never inside a word. */
function Wrappable({ text }: { text: string }) {
  const parts = text.split('_');
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 ? (
            <>
              _<wbr />
            </>
          ) : null}
        </Fragment>
      ))}
    </>
  );
}

export function ConfusionMatrix({ report }: { report: BacktestReport }) {
  const expected = sortKeys(report.confusion.map((c) => c.expected));
  // Columns: the expected reasons in the rows' order (so the diagonal is the diagonal), then other outcomes, none last.
  const others = sortKeys(report.confusion.map((c) => c.got)).filter((k) => !expected.includes(k) && k !== 'none');
  const stays = expected.includes('none') || report.confusion.some((c) => c.got === 'none');
  const got = [...expected.filter((k) => k !== 'none'), ...others, ...(stays ? ['none'] : [])];
  if (expected.length === 0) return <p className="bn-hint">No row carries an expectation, so there is no confusion matrix.</p>;
  const rowsOf = (e: string, g: string) => report.confusion.find((c) => c.expected === e && c.got === g)?.rows ?? 0;
  const totalOf = (e: string) => report.confusion.filter((c) => c.expected === e).reduce((sum, c) => sum + c.rows, 0);
  return (
    <figure className="bn-chart" aria-label="Confusion matrix">
      <figcaption>
        <h3>Confusion matrix</h3>
        <span className="bn-hint">Rows: expected. Columns: what the policy gave. The diagonal is right.</span>
      </figcaption>
      <div className="bn-grid-wrap">
        <table className="bn-confusion">
          <thead>
            <tr>
              <th scope="col" className="bn-confusion-corner">
                expected ↓ · got →
              </th>
              {got.map((g) => (
                <th key={g} scope="col">
                  <Wrappable text={outcomeLabel(g)} />
                </th>
              ))}
              <th scope="col">total</th>
            </tr>
          </thead>
          <tbody>
            {expected.map((e) => {
              const total = totalOf(e);
              return (
                <tr key={e}>
                  <th scope="row">{outcomeLabel(e)}</th>
                  {got.map((g) => {
                    const n = rowsOf(e, g);
                    const right = e === g;
                    return (
                      <td
                        key={g}
                        className={`${right ? 'bn-confusion-right' : ''}${n === 0 ? ' bn-confusion-zero' : ''}`}
                        style={{ background: shade(total === 0 ? 0 : n / total, right) }}
                        title={`Expected ${outcomeLabel(e)}, got ${outcomeLabel(g)}: ${count(n, 'row')} (${percent(total === 0 ? null : n / total)} of ${total})`}
                      >
                        {n}
                      </td>
                    );
                  })}
                  <td className="bn-confusion-total">{total}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
