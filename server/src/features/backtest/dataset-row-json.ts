/**
 * A dataset row as stored text and back. JSON turns the input's dates (`now`, `messages[].at`,
 * `attempts[].at`) into RFC 3339 strings; reading revives them, so a stored row decides exactly
 * as the row parsed from the file did.
 */
import type { DecideHandoffInput } from '@baton/schemas';
import type { BacktestRow } from '@baton/rules';

const dateOrNull = (value: unknown): Date | null | undefined => (typeof value === 'string' ? new Date(value) : (value as null | undefined));

/** The stored text of `row`. */
export function rowToJson(row: BacktestRow): string {
  return JSON.stringify(row);
}

/** The row `rowToJson` wrote. */
export function rowFromJson(text: string): BacktestRow {
  const row = JSON.parse(text) as BacktestRow;
  const input = row.input as DecideHandoffInput & Record<string, unknown>;
  if (input.now !== undefined) input.now = dateOrNull(input.now);
  for (const message of input.messages) if (message.at !== undefined) message.at = dateOrNull(message.at);
  for (const attempt of input.attempts ?? []) if (attempt.at !== undefined) attempt.at = dateOrNull(attempt.at);
  return row;
}
