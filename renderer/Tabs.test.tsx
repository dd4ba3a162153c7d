// @vitest-environment jsdom
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextTabIndex, TabPanel, Tabs } from './Tabs';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('nextTabIndex', () => {
  it.each([
    ['ArrowRight', 0, 3, 1],
    ['ArrowRight', 2, 3, 0],
    ['ArrowLeft', 0, 3, 2],
    ['ArrowLeft', 2, 3, 1],
    ['Home', 2, 3, 0],
    ['End', 0, 3, 2],
    ['Enter', 1, 3, undefined],
    ['ArrowRight', 0, 0, undefined],
  ])('%s from %i of %i goes to %s', (key, index, count, expected) => {
    expect(nextTabIndex(key, index, count)).toBe(expected);
  });
});

describe('Tabs', () => {
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

  function Harness() {
    const [active, setActive] = useState('body');
    const tabs = [
      { id: 'body', label: 'Body' },
      { id: 'headers', label: 'Headers (9)' },
      { id: 'diagnostics', label: 'Diagnostics ✖ 1', title: 'Diagnostics, 1 error' },
    ];
    return (
      <>
        <Tabs label="Response parts" idPrefix="response" tabs={tabs} active={active} onSelect={setActive} />
        <TabPanel idPrefix="response" active={active}>
          shown: {active}
        </TabPanel>
      </>
    );
  }
  const tab = (id: string) =>
    container.querySelector<HTMLButtonElement>(`[data-testid="response-tab-${id}"]`)!;
  const press = (key: string) =>
    act(() => {
      document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    });

  it('keeps one tab in the Tab order and ties it to its panel', () => {
    act(() => root.render(<Harness />));
    expect([...container.querySelectorAll('[role="tab"]')].map((t) => t.getAttribute('tabindex'))).toEqual([
      '0',
      '-1',
      '-1',
    ]);
    const panel = container.querySelector('[role="tabpanel"]')!;
    expect(tab('body').getAttribute('aria-controls')).toBe(panel.id);
    expect(panel.getAttribute('aria-labelledby')).toBe(tab('body').id);
    expect(tab('diagnostics').getAttribute('aria-label')).toBe('Diagnostics, 1 error');
  });

  it('moves and selects with the arrows, Home and End', () => {
    act(() => root.render(<Harness />));
    act(() => tab('body').focus());
    press('ArrowRight');
    expect(document.activeElement).toBe(tab('headers'));
    expect(tab('headers').getAttribute('aria-selected')).toBe('true');
    expect(container.querySelector('[role="tabpanel"]')!.textContent).toBe('shown: headers');
    press('End');
    expect(document.activeElement).toBe(tab('diagnostics'));
    press('ArrowRight');
    expect(document.activeElement).toBe(tab('body'));
    press('ArrowLeft');
    expect(document.activeElement).toBe(tab('diagnostics'));
    press('Home');
    expect(document.activeElement).toBe(tab('body'));
    expect(tab('body').getAttribute('tabindex')).toBe('0');
  });
});
