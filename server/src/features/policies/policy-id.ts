/** Policy ids: lower-case slugs such as `support-eu`, given or generated from the name. */
import { badInput } from '../../baton-error';

/** 1–64 characters: a-z, 0-9 and single hyphens between them. */
export const POLICY_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const POLICY_ID_MAX_LENGTH = 64;

/** Lower-case ASCII slug of a name: "Support EU (Ñ)" → "support-eu-n". May be empty. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, POLICY_ID_MAX_LENGTH)
    .replace(/-+$/, '');
}

/**
 * The id to create a policy under: `id` when given (must be a valid slug), else the name's slug.
 * @throws BatonError BAD_USER_INPUT when the id is not a slug or the name has no usable characters.
 */
export function resolvePolicyId(id: string | null | undefined, name: string): string {
  if (id !== null && id !== undefined) {
    if (id.length > POLICY_ID_MAX_LENGTH || !POLICY_ID_PATTERN.test(id)) {
      throw badInput(`Policy id '${id}' is not valid: use 1-${POLICY_ID_MAX_LENGTH} lower-case letters, digits and single hyphens, e.g. support-eu.`, {
        field: 'input.id',
      });
    }
    return id;
  }
  const slug = slugify(name);
  if (slug === '') throw badInput('Cannot make an id from this name; pass input.id, e.g. support-eu.', { field: 'input.id' });
  return slug;
}
