// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { deferred } from './Deferred';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;
const byTestId = (id: string) => container.querySelector<HTMLElement>(`[data-testid="${id}"]`);

beforeEach(() => {
  container = document.body.appendChild(document.createElement('div'));
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function Greeting({ name }: { name: string }) {
  return <p data-testid="greeting">Hello {name}</p>;
}

it('says it is loading until the module arrives, then renders it with its props', async () => {
  let arrive: (component: typeof Greeting) => void = () => undefined;
  const load = vi.fn(() => new Promise<typeof Greeting>((resolve) => (arrive = resolve)));
  const Shown = deferred(load, 'greeting');
  act(() => root.render(<Shown name="Ada" />));
  expect(byTestId('deferred-loading')?.textContent).toBe('Loading the greeting…');
  expect(load).toHaveBeenCalledTimes(1);
  await act(async () => arrive(Greeting));
  expect(byTestId('deferred-loading')).toBeNull();
  expect(byTestId('greeting')?.textContent).toBe('Hello Ada');
});

it('shows why, in its place, when the module cannot be loaded', async () => {
  const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const Shown = deferred<{ name: string }>(
    () => Promise.reject(new Error('Failed to fetch dynamically imported module: /assets/Greeting.js')),
    'greeting',
  );
  await act(async () => root.render(<Shown name="Ada" />));
  expect(byTestId('deferred-failure')?.textContent).toBe(
    'The greeting could not be shown: Failed to fetch dynamically imported module: /assets/Greeting.js. ' +
      'Restart Lantern to try again.',
  );
  consoleError.mockRestore();
});
