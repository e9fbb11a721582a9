/**
 * The custom scalars of the SDL, from graphql-scalars: `DateTime` (RFC 3339 string on the wire,
 * `Date` in resolvers; unparseable values are BAD_USER_INPUT) and `JSON` (any JSON value).
 */
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';

export const scalarResolvers = {
  DateTime: DateTimeResolver,
  JSON: JSONResolver,
};
