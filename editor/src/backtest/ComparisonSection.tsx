/**
 * What the run changes against a published version, row by row: "N decisions change against
 * version V", the changes counted per before → after, and the changed rows with whether each is
 * now right or now wrong where the row carries an expectation.
 */
import type { BacktestComparison } from '../api/types';
import { count, outcomeLabel } from './backtest-format';

function verdict(before: string, after: string, expected: string | null | undefined): { text: string; className: string } | null {
  if (!expected) return null;
  if (after === expected) return { text: 'now right', className: 'bn-pass' };
  if (before === expected) return { text: 'now wrong', className: 'bn-fail' };
  return { text: 'still wrong', className: 'bn-hint' };
}

export function ComparisonSection({ comparison, ran }: { comparison: BacktestComparison; ran: string }) {
  const { changed, version } = comparison;
  const fixed = comparison.changes.filter((c) => c.expected && c.after === c.expected).length;
  const broken = comparison.changes.filter((c) => c.expected && c.before === c.expected).length;
  return (
    <section className="bn-comparison" aria-label="Changes against a published version">
      <h3>
        {changed === 0
          ? `No decision changes against version ${version}`
          : `${count(changed, 'decision')} ${changed === 1 ? 'changes' : 'change'} against version ${version}`}
      </h3>
      <p className="bn-hint">
        The same rows decided by version {version} and by {ran}: where the outcome (a reason code, or none) differs.
        {comparison.changes.length < changed ? ` The first ${comparison.changes.length} are listed.` : ''}
        {fixed + broken > 0 ? ` Among rows with an expectation: ${fixed} now right, ${broken} now wrong.` : ''}
      </p>
      {changed > 0 ? (
        <>
          <ul className="bn-chips bn-by-change" aria-label="Changes by outcome">
            {comparison.byChange.map((c) => (
              <li key={c.key} className="bn-chip">
                {c.key
                  .split(' → ')
                  .map((k) => outcomeLabel(k))
                  .join(' → ')}
                : <strong>{c.count}</strong>
              </li>
            ))}
          </ul>
          <table className="bn-table" aria-label="Changed rows">
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Customer said</th>
                <th scope="col">Version {version}</th>
                <th scope="col">This run</th>
                <th scope="col">Expected</th>
              </tr>
            </thead>
            <tbody>
              {comparison.changes.map((c) => {
                const v = verdict(c.before, c.after, c.expected);
                return (
                  <tr key={c.id}>
                    <td>
                      {c.line}
                      <div className="bn-hint">{c.id}</div>
                    </td>
                    <td className="bn-miss-text">
                      {c.customerTexts.map((t, i) => (
                        <p key={i} className="bn-quote-line">
                          {t}
                        </p>
                      ))}
                    </td>
                    <td>{outcomeLabel(c.before)}</td>
                    <td>
                      <strong>{outcomeLabel(c.after)}</strong>
                    </td>
                    <td>
                      {c.expected ? outcomeLabel(c.expected) : <span className="bn-hint">—</span>}
                      {v ? <div className={v.className}>{v.text}</div> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
