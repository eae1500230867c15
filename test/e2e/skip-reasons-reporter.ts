import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/**
 * The list reporter marks a skipped test with "-" but never says why, so a whole project skipped for
 * want of the Electron binary would look like it simply had nothing to do. This prints each skip
 * reason once, with its project and count, after the list reporter's summary.
 */
export default class SkipReasonsReporter implements Reporter {
  private readonly counts = new Map<string, number>();

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const project = test.parent.project()?.name ?? '?';
    const annotations = [...result.annotations, ...test.annotations];
    const reason = annotations.find((a) => a.type === 'skip' || a.type === 'fixme')?.description ?? 'no reason given';
    const key = `[${project}] ${reason}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  onEnd(_result: FullResult): void {
    if (this.counts.size === 0) return;
    const lines = [...this.counts].map(([key, count]) => `    ${count} skipped: ${key}`);
    process.stdout.write(`  Skip reasons:\n${lines.join('\n')}\n`);
  }

  printsToStdio(): boolean {
    return true;
  }
}
