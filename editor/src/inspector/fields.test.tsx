import { fireEvent, render, screen } from '@testing-library/react';
import { NumberField, SelectField } from './fields';

describe('form fields', () => {
  it("ties a field's hint, then its error, to the control with aria-describedby", () => {
    render(
      <NumberField
        label="Low-confidence threshold"
        hint="A bot reply below this counts as low confidence."
        min={0}
        max={1}
        value={0.7}
        onCommit={() => undefined}
      />,
    );
    const box = screen.getByLabelText('Low-confidence threshold');
    expect(box).toHaveAccessibleDescription('A bot reply below this counts as low confidence.');
    fireEvent.change(box, { target: { value: '1.5' } });
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(box).toHaveAccessibleDescription('Enter a number between 0 and 1.');
  });

  it('describes a select by its hint', () => {
    render(
      <SelectField
        label="Priority"
        hint="How soon an agent should pick it up."
        value="LOW"
        options={[{ value: 'LOW', label: 'low' }]}
        onCommit={() => undefined}
      />,
    );
    expect(screen.getByLabelText('Priority')).toHaveAccessibleDescription('How soon an agent should pick it up.');
  });
});
