import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Runs axe on what the page shows now; fails listing each serious or critical violation and where it is. */
export async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const report = serious.map((violation) => {
    const nodes = violation.nodes.map((node) => `    ${node.target.join(' ')}${contrastOf(node.any[0]?.data)}`);
    return `${violation.id} (${violation.impact ?? '?'}): ${violation.help}\n${nodes.join('\n')}`;
  });
  // Soft, so one run lists what every screen still gets wrong.
  expect.soft(report, `axe on ${screen}`).toEqual([]);
}

/** For colour-contrast failures: which colours, and how far off. */
function contrastOf(data: unknown): string {
  if (typeof data !== 'object' || data === null || !('contrastRatio' in data)) return '';
  const { fgColor, bgColor, contrastRatio, expectedContrastRatio } = data as Record<string, unknown>;
  return ` (${String(fgColor)} on ${String(bgColor)}: ${String(contrastRatio)}, needs ${String(expectedContrastRatio)})`;
}
