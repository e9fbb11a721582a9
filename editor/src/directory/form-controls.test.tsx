import { useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import type { FormProblems } from './directory-form';
import { FormFooter, FormSelect, FormText } from './form-controls';

interface Form {
  id: string;
  zone: string;
  fallback: string;
}

/** A form of three fields over state, with `problems` as the API would have put them back. */
function Host({ problems, onCancel = () => undefined }: { problems: FormProblems; onCancel?: () => void }) {
  const [form, setForm] = useState<Form>({ id: 'billing', zone: '', fallback: '' });
  const bind = { form, set: (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch })), problems };
  return (
    <form aria-label="Queue">
      <FormText bind={bind} name="id" label="Queue id" disabled />
      <FormText bind={bind} name="zone" label="Time zone" hint="IANA name, e.g. Europe/Madrid" />
      <FormSelect
        bind={bind}
        name="fallback"
        label="Fallback queue"
        options={[
          ['', 'none'],
          ['general', 'General'],
        ]}
      />
      <output>{JSON.stringify(form)}</output>
      <FormFooter problems={problems} busy={false} submit="Save queue" onCancel={onCancel} />
    </form>
  );
}

describe('directory form fields', () => {
  it('binds each field to its part of the form and describes it by its hint', () => {
    render(<Host problems={{}} />);
    expect(screen.getByLabelText('Queue id')).toBeDisabled();
    const zone = screen.getByLabelText('Time zone');
    expect(zone).toHaveAccessibleDescription('IANA name, e.g. Europe/Madrid');
    expect(zone).not.toHaveAttribute('aria-invalid');
    fireEvent.change(zone, { target: { value: 'Europe/Lisbon' } });
    fireEvent.change(screen.getByLabelText('Fallback queue'), { target: { value: 'general' } });
    expect(screen.getByRole('status').textContent).toBe(JSON.stringify({ id: 'billing', zone: 'Europe/Lisbon', fallback: 'general' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("ties a field's problem to it instead of its hint, and shows the problem naming no field above the buttons", () => {
    const onCancel = jest.fn();
    render(
      <Host problems={{ zone: '“Mars/Base” is no IANA time zone.', fallback: 'No queue “gone” exists.', form: 'The server is busy.' }} onCancel={onCancel} />,
    );
    const zone = screen.getByLabelText('Time zone');
    expect(zone).toHaveAttribute('aria-invalid', 'true');
    expect(zone).toHaveAccessibleDescription('“Mars/Base” is no IANA time zone.');
    expect(screen.getByLabelText('Fallback queue')).toHaveAccessibleDescription('No queue “gone” exists.');
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([
      '“Mars/Base” is no IANA time zone.',
      'No queue “gone” exists.',
      'The server is busy.',
    ]);
    expect(screen.getByRole('button', { name: 'Save queue' })).toHaveAttribute('type', 'submit');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});
