// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HistorySummary } from '../../../shared/model/history';
import { HistoryPanel, type HistoryPanelProps } from './HistoryPanel';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const now = new Date('2025-03-14T15:00:00Z');
const entries: HistorySummary[] = [
  {
    id: 'old',
    at: '2025-03-14T14:00:00Z',
    method: 'GET',
    url: 'http://127.0.0.1:4000/api/users?page=2',
    status: 200,
    statusText: 'OK',
    totalMs: 12,
    bodyBytes: 30,
  },
  {
    id: 'new',
    at: '2025-03-14T14:58:00Z',
    method: 'POST',
    name: 'Sign in',
    url: '{{base}}/login',
    status: null,
    statusText: '',
    totalMs: 0,
    bodyBytes: 0,
    error: { code: 'network.refused', message: 'Nothing is listening on 127.0.0.1:4000.' },
  },
];

let root: Root | undefined;
let container: HTMLElement;
function render(props: Partial<HistoryPanelProps> = {}) {
  const handlers = { onOpen: vi.fn(), onClear: vi.fn(), onDelete: vi.fn() };
  container = document.body.appendChild(document.createElement('div'));
  root = createRoot(container);
  act(() => root!.render(<HistoryPanel entries={entries} now={now} {...handlers} {...props} />));
  return handlers;
}
const byTestId = (id: string) => container.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const press = (target: Element, key: string) =>
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });

afterEach(() => {
  act(() => root?.unmount());
  container.remove();
});

describe('HistoryPanel', () => {
  it('lists entries newest first with method, name or path, status, duration and time', () => {
    render({ activeId: 'old' });
    const first = byTestId('history-item-0')!;
    expect(first.getAttribute('aria-label')).toBeNull();
    expect(first.textContent).toBe(
      'POST Sign in failed 2 min ago · /login, failed: Nothing is listening on 127.0.0.1:4000.',
    );
    expect(first.querySelector('.badge')?.className).toBe('badge method-post');
    expect(first.querySelector('.status')?.className).toBe('status status-failed');
    const second = byTestId('history-item-1')!;
    expect(second.textContent).toBe('GET /api/users?page=2 200 1 h ago · 12 ms, 200 OK');
    expect(second.querySelector('.status')?.className).toBe('status status-success');
    expect(second.getAttribute('aria-current')).toBe('true');
  });

  it('opens and deletes entries by click and by keyboard', () => {
    const { onOpen, onDelete } = render();
    act(() => byTestId('history-item-1')!.click());
    expect(onOpen).toHaveBeenCalledWith('old');
    act(() => byTestId('history-delete-0')!.click());
    expect(onDelete).toHaveBeenCalledWith('new');

    byTestId('history-item-0')!.focus();
    press(document.activeElement!, 'ArrowDown');
    expect(document.activeElement).toBe(byTestId('history-item-1'));
    press(document.activeElement!, 'Home');
    expect(document.activeElement).toBe(byTestId('history-item-0'));
    press(document.activeElement!, 'Delete');
    expect(onDelete).toHaveBeenLastCalledWith('new');
  });

  it('asks inline before clearing, and Escape keeps the history', () => {
    const { onClear } = render();
    act(() => byTestId('history-clear')!.click());
    expect(byTestId('history-clear-question')?.textContent).toContain('Delete all 2 entries?');
    expect(document.activeElement).toBe(byTestId('history-clear-cancel'));
    press(document.activeElement!, 'Escape');
    expect(byTestId('history-clear-question')).toBeNull();
    expect(document.activeElement).toBe(byTestId('history-clear'));
    expect(onClear).not.toHaveBeenCalled();

    act(() => byTestId('history-clear')!.click());
    act(() => byTestId('history-clear-confirm')!.click());
    expect(onClear).toHaveBeenCalledOnce();
  });

  it('says what history is for when it is empty', () => {
    render({ entries: [] });
    expect(byTestId('history-empty')?.textContent).toMatch(/No requests yet/);
    expect(byTestId('history-clear')).toBeNull();
  });
});
