import { Type, type TUnsafe } from '@sinclair/typebox';

/** A JSON Schema `enum` of strings whose static type is the union of those strings. */
export function stringEnum<const T extends readonly string[]>(values: T): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
}
