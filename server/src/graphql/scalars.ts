/**
 * The custom scalars of the SDL, from graphql-scalars: `DateTime` (RFC 3339 string on the wire,
 * `Date` in resolvers; unparseable values are BAD_USER_INPUT with the expected format named)
 * and `JSON` (any JSON value).
 */
import { GraphQLError, GraphQLScalarType } from 'graphql';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';

const FORMAT_HINT = 'Use an RFC 3339 date-time with a time zone, e.g. "2026-11-21T09:00:00Z" or "2026-11-21T10:00:00+01:00".';

function withHint<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new GraphQLError(`${message.replace(/\.?$/, '.')} ${FORMAT_HINT}`);
  }
}

const DateTime = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  parseValue: (value) => withHint(() => DateTimeResolver.parseValue(value)),
  parseLiteral: (ast, variables) => withHint(() => DateTimeResolver.parseLiteral(ast, variables)),
});

export const scalarResolvers = {
  DateTime,
  JSON: JSONResolver,
};
