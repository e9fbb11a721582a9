import { EventChannel } from './event-channel';

describe('EventChannel', () => {
  it('hands pushed events to next() in order, buffered or awaited', async () => {
    const channel = new EventChannel<number>({ maxBuffered: 10, onClose: () => undefined });
    channel.push(1);
    channel.push(2);
    expect(await channel.next()).toEqual({ value: 1, done: false });
    expect(await channel.next()).toEqual({ value: 2, done: false });
    const pending = channel.next();
    channel.push(3);
    expect(await pending).toEqual({ value: 3, done: false });
  });

  it('ends at once on return() even while a next() waits, and calls onClose once', async () => {
    const onClose = jest.fn();
    const channel = new EventChannel<number>({ maxBuffered: 10, onClose });
    const pending = channel.next();
    expect(await channel.return()).toEqual({ value: undefined, done: true });
    expect(await pending).toEqual({ value: undefined, done: true });
    channel.push(4);
    channel.close();
    expect(await channel.next()).toEqual({ value: undefined, done: true });
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(channel.closed).toBe(true);
  });

  it('ends a consumer that falls more than maxBuffered events behind', async () => {
    const onClose = jest.fn();
    const channel = new EventChannel<number>({ maxBuffered: 2, onClose });
    channel.push(1);
    channel.push(2);
    expect(onClose).not.toHaveBeenCalled();
    channel.push(3);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(await channel.next()).toEqual({ value: undefined, done: true });
  });
});
