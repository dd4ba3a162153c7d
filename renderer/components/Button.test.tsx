// @vitest-environment jsdom
import { X } from 'lucide-react';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Button, IconButton } from './Button';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;
beforeEach(() => {
  container = document.body.appendChild(document.createElement('div'));
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('Button', () => {
  it('never submits a form by accident, and carries its variant and test id', () => {
    const onSubmit = vi.fn((event: Event) => event.preventDefault());
    act(() =>
      root.render(
        <form onSubmit={(event) => onSubmit(event.nativeEvent)}>
          <Button variant="primary" testId="go" icon={X}>
            Go
          </Button>
        </form>,
      ),
    );
    const button = container.querySelector<HTMLButtonElement>('[data-testid="go"]')!;
    expect(button.type).toBe('button');
    expect(button.className).toBe('btn primary');
    expect(button.textContent).toBe('Go');
    expect(button.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    act(() => button.click());
    expect(onSubmit).not.toHaveBeenCalled();
  });
});

describe('IconButton', () => {
  it('is named by its label, which is also its tooltip', () => {
    act(() => root.render(<IconButton label="Delete from history" icon={X} testId="delete" />));
    const button = container.querySelector<HTMLButtonElement>('[data-testid="delete"]')!;
    expect(button.getAttribute('aria-label')).toBe('Delete from history');
    expect(button.title).toBe('Delete from history');
    expect(button.textContent).toBe('');
  });
});
