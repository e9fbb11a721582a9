/**
 * Internal: a `DecideHandoffInput` written as JSON in a dataset, checked exactly as GraphQL
 * checks a `decideHandoff` variable (the same SDL and scalars: required fields, enums such as
 * `Speaker`, RFC 3339 dates) and then against the same request limits, so a dataset row is
 * something the API would have accepted.
 */
import type { DecideHandoffInput } from '@baton/schemas';
import { typeDefs } from '@baton/schemas';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { coerceInputValue, GraphQLInputObjectType } from 'graphql';
import { isBatonError } from '../../baton-error';
import type { RequestLimits } from '../../config';
import { checkDecideInput } from '../decisions/input-limits';
import { createScalarResolvers } from '../../graphql/scalars';

/** The input type per JSON limits (one in practice: the server's configuration). */
const inputTypes = new Map<string, GraphQLInputObjectType>();

function decideInputType(limits: RequestLimits): GraphQLInputObjectType {
  const key = `${limits.maxJsonDepth}:${limits.maxJsonBytes}`;
  let inputType = inputTypes.get(key);
  if (!inputType) {
    const type = makeExecutableSchema({ typeDefs, resolvers: createScalarResolvers(limits) }).getType('DecideHandoffInput');
    if (!(type instanceof GraphQLInputObjectType)) throw new Error('The SDL has no DecideHandoffInput input type.');
    inputType = type;
    inputTypes.set(key, inputType);
  }
  return inputType;
}

/**
 * The input as the server would hand it to `rules/`, or the reasons it would be refused.
 * @returns `{ input }`, or `{ problems }` naming fields as `input.messages[2].speaker`
 */
export function coerceDecideInput(value: unknown, limits: RequestLimits): { input: DecideHandoffInput } | { problems: string[] } {
  const problems: string[] = [];
  const coerced = coerceInputValue(value, decideInputType(limits), (path, _invalid, error) => {
    const field = ['input', ...path]
      .map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`))
      .join('')
      .replace(/^\./, '');
    problems.push(`${field}: ${error.message}`);
  }) as DecideHandoffInput | undefined;
  if (problems.length > 0 || !coerced) return { problems: problems.length > 0 ? problems : ['input is not a DecideHandoffInput object.'] };
  try {
    checkDecideInput(coerced, limits);
  } catch (error) {
    if (isBatonError(error)) return { problems: [error.message] };
    throw error;
  }
  return { input: coerced };
}
