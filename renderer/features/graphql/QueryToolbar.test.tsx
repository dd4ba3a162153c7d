// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { effectiveLimits, limitsStated } from '../../../shared/graphql/limits';
import type { Analysis } from './analysis-protocol';
import { Findings } from './QueryToolbar';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const analysis: Analysis = {
  operations: [],
  diagnostics: [],
  variableProblems: [],
  estimate: { depth: 2, complexity: 35, details: [] },
  limitWarnings: [],
  withSchema: false,
  tookMs: 1,
};

let container: HTMLDivElement;
let root: Root;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});
const byTestId = (id: string) => container.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const show = (limits: ReturnType<typeof effectiveLimits>) =>
  act(() =>
    root.render(
      <Findings state={{ analysis, building: false }} limits={limits} persisted={false} hasSchema={false} />,
    ),
  );

describe('the estimate beside the query', () => {
  it('measures against the defaults, and says so', () => {
    show(effectiveLimits({}));
    expect(byTestId('graphql-estimate')?.textContent).toBe('Depth 2/15 · complexity 35/6,000');
    expect(byTestId('graphql-estimate')?.title).toMatch("Max complexity 6,000: Totara's default");
    expect(byTestId('graphql-limit-source')).toBeNull();
  });

  it('measures against the limit the server stated, and says when and in which words', () => {
    const stated = limitsStated(
      ['Query complexity exceeded maximum allowed complexity of 34.'],
      '2025-03-04T10:00:00.000Z',
    );
    show(effectiveLimits({ maxDepth: 20 }, stated));
    expect(byTestId('graphql-estimate')?.textContent).toBe('Depth 2/20 · complexity 35/34');
    expect(byTestId('graphql-estimate')?.title).toMatch(
      'Max depth 20: from the environment variable graphql_max_depth',
    );
    expect(byTestId('graphql-limit-source')?.textContent).toMatch(
      /^Complexity limit: the server said on .*2025.*: "Query complexity exceeded maximum allowed complexity of 34\."$/,
    );
  });
});
