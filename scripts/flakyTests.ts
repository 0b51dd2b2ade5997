import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Reporter, TestCase } from 'vitest/node';

/**
 * Tests that failed first and passed on their retry, named loudly at the end of every run.
 *
 * Tests that talk to a real server or a real browser get one retry (docs/decisions/0037). A retry
 * must not hide a race: every such test is printed with the error of its failed attempt, and
 * appended to test-output/flaky-tests.jsonl, so a flake is a finding to fix, not a silent pass.
 */
export interface FlakyTest {
  readonly project: string;
  readonly file: string;
  readonly name: string;
  readonly retries: number;
  readonly firstError: string;
}

/** The lines printed after a run; empty when no test needed its retry. */
export function flakyReport(flaky: readonly FlakyTest[]): string[] {
  if (flaky.length === 0) return [];
  const lines = [`FLAKY: ${flaky.length} test(s) failed first and passed on a retry. Find the race and fix it:`];
  for (const t of flaky) {
    lines.push(`  - [${t.project}] ${t.file} > ${t.name} (retries: ${t.retries})`);
    lines.push(`      first failure: ${t.firstError}`);
  }
  return lines;
}

export class FlakyTestsReporter implements Reporter {
  private readonly flaky: FlakyTest[] = [];

  constructor(
    private readonly log = 'test-output/flaky-tests.jsonl',
    private readonly print: (text: string) => void = console.log,
  ) {}

  onTestCaseResult(testCase: TestCase): void {
    const result = testCase.result();
    const { retryCount } = testCase.diagnostic() ?? { retryCount: 0 };
    if (result.state !== 'passed' || retryCount === 0) return;
    const error = result.errors?.[0];
    this.flaky.push({
      project: testCase.project.name,
      file: testCase.module.relativeModuleId,
      name: testCase.fullName,
      retries: retryCount,
      firstError: (error?.message ?? 'unknown').split('\n')[0].slice(0, 300),
    });
  }

  onTestRunEnd(): void {
    const lines = flakyReport(this.flaky);
    if (lines.length === 0) return;
    this.print(`\n${lines.join('\n')}\n`);
    mkdirSync(dirname(this.log), { recursive: true });
    const at = new Date().toISOString();
    for (const t of this.flaky) appendFileSync(this.log, `${JSON.stringify({ at, ...t })}\n`);
  }
}
