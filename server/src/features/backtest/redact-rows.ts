/**
 * Redaction on import: every row's free text passes through the decision log's redaction
 * (`@baton/rules` `redactInput`, the built-in detectors: card numbers, card security codes,
 * passwords, government ids, one-time codes) before it is stored, so a dataset never holds what
 * the decision log would not.
 */
import { prepareRedaction, redactInput, type BacktestRow } from '@baton/rules';

const BUILT_IN = prepareRedaction();

/** Strings inside `value` at any depth, in a stable order. */
function stringsOf(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) value.forEach((item) => stringsOf(item, into));
  else if (value !== null && typeof value === 'object' && !(value instanceof Date)) Object.values(value).forEach((item) => stringsOf(item, into));
  return into;
}

/**
 * The rows with their input redacted, and how many texts had something masked.
 * @returns `redactions`: the count of strings (message texts, attempt texts, attribute values) that changed
 */
export function redactRows(rows: readonly BacktestRow[]): { rows: BacktestRow[]; redactions: number } {
  let redactions = 0;
  const redacted = rows.map((row) => {
    const input = redactInput(row.input, BUILT_IN);
    const before = stringsOf(row.input);
    stringsOf(input).forEach((text, i) => {
      if (text !== before[i]) redactions += 1;
    });
    return { ...row, input };
  });
  return { rows: redacted, redactions };
}
