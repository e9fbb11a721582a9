import { RedactionPatternError } from './extra-patterns';
import { prepareRedaction } from './prepare-redaction';
import { redactText } from './redact-text';

describe('prepareRedaction', () => {
  it('works without settings', () => {
    for (const model of [prepareRedaction(), prepareRedaction(null), prepareRedaction({ patterns: [] })]) {
      expect(redactText('cvv 123', model)).toBe('cvv [cvv]');
    }
  });

  it('masks each extra pattern, case-insensitively, as [<name>], after the built-in masks', () => {
    const model = prepareRedaction({
      patterns: [
        { name: 'order_ref', pattern: 'ORD-[0-9]{6}' },
        { name: 'member', pattern: 'MB\\d{4}' },
      ],
    });
    expect(redactText('Ref ord-123456 and ORD-654321, member mb1234, cvv 123', model)).toBe('Ref [order_ref] and [order_ref], member [member], cvv [cvv]');
  });

  it('lets a built-in mask win where an extra pattern overlaps it, masking the union', () => {
    const model = prepareRedaction({ patterns: [{ name: 'digits', pattern: '\\d{4} \\d{4}' }] });
    expect(redactText('card 4111 1111 1111 1111 now', model)).toBe('card [card ••••1111] now');
    expect(redactText('x 12 4111 1111 1111 1111', prepareRedaction({ patterns: [{ name: 'tail', pattern: '12 4111' }] }))).toBe('x [card ••••1111]');
  });

  it('ignores empty matches instead of looping or inserting masks everywhere', () => {
    const model = prepareRedaction({
      patterns: [
        { name: 'maybe', pattern: 'x*' },
        { name: 'edge', pattern: '\\b' },
      ],
    });
    expect(redactText('a xx b 😀', model)).toBe('a [maybe] b 😀');
  });

  it('uses the Unicode flag, so \\p{...} classes work', () => {
    const model = prepareRedaction({ patterns: [{ name: 'greek', pattern: '\\p{Script=Greek}+' }] });
    expect(redactText('code αβγ here', model)).toBe('code [greek] here');
  });

  it('throws a RedactionPatternError naming an invalid pattern', () => {
    const prepare = (): unknown =>
      prepareRedaction({
        patterns: [
          { name: 'fine', pattern: 'a+' },
          { name: 'broken', pattern: '([a-z' },
        ],
      });
    expect(prepare).toThrow(RedactionPatternError);
    expect(prepare).toThrow(/"broken"/);
    try {
      prepare();
    } catch (error) {
      expect(error).toMatchObject({ name: 'RedactionPatternError', patternName: 'broken', pattern: '([a-z' });
    }
    expect.assertions(3);
  });

  it('refuses what the Unicode flag refuses, as validatePolicyDocument does', () => {
    expect(() => prepareRedaction({ patterns: [{ name: 'escaped', pattern: '\\-\\q' }] })).toThrow(RedactionPatternError);
  });
});
