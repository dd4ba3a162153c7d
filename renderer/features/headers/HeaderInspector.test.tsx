// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HeaderInspector } from './HeaderInspector';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const nowMs = Date.UTC(2013, 6, 1, 17, 0, 0);
const HEADERS: [string, string][] = [
  ['Server', 'nginx'],
  [
    'WWW-Authenticate',
    'Bearer realm="example", error="invalid_token", error_description="The access token expired"',
  ],
  ['Content-Type', 'application/json'],
  ['X-Unknown', 'abc'],
  ['Set-Cookie', 'a=1; path=/'],
  ['set-cookie', 'b=2; path=/'],
];

let container: HTMLDivElement;
let root: Root;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() => root.render(<HeaderInspector headers={HEADERS} status={401} nowMs={nowMs} />));
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

const byTestId = (id: string) => container.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const rowNames = () =>
  [...container.querySelectorAll('[data-testid^="header-row-"] .header-name')].map(
    (cell) => cell.firstChild?.textContent,
  );
function type(input: HTMLInputElement, text: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  act(() => {
    setter?.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('HeaderInspector', () => {
  it('sorts by name, and can show the order as received', () => {
    expect(rowNames()).toEqual([
      'Content-Type',
      'Server',
      'Set-Cookie',
      'set-cookie',
      'WWW-Authenticate',
      'X-Unknown',
    ]);
    act(() => byTestId('header-order-received')?.click());
    expect(rowNames()).toEqual(HEADERS.map(([name]) => name));
    expect(byTestId('header-order-received')?.getAttribute('aria-pressed')).toBe('true');
  });

  it('filters by name or value', () => {
    const search = byTestId('header-search') as HTMLInputElement;
    type(search, 'NGINX');
    expect(rowNames()).toEqual(['Server']);
    type(search, 'cookie');
    expect(rowNames()).toEqual(['Set-Cookie', 'set-cookie']);
    expect(byTestId('header-row-set-cookie-2')).not.toBeNull();
    type(search, 'zzz');
    expect(byTestId('header-empty')?.textContent).toContain('zzz');
  });

  it('expands an explanation from its disclosure button, and marks warnings in words', () => {
    const button = byTestId('header-explain-www-authenticate') as HTMLButtonElement;
    expect(button.textContent).toMatch(/: explain WWW-Authenticate$/);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(byTestId('header-explanation-www-authenticate')).toBeNull();
    expect(byTestId('header-row-www-authenticate')?.textContent).toContain('⚠ warning');

    act(() => button.click());
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const panel = byTestId('header-explanation-www-authenticate');
    expect(panel?.id).toBe(button.getAttribute('aria-controls'));
    expect(panel?.textContent).toMatch(/Warning: invalid_token \("The access token expired"\)/);

    act(() => button.click());
    expect(byTestId('header-explanation-www-authenticate')).toBeNull();
  });

  it('compares the server clock with the arrival of the response, not with the time of viewing', () => {
    const dated: [string, string][] = [['Date', 'Mon, 01 Jul 2013 17:00:00 GMT']];
    const receivedAtMs = Date.UTC(2013, 6, 1, 17, 0, 1);
    // Viewed 11 minutes later, from history say: the server's clock was right when it answered.
    act(() =>
      root.render(
        <HeaderInspector
          headers={dated}
          status={200}
          nowMs={receivedAtMs + 11 * 60_000}
          receivedAtMs={receivedAtMs}
        />,
      ),
    );
    expect(byTestId('header-row-date')?.textContent).not.toContain('⚠ warning');
    // A server clock that was 11 minutes behind when the response arrived is worth the warning.
    act(() =>
      root.render(
        <HeaderInspector headers={dated} status={200} receivedAtMs={Date.UTC(2013, 6, 1, 17, 11, 0)} />,
      ),
    );
    expect(byTestId('header-row-date')?.textContent).toContain('⚠ warning');
    act(() => byTestId('header-explain-date')?.click());
    expect(byTestId('header-explanation-date')?.textContent).toMatch(/server clock was 11 min behind/);
  });

  it('offers no explanation for unknown headers', () => {
    expect(byTestId('header-row-x-unknown')).not.toBeNull();
    expect(byTestId('header-explain-x-unknown')).toBeNull();
  });
});
