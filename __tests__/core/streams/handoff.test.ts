import { Handoff } from '../../../src/core/streams/handoff';

describe('Handoff', () => {
  it('resolves a push only once the consumer is done with that chunk, even when pushed before the consumer starts', async () => {
    const channel = new Handoff();
    const events: string[] = [];
    const first = channel.push(Buffer.from('a')).then(() => events.push('a released'));
    const consumer = (async () => {
      await new Promise((r) => setTimeout(r, 10)); // the consumer starts late (as after an await)
      for await (const chunk of channel) {
        events.push(`${chunk} taken`);
        await new Promise((r) => setTimeout(r, 10));
        events.push(`${chunk} done`);
      }
    })();
    await first;
    const second = channel.push(Buffer.from('b')).then(() => events.push('b released'));
    await second;
    channel.end();
    await consumer;
    expect(events).toEqual(['a taken', 'a done', 'a released', 'b taken', 'b done', 'b released']);
  });

  it('releases a pending push when the consumer fails, and later pushes fail', async () => {
    const channel = new Handoff();
    const pending = channel.push(Buffer.from('a'));
    channel.abort(new Error('broken'));
    await expect(pending).resolves.toBeUndefined();
    await expect(channel.push(Buffer.from('b'))).rejects.toThrow('broken');
  });
});
