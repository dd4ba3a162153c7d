import { describe, expect, it } from 'vitest';
import { applyParamRows, paramRows } from './params';

describe('params rows', () => {
  it('puts a switched-off parameter back at its place', () => {
    const draft = { url: 'https://x/u?a=1&b=2' };
    const off = applyParamRows(draft, [
      { name: 'a', value: '1', enabled: false },
      { name: 'b', value: '2', enabled: true },
    ]);
    expect(off).toEqual({ url: 'https://x/u?b=2', disabledParams: [{ name: 'a', value: '1', index: 0 }] });
    expect(paramRows(off)).toEqual([
      { name: 'a', value: '1', enabled: false },
      { name: 'b', value: '2', enabled: true },
    ]);
    const on = applyParamRows(
      off,
      paramRows(off).map((r) => ({ ...r, enabled: true })),
    );
    expect(on).toEqual({ url: 'https://x/u?a=1&b=2', disabledParams: undefined });
  });
  it('keeps disabled rows when the URL is edited by hand', () => {
    expect(
      paramRows({ url: 'https://x/u', disabledParams: [{ name: 'debug', value: '1', index: 3 }] }),
    ).toEqual([{ name: 'debug', value: '1', enabled: false }]);
  });
});
