import { describe, expect, it } from 'vitest';
import { channelOf as contractChannelOf, contract, events } from '../../shared/contract';
import { channelOf, eventNames, methodNames } from '../../shared/method-names';

// The preload and main take names and channels from the zod-free list; the test host takes them from
// the contract. These checks keep the two from drifting apart.
describe('zod-free method and event names', () => {
  it('lists exactly the contract methods', () => {
    expect([...methodNames].sort()).toEqual(Object.keys(contract).sort());
  });

  it('lists exactly the contract events', () => {
    expect([...eventNames].sort()).toEqual(Object.keys(events).sort());
  });

  it('derives the same channel as the contract for every name', () => {
    for (const name of [...methodNames, ...eventNames]) {
      expect(channelOf(name)).toBe(contractChannelOf(name));
    }
  });

  it('gives every method and event its own channel', () => {
    const channels = [...methodNames, ...eventNames].map(channelOf);
    expect(new Set(channels).size).toBe(channels.length);
  });
});
