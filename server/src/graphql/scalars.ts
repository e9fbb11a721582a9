/**
 * The custom scalars of the SDL, from graphql-scalars: `DateTime` (RFC 3339 string on the wire,
 * `Date` in resolvers; unparseable values are BAD_USER_INPUT with the expected format named;
 * a bot resends every earlier message's time each turn, so the instants of the latest
 * {@link DATE_TIME_MEMO} strings parsed are remembered)
 * and `JSON` (any JSON value within `BATON_MAX_JSON_DEPTH` and `BATON_MAX_JSON_BYTES`, with no
 * NUL and no lone surrogate: see `json-limits.ts`; a value that breaks one is BAD_USER_INPUT,
 * and the request error names the variable's field, e.g. `input.attributes`).
 */
import { BatonErrorCode } from '@baton/schemas';
import { GraphQLError, GraphQLScalarType } from 'graphql';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { DEFAULT_LIMITS, type RequestLimits } from '../config';
import { checkJson, JsonLimitError, type JsonLimits } from './json-limits';

const FORMAT_HINT = 'Use an RFC 3339 date-time with a time zone, e.g. "2026-11-21T09:00:00Z" or "2026-11-21T10:00:00+01:00".';

function withHint<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new GraphQLError(`${message.replace(/\.?$/, '.')} ${FORMAT_HINT}`);
  }
}

/** Date-time strings whose instant is remembered (a 500-message conversation is 500 of them). */
export const DATE_TIME_MEMO = 20_000;
/**
 * String → epoch ms of valid date-times parsed, emptied when full: a bot re-sends the same
 * instants every turn, and refilling costs one parse each. A plain map, not an LRU: every new
 * message brings a new instant, and a full LRU's bookkeeping for each (an eviction) cost more of
 * the server's CPU under load than parsing it (1.3% against 1.0% in a profile, issue 18). A new
 * `Date` is made per use, so nothing shared is mutable.
 */
const parsedInstants = new Map<string, number>();

function parseDateTimeValue(value: unknown): Date {
  if (typeof value === 'string') {
    const known = parsedInstants.get(value);
    if (known !== undefined) return new Date(known);
  }
  const parsed = withHint(() => DateTimeResolver.parseValue(value));
  if (typeof value === 'string') {
    if (parsedInstants.size >= DATE_TIME_MEMO) parsedInstants.clear();
    parsedInstants.set(value, parsed.getTime());
  }
  return parsed;
}

const DateTime = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  parseValue: parseDateTimeValue,
  parseLiteral: (ast, variables) => withHint(() => DateTimeResolver.parseLiteral(ast, variables)),
});

/** The `JSON` scalar refusing values that break `limits`. */
function jsonScalar(limits: JsonLimits): GraphQLScalarType {
  const base = JSONResolver.toConfig();
  const checked = (value: unknown): unknown => {
    try {
      checkJson(value, limits);
    } catch (error) {
      if (!(error instanceof JsonLimitError)) throw error;
      const variable = error.reason === 'depth' ? 'BATON_MAX_JSON_DEPTH' : error.reason === 'bytes' ? 'BATON_MAX_JSON_BYTES' : undefined;
      throw new GraphQLError(`The JSON value has ${error.message}${variable ? ` (${variable})` : ''}`, {
        extensions: { code: BatonErrorCode.BadUserInput, ...(error.limit === undefined ? {} : { limit: error.limit }) },
      });
    }
    return value;
  };
  return new GraphQLScalarType({
    ...base,
    parseValue: (value) => checked(base.parseValue?.(value) ?? value),
    parseLiteral: (ast, variables) => checked(base.parseLiteral?.(ast, variables)),
  });
}

/** The scalars with the JSON limits of `limits`. */
export function createScalarResolvers(limits: Pick<RequestLimits, 'maxJsonDepth' | 'maxJsonBytes'>) {
  return { DateTime, JSON: jsonScalar({ maxDepth: limits.maxJsonDepth, maxBytes: limits.maxJsonBytes }) };
}

/** The scalars with the default limits. */
export const scalarResolvers = createScalarResolvers(DEFAULT_LIMITS);
