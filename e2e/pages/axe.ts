import { expect, type Page } from '@playwright/test';
import path from 'node:path';

// axe-core's browser build, injected into the page (the spec's context bypasses the app's CSP for it).
const AXE_SCRIPT = path.resolve('node_modules/axe-core/axe.min.js');

export interface AxeProblem {
  rule: string;
  impact: string;
  help: string;
  /** The first few elements, by selector, with axe's summary of what fails. */
  nodes: string[];
}

/** Runs axe-core on the whole page and returns its critical and serious violations, in words. */
export async function seriousViolations(page: Page): Promise<AxeProblem[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT });
  const problems = await page.evaluate(async () => {
    type AxeResult = {
      violations: {
        id: string;
        impact?: string | null;
        help: string;
        nodes: { target: unknown[]; failureSummary?: string }[];
      }[];
    };
    const axe = (
      window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((violation) => violation.impact === 'critical' || violation.impact === 'serious')
      .map((violation) => ({
        rule: violation.id,
        impact: violation.impact ?? '',
        help: violation.help,
        nodes: violation.nodes
          .slice(0, 6)
          .map((node) => `${node.target.join(' ')} — ${(node.failureSummary ?? '').replace(/\s+/g, ' ')}`),
      }));
  });
  return problems;
}

/** Checks the screen in light and in dark: no critical or serious violation in either. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    // Soft: one run lists every screen's problems.
    expect.soft(await seriousViolations(page), `${screen} (${colorScheme})`).toEqual([]);
  }
}
