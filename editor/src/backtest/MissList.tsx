/**
 * One list of missed rows (false negatives or false positives) with its filters: expected
 * reason, outcome got, language and words. Each row shows the customer's words, what it should
 * have got, what it got and the evidence, and opens in the test panel.
 */
import { useId, useMemo, useState } from 'react';
import type { BacktestMiss } from '../api/types';
import { count, outcomeLabel } from './backtest-format';
import { NO_FILTER, filterChoices, filterMisses, type MissFilter } from './miss-filters';

export interface MissListProps {
  /** E.g. "False negatives": names the table and its filters. */
  title: string;
  misses: readonly BacktestMiss[];
  /** All misses of this kind, when the server listed fewer. */
  total: number;
  /** What an empty list means, e.g. "Every row expecting a handoff got it." */
  empty: string;
  onOpen: (miss: BacktestMiss) => void;
  /** The row being opened. */
  opening: string | null;
}

function Picker({
  label,
  value,
  values,
  onChange,
  words = (v) => v,
}: {
  label: string;
  value: string;
  values: string[];
  onChange: (v: string) => void;
  words?: (v: string) => string;
}) {
  const id = useId();
  return (
    <div className="bn-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">(any)</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {words(v)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function MissList({ title, misses, total, empty, onOpen, opening }: MissListProps) {
  const id = useId();
  const [filter, setFilter] = useState<MissFilter>(NO_FILTER);
  const choices = useMemo(() => filterChoices(misses), [misses]);
  const shown = useMemo(() => filterMisses(misses, filter), [misses, filter]);
  if (misses.length === 0) return <p className="bn-pass">{empty}</p>;
  const filtered = shown.length !== misses.length;
  return (
    <div className="bn-miss-list">
      <div className="bn-miss-filters" role="search" aria-label={`Filter the ${title.toLowerCase()}`}>
        <Picker
          label="Expected"
          value={filter.expected}
          values={choices.expected}
          words={outcomeLabel}
          onChange={(expected) => setFilter({ ...filter, expected })}
        />
        <Picker label="Got" value={filter.got} values={choices.got} words={outcomeLabel} onChange={(got) => setFilter({ ...filter, got })} />
        <Picker label="Language" value={filter.language} values={choices.language} onChange={(language) => setFilter({ ...filter, language })} />
        <div className="bn-field bn-grow">
          <label htmlFor={`${id}-text`}>Words in the messages or evidence</label>
          <input
            id={`${id}-text`}
            type="search"
            value={filter.text}
            onChange={(e) => setFilter({ ...filter, text: e.target.value })}
            placeholder="e.g. refund"
          />
        </div>
        {filtered ? (
          <button type="button" className="bn-link" onClick={() => setFilter(NO_FILTER)}>
            Clear filters
          </button>
        ) : null}
      </div>
      <p className="bn-hint" role="status">
        {filtered ? `${shown.length} of ${count(misses.length, 'row')} shown` : count(misses.length, 'row')}
        {total > misses.length ? ` (the first ${misses.length.toLocaleString('en')} of ${total.toLocaleString('en')}, in file order)` : ''}
      </p>
      <table className="bn-table bn-miss-table" aria-label={title}>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Customer said</th>
            <th scope="col">Expected</th>
            <th scope="col">Got</th>
            <th scope="col">Evidence</th>
            <th scope="col">
              <span className="bn-visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((m) => (
            <tr key={m.id}>
              <td>
                {m.line}
                <div className="bn-hint">
                  {m.id} · {m.language}
                  {m.handoffTurn !== null ? ` · turn ${m.handoffTurn}` : ''}
                </div>
              </td>
              <td className="bn-miss-text">
                {m.customerTexts.map((t, i) => (
                  <p key={i} className="bn-quote-line">
                    {t}
                  </p>
                ))}
              </td>
              <td>
                <span className="bn-chip bn-chip-expected">{outcomeLabel(m.expected)}</span>
              </td>
              <td>
                <span className="bn-chip bn-chip-got">{outcomeLabel(m.got)}</span>
              </td>
              <td className="bn-miss-evidence">
                {m.reasons.length === 0 ? (
                  <span className="bn-hint">no reason fired</span>
                ) : (
                  <ul>
                    {m.reasons.map((r, i) => (
                      <li key={i}>
                        <strong>{r.code}</strong>
                        {r.evidence.length > 0 ? `: ${r.evidence.join(' · ')}` : ` (${r.description})`}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                <button type="button" onClick={() => onOpen(m)} disabled={opening !== null} aria-label={`Open row ${m.id} in the test panel`}>
                  {opening === m.id ? 'Opening…' : 'Open in test panel'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
