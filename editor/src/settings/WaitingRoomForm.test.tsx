import { useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { DEFAULT_WAITING_ROOM, type WaitingRoomSettings } from '@baton/schemas';
import { WaitingRoomForm } from './WaitingRoomForm';

/** The form over state, recording every change it sends. */
function Harness({ initial, changes }: { initial?: WaitingRoomSettings; changes: [WaitingRoomSettings, string][] }) {
  const [room, setRoom] = useState<WaitingRoomSettings | undefined>(initial);
  return (
    <WaitingRoomForm
      waitingRoom={room}
      onChange={(next, field) => {
        changes.push([next, field]);
        setRoom(next);
      }}
    />
  );
}

describe('WaitingRoomForm', () => {
  it("shows Baton's defaults, writes only what ops change, and refuses a gap out of range", () => {
    const changes: [WaitingRoomSettings, string][] = [];
    render(<Harness changes={changes} />);
    const first = screen.getByLabelText('First update after (seconds)');
    expect(first).toHaveValue('120');
    expect(screen.getByLabelText('Offer a callback or email after (seconds)')).toHaveValue('600');
    fireEvent.change(screen.getByLabelText('Offer a callback or email after (seconds)'), { target: { value: '900' } });
    expect(changes.at(-1)).toEqual([{ callbackOfferAfterSeconds: 900 }, 'waiting-callbackOfferAfterSeconds']);
    fireEvent.change(screen.getByLabelText('Shortest gap between updates (seconds)'), { target: { value: '5' } });
    expect(screen.getByLabelText('Shortest gap between updates (seconds)')).toHaveAttribute('aria-invalid', 'true');
    expect(changes).toHaveLength(1);
  });

  it("starts an added language from Baton's own text, and drops the section's templates when the last language goes", () => {
    const changes: [WaitingRoomSettings, string][] = [];
    render(<Harness initial={{ callbackOfferAfterSeconds: 300 }} changes={changes} />);
    const update = screen.getByRole('group', { name: 'Update to the waiting customer' });
    fireEvent.change(update.querySelector('select') as HTMLSelectElement, { target: { value: 'pt' } });
    fireEvent.click(update.querySelector('button:not(.bn-link)') as HTMLButtonElement);
    expect(changes.at(-1)?.[0]).toEqual({ callbackOfferAfterSeconds: 300, updateMessage: { pt: DEFAULT_WAITING_ROOM.updateMessage.pt } });
    expect(screen.getByLabelText('Message (pt)')).toHaveValue(DEFAULT_WAITING_ROOM.updateMessage.pt);
    fireEvent.click(screen.getByRole('button', { name: 'Remove the pt message' }));
    expect(changes.at(-1)?.[0]).toEqual({ callbackOfferAfterSeconds: 300 });
  });
});
