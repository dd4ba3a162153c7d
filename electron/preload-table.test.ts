import { describe, expect, it } from 'vitest';
import { callChannel, callNames, eventChannel, eventNames } from '../shared/contract';
import { preloadTable } from './preload-table';

describe('the preload table', () => {
  it('has every call and event of the contract, with its channel', () => {
    const table = preloadTable();
    expect(Object.keys(table.calls).sort()).toEqual([...callNames].sort());
    expect(Object.keys(table.events).sort()).toEqual([...eventNames].sort());
    for (const name of callNames) expect(table.calls[name]).toBe(callChannel(name));
    for (const name of eventNames) expect(table.events[name]).toBe(eventChannel(name));
  });
});
